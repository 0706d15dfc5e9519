a = [x for x in y]
b = [x for x in y if x if not z]
c = [x * y for x in a for y in b if x > y]
d = {x for x in y}
e = {k: v for k, v in items}
f = (x for x in y)
g = [x async for x in y]
h = [(x, y) for x, y in z]
i = [x for (x, y) in z]
j = [x for [x, y] in z]
k = [x for *x, y in z]
l = [[y for y in x] for x in z]
m = [x for x in a if (y := x)]
n = {k: v for k in a for v in b}
o = [x for x in (lambda: y)]
p = [x for x in a or b]
