#!/bin/bash
# Spec P2/P3: -O/-OO/-OOO select .opt-N file names; compared with CPython.
source "$(dirname "$0")/lib.sh"
mkdir a c
for d in a c; do printf '"""d"""\nX=1\n' > $d/m.py; done
for f in "" -O -OO -OOO; do
    (cd a && "$ADDER" $f -c 'import m')
    (cd c && "$CPY" $f -c 'import m')
done
check "opt file names" "$(tree_of c)" "$(tree_of a)"
(cd a && PYTHONOPTIMIZE=2 "$ADDER" -c 'import m; print(m.__doc__, m.__cached__)') > out.txt
check "PYTHONOPTIMIZE=2" "None $T/a/__pycache__/m.$TAG.opt-2.pyc" "$(cat out.txt)"
done_scenario
