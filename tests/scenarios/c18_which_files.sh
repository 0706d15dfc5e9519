#!/bin/bash
# Spec C1-C4, C18: which imports write cache files (modules, packages,
# namespace packages, not the main script). The file set must equal CPython's.
source "$(dirname "$0")/lib.sh"
setup() {
    mkdir -p "$1" && cd "$1"
    mkdir -p p/s ns/i; echo X=1>m.py; :>p/__init__.py; :>p/s/__init__.py
    echo Y=1>p/s/m.py; echo Z=1>ns/i/x.py; echo 'import m,p.s.m,ns.i.x'>main.py
    cd "$T"
}
setup a; setup c
(cd a && "$ADDER" main.py) || fail "adder main.py failed"
(cd c && "$CPY" main.py) || fail "cpython main.py failed"
check "cache files (C18)" "$(tree_of c)" "$(tree_of a)"
exists a/p/s/__pycache__/m.$TAG.pyc
absent a/__pycache__/main.$TAG.pyc
done_scenario
