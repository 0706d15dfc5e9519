squares = (x * x for x in range(5))
print(sum(squares), sum(squares))
print(max(len(w) for w in ["a", "abc", "ab"]), any(x > 3 for x in [1, 5]), all(x > 0 for x in []))
print(list(x for x in range(10) if x % 2 for _ in range(2)))
print(sorted((y, x) for x, y in {"a": 2, "b": 1}.items()))
def first_even(it):
    return next((x for x in it if x % 2 == 0), None)
print(first_even([1, 3, 4, 5]), first_even([1]))
g = (1 / x for x in [1, 0])
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("lazy error", e)
