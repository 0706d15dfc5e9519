print(sum([1, 2], 10), sum([0.5, 0.25]), sum([1, 2.5, 3j]), sum(range(10), start=-45), sum([[1], [2, 3]], start=[0]))
print(sum([True, True, 3]), sum(x * x for x in range(4)), sum({1: "a", 2: "b"}), sum([], 0.0))
from fractions import Fraction
print(sum([Fraction(1, 3)] * 3), sum([2 ** 64, 2 ** 64]))
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    sum([b"a"], b"")
except TypeError as e:
    print("TypeError:", e)
