x = 5
x += 2; x -= 1; x *= 3; x /= 2; print(x)
y = 17
y //= 3; y %= 4; y **= 3; y <<= 2; y >>= 1; y |= 1; y &= 0b1111; y ^= 0b101; print(y)
s = "ab"; s += "cd"; s *= 2; print(s)
l = [1]; l2 = l; l += [2]; print(l, l2, l is l2)
t = (1,); t2 = t; t += (2,); print(t, t2, t is t2)
d = {"a": [1]}; d["a"] += [2]; print(d)
class C: v = 1
C.v += 1; print(C.v)
a = [0, 0]; i = 0
a[i] += 5; print(a)
