print(format(3.14159, ".2f"), format(42), format("s", ">5"), format(255, "08b"), format(0.25, "%"))
print(format(1234567.891, ",.2f"), format(-5, " d"), format(5, " d"), format(1e-7, ".2e"), format("abc", "^7"))
print(format(True), format(None), format([1, 2]), format(12, "c"), format(3 + 1j, ".1f"))
try:
    format(1, "z")
except ValueError as e:
    print("ValueError:", e)
try:
    format("s", "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(object(), "x")
except TypeError as e:
    print("TypeError:", e)
