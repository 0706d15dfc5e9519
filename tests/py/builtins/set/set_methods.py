s = {3, 1, 2}
s.add(4); s.add(1); s.discard(10); s.remove(3)
print(sorted(s), len(s), 1 in s, 3 in s)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {4})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({7}), {1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1} > set())
c = set(a); c &= {1, 2}; print(sorted(c)); c |= {7}; print(sorted(c)); c -= {1}; print(sorted(c)); c ^= {2, 8}; print(sorted(c))
print(set(), repr(set()), {1}, repr({5}), set([1, 1, 2]) == {1, 2}, len(set("hello")))
p = {5, 6}
print(p.pop() in (5, 6), len(p))
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
