class Base:
    base_attr = 1
    def base_method(self): pass
class Thing(Base):
    cls_attr = 2
    def __init__(self):
        self.inst = 3
    def method(self): pass
t = Thing()
print(vars(t), sorted(vars(Thing).keys() - {"__module__", "__dict__", "__weakref__", "__doc__", "__qualname__"}))
print([n for n in dir(t) if not n.startswith("_")])
print([n for n in dir(Thing) if not n.startswith("_")])
print("__init__" in dir(t), "inst" in dir(Thing))
def f():
    local_a = 1
    local_b = 2
    return sorted(vars())
print(f())
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
