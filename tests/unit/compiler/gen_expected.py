#!/usr/bin/env python3.11
"""Regenerates the compiler unit tests' expected files with CPython 3.11.

Run as: /usr/bin/python3.11 tests/unit/compiler/gen_expected.py
  * data/symtable/NAME.txt  from the `symtable` module for data/symtable/NAME.py
  * data/errors/expected.txt  SyntaxError msg/line/offset for each case of
    data/errors/cases.txt (cases separated by lines of "----")
  * data/errors/warnings_expected.txt  SyntaxWarnings for data/errors/warning_cases.txt
  * data/bytecode/NAME.txt  normalized dis listing of data/bytecode/NAME.py,
    and NAME.pos its instruction positions (co_positions)
  * data/stdlib_rejected.txt  stdlib files that python3.11 refuses to compile
Never edit the outputs by hand.
"""
import os
import symtable
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
STDLIB = "/root/.pyenv/versions/3.11.7/lib/python3.11"


def dump_table(t, out, indent=""):
    out.append(f"{indent}{t.get_type()} {t.get_name()} line={t.get_lineno()} nested={int(t.is_nested())}")
    for name in sorted(t.get_identifiers()):
        s = t.lookup(name)
        flags = s._Symbol__flags & 0x3FF
        scope = (s._Symbol__flags >> 11) & 15
        out.append(f"{indent}  {name} scope={scope} flags={flags}")
    for child in t.get_children():
        dump_table(child, out, indent + "  ")


def gen_symtable():
    d = os.path.join(DATA, "symtable")
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".py"):
            continue
        src = open(os.path.join(d, fn), encoding="utf-8").read()
        out = []
        dump_table(symtable.symtable(src, fn, "exec"), out)
        with open(os.path.join(d, fn[:-3] + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")


def gen_errors():
    src = open(os.path.join(DATA, "errors", "cases.txt"), encoding="utf-8").read()
    cases = src.split("\n----\n")
    out = []
    for case in cases:
        try:
            compile(case, "<case>", "exec", dont_inherit=True)
            out.append("OK")
        except SyntaxError as e:
            out.append(f"{e.msg}|{e.lineno}|{e.offset}")
    with open(os.path.join(DATA, "errors", "expected.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def gen_warnings():
    import warnings
    src = open(os.path.join(DATA, "errors", "warning_cases.txt"), encoding="utf-8").read()
    out = []
    for case in src.split("\n----\n"):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            compile(case, "<case>", "exec", dont_inherit=True)
        out.append(";".join(f"{w.message}|{w.lineno}" for w in caught) or "NONE")
    with open(os.path.join(DATA, "errors", "warnings_expected.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


JUMP_ALIASES = ("JUMP_FORWARD", "JUMP_BACKWARD", "JUMP_NO_INTERRUPT", "JUMP_BACKWARD_NO_INTERRUPT")
NO_ARGREPR = ("FOR_ITER", "SEND", "KW_NAMES", "MAKE_FUNCTION")


def dump_code(co, out):
    """The normalized listing codegen_test.cpp's BytecodeGolden compares:
    headers, then opname + argrepr without offsets, NOP/CACHE/PRECALL/
    EXTENDED_ARG, with jump variants merged (see docs/bytecode.md)."""
    import dis
    out.append(f"== {co.co_qualname} argc={co.co_argcount} posonly={co.co_posonlyargcount} "
               f"kwonly={co.co_kwonlyargcount} flags={co.co_flags:#x} first={co.co_firstlineno} "
               f"varnames={co.co_varnames} cell={co.co_cellvars} free={co.co_freevars}")
    for ins in dis.get_instructions(co):
        op = ins.opname
        if op in ("CACHE", "PRECALL", "NOP", "EXTENDED_ARG"):
            continue
        if op in JUMP_ALIASES:
            op = "JUMP"
        op = op.replace("POP_JUMP_FORWARD_IF", "POP_JUMP_IF").replace("POP_JUMP_BACKWARD_IF", "POP_JUMP_IF")
        arg = ins.argrepr
        if "JUMP" in op or op in NO_ARGREPR:
            arg = ""
        if op == "LOAD_CONST" and arg.startswith("<code"):
            arg = "<code>"
        out.append(f"  {op} {arg}".rstrip())
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            dump_code(c, out)


# Programs whose positions differ in artificial cleanup code (docs/bytecode.md).
POSITIONS_SKIP = {"control.py"}


def dump_positions(co, out):
    """Per instruction (same filter as dump_code): opname and co_positions()."""
    import dis
    positions = list(co.co_positions())
    out.append(f"== {co.co_qualname}")
    for ins in dis.get_instructions(co):
        if ins.opname in ("CACHE", "PRECALL", "NOP", "EXTENDED_ARG"):
            continue
        out.append(f"  {positions[ins.offset // 2]}")
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            dump_positions(c, out)


def gen_bytecode():
    d = os.path.join(DATA, "bytecode")
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".py"):
            continue
        src = open(os.path.join(d, fn), encoding="utf-8").read()
        code = compile(src, fn, "exec", dont_inherit=True)
        out = []
        dump_code(code, out)
        with open(os.path.join(d, fn[:-3] + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
        if fn in POSITIONS_SKIP:
            continue
        out = []
        dump_positions(code, out)
        with open(os.path.join(d, fn[:-3] + ".pos"), "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")


def gen_stdlib_rejected():
    rejected = []
    for root, dirs, files in os.walk(STDLIB):
        dirs.sort()
        for fn in sorted(files):
            if not fn.endswith(".py"):
                continue
            path = os.path.join(root, fn)
            try:
                with open(path, "rb") as f:
                    compile(f.read(), path, "exec", dont_inherit=True)
            except (SyntaxError, ValueError):
                rejected.append(os.path.relpath(path, STDLIB))
    with open(os.path.join(DATA, "stdlib_rejected.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(rejected) + "\n")


if __name__ == "__main__":
    gen_symtable()
    gen_errors()
    gen_warnings()
    gen_bytecode()
    if os.path.isdir(STDLIB):
        gen_stdlib_rejected()
