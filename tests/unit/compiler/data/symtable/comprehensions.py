def f(data):
    total = [x * y for x in data for y in range(x) if x]
    gen = (z for z in data)
    d = {k: v for k, v in data.items()}
    s = {a for a in data}
    if any((found := item) > 3 for item in data):
        return found
    return [[i + j for j in data] for i in data]
squares = [n ** 2 for n in range(10)]
last = [(w := n) for n in range(3)]
