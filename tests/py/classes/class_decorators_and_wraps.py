def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, "a"))
def count_calls(cls):
    orig = cls.__init__
    cls.instances = 0
    def __init__(self, *a, **k):
        cls.instances += 1
        orig(self, *a, **k)
    cls.__init__ = __init__
    return cls
@count_calls
class Thing:
    def __init__(self, v): self.v = v
Thing(1); Thing(2)
print(Thing.instances)
class Method:
    def __init__(self, fn): self.fn = fn
    def __get__(self, obj, typ=None):
        return lambda *a: ("bound", self.fn(obj, *a))
class User:
    @Method
    def hello(self, x): return x * 2
print(User().hello(21))
