a = 1
a = b = c = 1
a, b = 1, 2
(a, b) = c
[a, b] = c
a, *b = c
*a, b = c
a.b = 1
a[0] = 1
a.b[c].d = e
a += 1
a -= 1
a *= 1
a /= 1
a //= 1
a %= 1
a **= 1
a >>= 1
a <<= 1
a &= 1
a |= 1
a ^= 1
a @= 1
a.b += 1
a[0] += 1
x: int
x: int = 1
(x): int = 1
x.y: int
x[0]: int = 1
x: list[int] = []
a = yield
a = yield b
a = yield from b
(a) = 1
((a), b) = 1, 2
[a, [b, *c]] = d
a = b, c = d, e
x: tuple = 1, 2
