a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-7.5 // 2, -7.5 % 2, 7.5 % -2, -7.5 % -2, divmod(-7.5, 2))
print(2 ** 0.5, 10 ** -2, (-8) ** (1 / 3) if False else 0, 0.1 * 3, 1e308 * 10, -1e308 * 10)
print(3 * 0.1 == 0.3, abs(-2.5), 1.5 + 2, 3 - 0.5, 10 / 4, 2 ** -1)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 % 0
except ZeroDivisionError as e:
    print(e)
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, float("inf") > 1e308)
print((2.5).is_integer(), (3.0).is_integer(), (0.5).as_integer_ratio(), (2.75).hex(), float.fromhex("0x1.8p1"))
print(int(2.5e10), (1.5).__trunc__(), (-1.5).__floor__(), (-1.5).__ceil__())
