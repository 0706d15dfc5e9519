#!/bin/bash
# Spec S7 and C16: a cache file run as a script (by its .pyc name or by its
# magic under any name) executes; a wrong magic gives CPython's RuntimeError
# and exit status (compared with CPython). With sys.implementation.cache_tag
# set to None nothing is read or written and __cached__ is absent.
source "$(dirname "$0")/lib.sh"
echo 'print("hi", __name__)' > s.py
"$ADDER" -c 'import s' > /dev/null
cp __pycache__/s.$TAG.pyc x.pyc; cp x.pyc x.bin
check "run x.pyc" "hi __main__" "$("$ADDER" x.pyc)"
check "run x.bin (magic)" "hi __main__" "$("$ADDER" x.bin)"
printf 'garbage!' > y.pyc
check "bad magic" "$("$CPY" y.pyc 2>&1; echo "rc=$?")" "$("$ADDER" y.pyc 2>&1; echo "rc=$?")"
echo 'X = 1' > m.py
prog='import sys; sys.implementation.cache_tag = None; import m; print(hasattr(m, "__cached__"), m.__spec__.cached)'
check "cache_tag None" "$("$CPY" -c "$prog")" "$("$ADDER" -c "$prog")"
absent __pycache__/m.$TAG.pyc
done_scenario
