print(list(zip([1, 2, 3], "abc")), list(zip()), list(zip([1, 2], [3])), list(zip(*[(1, 2), (3, 4)])))
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(abs, [-1, -2])), list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")))
print(list(filter(None, [0, 1, "", "a", None, []])), list(filter(lambda x: x > 1, [1, 2, 3])))
m = map(lambda x: x * 2, [1, 2])
print(next(m), list(m), list(m), type(zip()).__name__, type(m).__name__)
