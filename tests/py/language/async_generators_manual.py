async def agen(n):
    for i in range(n):
        yield i * 10
async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out
c = consume()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
class AsyncCtx:
    async def __aenter__(self):
        print("aenter")
        return "res"
    async def __aexit__(self, *a):
        print("aexit", a[0])
async def use():
    async with AsyncCtx() as r:
        print("inside", r)
    return [x async for x in agen(2)]
c = use()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
