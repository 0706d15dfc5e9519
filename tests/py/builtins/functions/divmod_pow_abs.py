print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, 2), divmod(2 ** 70, 3))
print(pow(2, 8), pow(2.0, 0.5), pow(-1, 0.5) if False else pow(4, -2), pow(10, 20, 7))
print(abs(-5), abs(5.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-2 ** 80))
class A:
    def __abs__(self): return "abs called"
print(abs(A()))
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
