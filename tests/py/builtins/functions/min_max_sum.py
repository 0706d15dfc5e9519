print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a"), max([1, 2], [1, 3]))
print(min([], default="empty"), max([], default=None), min([3, -4, 2], key=abs), max(["aa", "b", "ccc"], key=len))
print(max([1, 3, 3.0], key=lambda x: x), min([(1, "b"), (1, "a")]), max({"a": 1, "b": 2}))
print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([[1], [2]], []), sum(range(101)), sum([], 10), sum((0.1,) * 3))
for call in [lambda: min([]), lambda: max(), lambda: sum(["a", "b"], ""), lambda: min(1)]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
