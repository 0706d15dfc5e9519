# gi_frame / cr_frame across a generator's life, gi_running, gi_suspended.
import sys, inspect

def g(n):
    total = 0
    for i in range(n):
        total += i
        x = yield i
    return total

gen = g(3)
f = gen.gi_frame
print(type(f).__name__, f.f_code is gen.gi_code, f.f_back, gen.gi_running, gen.gi_suspended)
print(f.f_lineno, sorted(f.f_locals.items()))
next(gen)
print(gen.gi_frame is f, f.f_lineno, sorted(f.f_locals.items()), gen.gi_suspended)
next(gen)
print(f.f_lineno, sorted(f.f_locals.items()))
print(inspect.getgeneratorstate(gen))
try:
    while True:
        next(gen)
except StopIteration as e:
    print("returned", e.value)
print(gen.gi_frame, inspect.getgeneratorstate(gen), gen.gi_running, gen.gi_suspended)
print(sorted(f.f_locals.items()))

def watcher():
    me = yield
    fr = sys._getframe()
    yield me.gi_running, me.gi_frame is fr, fr.f_back.f_code.co_name, me.gi_suspended
w = watcher()
next(w)
def drive():
    return w.send(w)
print(drive())
print(w.gi_frame.f_back)

closed = g(2)
print(closed.gi_frame is not None)
closed.close()
print(closed.gi_frame, inspect.getgeneratorstate(closed))

started = g(5)
next(started)
started.close()
print(started.gi_frame, inspect.getgeneratorstate(started))

async def coro():
    return sys._getframe().f_code.co_name
c = coro()
print(type(c.cr_frame).__name__, c.cr_frame.f_code.co_name, c.cr_running, c.cr_suspended)
try:
    c.send(None)
except StopIteration as e:
    print("coroutine returned", e.value)
print(c.cr_frame, inspect.getcoroutinestate(c))

def suspended_clear():
    yield 1
    yield 2
s = suspended_clear()
next(s)
s.gi_frame.clear()
print(inspect.getgeneratorstate(s))
