"""Helper module docstring."""
VALUE = 42
print("helper module executing, __name__ =", __name__)
def greet(name):
    return f"hello {name} from {__name__}"
_private = "hidden"
class Widget:
    pass
