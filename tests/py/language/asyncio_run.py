import asyncio
async def worker(name, steps, log):
    for _ in range(steps):
        await asyncio.sleep(0)
    log.append(name)
    return name.upper()
async def main():
    log = []
    results = await asyncio.gather(worker("a", 3, log), worker("b", 2, log), worker("c", 0, log))
    print(results, log)
    t = asyncio.create_task(worker("d", 1, log))
    print(await t, log)
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out")
asyncio.run(main())
