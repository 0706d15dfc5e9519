class A:
    x = 1
    def f(self): pass
a = A()
print("x" in A.__dict__, "x" in a.__dict__, sorted(k for k in A.__dict__ if not k.startswith("__")))
a.x = 2
print(a.x, A.x, a.__dict__)
del a.x
print(a.x)
print(sorted(n for n in dir(a) if not n.startswith("__")), "f" in dir(A))
setattr(A, "y", 10)
print(A.y, getattr(a, "y"), vars(a))
delattr(A, "y")
print(hasattr(A, "y"), a.__class__ is A, A.__class__ is type)
