d = {"a": 1, "b": 2}
d["c"] = 3
d.update({"d": 4}, e=5)
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d.pop("z", None), d.setdefault("b", 99), d.setdefault("f", 6), d)
print(d.popitem(), d)
del d["b"]
print(d, dict.fromkeys("xyz", 0), dict(zip("ab", [1, 2])), dict([("k", "v")]), dict(a=1))
e = d.copy(); e.clear(); print(e, d)
print(d | {"z": 26}, {**d, "c": 30})
d |= {"q": 1}; print(d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {[]: 1}
except TypeError as e:
    print("TypeError:", e)
