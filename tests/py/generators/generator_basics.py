def gen(n):
    print("start")
    for i in range(n):
        yield i
    print("end")
g = gen(3)
print(type(g).__name__, next(g), next(g), list(g))
print(list(gen(0)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))
def returns():
    yield 1
    return "result"
g = returns()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
print(next(g, "exhausted"))
