for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 123.456, -123.456]:
    print(x, round(x), round(x, 1), round(x, 2), round(x, -1))
print(round(1e20), round(2.5, 0), type(round(2.5)), type(round(2.5, 0)))
print(round(5), round(5, 2), round(-7.5))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
