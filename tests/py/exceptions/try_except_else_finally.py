def attempt(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("zero")
        return "err"
    except TypeError as e:
        print("type", e)
        return "type"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally", x)
print(attempt(2), attempt(0), attempt("s"))
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())
def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
nested()
try:
    raise KeyError("multi")
except (IndexError, KeyError) as e:
    print("tuple catch", type(e).__name__)
try:
    {}["x"]
except LookupError as e:
    print("base catch", type(e).__name__, e)
e = "kept"
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
