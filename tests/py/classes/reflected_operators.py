class M:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"M({self.v})"
    def __radd__(self, o): return M(o + self.v)
    def __rsub__(self, o): return M(o - self.v)
    def __rtruediv__(self, o): return M(o / self.v)
    def __rpow__(self, o): return M(o ** self.v)
    def __rlshift__(self, o): return M(o << self.v)
    def __rand__(self, o): return M(o & self.v)
    def __rmatmul__(self, o): return "rmatmul"
print(1 + M(2), 10 - M(3), 1 / M(4), 2 ** M(5), 1 << M(3), 6 & M(3), 5 @ M(1), sum([M(1)], 0))
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
class Sub(Base):
    def __radd__(self, o): return "Sub.radd"
print(Base() + Sub(), Sub() + Base())
class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o): print("Cmp.eq"); return NotImplemented
print(Cmp(1) == Cmp(1), Cmp(1) == 1, 1 != Cmp(2))
