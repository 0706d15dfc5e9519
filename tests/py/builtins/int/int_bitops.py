a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(-12 >> 1, -1 >> 100, 1 << 100, (1 << 100) >> 99, -(1 << 70) >> 3)
print(~0, ~-1, -5 & 0xFF, -5 | 2, -5 ^ 3)
print((2 ** 80 + 5) & (2 ** 80 + 3), (2 ** 80) | 1, (2 ** 80) ^ (2 ** 80))
print((255).bit_length(), (0).bit_length(), (-256).bit_length(), (2 ** 100).bit_length())
print((7).bit_count(), (-7).bit_count())
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 >> -1
except ValueError as e:
    print("ValueError:", e)
