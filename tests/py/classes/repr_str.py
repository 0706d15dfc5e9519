class R:
    def __repr__(self): return "R()"
class S:
    def __str__(self): return "S-str"
class Both:
    def __repr__(self): return "Both-repr"
    def __str__(self): return "Both-str"
print(R(), str(R()), repr(S()).startswith("<__main__.S object at "), S(), Both(), repr(Both()))
print([R(), Both()], f"{Both()} {Both()!r}", "%s %r" % (Both(), Both()))
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
