class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = "Meta"
        cls = super().__new__(mcls, name, bases, ns)
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")))
        return cls
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__)
        return super().__call__(*a, **k)
    def __repr__(cls):
        return f"<class {cls.__name__} via Meta>"
class Thing(metaclass=Meta):
    x = 1
    def __init__(self, v): self.v = v
t = Thing(5)
print(t.v, Thing.created_by, type(Thing).__name__, Thing, isinstance(Thing, Meta))
class Sub(Thing): pass
print(type(Sub).__name__, Sub.created_by)
Dyn = type("Dyn", (object,), {"hello": lambda self: "hi", "n": 3})
print(Dyn().hello(), Dyn.n, Dyn.__name__, type(Dyn))
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class Conf(metaclass=Singleton): pass
print(Conf() is Conf())
class WithPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"injected": True}
class P(metaclass=WithPrepare): pass
print(P.injected)
