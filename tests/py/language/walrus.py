data = [1, 5, 12, 7, 20]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 10], y)
import io
buf = io.StringIO("a\nb\nc\n")
while (line := buf.readline()):
    print(line.strip())
print((z := 5) + z, z)
def f():
    [(w := i) for i in range(3)]
    return w
print(f())
