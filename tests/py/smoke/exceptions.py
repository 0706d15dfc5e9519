try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
try:
    raise ValueError("bad value")
except ValueError as e:
    print("caught", e)
finally:
    print("finally")
