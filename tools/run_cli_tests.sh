#!/bin/sh
# Runs the command-line differential cases (tests/cli/cases.txt) against the
# given adder binary and compares with the CPython 3.11 results stored in
# tests/cli/expected/ (written by `tools/cli_tests.py generate`).
# Usage: tools/run_cli_tests.sh ADDER [CASE...]   (exit 0 all pass, 1 failures)
if [ $# -lt 1 ]; then
    echo "usage: $0 ADDER [CASE...]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
exec /usr/bin/python3.11 "$here/cli_tests.py" run "$@"
