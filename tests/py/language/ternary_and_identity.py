a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None)
x = 0
print("zero" if x == 0 else "nonzero", "neg" if x < 0 else "pos" if x > 0 else "zero")
val = None
print(val if val is not None else "default", val or "fallback", [] or None)
small = 256
print(type(small) is int, isinstance(small, int) and small == 256)
def classify(n):
    return "fizzbuzz" if n % 15 == 0 else "fizz" if n % 3 == 0 else "buzz" if n % 5 == 0 else str(n)
print(" ".join(classify(i) for i in range(1, 16)))
