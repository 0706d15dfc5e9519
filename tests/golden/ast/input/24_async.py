async def f():
    await a
    await a.b()
    x = await y
    async with a:
        pass
    async with a as b, c as d:
        pass
    async for x in y:
        pass
    else:
        pass
    result = [x async for x in aiter()]
    result = [await x for x in y]
    result = {x: y async for x, y in z}
    return await x ** 2
async def g(): yield
async def h():
    async with (a as b, c):
        pass
