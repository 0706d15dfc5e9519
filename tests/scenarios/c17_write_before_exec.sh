#!/bin/bash
# Spec C17: the cache file is written after compiling and before executing:
# a module that raises leaves its file, a SyntaxError leaves none.
source "$(dirname "$0")/lib.sh"
printf 'assert False\n' > m.py
"$ADDER" -c 'import m' 2>err.txt && fail "import m should fail"
grep -q AssertionError err.txt || fail "no AssertionError"
exists __pycache__/m.$TAG.pyc
printf 'def (\n' > s.py
"$ADDER" -c 'import s' 2>err.txt && fail "import s should fail"
grep -q SyntaxError err.txt || fail "no SyntaxError"
absent __pycache__/s.$TAG.pyc
# Expected from CPython: same outcome.
mkdir c && cd c && printf 'assert False\n' > m.py && printf 'def (\n' > s.py
"$CPY" -c 'import m' 2>/dev/null; "$CPY" -c 'import s' 2>/dev/null
cd ..
check "files vs CPython" "$(tree_of c/__pycache__)" "$(tree_of __pycache__)"
done_scenario
