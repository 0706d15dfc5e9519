#!/bin/bash
# Spec S2/S3/S5: a __pycache__ file without its source is never imported; a
# legacy NAME.pyc beside no NAME.py is; the source wins when both exist; a
# wrong-magic legacy file raises ImportError "bad magic number". Outputs
# compared with CPython.
source "$(dirname "$0")/lib.sh"
mkdir a c
run_both() { # compares stdout+stderr's last line and exit status
    A=$(cd a && "$ADDER" -c "$1" 2>&1 | tail -1 | sed "s|$T/a|X|g"; echo "rc=${PIPESTATUS[0]}")
    C=$(cd c && "$CPY" -c "$1" 2>&1 | tail -1 | sed "s|$T/c|X|g"; echo "rc=${PIPESTATUS[0]}")
    check "$2" "$C" "$A"
}
for d in a c; do echo 'X="v1"' > $d/foo.py; done
run_both 'import foo; print(foo.X)' "first import"
rm a/foo.py c/foo.py
run_both 'import foo' "S3: no source, cache not used"
cp a/__pycache__/foo.$TAG.pyc a/foo.pyc; cp c/__pycache__/foo.$CTAG.pyc c/foo.pyc
run_both 'import foo; print(foo.X, foo.__file__, foo.__cached__)' "S2: legacy pyc imported"
for d in a c; do echo 'X="v2-longer"' > $d/foo.py; done
run_both 'import foo; print(foo.X)' "source beats legacy pyc"
rm a/foo.py c/foo.py
# Wrong magic: each interpreter gets the other's file (same shape of message).
printf 'o\r\r\n\0\0\0\0\0\0\0\0\0\0\0\0XXXX' > a/foo.pyc; cp a/foo.pyc c/foo.pyc
run_both 'import foo' "S5: bad magic"
printf 'o\r' > a/foo.pyc; cp a/foo.pyc c/foo.pyc
run_both 'import foo' "short legacy file"
# Package with only __init__.pyc.
for d in a; do mkdir $d/pk; echo 'Y=5' > $d/pk/__init__.py; done
(cd a && "$ADDER" -c 'import pk') && cp a/pk/__pycache__/__init__.$TAG.pyc a/pk/__init__.pyc && rm a/pk/__init__.py
check "package from __init__.pyc" 5 "$(cd a && "$ADDER" -c 'import pk; print(pk.Y)')"
done_scenario
