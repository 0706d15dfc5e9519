try:
    [].pop()
except IndexError as e:
    print(e.args, str(e))
try:
    import nosuchmodule_xyz
except ImportError as e:
    print(type(e).__name__, e.name, e)
try:
    "abc".nosuch
except AttributeError as e:
    print(e, e.name, e.obj)
try:
    undefined_q
except NameError as e:
    print(e, e.name)
try:
    raise StopIteration(5)
except StopIteration as e:
    print(e.value)
try:
    raise SystemExit(3)
except SystemExit as e:
    print("code", e.code)
try:
    open("/nonexistent/dir/file.txt")
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename, e)
