#!/bin/bash
# Spec W3/W5/§5.4: write failures are silent; -v shows "# could not create"
# lines in CPython's shape (compared with CPython); W6 file mode; W7 a
# symlink at the cache path is replaced by a regular file.
source "$(dirname "$0")/lib.sh"
mkdir a c
vlines() { (cd $1 && "$2" -v -c 'import m; print(m.X)' 2>&1 | grep -E "^(# could not create|# created|[0-9])" | sed "s|$T/$1|X|g" | norm); }
# __pycache__ is a regular file.
for d in a c; do echo X=1 > $d/m.py; : > $d/__pycache__; done
check "__pycache__ is a file" "$(vlines c "$CPY")" "$(vlines a "$ADDER")"
# The cache path is a directory.
for d in a c; do rm $d/__pycache__; done
mkdir -p a/__pycache__/m.$TAG.pyc c/__pycache__/m.$CTAG.pyc
check "cache path is a directory" "$(vlines c "$CPY")" "$(vlines a "$ADDER")"
# W6: mode follows the source's rw bits.
rm -rf a/__pycache__ c/__pycache__
for mode in 600 644 755 444; do
    chmod $mode a/m.py c/m.py; rm -rf a/__pycache__ c/__pycache__
    (cd a && "$ADDER" -c 'import m'); (cd c && "$CPY" -c 'import m')
    check "mode for source $mode" "$(stat -c %a c/__pycache__/m.$CTAG.pyc)" "$(stat -c %a a/__pycache__/m.$TAG.pyc)"
done
chmod 644 a/m.py
# W7: a symlink at the cache path is replaced, its target untouched.
rm -rf a/__pycache__; mkdir a/__pycache__; echo keep > a/target
ln -s ../target a/__pycache__/m.$TAG.pyc
(cd a && "$ADDER" -c 'import m')
[ -L a/__pycache__/m.$TAG.pyc ] && fail "symlink not replaced"
check "symlink target untouched" keep "$(cat a/target)"
# No temp files left anywhere.
check "no temp files" "" "$(find a -name '*.tmp')"
done_scenario
