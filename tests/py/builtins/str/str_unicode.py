s = "naïve café ∑ 日本語 😀"
print(s, len(s), s.upper(), s[::-1])
print(s.encode("utf-8"))
print(s.encode("utf-8").decode("utf-8") == s, len(s.encode("utf-8")))
print(ascii(s), repr("tab\there"), repr("quote'"), repr('both\'"'), repr("\x00\x7f\u200b"))
print("\N{GREEK SMALL LETTER ALPHA}", "\u00e9", "\U0001F600" == "😀", chr(0x1F600))
print("ǅ".istitle(), "ß".upper(), "İ".lower(), len("İ".lower()))
print(sorted(["b", "a", "é", "Z", "ä"]), "é" > "z")
print("abc".encode("ascii"), "é".encode("latin-1"), "€".encode("utf-16-le"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xff".decode("utf-8", "replace"), "é".encode("ascii", "ignore"), "é".encode("ascii", "replace"))
