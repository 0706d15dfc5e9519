import types
class Awaitable:
    def __init__(self, v): self.v = v
    def __await__(self):
        got = yield ("suspend", self.v)
        return got * 2
async def compute(x):
    a = await Awaitable(x)
    b = await Awaitable(a)
    return a + b
coro = compute(5)
print(type(coro).__name__)
print(coro.send(None))
print(coro.send(3))
try:
    coro.send(4)
except StopIteration as e:
    print("result", e.value)
async def simple():
    return "done"
c = simple()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
async def chain():
    return await simple() + "!"
c = chain()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
@types.coroutine
def legacy():
    yield "legacy-step"
    return 7
async def uses_legacy():
    return await legacy()
c = uses_legacy()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
c = simple(); c.close()
print("closed ok")
