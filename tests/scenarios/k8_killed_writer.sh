#!/bin/bash
# Spec W10/K8 (Adder improvement): temp files left by a killed writer are
# never used, and a later write removes the ones older than an hour.
source "$(dirname "$0")/lib.sh"
echo X=1 > m.py
mkdir __pycache__
old=__pycache__/m.$TAG.pyc.12345.deadbeef.tmp
new=__pycache__/m.$TAG.pyc.12346.cafe.tmp
printf 'partial' > $old; touch -d '-2 hours' $old
printf 'partial' > $new
check "import ignores temp files" 1 "$("$ADDER" -c 'import m; print(m.X)')"
absent $old
exists $new
exists __pycache__/m.$TAG.pyc
done_scenario
