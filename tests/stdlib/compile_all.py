"""Compiles every file named on stdin with compile() and prints the rejected ones.

Run by both Adder and CPython 3.11 (tools/stdlib_compile_test.sh); the two
lists must be identical. Prints one line per rejected file: path and exception
class, then a final count line.
"""
import sys

rejected = 0
total = 0
for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    total += 1
    with open(path, "rb") as f:
        source = f.read()
    try:
        compile(source, path, "exec")
    except (SyntaxError, ValueError) as exc:
        rejected += 1
        print(path, type(exc).__name__)
print("compiled", total - rejected, "rejected", rejected)
