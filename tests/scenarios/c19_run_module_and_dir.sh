#!/bin/bash
# Spec C5/C6/C19: -m and DIR/__main__.py are cached; __cached__ is the
# absolute cache path (compared with CPython's, tag substituted).
source "$(dirname "$0")/lib.sh"
mkdir a c
for d in a c; do
    echo 'print(__cached__)' > $d/r.py
    mkdir -p $d/d $d/p; echo 'print(1)' > $d/d/__main__.py
    :> $d/p/__init__.py; echo 'print(__name__, __cached__)' > $d/p/__main__.py
done
A=$(cd a && "$ADDER" -m r); C=$(cd c && "$CPY" -m r)
check "-m r output" "$(echo "$C" | sed "s|$T/c|X|" | norm)" "$(echo "$A" | sed "s|$T/a|X|" | norm)"
exists a/__pycache__/r.$TAG.pyc
A=$(cd a && "$ADDER" d); C=$(cd c && "$CPY" d)
check "DIR output" "$C" "$A"
exists a/d/__pycache__/__main__.$TAG.pyc
A=$(cd a && "$ADDER" -m p); C=$(cd c && "$CPY" -m p)
check "-m package output" "$(echo "$C" | sed "s|$T/c|X|" | norm)" "$(echo "$A" | sed "s|$T/a|X|" | norm)"
check "files vs CPython" "$(tree_of c)" "$(tree_of a)"
done_scenario
