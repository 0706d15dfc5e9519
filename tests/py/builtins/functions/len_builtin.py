print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 3}), len(range(0, 100, 3)), len(b"xy"), len(""))
class L:
    def __len__(self): return 7
print(len(L()))
class Neg:
    def __len__(self): return -1
for obj in [5, None, Neg()]:
    try:
        len(obj)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
