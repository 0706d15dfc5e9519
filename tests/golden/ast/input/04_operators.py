a = 1 + 2 - 3 * 4 / 5 // 6 % 7 @ 8 ** 9
b = -a + +b - ~c
c = a << 1 >> 2 & 3 | 4 ^ 5
d = not a and b or c and not d
e = a < b <= c > d >= e == f != g
f = a is b is not c in d not in e
g = a ** -b ** c
h = (a + b) * (c - d)
i = a if b else c if d else e
j = -1 ** 2
k = ((a))
l = a.b.c.d
m = a[b][c](d)(e).f
n = (yield)
o = await_ = 1
