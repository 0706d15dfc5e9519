a = [5, 2, 8, 1, 9, 3]
print(sorted(a), sorted(a, reverse=True), a)
a.sort(); print(a)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a"), (2, "c")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
records = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35)]
by_age = sorted(records, key=lambda r: r[1])
print(by_age)
print(sorted(records, key=lambda r: (-r[1], r[0])))
nums = [3.5, -1, 2, 0, -7.25, 10]
print(sorted(nums, key=abs), sorted([], key=abs), sorted("hello"))
big = list(range(100, 0, -7))
big.sort(key=lambda x: x % 10)
print(big)
try:
    [1, "x", 2].sort()
except TypeError as e:
    print("TypeError:", e)
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, other): return self.v < other.v
    def __repr__(self): return "K(%d)" % self.v
print(sorted([K(3), K(1), K(2)]), max([K(3), K(5)], key=lambda k: k.v))
