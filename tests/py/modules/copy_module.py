import copy
a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(100)
print(s, d)
class Node:
    def __init__(self): self.children = []
n = Node(); n.children.append(n)
m = copy.deepcopy(n)
print(m.children[0] is m, m is not n)
