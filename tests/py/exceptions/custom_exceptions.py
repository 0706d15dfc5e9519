class ValidationError(Exception):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field
class RangeError(ValidationError):
    pass
try:
    raise RangeError("age", "must be positive")
except ValidationError as e:
    print(type(e).__name__, e, e.field, e.args)
class WithStr(Exception):
    def __str__(self): return "custom str"
print(str(WithStr()), repr(WithStr(1)), str(Exception()), str(Exception("a", "b")), repr(Exception("a")))
e = Exception(1, 2)
print(e.args, str(KeyError("k")), str(KeyError("a", "b")), repr(ValueError()))
err = OSError(2, "No such file")
print(err.errno, err.strerror, str(err), type(OSError(2, "x")).__name__)
e2 = ValueError("note me")
e2.add_note("first note")
print(e2.__notes__)
