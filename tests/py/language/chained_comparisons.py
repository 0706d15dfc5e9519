def v(x):
    print("eval", x)
    return x
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
x = 5
print(1 < x < 10, 1 < x > 4, x == 5 == 5.0, 1 < 2 > 1 < 2, 0 <= x <= 5 != 6)
print("a" < "b" < "c", [1] < [2] <= [2], None is None is not False)
print(1 in [1, 2] in [[1, 2]], 3 not in [1] not in [[2]])
