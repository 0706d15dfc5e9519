#!/bin/bash
# Spec K2 (Adder improvement): content replaced by a tool that restores the
# mtime (cp -p / tar / touch -r) with the same size: Adder sees the change
# (ctime/inode moved, content hash differs); an unchanged file stays a hit.
source "$(dirname "$0")/lib.sh"
echo 'V = "a"' > m.py; touch -d '2021-05-05 10:00:00' m.py
"$ADDER" -c 'import m'
mkdir other; echo 'V = "b"' > other/m.py; touch -d '2021-05-05 10:00:00' other/m.py
cp -p other/m.py m.py
check "cp -p replacement seen" b "$("$ADDER" -c 'import m; print(m.V)')"
"$ADDER" -v -c 'import m' 2>err.txt >/dev/null
grep -q "matches $T/m.py" err.txt || fail "rewritten cache is not a hit"
done_scenario
