def risky():
    raise ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2"), KeyError("k")])
try:
    risky()
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types:", [str(e) for e in eg.exceptions])
except* KeyError as eg:
    print("keys:", [repr(e) for e in eg.exceptions])
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled ValueError")
except ExceptionGroup as rest:
    print("left:", repr(rest), [type(e).__name__ for e in rest.exceptions])
eg = ExceptionGroup("top", [ValueError("a"), ExceptionGroup("sub", [TypeError("b")])])
match, rest = eg.split(TypeError)
print(repr(match), repr(rest))
print(eg.subgroup(ValueError).exceptions, len(eg.exceptions), eg.message)
try:
    raise ValueError("plain")
except* ValueError as g:
    print("wrapped:", repr(g))
