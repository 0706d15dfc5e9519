print("%s %r %a" % ("s", "r", "é"))
print("%d%% done" % 50, "%c%c" % (65, "b"), "%5s|%-5s|" % ("ab", "cd"))
print("%(name)s is %(age)d" % {"name": "Al", "age": 30})
print("%.2s|%*d|%-*d|%.*f" % ("abcdef", 5, 42, 4, 7, 2, 3.14159))
print("%x %o %e %g %i" % (255, 8, 1234.5, 0.00001, 3), "%s" % [1, 2], "%s" % ((1, 2),))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % ("a",)
except TypeError as e:
    print("TypeError:", e)
try:
    "%s" % ("a", "b")
except TypeError as e:
    print("TypeError:", e)
