import traceback
def show(exc):
    # File lines carry absolute paths; keep everything else of the report.
    for chunk in traceback.format_exception(exc):
        for line in chunk.rstrip("\n").split("\n"):
            if line.startswith("  File "):
                print("  File <...>, " + line.split(", ", 1)[1])
            else:
                print(line)
    print("-" * 20)
def load(key):
    try:
        return {}[key]
    except KeyError as e:
        raise LookupError(f"no setting {key!r}") from e
try:
    load("mode")
except LookupError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        int("x")
except ValueError as e:
    show(e)
try:
    try:
        raise TypeError("hidden")
    except TypeError:
        raise RuntimeError("suppressed context") from None
except RuntimeError as e:
    show(e)
