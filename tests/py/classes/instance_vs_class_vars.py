class Counter:
    total = 0
    shared = []
    def __init__(self, name):
        self.name = name
        self.own = []
        Counter.total += 1
    def add(self, x):
        self.own.append(x)
        self.shared.append(x)
a, b = Counter("a"), Counter("b")
a.add(1); b.add(2)
print(Counter.total, a.own, b.own, a.shared, b.shared is Counter.shared)
a.total = 100
print(a.total, b.total, Counter.total)
del a.total
print(a.total)
