print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(-0.0) == hash(False))
print(hash(2 ** 70) == hash(float(2 ** 70)), hash(1.5) == hash(3 / 2), hash(complex(2, 0)) == hash(2))
print(hash(-1), hash(-2), hash(10 ** 30) == hash(10 ** 30), hash(0.5))
from fractions import Fraction
from decimal import Decimal
print(hash(Fraction(1, 2)) == hash(0.5), hash(Decimal("1.5")) == hash(1.5), {1: "a", 1.0: "b"}, {0.5: 1}[Fraction(1, 2)])
print(hash(float("inf")), hash(float("-inf")), type(hash("s")).__name__)
