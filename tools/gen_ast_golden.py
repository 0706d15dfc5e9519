#!/usr/bin/env python3
"""Regenerates the front end's golden files from python3.11 (run it with
/usr/bin/python3.11):

  tests/golden/ast/expected/NAME.txt      ast.dump(ast.parse(input/NAME.py))
  tests/golden/ast/expected/NAME.pos.txt  the same with include_attributes=True
  tests/golden/syntax_errors/expected.txt one line per bad program:
      NAME.py|type|msg|lineno|offset|end_lineno|end_offset

AST inputs are read as bytes, so coding cookies and BOMs are honoured as for
files; syntax-error programs without a cookie are compiled as str, whose error
offsets (in characters) are those CPython reports for files.
"""
import ast
import os
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit('run this with python3.11 (the reference), not %s' % sys.version.split()[0])
    ast_dir = os.path.join(ROOT, 'tests', 'golden', 'ast')
    os.makedirs(os.path.join(ast_dir, 'expected'), exist_ok=True)
    for name in sorted(os.listdir(os.path.join(ast_dir, 'input'))):
        if not name.endswith('.py'):
            continue
        with open(os.path.join(ast_dir, 'input', name), 'rb') as f:
            src = f.read()
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            tree = ast.parse(src, name)
        stem = name[:-3]
        with open(os.path.join(ast_dir, 'expected', stem + '.txt'), 'w', encoding='utf-8') as f:
            f.write(ast.dump(tree) + '\n')
        with open(os.path.join(ast_dir, 'expected', stem + '.pos.txt'), 'w', encoding='utf-8') as f:
            f.write(ast.dump(tree, include_attributes=True) + '\n')

    err_dir = os.path.join(ROOT, 'tests', 'golden', 'syntax_errors')
    lines = []
    for name in sorted(os.listdir(err_dir)):
        if not name.endswith('.py'):
            continue
        with open(os.path.join(err_dir, name), 'rb') as f:
            src = f.read()
        # CPython reports byte offsets for compile(bytes) without a coding
        # cookie but character offsets for files and str; Adder follows files,
        # so plain UTF-8 programs are compiled as str here.
        head = b'\n'.join(src.split(b'\n')[:2])
        if b'coding' not in head and not src.startswith(b'\xef\xbb\xbf'):
            try:
                src = src.decode('utf-8')
            except UnicodeDecodeError:
                pass
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                compile(src, name, 'exec', ast.PyCF_ONLY_AST)
        except SyntaxError as e:
            lines.append('%s|%s|%s|%s|%s|%s|%s' % (name, type(e).__name__, e.msg, e.lineno, e.offset,
                                                   e.end_lineno, e.end_offset))
            continue
        sys.exit('%s parses without error: not a syntax-error test' % name)
    with open(os.path.join(err_dir, 'expected.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
