# sys._getframe: depth, f_back chains, f_code/f_globals/f_builtins, f_lineno.
import sys

def where(depth=1):
    f = sys._getframe(depth)
    return f.f_code.co_name, f.f_lineno

def leaf():
    return where()

def middle():
    return leaf(), where()

print(middle())
top = sys._getframe()
print(top.f_code.co_name, top.f_back is None, top.f_globals is globals())
print(top.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else type(top.f_builtins))
print(type(top).__name__, top.f_locals is globals())

def chain():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names

def a():
    return b()
def b():
    return c()
def c():
    return chain()
print(a())

try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError:", e)
try:
    sys._getframe("x")
except TypeError as e:
    print("TypeError")

def same():
    return sys._getframe() is sys._getframe(), sys._getframe(1) is sys._getframe(1)
print(same())

# A frame object outlives its call: f_back, f_code and f_locals stay readable.
def escape(n):
    x = n * 2
    return sys._getframe()
def caller():
    f = escape(21)
    return f, sys._getframe()
f, c_frame = caller()
print(f.f_code.co_name, f.f_back is c_frame, f.f_back.f_code.co_name, f.f_locals)
print(f.f_lineno, f.f_back.f_lineno, c_frame.f_back.f_code.co_name)
print(f.f_trace)
f.f_trace = print
print(f.f_trace is print)
f.f_trace = None
print(f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
print(repr(f).startswith("<frame at 0x"), repr(f).endswith(", code escape>"))
f.clear()
print(f.f_locals)

# Frames inside class bodies, lambdas and comprehensions.
class K:
    name = sys._getframe().f_code.co_name
    ns = sys._getframe().f_locals
print(K.name, sorted(K.ns))
print((lambda: sys._getframe().f_code.co_name)())
print([sys._getframe().f_code.co_name for _ in range(1)])
print([sys._getframe(1).f_code.co_name for _ in range(1)])

def deep(n):
    if n == 0:
        return sys._getframe()
    return deep(n - 1)
f = deep(5)
n = 0
while f.f_code.co_name == "deep":
    n += 1
    f = f.f_back
print(n, f.f_code.co_name)

def running():
    f = sys._getframe()
    try:
        f.clear()
    except RuntimeError as e:
        print("RuntimeError:", e)
running()
