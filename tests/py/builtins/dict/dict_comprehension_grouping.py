words = ["apple", "bob", "cat", "avocado", "banana", "cherry", "axe"]
by_first = {}
for w in words:
    by_first.setdefault(w[0], []).append(w)
print(by_first)
lengths = {w: len(w) for w in words if len(w) > 3}
print(lengths, {v: k for k, v in lengths.items()})
inverted = dict(zip(lengths.values(), lengths.keys()))
print(inverted, sorted(lengths, key=lengths.get), max(lengths, key=lengths.get))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = {"a": {"x": 1}, "b": {"y": 2}}
print({k: v2 for k, v in nested.items() for k2, v2 in v.items()}, {(k, kk) for k, v in nested.items() for kk in v} == {("a", "x"), ("b", "y")})
