class A: pass
class B(): pass
class C(A): pass
class D(A, B, metaclass=M, **kw): pass
class E(*bases): pass

@dataclass
class F:
    x: int
    y: int = 0

    def method(self):
        return self.x

    @property
    def prop(self):
        return 1

    class Inner:
        pass
