print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(1234.5678, -2), round(7, -1))
class R:
    def __round__(self, n=None): return f"round({n})"
print(round(R()), round(R(), 3))
try:
    round("x")
except TypeError as e:
    print("TypeError:", e)
