class C:
    def __call__(self): pass
class D: pass
print(callable(len), callable(C), callable(C()), callable(D()), callable(lambda: 0), callable(5), callable("s"))
print(isinstance(5, int), isinstance(5, (str, int)), isinstance(True, int), isinstance(5, float), isinstance(None, type(None)))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(D, D), issubclass(type, object), issubclass(object, type))
print(isinstance(int, type), isinstance(type, type), isinstance([], list | tuple), isinstance(5, int | None))
try:
    isinstance(5, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(5, int)
except TypeError as e:
    print("TypeError:", e)
class Meta(type):
    def __instancecheck__(cls, inst): return inst == "magic"
class Magic(metaclass=Meta): pass
print(isinstance("magic", Magic), isinstance("other", Magic))
