def g():
    try:
        yield 1
        yield 2
    finally:
        print("finalizing")
for v in g():
    print(v)
    break
print("after break")
def counter():
    i = 0
    while True:
        cmd = yield i
        if cmd == "reset":
            i = 0
        else:
            i += 1
c = counter()
print(next(c), next(c), next(c), c.send("reset"), next(c))
