#!/bin/bash
# Spec §7.1: -v cache lines (first run, hit, stale after touch, -B) in
# CPython's exact shapes, compared with CPython line for line (tag and temp
# dir substituted).
source "$(dirname "$0")/lib.sh"
mkdir a c
for d in a c; do echo 'X = 1' > $d/mod.py; done
run() { # run STEP ARGS...: runs both, compares the cache lines
    local step=$1; shift
    A=$(cd a && "$ADDER" "$@" 2>&1 >/dev/null | cache_lines | sed "s|$T/a|X|g")
    C=$(cd c && "$CPY" "$@" 2>&1 >/dev/null | cache_lines | sed "s|$T/c|X|g")
    check "-v lines: $step" "$C" "$A"
}
run "first run" -v -c 'import mod'
run "second run (hit)" -v -c 'import mod'
sleep 1.1
for d in a c; do touch $d/mod.py; done
run "after touch (stale)" -v -c 'import mod'
# A real content change, not just touch.
for d in a c; do echo 'X = 22' > $d/mod.py; done
sleep 1.1; for d in a c; do touch $d/mod.py; done
run "after edit" -v -c 'import mod'
run "-B hit" -B -v -c 'import mod'
# Without -v there is no cache output at all.
check "silent without -v" "" "$(cd a && "$ADDER" -c 'import mod' 2>&1)"
done_scenario
