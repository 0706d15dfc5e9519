class Counter:
    def __init__(self, start):
        self.value = start
    def inc(self):
        self.value = self.value + 1
        return self
    def __repr__(self):
        return "Counter(" + str(self.value) + ")"
c = Counter(5)
c.inc().inc()
print(c, c.value, isinstance(c, Counter), type(c).__name__)
