def f(a, b=2, c=[]):
    c.append(a)
    return a, b, c
print(f(1), f(2, 3), f(4, c=[0]), f(5))
def g(x, y=None):
    return x if y is None else x + y
print(g(1), g(1, 2), g(y=3, x=4))
print(f.__defaults__[0], f.__name__, f.__code__.co_argcount, g.__defaults__)
try:
    g()
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, z=2)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, x=2)
except TypeError as e:
    print("TypeError:", e)
