print(sorted([3, 1, 2]), sorted((3, 1, 2), reverse=True), sorted("bca"), sorted({3: "a", 1: "b"}))
print(sorted([-3, 1, -2], key=abs), sorted(["B", "a", "C"], key=str.lower), sorted([[2, "b"], [1, "c"], [2, "a"]]))
stable = sorted([("x", 2), ("y", 1), ("z", 2), ("w", 1)], key=lambda t: t[1])
print(stable, sorted(stable, key=lambda t: t[1], reverse=True))
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print("TypeError:", e)
print(sorted([0.5, 1, True, -2.5]), sorted([], reverse=True))
