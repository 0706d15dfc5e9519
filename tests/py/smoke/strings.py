s = "Adder"
print(s, len(s), s.upper(), s.lower(), s[0], s[-1], s[1:3], s + "!", s * 2)
print("a,b,c".split(","), "-".join(["x", "y"]), "  pad ".strip(), s.startswith("Ad"), s.find("d"))
print(f"{s} has {len(s)} letters", "%s=%d" % ("n", 5), "{}+{}".format(1, 2))
