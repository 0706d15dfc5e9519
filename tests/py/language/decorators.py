import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args)
        r = fn(*args, **kwargs)
        print("ret", r)
        return r
    return wrapper
@trace
def add(a, b):
    "adds"
    return a + b
add(2, 3)
print(add.__name__, add.__doc__, add.__wrapped__(1, 1))
def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hi(x): return "hi " + x
print(hi("bob"))
def d1(f): return lambda: "d1(" + f() + ")"
def d2(f): return lambda: "d2(" + f() + ")"
@d1
@d2
def base(): return "base"
print(base())
def register(cls):
    cls.registered = True
    return cls
@register
class C: pass
print(C.registered)
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits > 0)
