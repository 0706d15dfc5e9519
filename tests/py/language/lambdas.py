sq = lambda x: x * x
print(sq(5), (lambda: 42)(), (lambda *a, **k: (a, k))(1, b=2), sq.__name__)
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
print(sorted([(1, "b"), (2, "a")], key=lambda t: t[1]), list(map(lambda x: x % 3, range(6))))
print((lambda x, y=2: x ** y)(3), (lambda: (yield))().__class__.__name__ if False else "gen")
