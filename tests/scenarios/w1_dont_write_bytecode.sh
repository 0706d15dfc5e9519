#!/bin/bash
# Spec C15, W1, W2: -B and PYTHONDONTWRITEBYTECODE stop writes but not reads;
# sys.dont_write_bytecode is read at every write. Env parsing per W2 table,
# each case compared with CPython.
source "$(dirname "$0")/lib.sh"
echo A=1>a.py; echo B=1>b.py
"$ADDER" -B -c 'import sys; sys.dont_write_bytecode=False; import a; sys.dont_write_bytecode=True; import b'
exists __pycache__/a.$TAG.pyc; absent __pycache__/b.$TAG.pyc
# Reads continue under -B (C15): a hit is reported by -v.
"$ADDER" -B -v -c 'import a' 2>err.txt
grep -q "matches $T/a.py" err.txt || fail "-B did not read the cache"
check "__cached__ under -B" "$T/__pycache__/b.$TAG.pyc" "$("$ADDER" -B -c 'import b; print(b.__cached__)')"
absent __pycache__/b.$TAG.pyc
rm -rf __pycache__
for v in '' 0 00 -0 ' 0' 1 2 -1 +1 ' 1' x yes '0 ' 0x1 1e3 99999999999999999999; do
    rm -rf a/ c/; mkdir a c; echo X=1 > a/m.py; echo X=1 > c/m.py
    (cd a && PYTHONDONTWRITEBYTECODE="$v" "$ADDER" -c 'import m')
    (cd c && PYTHONDONTWRITEBYTECODE="$v" "$CPY" -c 'import m')
    check "PYTHONDONTWRITEBYTECODE='$v'" "$(tree_of c)" "$(tree_of a)"
done
rm -rf a c; mkdir a c; echo X=1 > a/m.py; echo X=1 > c/m.py
(cd a && PYTHONDONTWRITEBYTECODE=1 "$ADDER" -E -c 'import m')
(cd c && PYTHONDONTWRITEBYTECODE=1 "$CPY" -E -c 'import m')
check "-E ignores the variable" "$(tree_of c)" "$(tree_of a)"
done_scenario
