#!/bin/bash
# Spec C1-C3, C5, C14: the import-related attributes of modules (__file__,
# __cached__, __package__, __spec__ fields, __loader__ class) for a module, a
# package, a submodule, a namespace package, a legacy .pyc and a -m main
# module, compared with CPython (tag, temp dir and addresses substituted).
source "$(dirname "$0")/lib.sh"
mkdir a c
prog='
import m, pk, pk.s, ns, leg
for mod in (m, pk, pk.s, ns, leg):
    s = mod.__spec__
    print(mod.__name__, getattr(mod, "__file__", "-"), getattr(mod, "__cached__", "-"), mod.__package__)
    print("  spec", s.name, s.origin, s.cached, s.parent, s.has_location, type(mod.__loader__).__name__)
    print("  ", s)
print(m.__loader__.get_source("m"), end="")
print(m.__loader__.is_package("m"), pk.__loader__.is_package("pk"), leg.__loader__.get_source("leg"))
'
for d in a c; do
    mkdir -p $d/pk $d/ns; echo 'X = 1' > $d/m.py; : > $d/pk/__init__.py; echo 'Y = 2' > $d/pk/s.py
    echo 'Z = 3' > $d/leg.py
    echo 'print(__name__, __spec__.name, __spec__.parent, __package__, __cached__)' > $d/pk/__main__.py
done
(cd a && "$ADDER" -c 'import leg' && mv __pycache__/leg.$TAG.pyc leg.pyc && rm leg.py)
(cd c && "$CPY" -c 'import leg' && mv __pycache__/leg.$CTAG.pyc leg.pyc && rm leg.py)
clean() { sed -E "s|$T/[ac]|X|g; s/0x[0-9a-f]+/ADDR/g; s/_NamespacePath\((.*)\)\)/\1)/" | norm; }
A=$(cd a && "$ADDER" -c "$prog" 2>&1 | clean); C=$(cd c && "$CPY" -c "$prog" 2>&1 | clean)
check "module attributes" "$C" "$A"
A=$(cd a && "$ADDER" -m pk 2>&1 | clean); C=$(cd c && "$CPY" -m pk 2>&1 | clean)
check "-m package __main__ attributes" "$C" "$A"
done_scenario
