a = lambda: 0
b = lambda x: x
c = lambda x, y=1: x + y
d = lambda *args, **kwargs: (args, kwargs)
e = lambda x, /, y, *, z: 0
f = lambda *, a=1: a
g = lambda: (yield)
h = lambda x: lambda y: x + y
i = lambda x=lambda: 1: x
j = lambda a, b=2, *c, d, e=5, **f: 0
