#!/bin/bash
# Spec §4.4: hash-based cache files (made with py_compile) under
# --check-hash-based-pycs default/always/never, source changed or not: the
# printed value and the flags of the file afterwards must equal CPython's.
source "$(dirname "$0")/lib.sh"
for kind in CHECKED_HASH UNCHECKED_HASH; do
    for mode in default always never; do
        for change in same changed; do
            for d in a c; do
                rm -rf $d; mkdir $d; echo 'X="v1"' > $d/m.py
                py=$ADDER; tag=$TAG; [ $d = c ] && py=$CPY && tag=$CTAG
                (cd $d && "$py" -c "import py_compile as p; p.compile('m.py', invalidation_mode=p.PycInvalidationMode.$kind)")
                [ $change = changed ] && echo 'X="v2-changed"' > $d/m.py
                out=$(cd $d && "$py" --check-hash-based-pycs $mode -c 'import m; print(m.X)' 2>&1)
                eval "out_$d=\$out; flags_$d=\$(pyc_flags $d/__pycache__/m.$tag.pyc)"
            done
            check "$kind/$mode/$change value" "$out_c" "$out_a"
            check "$kind/$mode/$change flags" "$flags_c" "$flags_a"
        done
    done
done
check "bad mode rejected (exit status)" "$("$CPY" --check-hash-based-pycs bogus -c 1 2>/dev/null; echo $?)" \
    "$("$ADDER" --check-hash-based-pycs bogus -c 1 2>/dev/null; echo $?)"
done_scenario
