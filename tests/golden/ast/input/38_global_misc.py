def f():
    global x
    x = 1
    def g():
        nonlocal x
        x = 2
    return g
print(f"{x!r}")
__debug__
a = ...
b = a[...]
c = Ellipsis
d = type(...)
