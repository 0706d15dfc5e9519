d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d)
d["alpha"] = 100
print(list(d))
del d["zeta"]; d["zeta"] = 0
print(list(d.items()))
for k, v in d.items():
    print(k, v)
ks = d.keys()
d["new"] = 1
print(ks, len(ks), "new" in ks, reversed(d) is not None, list(reversed(d)))
try:
    for k in d:
        d["other" + k] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print({1: "a", 1.0: "b", True: "c"}, {"a": 1} == {"a": 1.0}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
print(repr({"k": [1, {"n": None}]}), str({}), dict(sorted({"b": 1, "a": 2}.items())))
