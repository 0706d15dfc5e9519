print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99], [1, 2] == [1, 2], [1] != [1.0])
print(repr([1, "a", None, [2.5, (3,)], {"k": []}]), str(["é"]))
a = [1]; a.append(a); print(a)
print([x for x in [3, 1, 2] if x > 1], list(map(str, [1, 2])), [1, 2, 3][1:] == [2, 3])
print(3 in [1, 2, 3], 4 not in [1, 2, 3], [1, 2].__len__(), max([3, 9, 2]), min([3, 9, 2]))
try:
    [1, "a"] < ["a", 1]
except TypeError as e:
    print("TypeError:", e)
