class Registry:
    def __class_getitem__(cls, item):
        return f"Registry[{item.__name__ if isinstance(item, type) else item}]"
print(Registry[int], Registry["x"])
class Stack(list):
    def push(self, x): self.append(x)
    def peek(self): return self[-1]
s = Stack(); s.push(1); s.push(2)
print(s.peek(), s, len(s), isinstance(s, list), Stack.__mro__[1].__name__)
print(list[int](range(3)), dict[str, int](a=1), tuple[int, ...])
