#!/usr/bin/env bash
# README's run command: builds Adder if needed, then runs demo/main.py twice to
# show the bytecode cache at work: the first run compiles the imported modules
# and writes demo/wordfreq/__pycache__/*.adder-311.pyc, the second loads them.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh release >/dev/null
unset PYTHONDONTWRITEBYTECODE # this machine's environment sets it; the demo wants the cache
adder=build/adder
rm -rf demo/wordfreq/__pycache__

run() {
  local start end
  start=$(date +%s%N)
  "$adder" demo/main.py
  end=$(date +%s%N)
  echo "($1: $(( (end - start) / 1000 )) us)"
}

echo "== first run: compiles and writes the cache"
run "cold run"
echo
echo "== cache files written:"
ls -l demo/wordfreq/__pycache__ 2>/dev/null || echo "(none)"
echo
echo "== second run: loads bytecode from __pycache__"
run "warm run"
echo
echo "== with -v, the import system says where each module came from:"
"$adder" -v demo/main.py 2>&1 >/dev/null | grep -E 'wordfreq' || true
