import os.path as p, sys
from collections import OrderedDict as OD, deque
def gen():
    yield 1
async def co(x):
    await x
    async for i in x:
        pass
    return [i async for i in x]
lam = lambda q, *r: q + sum(r)
def ann(a: int) -> str:
    b: int = 1
    c: str
    return str(a)
try:
    pass
except Exception as err:
    pass
match cmd:
    case [first, *rest]:
        pass
    case {"k": val, **others}:
        pass
    case Point(x=px) as pt:
        pass
with open("f") as fh:
    pass
del fh
