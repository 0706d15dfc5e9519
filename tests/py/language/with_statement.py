class Ctx:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.swallow
with Ctx("a") as v:
    print("body", v)
with Ctx("b", swallow=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Ctx("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
with Ctx("d") as d1, Ctx("e") as e1:
    print(d1, e1)
with (Ctx("f") as f1,
      Ctx("g")):
    print(f1)
def early():
    with Ctx("ret"):
        return "returned"
print(early())
for i in range(3):
    with Ctx("loop%d" % i):
        if i == 1:
            break
from contextlib import contextmanager, suppress
@contextmanager
def tag(t):
    print("<" + t + ">")
    try:
        yield t
    finally:
        print("</" + t + ">")
with tag("p") as t:
    print("inside", t)
with suppress(ZeroDivisionError):
    1 / 0
print("suppressed")
