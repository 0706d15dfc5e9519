a = list(range(10))
print(a[2:7], a[::3], a[::-1], a[-3:], a[:-7:-2], a[8:2:-2])
b = a[:]
b[2:5] = ["x"]; print(b)
b[1:1] = [100, 200]; print(b)
b[::2] = "ABCDE"[:len(b[::2])]; print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
c = [0] * 5
c[-1] = 9; c[0:2] = []; print(c)
try:
    c[10] = 1
except IndexError as e:
    print("IndexError:", e)
print([1, 2] * 3, [[]] * 2, [1, 2] + [3], list(range(3)) == [0, 1, 2])
