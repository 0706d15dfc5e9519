pass
del a
del a, b
del a.b, a[0]
del (a, b)
del [a, b]
del (a), [b]
assert a
assert a, "message"
global a
global a, b, c
nonlocal_ = 1
def f():
    nonlocal a, b
return_ = 1
raise
raise E
raise E from F
a; b; c
a; b;
x = 1;
