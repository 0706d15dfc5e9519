def f():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging")
        raise
try:
    f()
except ValueError as e:
    print("reraised", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError:", e)
def g():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    return err
e = g()
print(type(e).__name__, e.__traceback__ is not None)
try:
    raise e.with_traceback(None)
except ZeroDivisionError as x:
    print("again", x)
