# Traceback objects: tb_frame, tb_lineno, tb_next, tb_lasti and their frames.
import sys

def inner(x):
    local_value = x + 1
    raise ValueError(local_value)

def outer():
    marker = "outer"
    inner(41)

try:
    outer()
except ValueError as e:
    tb = e.__traceback__

entries = []
t = tb
while t is not None:
    f = t.tb_frame
    entries.append((f.f_code.co_name, t.tb_lineno, f.f_lineno, isinstance(t.tb_lasti, int)))
    t = t.tb_next
print(entries)
print(tb.tb_frame is sys._getframe())
last = tb.tb_next.tb_next
print(sorted(last.tb_frame.f_locals.items()))
print(last.tb_frame.f_back is tb.tb_next.tb_frame, tb.tb_next.tb_frame.f_back is tb.tb_frame)
print(tb.tb_next.tb_frame.f_locals)

def catcher():
    try:
        inner(1)
    except ValueError as e:
        return e.__traceback__, sys._getframe()
tb2, cf = catcher()
print(tb2.tb_frame is cf, tb2.tb_next.tb_frame.f_back is cf, tb2.tb_lineno)

def reraiser():
    try:
        inner(2)
    except ValueError:
        raise
try:
    reraiser()
except ValueError as e:
    t = e.__traceback__
    lines = []
    while t:
        lines.append((t.tb_frame.f_code.co_name, t.tb_lineno))
        t = t.tb_next
    print(lines)

def gen():
    yield 1
    raise KeyError("g")
g = gen()
next(g)
try:
    next(g)
except KeyError as e:
    t = e.__traceback__.tb_next
    print(t.tb_frame.f_code.co_name, t.tb_lineno, t.tb_frame.f_back is sys._getframe(), g.gi_frame)

# The same frame raising twice gives the same frame object.
def twice():
    out = []
    for i in range(2):
        try:
            {}[i]
        except KeyError as e:
            out.append(e.__traceback__.tb_frame)
    return out[0] is out[1] is sys._getframe()
print(twice())
