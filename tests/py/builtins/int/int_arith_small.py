a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, 2 ** -1, (-8) ** -1)
print(7 // 1, 0 // 3, -0, +5, -(-5), abs(-12))
x = 10
x += 3; x -= 1; x *= 2; x //= 5; x %= 3; x **= 3
print(x)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, 2 != 3, 5 <= 5, 4 >= 5)
