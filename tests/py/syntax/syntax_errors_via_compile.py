cases = ["1 = 2", "def f(:", "x = ]", "lambda: (yield)", "del f()", "a, b += 1", "for x in 1, 2: pass\nelse pass",
         "class C(: pass", "import", "from x import", "if x = 1: pass", "print 'hi'", "x = 1 +* 2", "'''unclosed",
         "f(**x, *y)", "def f(a=1, b): pass", "def f(a, a): pass", "nonlocal x", "return", "yield",
         "async def f():\n    yield from x", "try:\n    pass", "x = 0777", "1 if 2", "[x for x in]", "f(x for x in y, 1)"]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, e.msg)
