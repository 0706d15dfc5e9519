s = "abcdefghij"
print(s[0], s[-1], s[2:5], s[:3], s[7:], s[::2], s[::-1], s[-3:], s[1:-1:3], s[100:], s[5:2], s[-100:2])
print(s[slice(1, 4)], s[slice(None, None, -2)], len(s), s * 2, 3 * "ab", "a" + "b")
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "x"
except TypeError as e:
    print("TypeError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
for i, ch in enumerate("héllo"):
    print(i, ch, ord(ch))
