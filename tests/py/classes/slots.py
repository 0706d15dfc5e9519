class S:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = S()
s.b = 2
print(s.a, s.b, hasattr(s, "__dict__"), S.__slots__)
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
class T(S):
    pass
t = T(); t.c = 3
print(t.c, hasattr(t, "__dict__"))
class U:
    __slots__ = ["x"]
u = U()
try:
    u.x
except AttributeError as e:
    print("AttributeError:", e)
