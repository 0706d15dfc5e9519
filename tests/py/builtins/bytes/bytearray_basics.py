ba = bytearray(b"hello")
ba[0] = 74
ba.append(33)
ba.extend(b" ok")
print(ba, len(ba), ba[0], ba[1:3])
ba[1:3] = b"EE"
del ba[-1]
print(ba, ba.pop(), ba, bytes(ba))
ba.insert(0, 62)
ba.reverse()
print(ba, ba.find(b"E"), ba.count(b"E"), ba.upper(), ba * 2)
ba2 = bytearray(3)
print(ba2, bytearray("abc", "ascii"), bytearray(b"x") == b"x", ba2.hex())
ba2 += b"zz"
print(ba2, bytearray(b"abc").decode(), bytearray(range(65, 70)))
ba3 = bytearray(b"aXbXc")
ba3.remove(ord("X"))
print(ba3, ba3.split(b"X"), ba3.replace(b"X", b"--"))
try:
    ba3.append(300)
except ValueError as e:
    print("ValueError:", e)
