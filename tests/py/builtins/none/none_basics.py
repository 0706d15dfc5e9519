x = None
print(x, repr(x), str(x), type(x), x is None, x == None, x != 0, bool(x))
def f(): pass
print(f(), f() is None, type(None)(), None.__class__.__name__)
print({None: 1}[None], [None] * 3, hash(None) == hash(None))
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
try:
    nothing = None
    nothing()
except TypeError as e:
    print("TypeError:", e)
try:
    None.foo
except AttributeError as e:
    print("AttributeError:", e)
print(NotImplemented, Ellipsis, ..., ... is Ellipsis)
