#!/usr/bin/env python3
"""Parses every .py file of CPython 3.11's standard library with Adder's front
end (the parse_file driver built from tests/unit/frontend/parse_file_main.cpp)
and compares with python3.11: which files are accepted or rejected, and for
accepted files whether parser::dump() equals ast.dump() (and, with
--positions, the dump including every node's positions).

Usage: tools/stdlib_compile_check.py --parse-file BUILD/parse_file
           [--root /root/.pyenv/versions/3.11.7/lib/python3.11] [--all]
           [--positions] [--sample N] [--show N]
--all also walks site-packages (excluded by default: it is not the stdlib).
Run it with /usr/bin/python3.11: the expected dumps come from its ast module.
"""
import argparse
import ast
import os
import random
import subprocess
import sys
import warnings


def expected(path, positions):
    """('OK', dump) or ('ERR', 'Type|msg|lineno|offset', stage)."""
    with open(path, 'rb') as f:
        src = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            tree = compile(src, path, 'exec', ast.PyCF_ONLY_AST)
        except (SyntaxError, ValueError) as e:
            if isinstance(e, SyntaxError):
                return ('ERR', '%s|%s|%s|%s' % (type(e).__name__, e.msg, e.lineno, e.offset), 'parser')
            return ('ERR', 'ValueError|%s' % e, 'parser')
        try:
            compile(src, path, 'exec')
            stage = None
        except SyntaxError as e:
            stage = 'compiler: %s: %s' % (type(e).__name__, e.msg)
    return ('OK', ast.dump(tree, include_attributes=positions), stage)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--parse-file', required=True)
    ap.add_argument('--root', default='/root/.pyenv/versions/3.11.7/lib/python3.11')
    ap.add_argument('--all', action='store_true')
    ap.add_argument('--positions', action='store_true')
    ap.add_argument('--sample', type=int, default=0, help='compare dumps of N random files only')
    ap.add_argument('--show', type=int, default=10, help='show the first N mismatches')
    args = ap.parse_args()

    files = []
    for d, dirs, names in os.walk(args.root):
        if not args.all and os.path.relpath(d, args.root).split(os.sep)[0] == 'site-packages':
            continue
        files += [os.path.join(d, n) for n in names if n.endswith('.py')]
    files.sort()
    if args.sample:
        random.seed(1)
        files = sorted(random.sample(files, min(args.sample, len(files))))

    flag = '--positions' if args.positions else '--dump'
    proc = subprocess.Popen([args.parse_file, flag, '--list'], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, errors='surrogateescape')
    out, _ = proc.communicate('\n'.join(files) + '\n')
    lines = out.split('\n')

    counts = dict(both_ok=0, dump_same=0, dump_diff=0, both_reject=0, we_reject_only=0, we_accept_only=0)
    shown = 0
    rejected_by_cpython = []
    for path, line in zip(files, lines):
        exp = expected(path, args.positions)
        ours_ok = not line.startswith('ERR ')
        rel = os.path.relpath(path, args.root)
        if exp[0] == 'ERR':
            rejected_by_cpython.append((rel, 'parser', exp[1]))
        elif exp[2]:
            rejected_by_cpython.append((rel, exp[2], ''))
        if exp[0] == 'OK' and ours_ok:
            counts['both_ok'] += 1
            if line == exp[1]:
                counts['dump_same'] += 1
            else:
                counts['dump_diff'] += 1
                if shown < args.show:
                    shown += 1
                    i = next((k for k in range(min(len(line), len(exp[1]))) if line[k] != exp[1][k]), 0)
                    print('DUMP DIFF %s\n  ours: ...%s\n  cpy:  ...%s' % (rel, line[max(0, i - 120):i + 80],
                                                                      exp[1][max(0, i - 120):i + 80]))
        elif exp[0] == 'ERR' and not ours_ok:
            counts['both_reject'] += 1
            print('both reject %s\n  ours: %s\n  cpy:  %s' % (rel, line[4:].split('|', 1)[1], exp[1]))
        elif exp[0] == 'ERR':
            counts['we_accept_only'] += 1
            print('WE ACCEPT, CPython rejects %s: %s' % (rel, exp[1]))
        else:
            counts['we_reject_only'] += 1
            print('WE REJECT, CPython accepts %s: %s' % (rel, line[4:]))
    print('\nCPython 3.11 rejects %d files:' % len(rejected_by_cpython))
    for rel, stage, msg in rejected_by_cpython:
        print('  %-60s %s %s' % (rel, stage, msg))
    print('\nfiles=%d %s' % (len(files), ' '.join('%s=%d' % kv for kv in counts.items())))
    return 0 if counts['we_reject_only'] == 0 and counts['dump_diff'] == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
