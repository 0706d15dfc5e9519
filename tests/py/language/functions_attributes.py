def f(a: int, b: str = "x", *args, c: float = 1.0, **kw) -> bool:
    """Docstring of f."""
    return True
print(f.__name__, f.__qualname__, f.__doc__, f.__module__, f.__defaults__, f.__kwdefaults__)
print(f.__annotations__)
print(f.__code__.co_name, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_posonlyargcount, f.__code__.co_varnames[:5])
f.custom = "attr"
print(f.custom, sorted(f.__dict__))
class C:
    def m(self): pass
    class Inner:
        def im(self): pass
print(C.m.__qualname__, C.Inner.im.__qualname__, C.Inner.__qualname__)
def outer():
    def inner(): pass
    return inner
print(outer().__qualname__, (lambda: 0).__qualname__, callable(f))
