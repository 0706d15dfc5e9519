from __future__ import annotations
def f(a: int, *b: list[str], c: "x" = 1, **d: dict) -> Foo.Bar[int, ...]:
    pass
x: Callable[[int], str] = None
y: a | b
class K:
    z: lambda: 1 if a else (b, c)
