print([x * x for x in range(6)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)], [[c for c in w] for w in ["ab", "cd"]])
print({x: x ** 2 for x in range(5)}, {k: v for k, v in zip("abc", range(3)) if v})
print(sorted({len(w) for w in ["a", "bb", "cc", "ddd"]}), sum(x for x in range(101)))
g = (x * 2 for x in range(3))
print(g.__class__.__name__, list(g), list(g))
x = "outer"
print([x for x in "ab"], x)
n = 10
print([n * i for i in range(3)], [[i * j for j in range(3)] for i in range(3)])
def f():
    k = 3
    return [k + i for i in range(2)]
print(f())
class C:
    v = 5
    items = [v for _ in range(1)] if False else None
    vals = [i for i in range(v)]
print(C.vals)
try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print("NameError:", e)
