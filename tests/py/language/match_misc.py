import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
def col(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
print(col(Color.RED), col(Color.GREEN), col(3))
def cmd(text):
    match text.split():
        case ["go", ("north" | "south") as direction]:
            return f"going {direction}"
        case ["take", item, *others]:
            return f"take {item} +{len(others)}"
        case ["quit"]:
            return "bye"
        case _:
            return "unknown"
for t in ["go north", "go east", "take lamp", "take a b c", "quit", ""]:
    print(repr(t), cmd(t))
match 42:
    case x:
        print("capture", x)
value = {"k": [1, {"deep": "yes"}]}
match value:
    case {"k": [_, {"deep": d}]}:
        print("deep", d)
