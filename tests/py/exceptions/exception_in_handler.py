try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
    finally:
        print("finally runs")
except TypeError as e:
    print("outer", e, "context:", e.__context__)
def g():
    try:
        raise KeyError("x")
    except KeyError:
        pass
    return "recovered"
print(g())
import sys
try:
    raise ValueError("exc_info")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, repr(sys.exception()))
print(sys.exc_info())
