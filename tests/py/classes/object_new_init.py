class Tracker:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, v):
        print("init", v)
        self.v = v
t = Tracker(7)
print(t.created, t.v)
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotMine())
class Immutable(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
im = Immutable(1, 2)
print(im, len(im), type(im).__name__, isinstance(im, tuple))
class MyList(list):
    def sum(self): return sum(self)
ml = MyList([1, 2, 3]); ml.append(4)
print(ml, ml.sum(), type(ml[:2]).__name__)
class MyDict(dict):
    def __missing__(self, k): return k * 2
print(MyDict(a=1)["a"], MyDict()["zz"])
class MyInt(int):
    def __repr__(self): return f"MyInt({int(self)})"
print(MyInt(5) + 1, repr(MyInt(5)), MyInt(3) * 2, isinstance(MyInt(1), int))
