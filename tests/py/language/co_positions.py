# code.co_positions() as the traceback module uses it: the entry at
# tb_lasti // 2 gives the span of the failing expression.
import itertools

def position_at(code, lasti):
    return next(itertools.islice(code.co_positions(), lasti // 2, None))

def fails(d):
    value = 1 + \
        d["missing"]
    return value

try:
    fails({})
except KeyError as e:
    tb = e.__traceback__.tb_next
    print(position_at(tb.tb_frame.f_code, tb.tb_lasti))

def call_fails():
    return int("not a number")
try:
    call_fails()
except ValueError as e:
    tb = e.__traceback__.tb_next
    print(position_at(tb.tb_frame.f_code, tb.tb_lasti))

def attr_fails(o):
    return o.nothing_here
try:
    attr_fails(None)
except AttributeError as e:
    tb = e.__traceback__.tb_next
    print(position_at(tb.tb_frame.f_code, tb.tb_lasti))

positions = list(fails.__code__.co_positions())
print(all(len(p) == 4 for p in positions))
print(min(p[0] for p in positions if p[0]), max(p[0] for p in positions if p[0]))
print(iter(positions) is not None, type(fails.__code__.co_positions()).__name__ != "list")
