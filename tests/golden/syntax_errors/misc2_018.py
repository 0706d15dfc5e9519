async with x:
