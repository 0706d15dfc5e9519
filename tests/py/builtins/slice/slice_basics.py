s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), repr(slice(1, 2)))
print(s.indices(6), slice(None, None, -1).indices(5), slice(-3, None).indices(10))
data = list(range(20))
print(data[s], data[slice(None, 5)], "abcdef"[slice(None, None, 2)])
class Sliceable:
    def __getitem__(self, key):
        return key
o = Sliceable()
print(o[1:2], o[::3], o[1:2, 3], o[...], o[:, 1])
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3))
