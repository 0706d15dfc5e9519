#!/bin/bash
# Spec §9 T1-T7: py_compile.compile return values, cfile/optimize naming,
# symlink refusal, and `-m py_compile` messages and exit codes, compared
# with CPython (tag and temp dir substituted).
source "$(dirname "$0")/lib.sh"
mkdir a c
for d in a c; do echo 'def (' > $d/bad.py; echo 'Y=1' > $d/ok.py; printf 'ok.py\nok.py\n' > $d/list.txt; done
both() { # both DESCRIPTION ARGS...: compares stdout+stderr and exit status
    local what=$1; shift
    A=$(cd a && "$ADDER" "$@" 2>&1; echo "rc=$?")
    C=$(cd c && "$CPY" "$@" 2>&1; echo "rc=$?")
    check "$what" "$(echo "$C" | sed "s|$T/c|X|g" | norm)" "$(echo "$A" | sed "s|$T/a|X|g" | norm)"
    check "$what (files)" "$(tree_of c)" "$(tree_of a)"
}
both "bad then ok: stops at first error" -m py_compile bad.py ok.py
both "-q" -m py_compile -q bad.py ok.py
both "missing file" -m py_compile nope.py
both "no arguments" -m py_compile
both "ok" -m py_compile ok.py
both "names from stdin" -m py_compile - < a/list.txt
both "compile() results" -c '
import py_compile as p
print(p.compile("ok.py"))
print(p.compile("ok.py", optimize=0), p.compile("ok.py", optimize=2))
print(p.compile("ok.py", cfile="out/x.pyc"))
print(p.compile("bad.py"))
print(p.compile("bad.py", quiet=2))
try:
    p.compile("bad.py", doraise=True)
except p.PyCompileError as e:
    print("PyCompileError", e.exc_type_name, e.file)
try:
    p.compile("nope.py")
except OSError as e:
    print(type(e).__name__, e)
'
for d in a c; do ln -s ok.py $d/link.pyc; done
both "T3 symlink refused" -c '
import py_compile as p
try:
    p.compile("ok.py", cfile="link.pyc")
except FileExistsError as e:
    print("FileExistsError", e)
'
# T2: writes even under -B.
rm -rf a/__pycache__; "$ADDER" -B -c 'import py_compile; py_compile.compile("a/ok.py")'
exists a/__pycache__/ok.$TAG.pyc
# T6: SOURCE_DATE_EPOCH makes checked-hash files (flags 3).
rm -rf a/__pycache__ c/__pycache__
(cd a && SOURCE_DATE_EPOCH=1 "$ADDER" -m py_compile ok.py); (cd c && SOURCE_DATE_EPOCH=1 "$CPY" -m py_compile ok.py)
check "SOURCE_DATE_EPOCH flags" "$(pyc_flags c/__pycache__/ok.$CTAG.pyc)" "$(pyc_flags a/__pycache__/ok.$TAG.pyc)"
done_scenario
