print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=", ", end="!\n")
print()
print("no newline", end="")
print(" continued")
print(1, 2.5, None, [1], sep="|")
import sys
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(5))
print("x", sep=None, end=None)
import io
buf = io.StringIO()
print("captured", 42, file=buf)
print(repr(buf.getvalue()))
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
