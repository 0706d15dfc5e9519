d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"], "one" in d, d.get("four", 4))
for k in d:
    print(k, d[k])
print(list(d.keys()), list(d.values()), sorted(d.items()))
