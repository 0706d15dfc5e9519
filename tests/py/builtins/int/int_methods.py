print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\xff\xff", "little", signed=True))
print((10).as_integer_ratio(), (5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(int.__name__, type(5) is int, isinstance(True, int))
print(format(255, "x"), format(255, "#o"), format(1234567, ","), format(1234567, "_"), format(42, "08d"), format(-42, "+d"))
print(format(5, "b"), format(255, "#X"), format(3, "^7"), format(3, "*<5"), format(-3, "=6"))
print(str(12345), repr(-7), (12).__index__())
print(round(12345, -2), round(15, -1), round(25, -1), round(-35, -1))
try:
    (300).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
