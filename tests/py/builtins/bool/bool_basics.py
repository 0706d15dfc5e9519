print(True, False, True + True, True * 5, -True, ~True, True / 2, True // 1)
print(bool(0), bool(1), bool(""), bool("a"), bool([]), bool([0]), bool(None), bool(0.0), bool(0j), bool({}), bool(()))
print(True and 3, 0 and 3, 0 or "x", "" or [], not 0, not "a")
print(True == 1, False == 0, True is True, isinstance(False, int), type(True), str(True), repr(False))
print(True & False, True | False, True ^ True, True & 3, sum([True, True, False]))
print(hash(True), hash(False), {True: "a", 1: "b"})
class Empty: pass
class Zero:
    def __len__(self): return 0
class Falsy:
    def __bool__(self): return False
print(bool(Empty()), bool(Zero()), bool(Falsy()))
