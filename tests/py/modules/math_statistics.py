import statistics
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.mode(data), statistics.pstdev(data), statistics.median_low([1, 3, 5, 7]))
from fractions import Fraction
print(Fraction(1, 3) + Fraction(1, 6), Fraction("3/4") * 2, Fraction(0.5), Fraction(10, 4))
from decimal import Decimal, getcontext
print(Decimal("0.1") + Decimal("0.2"), Decimal(1) / Decimal(7), Decimal("1.005").quantize(Decimal("0.01")))
