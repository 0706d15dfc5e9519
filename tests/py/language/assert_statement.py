assert True
assert 1 == 1, "never"
try:
    assert 1 == 2, "one is not two"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("AssertionError:", repr(e), e.args)
x = [1]
try:
    assert len(x) > 1, "len is %d" % len(x)
except AssertionError as e:
    print(e)
print(__debug__)
