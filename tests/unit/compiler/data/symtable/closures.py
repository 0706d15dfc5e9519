x = 1
def outer(a, b=2, *args, c, **kw):
    y = a
    def middle():
        nonlocal y
        y = 3
        def inner():
            return y + a + x
        return inner
    return middle
def uses_global():
    global g
    g = 1
    return h
