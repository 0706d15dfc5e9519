x = "global"
class C:
    x = "class"
    y = x + "!"
    def m(self):
        return x
    z = [x for _ in range(1)]
print(C.y, C().m(), C.z)
def f():
    x = "local"
    class D:
        print("body sees", x)
        w = x
    return D.w
print(f())
class E:
    a = 1
    b = (lambda: a)() if False else "skip"
print(E.b)
