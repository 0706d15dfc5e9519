# ast.parse over a broad set of constructs, dumped with positions.
import ast
src = '''
import os, sys as s
from .a import b as c, d
x: int = 5
def f(a, /, b=1, *args, c, d=2, **kw) -> int:
    """doc"""
    global g
    return a + b
async def g():
    async with a as b, c:
        await x
    async for i in y: pass
class C(B, metaclass=M):
    @dec
    def m(self): yield from z
lambda x, *y: x
f"a{b!r:>{w}} {c=}"
[x for x in y if x for z in w]
{k: v for k, v in d.items()}
{*a, b}
(x := 5)
a[1:2, ::3]
try:
    pass
except* ValueError as e:
    pass
else:
    pass
finally:
    pass
match p:
    case [1, *rest] | {"a": 1, **kw} if x: pass
    case Point(x=0, y=_) as q: pass
    case None: pass
    case -1+2j: pass
del a, b[0]
x += 1
with open(f) as (a, b): pass
while not x: break
if a is not b < c: continue
else: raise X from Y
assert x, "m"
u"u"; b"b"
1e10, 2**100, 0xffffffffffffffffff, 3j, ..., None, True
nonlocal q
'''
t = ast.parse(src)
src2 = """
@a.b(c)
@d
class K:
    x: 'int'
    y: list[int] = []
    def __init__(self, *, a=1, **k): ...
s = 'héllo' + "wörld"; z = 'ü'.upper()
multi = (1,
         2,
         [3, {4: 5}])
t = a if b else c
print(*args, **kw, sep='')
q = not -~+x
r = a @ b // c % d << e >> f | g ^ h & i
x[1], y.z = *w, = v
st = f'{x}' f'{y:{z}}' 'plain' f"{'nest'!s:10}"
bs = b'a' b'b'
conc = 'a' 'b'
sl = x[::], x[1:], x[:2], x[a:b:c]
g = (i for i in range(3))
async def h():
    return [await z async for z in w]
try:
    pass
except (A, B):
    pass
except:
    raise
with a, b as (c, d): pass
for x, in y: pass
else: pass
"""
t2 = ast.parse(src2)
print(ast.dump(t2, include_attributes=True))
for node in ast.walk(t2):
    if isinstance(node, ast.Constant):
        print(repr(node.value), node.kind, node.col_offset, node.end_col_offset)
print(ast.dump(t, include_attributes=True, indent=1))
print(ast.unparse(t))
print(type(ast.parse("x", mode="eval")).__name__)
print(ast.dump(ast.parse("x=1;y", mode="single")))
print(ast.parse("a").body[0].value.ctx is ast.parse("b").body[0].value.ctx)
