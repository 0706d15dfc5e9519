b = b"hello world"
print(b, repr(b), len(b), b[0], b[-1], b[1:4], b[::-1], list(b[:3]))
print(b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"), b.count(b"l"), b.startswith(b"he"))
print(bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes(range(5)), b"a" * 3, b"ab" + b"cd")
print(b"\x00\xff\n\t'\"", bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), b"abc".hex(":"))
print(b.decode(), b"abc" == b"abc", b"abc" < b"abd", b"a" in b"abc", 97 in b"abc")
print(b"  x  ".strip(), b"a,b".split(b","), b"-".join([b"a", b"b"]), b"abc".center(7, b"*"))
print(b"Hello".isalpha(), b"123".isdigit(), b"hello".title(), b"%d-%s" % (5, b"x"))
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
