def outer(a, b=2, *args, c, **kw):
    y = a
    def middle():
        nonlocal y
        y += 1
        def inner():
            return y + a + b
        return inner
    return middle
lam = lambda q, *r, k=3: q + sum(r) + k
