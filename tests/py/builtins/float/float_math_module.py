import math
print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sqrt(16), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.fabs(-3))
print(math.gcd(12, 18), math.lcm(4, 6), math.factorial(20), math.comb(10, 3), math.perm(5, 2))
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(float("nan")), math.isinf(1e400), math.isfinite(1.0))
print(math.log(math.e), math.log2(1024), math.log10(1000), math.exp(0), math.pow(2, 8))
print(round(math.sin(math.pi / 2), 12), round(math.cos(0), 12), math.hypot(3, 4), math.copysign(3, -0.0))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.isqrt(99))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
