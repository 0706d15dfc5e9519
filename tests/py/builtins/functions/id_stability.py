a = [1, 2]
b = a
print(id(a) == id(b), id(a) == id(a), id(a) == id([1, 2]) and False)
x = object()
ids = {id(x) for _ in range(5)}
print(len(ids))
class C: pass
c = C()
i1 = id(c)
c.attr = 5
print(i1 == id(c), a is b, a is not [1, 2], None is None)
