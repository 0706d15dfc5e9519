from dataclasses import dataclass, field
@dataclass
class Item:
    name: str
    price: float
    tags: list = field(default_factory=list)
    qty: int = 1
    def total(self): return self.price * self.qty
i = Item("pen", 1.5, qty=4)
print(i, i.total(), i == Item("pen", 1.5, [], 4), Item("a", 1) != Item("b", 1))
@dataclass(frozen=True, order=True)
class P:
    x: int
    y: int = 0
print(sorted([P(2, 1), P(1, 5), P(1, 2)]), hash(P(1, 2)) == hash(P(1, 2)))
try:
    P(1).x = 5
except Exception as e:
    print(type(e).__name__, e)
