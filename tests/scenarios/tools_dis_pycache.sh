#!/bin/bash
# Adder's tools (no CPython reference): `-m dis` on a source and on the
# cache file an import wrote gives the same listing; a CPython .pyc is
# refused with exit 1; `-m pycache inspect` classifies fresh, stale, orphan,
# CPython and temp files; `-m pycache clean` removes orphans and temp files
# only (sources, fresh caches and other tags' files with sources stay).
source "$(dirname "$0")/lib.sh"
printf 'def f(x):\n    return x + 1\nprint(f(2))\n' > m.py
"$ADDER" -c 'import m' > /dev/null
check "dis source == dis cache file" "$("$ADDER" -m dis "$T/m.py")" "$("$ADDER" -m dis __pycache__/m.$TAG.pyc)"
"$ADDER" -m dis m.py | grep -q "RETURN_VALUE" || fail "no listing"
check "dis.dis(function)" 1 "$("$ADDER" -c 'import dis
def g(a): return a * 2
dis.dis(g)' | grep -c BINARY_OP)"
"$CPY" -c 'import m' > /dev/null
"$ADDER" -m dis __pycache__/m.$CTAG.pyc > /dev/null 2>&1
check "dis of a CPython pyc exits 1" 1 $?
echo 'Z = 1' > gone.py; "$ADDER" -c 'import gone'; rm gone.py
echo 'S = 1' > st.py; "$ADDER" -c 'import st'; echo 'S = 22' > st.py
printf 'x' > __pycache__/m.$TAG.pyc.1.ab.tmp
out=$("$ADDER" -m pycache inspect .)
echo "$out" | grep -q "^./__pycache__/m.$TAG.pyc: Adder, timestamp .*, fresh for ./m.py$" || fail "fresh not reported: $out"
echo "$out" | grep -q "^./__pycache__/st.$TAG.pyc: Adder, .*, stale for ./st.py$" || fail "stale not reported"
echo "$out" | grep -q "^./__pycache__/gone.$TAG.pyc: Adder, .*orphan" || fail "orphan not reported"
echo "$out" | grep -q "^./__pycache__/m.$CTAG.pyc: CPython 3.11, timestamp" || fail "CPython file not reported"
echo "$out" | grep -q "tmp: temporary file" || fail "temp file not reported"
"$ADDER" -m pycache clean . > out.txt
check "clean exit status" 0 $?
absent __pycache__/gone.$TAG.pyc; absent __pycache__/m.$TAG.pyc.1.ab.tmp
exists __pycache__/m.$TAG.pyc; exists __pycache__/m.$CTAG.pyc; exists __pycache__/st.$TAG.pyc; exists m.py
check "clean summary" "2 file(s) removed" "$(tail -1 out.txt)"
"$ADDER" -m pycache bogus . > /dev/null 2>&1
check "usage error" 2 $?
done_scenario
