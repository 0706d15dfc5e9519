class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata"
class Rec:
    x = Typed()
    y = Typed()
    nd = NonData()
r = Rec()
r.x = 5
print(r.x, r.y, isinstance(Rec.x, Typed), r.nd)
r.nd = "instance wins"
print(r.nd)
try:
    r.y = "s"
except TypeError as e:
    print("TypeError:", e)
class Lazy:
    def __init__(self, fn): self.fn = fn
    def __get__(self, obj, cls):
        v = self.fn(obj)
        setattr(obj, self.fn.__name__, v)
        return v
class W:
    @Lazy
    def heavy(self):
        print("computing")
        return 99
w = W()
print(w.heavy, w.heavy)
