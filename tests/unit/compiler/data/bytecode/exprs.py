def exprs(a, b, c, d):
    x = a + b * c - d ** 2 // 3 % 4
    y = -a, +b, ~c, not d
    z = a < b <= c != d
    w = a and b and c
    v = a if b else c
    s = f"{a!r:>{b}} {c}"
    t = a[1:2], a[::2], a[b]
    a.attr += 1
    a[0] -= 1
    del a.attr, a[0]
    u = [*a, *b]
    q = {**a, 'k': 1}
    r = (n := len(a))
    print(*a, sep='', **d)
    a.m(1, k=2)
    return x, y, z, w, v, s, t, u, q, r
