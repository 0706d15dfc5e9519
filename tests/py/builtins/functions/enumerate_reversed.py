print(list(enumerate("abc")), list(enumerate(["x", "y"], start=10)), list(enumerate([], 5)))
for i, (a, b) in enumerate(zip("ab", "cd"), 1):
    print(i, a, b)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
e = enumerate("ab")
print(next(e), next(e), next(e, "end"))
try:
    reversed(5)
except TypeError as e:
    print("TypeError:", e)
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
