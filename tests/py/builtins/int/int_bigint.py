a = 2 ** 100
b = 3 ** 70
print(a)
print(b)
print(a + b, a - b, b - a)
print(a * b)
print(a // 7, a % 7, -a // 7, -a % 7)
print(b // a, b % a, divmod(b, -a))
print(a ** 3)
print(10 ** 50 // 10 ** 48, (10 ** 50 + 1) % 10 ** 25)
print(a == 1267650600228229401496703205376, a > b, a < b)
f = 1
for i in range(1, 31):
    f *= i
print(f, len(str(f)))
print(-(2 ** 64), abs(-(2 ** 64)), (2 ** 64) // -(2 ** 32))
print(int("123456789012345678901234567890") * 2)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(2 ** 100))
