#!/bin/bash
# Spec §10-11 (T8-T13, E1): `-m compileall` output, exit status and the
# files produced, for a set of option combinations, compared with CPython
# (tag and temp dir substituted). Plus Adder's differences: -j runs threads
# (same output as -j1) and the freshness check sees a size-only change (K14).
source "$(dirname "$0")/lib.sh"
mk() {
    rm -rf "$1"; mkdir -p "$1"/p/a/b "$1"/p/__pycache__
    echo A=1 > "$1"/p/x.py; echo B=1 > "$1"/p/a/y.py; echo C=1 > "$1"/p/a/b/z.py
    echo 'def (' > "$1"/p/bad.py; echo 'not python' > "$1"/p/notes.txt; echo W=1 > "$1"/p/w.pyw
    printf '"""doc"""\nassert 1\n' > "$1"/p/o.py
    ln -s ../x.py "$1"/p/a/link.py
    printf 'p/x.py\np/a/y.py\n' > "$1"/list.txt
}
both() { # both DESCRIPTION ARGS...
    local what=$1; shift
    mk a; mk c
    A=$(cd a && "$ADDER" -m compileall "$@" 2>&1; echo "rc=$?")
    C=$(cd c && "$CPY" -m compileall "$@" 2>&1; echo "rc=$?")
    check "$what" "$(echo "$C" | sed "s|$T/c|X|g" | norm)" "$(echo "$A" | sed "s|$T/a|X|g" | norm)"
    check "$what (files)" "$(tree_of c)" "$(tree_of a)"
}
both "plain dir" p
both "-q" -q p
both "-qq" -qq p
both "-l" -l p
both "-r 1" -q -r 1 p
both "-r 0 wins over -l" -r 0 -l p
both "file argument" p/x.py
both "nonexistent argument exits 0" nope
both "-b legacy" -q -b p
both "-o levels" -q -o 0 -o 1 -o 2 p/o.py
both "-x regexp" -x 'a/' p
both "-i list" -q -i list.txt
both "-i unreadable" -i missing.txt
both "-d with -s" -d x -s y p
both "--hardlink-dupes with one level" --hardlink-dupes p
both "bad -r" -r x p
both "bad --invalidation-mode" --invalidation-mode foo p
both "unknown option" --bogus p
both "--invalidation-mode checked-hash" -q --invalidation-mode checked-hash p/x.py
check "checked-hash flags" 3 "$(pyc_flags a/p/__pycache__/x.$TAG.pyc)"
# Second run: everything fresh, nothing compiled (bad.py is retried).
mk a; mk c
(cd a && "$ADDER" -m compileall -q p >/dev/null); (cd c && "$CPY" -m compileall -q p >/dev/null)
A=$(cd a && "$ADDER" -m compileall p 2>&1); C=$(cd c && "$CPY" -m compileall p 2>&1)
check "second run skips fresh files" "$C" "$A"
# --hardlink-dupes: three names, one inode when the levels agree.
mk a; (cd a && "$ADDER" -m compileall -q -o 0 -o 1 -o 2 --hardlink-dupes p/x.py)
check "hardlinked levels" 1 "$(stat -c %i a/p/__pycache__/x.$TAG*.pyc | sort -u | wc -l)"
# E1: SOURCE_DATE_EPOCH selects checked-hash.
mk a; (cd a && SOURCE_DATE_EPOCH=1 "$ADDER" -m compileall -q p/x.py)
check "SOURCE_DATE_EPOCH flags" 3 "$(pyc_flags a/p/__pycache__/x.$TAG.pyc)"
# -j: threads give the same output and files as -j 1.
mk a; S=$(cd a && "$ADDER" -m compileall -j 1 p 2>&1; echo "rc=$?"); TS=$(tree_of a)
mk a; P=$(cd a && "$ADDER" -m compileall -j 0 p 2>&1; echo "rc=$?")
check "-j0 output equals -j1" "$S" "$P"
check "-j0 files equal -j1" "$TS" "$(tree_of a)"
check "-j -1 fails" 1 "$(cd a && "$ADDER" -m compileall -j -1 p >/dev/null 2>&1; echo $?)"
# K14: same mtime, different size: recompiled (CPython would skip it).
mk a; (cd a && "$ADDER" -m compileall -q p/x.py)
touch -r a/p/x.py a/stamp; echo 'A = 12345' > a/p/x.py; touch -r a/stamp a/p/x.py
check "size-only change recompiled (K14)" "Compiling 'p/x.py'..." "$(cd a && "$ADDER" -m compileall p/x.py)"
done_scenario
