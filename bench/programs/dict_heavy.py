# Dictionary-heavy workload: string keys, counting, merging, iteration.
def run(rounds):
    total = 0
    for r in range(rounds):
        d = {}
        for i in range(2000):
            key = "k%d" % (i % 500)
            d[key] = d.get(key, 0) + i
        inv = {v: k for k, v in d.items()}
        merged = {**d, **{"extra%d" % i: i for i in range(100)}}
        for k in list(merged):
            if k.startswith("extra") and merged[k] % 2:
                del merged[k]
        total += len(inv) + len(merged) + sum(d.values()) % 1000
    return total


print(run(2500))
