#!/bin/bash
# Spec §5.4 (table, first rows) and W3: as a non-root user, an unwritable
# source directory or __pycache__ means no cache file, a successful import,
# and the `-v` "could not create" line in CPython's shape (compared with
# CPython); a valid cache in an unwritable directory is still used.
# Needs root to switch to user nobody with setpriv; skipped otherwise.
source "$(dirname "$0")/lib.sh"
if [ "$(id -u)" != 0 ] || ! command -v setpriv > /dev/null; then echo "PASS $NAME (skipped: needs root and setpriv)"; exit 0; fi
chmod 755 "$T"
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
# The binaries must be reachable by nobody.
as_nobody test -x "$ADDER" || { echo "PASS $NAME (skipped: $ADDER not executable by nobody)"; exit 0; }
mkdir a c
lines() { (cd $1 && as_nobody "$2" -v -c 'import sys; sys.path.insert(0, "ro"); import m; print(m.X)' 2>&1 |
    grep -E "^(# could not create|# created|# code object|[0-9])" | grep -v -E "/usr/lib/python3|/root/" | sed "s|$T/$1|X|g" | norm); }
for d in a c; do mkdir $d/ro; echo X=1 > $d/ro/m.py; chmod 555 $d/ro; done
check "unwritable source dir" "$(lines c "$CPY")" "$(lines a "$ADDER")"
absent a/ro/__pycache__
for d in a c; do chmod 755 $d/ro; mkdir $d/ro/__pycache__; chmod 555 $d/ro/__pycache__; done
check "unwritable __pycache__" "$(lines c "$CPY")" "$(lines a "$ADDER")"
# A valid cache written by root is used by nobody although the dir is read-only.
chmod 755 a/ro/__pycache__; (cd a && "$ADDER" -c 'import sys; sys.path.insert(0, "ro"); import m'); chmod 555 a/ro/__pycache__
(cd a && as_nobody "$ADDER" -v -c 'import sys; sys.path.insert(0, "ro"); import m' 2>&1) | grep -q "matches $T/a/ro/m.py" ||
    fail "valid cache in read-only dir not used"
done_scenario
