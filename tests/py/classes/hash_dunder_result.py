# __hash__ results: machine-word values are used as is (-1 becomes -2), big
# ints are hashed again; a str subclass hashing like its str value must find
# the same dict entries as the plain str.
class S(str):
    def __hash__(self):
        return hash(str(self))

d = {S("key"): 1}
print(d.get("key"), "key" in d, hash(S("abc")) == hash("abc"))

class Minus1:
    def __hash__(self):
        return -1

class Big:
    def __hash__(self):
        return 2**64 + 5

class Word:
    def __hash__(self):
        return 2**62 + 3

print(hash(Minus1()), hash(Big()), hash(Word()) == 2**62 + 3)

class Bad:
    def __hash__(self):
        return "x"

try:
    hash(Bad())
except TypeError as e:
    print("TypeError:", e)
