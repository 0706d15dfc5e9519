evens = {x for x in range(20) if x % 2 == 0}
threes = {x for x in range(20) if x % 3 == 0}
print(sorted(evens & threes), sorted(evens - threes)[:4], len(evens | threes), sorted(evens ^ threes)[:5])
print({1, 2} == {2, 1}, {1, 2} == frozenset([1, 2]), {1} < {1, 2}, not {3} <= {1, 2})
s = set()
for w in "one two three two one".split():
    s.add(w)
print(len(s), sorted(s), "two" in s)
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
print(set([1, 2, 3]).union({4}, [5], (6,)) == set(range(1, 7)), {0, 1}.issubset(range(5)))
