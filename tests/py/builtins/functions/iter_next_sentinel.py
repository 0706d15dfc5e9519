import io
f = io.StringIO("a\nb\n\nc\n")
for line in iter(f.readline, "\n"):
    print(repr(line))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
it = iter([1, 2])
print(next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration")
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5, 5)
except TypeError as e:
    print("TypeError:", e)
