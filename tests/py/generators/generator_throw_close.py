def worker():
    try:
        while True:
            try:
                v = yield
                print("got", v)
            except ValueError as e:
                print("handled", e)
                yield "recovered"
    finally:
        print("cleanup")
w = worker()
next(w)
w.send(1)
print(w.throw(ValueError("oops")))
next(w)
w.close()
print("closed")
w.close()
def unhandled():
    yield 1
u = unhandled(); next(u)
try:
    u.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
x = ignores_exit(); next(x)
try:
    x.close()
except RuntimeError as e:
    print("RuntimeError:", e)
g = (i for i in range(3))
g.close()
print(list(g))
