#!/bin/bash
# Spec K1/K3 (Adder improvement): an edit that keeps size and whole-second
# mtime, right after the cache was written, must not give stale code.
# CPython gives the stale value here (shown for reference, not required).
source "$(dirname "$0")/lib.sh"
echo 'X = 1' > m.py
touch -d '2020-01-01 00:00:00' m.py
check "first" 1 "$("$ADDER" -c 'import m; print(m.X)')"
echo 'X = 2' > m.py
touch -d '2020-01-01 00:00:00' m.py   # same size, same mtime
check "same mtime+size edit is seen (K1/K2)" 2 "$("$ADDER" -c 'import m; print(m.X)')"
# Edit within the same second as the write (racy entry, K3).
echo 'Y = 1' > n.py
"$ADDER" -c 'import n' && echo 'Y = 3' > n.py
check "same-second edit is seen (K3)" 3 "$("$ADDER" -c 'import n; print(n.Y)')"
mkdir c && cd c && echo 'X = 1' > m.py && touch -d '2020-01-01 00:00:00' m.py
"$CPY" -c 'import m'; echo 'X = 2' > m.py; touch -d '2020-01-01 00:00:00' m.py
echo "  (CPython gives $("$CPY" -c 'import m; print(m.X)') here)"
cd ..
done_scenario
