def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])
def late():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
print(late())
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())
def cell_shared():
    v = []
    def add(x): v.append(x)
    def get(): return v
    return add, get
add, get = cell_shared(); add(1); add(2); print(get())
print(c1.__closure__[0].cell_contents, counter.__code__.co_cellvars, c1.__code__.co_freevars)
