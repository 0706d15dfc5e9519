if (n := len(a)) > 10:
    pass
while chunk := f.read():
    pass
[y := f(x), y ** 2]
print(x := 1)
a = (b := 1)
f(a, (b := 2))
x = [y for z in w if (y := z)]
{(k := 1): 2}
a[(i := 0)]
assert (x := 1)
