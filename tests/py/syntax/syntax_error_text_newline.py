# SyntaxError.text as CPython 3.11 sets it: in 'exec' mode an unterminated
# last line gets the '\n' the tokenizer appends (not in 'eval'/'single'),
# errors CPython's tokenizer raises itself carry the bare line, and for a
# file that exists the line is read from that file.
import os
import tempfile

cases = ["x = (1,", "x = $", "a\nx = $", "if 1:\n  x = $", "x = 1 +", "def f(:", "  x",
         "x = (1,\n", "f(a b)", "x = 1\n  y=2", "for x in y", "1 = 2", "\u00e9 = $",
         "x = \u00e9 $", "x = 'abc", "'''abc", "x = 'abc\ny=1", "x = 1\n)", "x = 1\n)\n",
         "(1, 2]", "x = $\r\n", "x = $\r", "x = 1 \\ y", "if 1:\n\tx\n        y"]
for src in cases:
    for mode in ("exec", "eval"):
        try:
            compile(src, "<case>", mode)
            print(repr(src), mode, "compiled")
        except SyntaxError as e:
            print(repr(src), mode, type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno,
                  e.end_offset, repr(e.text))

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "m.py")
    with open(path, "w") as f:
        f.write("first line\nsecond\n")
    for src in ["x = $", "a\nx = $\n", "a\nb\nc\nx = $", "a\nxxxxxxxxxxxxxxx = $", "x = (1,"]:
        try:
            compile(src, path, "exec")
        except SyntaxError as e:
            print("file:", repr(src), e.lineno, e.offset, e.end_offset, repr(e.text))
    with open(path, "w") as f:
        f.write("a = 1\nx = (1,")
    with open(path) as f:
        src = f.read()
    try:
        compile(src, path, "exec")
    except SyntaxError as e:
        print("same file:", e.lineno, e.offset, repr(e.text))
