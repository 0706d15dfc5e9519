o = object()
print(type(o).__name__, hasattr(o, "__dict__"), object.__name__, o == o, o != object())
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(str(object).startswith("<class"), issubclass(int, object))
