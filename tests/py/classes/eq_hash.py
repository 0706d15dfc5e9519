class A:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, A) and self.v == o.v
class B(A):
    def __hash__(self): return hash(self.v)
print(A.__hash__ is None, A(1) == A(1), A(1) != A(2), B(1) in {B(1)}, len({B(1), B(1), B(2)}))
try:
    hash(A(1))
except TypeError as e:
    print("TypeError:", e)
class Plain: pass
p = Plain()
print(p == p, p != Plain(), hash(p) == hash(p), p in [p])
class Never:
    def __eq__(self, o): return False
n = Never()
print(n == n, n in [n], [n] == [n])
