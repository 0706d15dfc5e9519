print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"), "{name}-{n:03d}".format(name="x", n=7))
print("{:>8}|{:<8}|{:^8}|{:*^9}".format("r", "l", "c", "s"))
print("{0[1]} {1[k]} {2.real}".format([10, 20], {"k": "v"}, 3 + 4j))
print("{!r} {!s} {!a}".format("hi", "hi", "é"))
print("{:,} {:_x} {:.3} {:10.4f}|".format(10 ** 9, 2 ** 32, "abcdef", 3.14159))
print("{{literal}} {}".format(5), "{:{}}".format("x", 4) + "|", "{:{w}.{p}f}".format(3.14159, w=10, p=2))
class P:
    def __format__(self, spec):
        return "P(" + spec + ")"
print("{:hello}".format(P()), format(P(), "x"))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{x}".format()
except KeyError as e:
    print("KeyError:", e)
try:
    "{:d}".format("s")
except ValueError as e:
    print("ValueError:", e)
print("a{0}b".format_map({}) if False else "x", "{k}".format_map({"k": 1}))
