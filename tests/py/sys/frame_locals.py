# frame.f_locals: a snapshot dict of locals, cells and free variables.
import sys

def simple(a, b=2, *args, **kw):
    c = a + b
    return sys._getframe().f_locals

print(sorted(simple(1, 3, 4, k=5).items()))

def unbound():
    x = 1
    f = sys._getframe()
    first = dict(f.f_locals)
    del x
    return sorted(first), sorted(f.f_locals)
print(unbound())

def outer():
    cell = "c"
    def inner():
        return cell, sys._getframe().f_locals
    res = inner()
    return res, sorted(sys._getframe().f_locals)
(val, inner_locals), outer_names = outer()
print(val, inner_locals, outer_names)

def same_dict():
    f = sys._getframe()
    return f.f_locals is f.f_locals
print(same_dict())

def refresh():
    f = sys._getframe()
    y = 1
    d = f.f_locals
    y = 2
    before = d["y"]
    f.f_locals
    return before, d["y"]
print(refresh())

def after_return():
    q = [1, 2]
    r = "done"
    return sys._getframe()
f = after_return()
print(sorted(f.f_locals.items()))

print(sys._getframe().f_locals is globals())

def via_exec():
    ns = {"v": 1}
    exec("import sys; fr = sys._getframe()", ns)
    return ns["fr"].f_locals is ns, ns["fr"].f_back.f_code.co_name
print(via_exec())
