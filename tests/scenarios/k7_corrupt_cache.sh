#!/bin/bash
# Spec K7 (Adder improvement): a truncated, bit-flipped or garbage cache file
# is a silent miss: the module loads from source and the file is repaired.
source "$(dirname "$0")/lib.sh"
echo 'X = 41 + 1' > m.py
"$ADDER" -c 'import m'
C=__pycache__/m.$TAG.pyc
good=$(cmp -s $C $C && wc -c < $C)
for how in truncate flip garbage empty header-only; do
    case $how in
        truncate) head -c $((good - 5)) $C > x && mv x $C ;;
        flip) printf '\xff' | dd of=$C bs=1 seek=$((good - 3)) conv=notrunc 2>/dev/null ;;
        garbage) printf 'garbage' > $C ;;
        empty) : > $C ;;
        header-only) head -c 16 $C > x && mv x $C ;;
    esac
    out=$("$ADDER" -c 'import m; print(m.X)' 2>&1)
    check "$how: loads from source" 42 "$out"
    "$ADDER" -v -c 'import m' 2>err.txt >/dev/null
    grep -q "matches $T/m.py" err.txt || fail "$how: cache not repaired"
done
done_scenario
