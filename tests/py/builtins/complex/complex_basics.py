z = complex(3, 4)
w = 1 - 2j
print(z, w, repr(z), abs(z), z.real, z.imag, z.conjugate())
print(z + w, z - w, z * w, z / w, z ** 2, -z, +z)
print(1j * 1j, 2j, 0j, complex("1+2j"), complex("-3.5j"), complex(2), complex())
print(z == complex(3, 4), z != w, (1 + 0j) == 1, hash(1 + 0j) == hash(1))
print(complex(1e300, -0.0), complex(float("inf"), 1), 1.5 + 2.5j)
print(f"{z:.2f}", format(w, ""), str(complex(0, -1)))
try:
    z < w
except TypeError as e:
    print("TypeError:", e)
try:
    z / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
