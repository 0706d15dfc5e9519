def f(*args, **kwargs):
    return len(args), sorted(kwargs)
print(f(*[1, 2], *(3,), *"ab", x=1, **{"y": 2}, **dict(z=3)))
first, *rest = "hello"
print(first, rest)
*a, (b, *c), d = [1, 2, (3, 4, 5), 6]
print(a, b, c, d)
merged = [*range(2), *[9], *{7: 0}]
print(merged, (*"ab", *"cd"), {**{"a": 1}, **{"a": 2, "b": 3}})
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
print(*(i * i for i in range(4)))
