from __future__ import annotations
def f():
    x = 1
    y: x = 2
    def g(a: x) -> x: pass
    return g
