print(*[1], **{})
f(**a, b=1)
x = yield
async def f(): return [await x async for x in y]
lambda *a, b, **c: 0
def f(a, /, *, b): pass
for x in *a, *b: pass
def f(): return *a, *b
del a,
with a, (b): pass
with (a, b) as c, d: pass
with (yield): pass
match (a, b):
 case [a, [b, *c]] if d: pass
match x:
 case {1: _, **rest}: pass
match x:
 case A.B(a, b=c): pass
match x:
 case -1j: pass
match x:
 case 1 - 1j: pass
match x:
 case "a" "b": pass
@a.b[c](d)
def f(): pass
x = '\N{LATIN SMALL LETTER A}'
x = rb'\x'
x = f'{a!r:>{b}}'
x = f'{{}}'
x = f'{"{"}'
x = f"{a:{{}}}"
x = 1 if 2 else 3 if 4 else 5
x = [i for i in range(10) if i if i]
x = a if b else lambda: c
x = lambda: (yield)
x = not -1
x = -1 ** -2
x = ~-+1
x = a[1:2, 3:4]
x = a[:, None]
x = a[..., 1]
x = a[()]
x = {**a, **b}
x = {1: 2, **a}
async def f():
 async with a as b, c as d: pass
async def f():
 async for a, b in c: pass
try:
 pass
except (A, B):
 pass
x: int
x.y: int = 1
x[0]: int
(x): int = 1
a = b = c = d
a, = b
[a] = b
[] = []
() = ()
x = (yield from a)
def f(*, a=1, b): pass
def f(a=1, *b, c=2, **d): pass
class A(B, *C, metaclass=D, **E): pass
x = a.b.c(d)[e].f
print(a, end="", sep="")
x = "a" "b" "c"
x = b"a" b"b"
x = u"a" "b"
x = "a" u"b"
x = f"a" "b"
x = "a" f"{b}" "c"
if a: pass
elif b: pass
elif c: pass
else: pass
while a: pass
else: pass
for a in b: pass
else: pass
try:
 pass
except* A:
 pass
import a.b.c as d
from .a import (b as c, d)
global a, b
def f():
 nonlocal a
assert a, b
raise a from b
x = 0xDEAD_BEEF
x = 1_000.000_1e1_0
x = 0o1_2
x = 0b1_0
x = 1e-1_0
x = .1j
x = 1.j
x = 00.1
x = 0e0
x = 09.5
x = 09e1
x = 09j
x = [
 1,
 2
]
x = (
 1
)
x = {
}
if (a and
 b): pass
x = a \
 + b
def f(
 a
 ): pass
x = f"{x!r}" f"{y!s}" f"{z!a}"
x = f"{x = !r:>10}"
x = f"""{
x
}"""
x = f'''{x:{y}
}'''
x = rf"\{x}"
x = f"\{x}"
x = f"{x:\n}"
x = "\
"
x = """\
"""
x = b"\777"
x = "\777"
x = "\0"
x = "\x00\x7f"
x = "\ud83d\ude00"
x = "\U0010FFFF"
x=1;
x=1;y=2;
if x: y=1; z=2
match = 1
match.x
case = 1
print(match)
match(x)
match[x]
match.x = 1
match x:
 case _: pass
match x,:
 case _: pass
x = [match for match in case]
def match(): pass
match, case = 1, 2
match: int = 1
match *a, b:
 case _: pass
x = a @ b
x @= b
x = a // b
x //= b
x = a if b else c
f(a)(b)
f(a for a in b)
f((a for a in b), c)
@f
@g
class A: pass
x = not a == b
x = a < b < c
x = a is not b
x = a not in b
x = (a := 1)
[x := 1, 2]
print(x := 1)
f(a, x := 1)
x = {(a := 1): 2}
x[a := 1]
x = [y for x in z if (y := x)]
x = lambda a=1, *, b=2: a
x = lambda *, a: a
x = lambda a, /: a
x = lambda a, /, b: a
x = lambda: 0
def f() -> "x": pass
async def f() -> int: pass
@x
async def f(): pass
x = await_
x = async_
x = a.__class__
x = __debug__
x = ...
x = (...)
x = [...]
x[...] = 1
x = -0.0
x = 1e309
x = 1e-400
x = 12345678901234567890
x = 0x7FFFFFFFFFFFFFFF
x = 0x8000000000000000
x = -9223372036854775808
x = 9223372036854775807
x = 0o777777777777777777777
x = 0b1111111111111111111111111111111111111111111111111111111111111111111111
x = 1_2_3_4_5_6_7_8_9_0_1_2_3_4_5_6_7_8_9_0
x = 1
if x:
 y = 1
x = 1 # comment
# another
#!shebang
x = 1
if x:
  # comment
  y = 1
if x:
    y = 1

    z = 2
if x:
    y
  # dedented comment
    z
x = [
    1,  # one
    2,  # two
]
class A:
    """doc"""
    x: int
    def f(self) -> None: ...
