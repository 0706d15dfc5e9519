r = range(10)
print(r, list(r), len(r), r[3], r[-1], r[2:5], r[::-1], list(r[::3]), 5 in r, 10 in r)
print(list(range(2, 20, 3)), list(range(10, 0, -2)), list(range(0)), list(range(5, 2)), range(1, 10, 2).index(7))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 1), range(3).count(2), len(range(-5, 5, 3)))
print(range(10 ** 20)[-1], len(range(0, 10 ** 18, 7)), repr(range(1, 5, 2)), reversed(range(3)).__next__())
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(3)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
