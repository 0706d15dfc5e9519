#!/usr/bin/env bash
# The stdlib compile check: compile() under Adder must accept exactly the files
# of CPython 3.11's Lib/ (test/ included) that CPython 3.11 accepts, and reject
# the rest. Both interpreters run tests/stdlib/compile_all.py on the same list
# (stdout only: SyntaxWarnings on stderr are not compared).
# Usage: tools/stdlib_compile_test.sh ADDER [LIBDIR]   (skips, exit 77, without a Lib/)
set -euo pipefail
adder=$1
lib=${2:-/root/.pyenv/versions/3.11.7/lib/python3.11}
[ -d "$lib" ] || lib=/usr/lib/python3.11
[ -d "$lib" ] || { echo "no CPython 3.11 Lib/ here: skipped"; exit 77; }
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
find "$lib" -name '*.py' -not -path '*/site-packages/*' | sort > "$tmp/files"
echo "$(wc -l < "$tmp/files") files under $lib"
env -u PYTHONPATH /usr/bin/python3.11 "$here/tests/stdlib/compile_all.py" < "$tmp/files" > "$tmp/cpython" 2>/dev/null
"$adder" "$here/tests/stdlib/compile_all.py" < "$tmp/files" > "$tmp/adder"
if diff -u "$tmp/cpython" "$tmp/adder"; then
  tail -1 "$tmp/adder"
  echo "PASS: Adder accepts and rejects the same files as CPython 3.11"
else
  echo "FAIL: the lists differ (- CPython 3.11, + Adder)"
  exit 1
fi
