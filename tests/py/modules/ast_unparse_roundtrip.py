# ast.unparse of parsed code, and the parse/unparse/parse round trip.
import ast

snippets = [
    "x = 1",
    "def f(a, /, b=2, *c, d, e=3, **g) -> 'r':\n    return a",
    "async def f():\n    async with a as b:\n        await c\n    async for x in y:\n        yield x",
    "class C(B, metaclass=M):\n    'doc'\n    x: int = 5",
    "@dec\n@dec2(1)\ndef f(): pass",
    "lambda x, *y, z=1, **w: (x, y)",
    "f'{a!r:>10} {b=} {{lit}} {c:{d}.{e}}'",
    "[x for x in y if x if z for w in x]",
    "{k: v for k, v in d}",
    "{*a, *b}",
    "(x := 10)",
    "a[1:2, ::3, ...]",
    "try:\n    pass\nexcept* E as e:\n    pass",
    "try:\n    a\nexcept (A, B):\n    b\nelse:\n    c\nfinally:\n    d",
    "match x:\n    case [1, *r] | (2, 3):\n        pass\n    case {'k': v, **rest}:\n        pass\n    case P(a, b=c) as d if d:\n        pass\n    case -1 | 1+2j | None | 'x' | m.C:\n        pass",
    "del a, b[0], c.d",
    "x += 1; y **= 2; z //= 3",
    "a, *b = c",
    "global g; nonlocal n",
    "import a.b as c, d\nfrom ..e import (f as g, h)\nfrom . import *",
    "while x:\n    break\nelse:\n    continue",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
    "raise X from Y",
    "assert x, 'msg'",
    "print(*a, **k, sep='')",
    "not -~+x ** -y",
    "a if b else c if d else e",
    "a and b or not c and (d or e)",
    "1 < x <= 2 != y is not z not in w",
    "(yield)",
    "x = yield from y",
    "b'bytes' + 'str' + u'u'",
    "1e300 * 1e300, 0x10, 1_000_000, 3.5j",
    "(a, b), [c, d] = e",
    "with (a as b, c as d):\n    pass",
]
for s in snippets:
    t = ast.parse(s)
    u = ast.unparse(t)
    print(u)
    print("---")
    again = ast.parse(u)
    print(ast.dump(again) == ast.dump(t))
