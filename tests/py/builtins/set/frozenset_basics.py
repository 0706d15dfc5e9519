f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), 2 in f, f == {1, 2, 3}, frozenset() == set(), repr(frozenset()))
g = f | {9}
print(type(g).__name__, sorted(g), type({9} | f).__name__, sorted(f & {1, 2}))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), {f: "key"}[frozenset([1, 2, 3])])
print({frozenset([1]), frozenset([1])}, repr(frozenset([7])))
try:
    f.add(1)
except AttributeError as e:
    print("AttributeError:", e)
