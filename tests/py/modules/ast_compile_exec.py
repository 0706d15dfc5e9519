# compile() of ast trees: exec of parsed code, NodeTransformer, hand-built trees.
import ast
src = '''
def f(a, /, b=1, *args, c, d=2, **kw):
    """doc"""
    return a + b + c + d + len(args) + len(kw)
print(f(1, 2, 3, c=4, e=5), f.__doc__)
class C:
    x = 1
    def m(self): yield from range(3)
print(list(C().m()))
print([x*y for x in range(3) for y in range(2) if x], {k: v for k, v in {1: 2}.items()}, {*[1], 2})
print(f"a{1+1!r:>{5}} {C.x=}")
if (n := 10) > 5: print(n)
try:
    raise ValueError("v")
except ValueError as e:
    print("caught", e)
finally:
    print("fin")
try:
    raise ExceptionGroup("g", [KeyError(1)])
except* KeyError as eg:
    print("star", eg.exceptions)
for p in [[1, 2, 3], {"a": 1, "z": 2}, None, -1+2j, (0, 0)]:
    match p:
        case [1, *rest]: print("seq", rest)
        case {"a": 1, **kw}: print("map", kw)
        case None: print("none")
        case -1+2j: print("complex")
        case (x, y) if x == y: print("tuple", x)
x = 1; x += 2; print(x)
a, *b = range(4); print(a, b)
del a
import math as m; from os import path
print(m.pi > 3, path.sep)
async def co(): return 5
try: co().send(None)
except StopIteration as e: print("co", e.value)
print(2**100, 0xffffffffffffffffff, 1e10, 3j, ..., None, True, b"x", "\\u00e9")
lam = lambda x, *y, k=3: (x, y, k)
print(lam(1, 2, k=4))
assert True, "m"
with open(__file__ if False else "/dev/null") as fh: print(fh.read())
print(__name__)
'''
tree = ast.parse(src)
ns = {"__name__": "mod"}
exec(compile(tree, "<ast>", "exec"), ns)
class Swap(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            return ast.copy_location(ast.BinOp(left=node.left, op=ast.Mult(), right=node.right), node)
        return node
t2 = Swap().visit(ast.parse("print(2 + 3, 'a' + 'b' if False else 7 + 1)"))
exec(compile(ast.fix_missing_locations(t2), "<t>", "exec"))
print(eval(compile(ast.parse("1 + 2 * 3", mode="eval"), "<e>", "eval")))
e = ast.Expression(body=ast.BinOp(ast.Constant(40), ast.Add(), ast.Constant(2)))
print(eval(compile(ast.fix_missing_locations(e), "<e>", "eval")))
tree = ast.Module(body=[ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant((1, 2, (3,)))], []))], type_ignores=[])
exec(compile(ast.fix_missing_locations(tree), "<m>", "exec"))
tree = ast.Module(body=[ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant(1+2j), ast.Constant(-2**80)], []))], type_ignores=[])
exec(compile(ast.fix_missing_locations(tree), "<m>", "exec"))
i = ast.parse("x = 5", mode="single")
exec(compile(ast.parse("if 1:\n x = 5\n print(x)\n", mode="single"), "<s>", "single")); exec(compile(ast.parse("x+1", mode="single"), "<s>", "single"), {"x": 41})
print(ast.literal_eval("[1, (2, 3), {'a': -4.5}, {1,2}, 1+2j, b'x', None]"))
print(ast.get_docstring(ast.parse('def f():\n  """hi\n  there"""')))
n = ast.parse("x\ny"); ast.increment_lineno(n, 3); print([s.lineno for s in n.body])
print(sorted(type(x).__name__ for x in ast.walk(ast.parse("a+b*c"))))
print(ast.dump(ast.parse("a+b"), annotate_fields=False))
co = compile(ast.parse("def g():\n  return 1/0\ng()"), "file.py", "exec")
try: exec(co)
except ZeroDivisionError as ex:
    import traceback; tb = ex.__traceback__
    while tb.tb_next: tb = tb.tb_next
    print("line", tb.tb_lineno)
print(compile(ast.parse("x"), "a", "exec", ast.PyCF_ONLY_AST).__class__.__name__)
