#!/bin/bash
# Spec C4: the main script, -c and stdin are never cached; the script's
# __cached__ is None. Compared with CPython.
source "$(dirname "$0")/lib.sh"
echo 'print(__cached__)' > s.py
check "script __cached__" "$("$CPY" s.py)" "$("$ADDER" s.py)"
"$ADDER" -c 'x = 1'
check "stdin __cached__" "$("$CPY" - < s.py)" "$("$ADDER" - < s.py)"
check "-c has no __cached__" "$("$CPY" -c 'print("__cached__" in globals())')" "$("$ADDER" -c 'print("__cached__" in globals())')"
absent __pycache__
done_scenario
