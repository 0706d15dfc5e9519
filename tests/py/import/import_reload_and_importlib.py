import importlib
m = importlib.import_module("_helper_mod")
print(m.VALUE)
m.VALUE = 0
m2 = importlib.reload(m)
print(m2 is m, m.VALUE)
sub = importlib.import_module("._pkg.sub".lstrip("."))
print(sub.helper())
