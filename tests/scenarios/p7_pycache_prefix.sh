#!/bin/bash
# Spec P5-P8: -X pycache_prefix / PYTHONPYCACHEPREFIX / sys.pycache_prefix:
# a parallel tree without __pycache__, __pycache__ neither read nor written.
# File sets and __cached__ compared with CPython.
source "$(dirname "$0")/lib.sh"
mkdir a c
for d in a c; do echo X=1 > $d/m.py; done
(cd a && "$ADDER" -c 'import m'); (cd c && "$CPY" -c 'import m')
printf garbage > a/__pycache__/m.$TAG.pyc; printf garbage > c/__pycache__/m.$CTAG.pyc
A=$(cd a && "$ADDER" -X pycache_prefix=$T/a/P -c 'import m, sys; print(m.__cached__, sys.pycache_prefix)')
C=$(cd c && "$CPY" -X pycache_prefix=$T/c/P -c 'import m, sys; print(m.__cached__, sys.pycache_prefix)')
check "__cached__ with prefix" "$(echo "$C" | sed "s|$T/c|X|g" | norm)" "$(echo "$A" | sed "s|$T/a|X|g" | norm)"
check "garbage left untouched" garbage "$(cat a/__pycache__/m.$TAG.pyc)"
exists "a/P$T/a/m.$TAG.pyc"
# Environment variable, and -X pycache_prefix= overriding it with None.
rm -rf a/P c/P
A=$(cd a && PYTHONPYCACHEPREFIX=Q "$ADDER" -c 'import m, sys; print(m.__cached__, sys.pycache_prefix)')
C=$(cd c && PYTHONPYCACHEPREFIX=Q "$CPY" -c 'import m, sys; print(m.__cached__, sys.pycache_prefix)')
check "PYTHONPYCACHEPREFIX (relative)" "$(echo "$C" | sed "s|$T/c|X|g" | norm)" "$(echo "$A" | sed "s|$T/a|X|g" | norm)"
A=$(cd a && PYTHONPYCACHEPREFIX=Q "$ADDER" -X pycache_prefix= -c 'import sys; print(sys.pycache_prefix)')
check "-X pycache_prefix= gives None" None "$A"
# Assigning sys.pycache_prefix at run time.
rm -rf a/R c/R
(cd a && "$ADDER" -c 'import sys; sys.pycache_prefix="R"; import m')
(cd c && "$CPY" -c 'import sys; sys.pycache_prefix="R"; import m')
check "runtime sys.pycache_prefix tree" "$(tree_of c/R | sed "s|$T/c|X|")" "$(tree_of a/R | sed "s|$T/a|X|")"
done_scenario
