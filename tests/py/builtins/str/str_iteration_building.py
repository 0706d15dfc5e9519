parts = []
for i, ch in enumerate("adder"):
    parts.append(ch.upper() if i % 2 == 0 else ch)
print("".join(parts))
s = ""
for n in range(5):
    s += str(n) * n
print(s, len(s))
words = "the cat sat on the mat".split()
print(" ".join(w[::-1] for w in words), " ".join(sorted(set(words), key=words.index)))
print("|".join(f"{w:^5}" for w in words[:3]), "".join(chr(ord("a") + i) for i in range(26)))
table = [("name", "qty"), ("apple", 3), ("kiwi", 12)]
for a, b in table:
    print(f"{a:<8}{b!s:>5}")
print("ab" in "cabd", "abc".index("c"), "a,b".split(",") == ["a", "b"], "x" * 3 + "y")
