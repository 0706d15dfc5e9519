a = [[0] * 3] * 3
a[0][0] = 1
print(a)
b = [[0] * 3 for _ in range(3)]
b[0][0] = 1
print(b)
c = b[:]
c[1] = "replaced"
print(b[1], c[1], c[0] is b[0])
import copy
d = copy.deepcopy(b)
d[0][1] = 9
print(b[0], d[0])
def mutate(lst):
    lst.append("mutated")
    lst = ["rebound"]
    return lst
orig = [1]
print(mutate(orig), orig)
e = list(range(5))
for x in e[:]:
    if x % 2:
        e.remove(x)
print(e)
