d = {1: "int", 1.5: "float", "s": "str", (1, 2): "tuple", None: "none", frozenset([1]): "fs", True: "bool?"}
print(d)
print(d[1.0], d[(1, 2)], d[None], d[frozenset({1})])
for bad in [[1], {}, {1}]:
    try:
        d[bad] = 1
    except TypeError as e:
        print("TypeError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
class Key:
    def __init__(self, k): self.k = k
    def __hash__(self): return hash(self.k)
    def __eq__(self, o): return isinstance(o, Key) and o.k == self.k
print({Key("a"): 1}[Key("a")], Key("a") in {Key("a"): 0}, Key("b") in {Key("a"): 0})
