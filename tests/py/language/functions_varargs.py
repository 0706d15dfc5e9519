def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, *[2, 3], b=4, **{"c": 5}))
def g(a, *rest, z=0, **opts):
    return a, rest, z, sorted(opts.items())
print(g(1), g(1, 2, 3, z=9, q=1, p=2))
args = (1, 2)
kw = {"z": 3}
print(g(*args, **kw), g(*range(4)), f(*"ab", **dict(x=1)))
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
