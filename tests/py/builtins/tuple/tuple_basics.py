t = (1, "two", 3.0, None)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1], t + (5,), t * 2, (1,), (), tuple([1, 2]))
print(t.count(1), t.index("two"), 3.0 in t, (1, 2) < (1, 3), (1, 2) == (1, 2), (1,) < (1, 0))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)], repr((1,)), str(("a",)))
a, b, *rest = (1, 2, 3, 4)
print(a, b, rest)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    hash(([],))
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(99)
except ValueError as e:
    print("ValueError:", e)
