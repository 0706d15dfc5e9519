# Shared helpers of the bytecode-cache scenario tests (spec pycache.md).
# Each scenario sources this file, gets a fresh temp dir $T as its cwd, runs
# the real adder binary ($ADDER) and, where the spec says CPython's output is
# the reference, /usr/bin/python3.11 ($CPY) in the same way, comparing the
# two with the cache tag substituted. Expected values come from CPython, not
# from this file. A scenario prints "PASS name" and exits 0, or prints what
# differed and exits 1.
set -u
unset PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX PYTHONOPTIMIZE PYTHONVERBOSE PYTHONPATH PYTHONHOME
umask 022

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
if [ -z "${ADDER:-}" ]; then
    for b in "$ROOT"/build-import/adder "$ROOT"/build/adder; do
        [ -x "$b" ] && ADDER=$b && break
    done
fi
[ -x "${ADDER:-}" ] || { echo "FAIL: no adder binary (set ADDER)"; exit 1; }
CPY=${CPY:-/usr/bin/python3.11}
TAG=adder-311
CTAG=cpython-311
NAME=$(basename "$0" .sh)
T=$(mktemp -d /tmp/adder-scn.XXXXXX)
T=$(cd "$T" && pwd -P)
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
cd "$T"
FAILS=0

fail() { echo "FAIL [$NAME]: $*"; FAILS=$((FAILS + 1)); }
check() { # check DESCRIPTION EXPECTED ACTUAL
    if [ "$2" != "$3" ]; then
        fail "$1"
        echo "  expected: $(printf %q "$2")"
        echo "  actual:   $(printf %q "$3")"
    fi
}
exists() { [ -e "$1" ] || fail "missing $1"; }
absent() { [ ! -e "$1" ] || fail "unexpected $1"; }
# All files under DIR (sorted, relative), with the tags normalised to TAG.
tree_of() { (cd "$1" && find . -type f | sed "s/$CTAG/TAG/g; s/$TAG/TAG/g" | LC_ALL=C sort); }
# Normalises interpreter-specific text in a -v transcript.
norm() { sed "s/$CTAG/TAG/g; s/$TAG/TAG/g"; }
# Only the cache-related -v lines (§7.1), in order.
cache_lines() {
    grep -E "^# (code object from|created|could not create|bytecode is stale|bad magic|reached EOF|.* matches )" |
        grep -v -E "/usr/lib/python3|/root/\.pyenv|sitecustomize|site-packages" | norm
}
# Prints PASS and exits 0 when no check failed, else exits 1.
done_scenario() {
    if [ "$FAILS" -eq 0 ]; then echo "PASS $NAME"; exit 0; fi
    exit 1
}
pyc_magic() { od -An -tx1 -N4 "$1" | tr -d ' \n'; }
pyc_flags() { od -An -tu4 -j4 -N4 "$1" | tr -d ' \n'; }
