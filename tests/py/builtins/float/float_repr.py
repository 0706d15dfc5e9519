for x in [0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 1e16, 1e15, 123456789.0, 1e-5, 0.0001, 1.5e300, 2.5e-300,
          3.141592653589793, 1 / 3, 2 / 3, 100.0, 1e22, 1e23, 5e-324, float("inf"), float("-inf"), float("nan")]:
    print(repr(x), str(x))
print(float("1.5"), float("  -2.5e3 "), float("inf"), float("-Infinity"), float("nan"), float("1_0.5"))
print(float(7), float(2 ** 60), float(True))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    float(2 ** 2000)
except OverflowError as e:
    print("OverflowError:", e)
