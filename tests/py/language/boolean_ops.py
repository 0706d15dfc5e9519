def t(name, val):
    print("eval", name)
    return val
print(t("a", 0) or t("b", 2))
print(t("a", 1) and t("b", 0) and t("c", 3))
print(t("a", []) or t("b", None) or t("c", "last"))
print(not t("x", 1), [] or {}, 1 and "yes", None or 0)
x = [] if False else [1]
print(x and x[0], "" and 1/0, 1 or 1/0)
