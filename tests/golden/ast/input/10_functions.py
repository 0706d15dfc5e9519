def f(): pass
def f(a): pass
def f(a, b=1): pass
def f(*args): pass
def f(**kwargs): pass
def f(a, /): pass
def f(a, /, b): pass
def f(a=1, /, b=2): pass
def f(a, *, b): pass
def f(a, *, b=1, c): pass
def f(a, b=1, /, c=2, *args, d, e=3, **kwargs): pass
def f(a: int, b: str = "x", *args: int, c: float, **kw: dict) -> None: pass
def f(*args: *Ts): pass
def f(a,): pass
def f(*, a): pass
def f(
    a,
    b,
): pass

@decorator
def g():
    return

@a.b.c
@d(e)
@f[g]
@(lambda x: x)
def h():
    return 1, 2

def gen():
    yield
    yield 1
    yield 1, 2
    yield from x
    x = yield
    return (yield)

async def co():
    await x
    async with a as b:
        pass
    async for x in y:
        pass
    return await f()

@dec
async def co2(): pass
