for e in [ValueError("msg"), KeyError("key"), KeyError(), IndexError(1, 2), OSError(13, "Permission denied", "f.txt"),
          StopIteration(), SystemExit(2), UnicodeError("u"), Exception(None), ZeroDivisionError()]:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
try:
    b"\xff".decode("ascii")
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason, repr(e.object))
