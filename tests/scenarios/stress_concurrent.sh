#!/bin/bash
# Spec W8 and §14: 50 concurrent adder processes import a cold tree of 20
# modules, 3 rounds, while a deleter loop removes cache files: every process
# succeeds, every final cache file is valid (a -v run is all hits), no temp
# file is left. Then a writer killed mid-run leaves nothing usable behind.
source "$(dirname "$0")/lib.sh"
mkdir tree
for i in $(seq 1 20); do
    { echo "N = 0"
      for j in $(seq 1 30); do echo "def f$j(x): return x + $i * $j"; done
      echo "V = f30($i)"; } > tree/m$i.py
done
imports="import sys; sys.path.insert(0, 'tree'); $(for i in $(seq 1 20); do printf 'import m%d; ' $i; done) print(sum(sys.modules['m' + str(i)].V for i in range(1, 21)))"
expect=$("$CPY" -B -c "$imports")
for round in 1 2 3; do
    rm -rf tree/__pycache__
    ( for k in $(seq 1 200); do rm -f tree/__pycache__/m$(( (k % 20) + 1 )).$TAG.pyc 2>/dev/null; sleep 0.01; done ) &
    deleter=$!
    pids=()
    for p in $(seq 1 50); do
        "$ADDER" -c "$imports" > out.$p 2> err.$p &
        pids+=($!)
    done
    for p in $(seq 1 50); do
        wait ${pids[$((p - 1))]} || fail "round $round: process $p failed: $(head -3 err.$p)"
        check "round $round: process $p output" "$expect" "$(cat out.$p)"
    done
    kill $deleter 2>/dev/null; wait $deleter 2>/dev/null
done
"$ADDER" -c "$imports" > /dev/null   # re-create any file the deleter removed last
hits=$("$ADDER" -v -c "$imports" 2>&1 >/dev/null | grep -c "^# .*/tree/__pycache__/m[0-9]*\.$TAG\.pyc matches ")
check "all 20 caches valid (hits)" 20 "$hits"
check "no temp files" "" "$(find tree -name '*.tmp')"
# Killed writers: kill processes at random points; the survivors' view stays good.
rm -rf tree/__pycache__
for p in $(seq 1 10); do "$ADDER" -c "$imports" > /dev/null 2>&1 & k=$!; sleep 0.0$p; kill -9 $k 2>/dev/null; wait $k 2>/dev/null; done
check "after killed writers" "$expect" "$("$ADDER" -c "$imports")"
hits=$("$ADDER" -v -c "$imports" 2>&1 >/dev/null | grep -c "^# .*/tree/__pycache__/m[0-9]*\.$TAG\.pyc matches ")
check "all 20 caches valid after kills" 20 "$hits"
done_scenario
