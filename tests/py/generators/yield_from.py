def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner-done"
def outer():
    result = yield from inner()
    print("result", result)
    yield from [10, 20]
    yield from range(2)
g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(list(g))
def delegate_throw():
    try:
        yield from inner()
    except ValueError as e:
        print("outer caught", e)
        yield "after"
d = delegate_throw()
next(d)
print(d.throw(ValueError("bad")))
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", [1, 2], (x for x in range(2)))))
