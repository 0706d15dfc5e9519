print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("y", {}, {"y": "local"}))
ns = {}
exec("a = 5\ndef f(n): return n * a", ns)
print(ns["a"], ns["f"](3))
code = compile("print('compiled', 7)", "<string>", "exec")
exec(code)
expr = compile("10 // 3", "<expr>", "eval")
print(eval(expr), type(code).__name__, code.co_filename)
g = {"__builtins__": __builtins__}
exec("import math; r = math.sqrt(16)", g)
print(g["r"])
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
try:
    exec("x = (")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("a b", "<src>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.filename, e.offset)
try:
    eval("undefined_name_q")
except NameError as e:
    print("NameError:", e)
single = compile("1 + 1", "<s>", "single")
exec(single)
loc = {}
exec("z = 1", None, loc)
print(loc)
print(eval("[i * i for i in range(4)]"), eval("__name__"))
