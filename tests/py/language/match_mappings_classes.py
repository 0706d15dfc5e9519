from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center, self.r = center, r
def shape(s):
    match s:
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case Circle(Point(x=cx), r=r) if r > 10:
            return f"big circle at x={cx}"
        case Circle(c, r):
            return f"circle r={r}"
        case {"type": "rect", "w": w, "h": h, **rest}:
            return f"rect {w}x{h} extra={sorted(rest)}"
        case {"type": t}:
            return f"unknown type {t}"
        case int() | float() as num:
            return f"number {num}"
        case str(s2):
            return f"string {s2}"
        case _:
            return "?"
for v in [Point(0, 0), Point(0, 4), Point(3, 3), Point(1, 2), Circle(Point(5, 5), 20), Circle(Point(1, 1), 2),
          {"type": "rect", "w": 2, "h": 3, "z": 1}, {"type": "tri"}, 4, 2.5, "s", [1]]:
    print(shape(v))
