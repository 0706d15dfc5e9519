class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p.x, p.y, p.norm2(), Point.dims, p.dims, Point.__name__, Point.__doc__, type(p).__name__)
p.z = 5
print(sorted(vars(p).items()), hasattr(p, "z"), Point.norm2(p))
Point.dims = 3
print(p.dims, Point.__qualname__, Point.__module__)
print(isinstance(p, Point), isinstance(p, object), issubclass(Point, object), type(Point))
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
