a = [3, 1, 4, 1, 5]
a.append(9); a.extend([2, 6]); a.insert(0, 7); a.insert(-1, 8); a.insert(100, 0)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(5), a.count(1), a.index(1, 2))
a.reverse(); print(a)
b = a.copy(); b.clear(); print(a, b)
a += [10]; a *= 2; print(a)
del a[1:5]; print(a)
del a[::2]; print(a)
for meth, arg in [("remove", 99), ("index", 99)]:
    try:
        getattr(a, meth)(arg)
    except ValueError as e:
        print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError:", e)
