#!/bin/bash
# Differential test runner: runs `ADDER FILE.py` in the file's directory with a
# caller-independent environment, feeding FILE.stdin (if present) and passing
# the lines of FILE.args (one argument per line, if present), then compares
# stdout with FILE.out and "exit code / last stderr line" with FILE.meta, the
# expected files written by tools/gen_expected.py from CPython 3.11.
# Usage: tools/run_py_test.sh ADDER FILE.py   (exit 0 pass, 1 fail, 2 misuse)
set -u
if [ $# -ne 2 ]; then
    echo "usage: $0 ADDER FILE.py" >&2
    exit 2
fi
adder=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
file=$2
dir=$(cd "$(dirname "$file")" && pwd)
base=$(basename "$file" .py)
expected_out="$dir/$base.out"
expected_meta="$dir/$base.meta"
if [ ! -f "$expected_out" ] || [ ! -f "$expected_meta" ]; then
    echo "missing expected files for $file (run tools/gen_expected.py)" >&2
    exit 2
fi

args=()
if [ -f "$dir/$base.args" ]; then
    mapfile -t args < "$dir/$base.args"
fi
stdin=/dev/null
[ -f "$dir/$base.stdin" ] && stdin="$dir/$base.stdin"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(
    # A runaway program must not fill the disk: cap written files at 20 MB.
    ulimit -f 20480
    cd "$dir" &&
    exec env -u PYTHONDONTWRITEBYTECODE -u PYTHONPATH -u PYTHONSTARTUP -u PYTHONHOME \
        -u PYTHONOPTIMIZE -u PYTHONINSPECT -u PYTHONUNBUFFERED -u PYTHONVERBOSE \
        -u PYTHONSAFEPATH -u PYTHONPYCACHEPREFIX -u PYTHONWARNINGS -u PYTHONHASHSEED \
        LC_ALL=C.UTF-8 timeout -k 5 60 "$adder" "$base.py" "${args[@]}" < "$stdin"
) > "$tmp/stdout" 2> "$tmp/stderr"
code=$?
last_err=$(grep -v '^[[:space:]]*$' "$tmp/stderr" | tail -n 1)
printf '%s\n%s\n' "$code" "$last_err" > "$tmp/meta"

status=0
if ! cmp -s "$expected_out" "$tmp/stdout"; then
    echo "--- stdout differs: $file"
    diff -u --label expected "$expected_out" --label adder "$tmp/stdout" | head -n 60
    status=1
fi
if ! cmp -s "$expected_meta" "$tmp/meta"; then
    echo "--- exit code / last stderr line differ: $file"
    diff -u --label expected "$expected_meta" --label adder "$tmp/meta"
    status=1
fi
if [ $status -ne 0 ] && [ -s "$tmp/stderr" ]; then
    echo "--- adder stderr (last 15 lines):"
    tail -n 15 "$tmp/stderr"
fi
exit $status
