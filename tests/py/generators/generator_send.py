def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
g = accumulator()
print(next(g), g.send(5), g.send(10), g.send(1))
try:
    g.send(None)
except StopIteration as e:
    print("final", e.value)
def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"
e = echo()
print(e.send(None), e.send("a"), e.send("b"))
try:
    echo().send("x")
except TypeError as err:
    print("TypeError:", err)
