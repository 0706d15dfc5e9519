def gen(xs):
    total = yield
    yield from xs
    return [x * 2 for x in xs if x]
async def co(a):
    async with a as b:
        await b
    async for i in a:
        print(i)
    return [i async for i in a]
async def agen():
    yield 1
g = (x for x in range(10))
d = {k: v for k, v in enumerate('ab')}
