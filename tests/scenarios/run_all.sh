#!/bin/bash
# Runs every bytecode-cache scenario (tests/scenarios/*.sh except this file
# and lib.sh) and prints a summary; exit status 1 if any failed. ADDER may
# name the binary under test (default: build-import/adder or build/adder).
cd "$(dirname "$0")" || exit 1
pass=0; failed=()
for s in *.sh; do
    case $s in run_all.sh|lib.sh) continue ;; esac
    if out=$(bash "$s" 2>&1); then pass=$((pass + 1)); else failed+=("$s"); echo "$out"; fi
done
echo "scenarios: $pass passed, ${#failed[@]} failed ${failed[*]}"
[ ${#failed[@]} -eq 0 ]
