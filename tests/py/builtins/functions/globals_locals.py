x = 10
def f(a):
    b = a + 1
    return sorted(locals().items())
print(f(1), "x" in globals(), globals()["x"], globals()["__name__"])
globals()["dyn"] = "created"
print(dyn)
