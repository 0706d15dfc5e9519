d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(k == {"a", "b", "c"}, ("a", 1) in d.items(), 2 in d.values(), len(d.values()))
print(sorted(d.items() & {("a", 1), ("b", 5)}))
print(d.keys(), d.values(), d.items())
