import os
import tempfile
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "data.txt")
    with open(path, "w") as f:
        n = f.write("line one\nline two\n")
        f.write("line three")
    print("wrote", n)
    with open(path) as f:
        print(repr(f.read()))
    with open(path) as f:
        print(f.readline(), end="")
        print(f.readlines())
    with open(path) as f:
        print([l.rstrip("\n") for l in f])
    with open(path, "a") as f:
        f.write("\nappended")
    with open(path, "rb") as f:
        data = f.read()
        print(type(data).__name__, len(data), data[-8:])
    with open(path, "r+") as f:
        f.seek(5)
        f.write("ONE")
        f.seek(0)
        print(f.read(8), f.tell())
    bpath = os.path.join(d, "b.bin")
    with open(bpath, "wb") as f:
        f.write(bytes(range(5)))
    print(open(bpath, "rb").read(), os.path.getsize(bpath), sorted(os.listdir(d)))
    with open(os.path.join(d, "u.txt"), "w", encoding="utf-8") as f:
        f.write("héllo ∑\n")
    with open(os.path.join(d, "u.txt"), encoding="utf-8") as f:
        print(f.read().strip(), f.closed)
    print(f.closed)
try:
    open("/definitely/not/here.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    open(__file__, "q")
except ValueError as e:
    print("ValueError:", e)
