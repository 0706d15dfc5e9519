# String-heavy workload: formatting, splitting, joining, methods and slicing.
def run(rounds):
    acc = 0
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    for r in range(rounds):
        parts = []
        for i, w in enumerate(words * 25):
            s = f"{w}-{i:04d}-{r}"
            parts.append(s.upper() if i % 3 == 0 else s.replace("a", "4"))
        line = ",".join(parts)
        fields = line.split(",")
        acc += sum(len(f) for f in fields if "E" in f or f.endswith("9"))
        acc += line.count("4") + line.find("THETA") + len(line[::-1].strip("0"))
    return acc


print(run(13000))
