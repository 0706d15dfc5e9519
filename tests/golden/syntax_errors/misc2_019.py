async for x in y:
