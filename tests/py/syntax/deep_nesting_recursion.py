# Expressions nested far beyond the compiler's limit (chains the parser reads
# in a loop) raise RecursionError "during compilation", never crash; nesting
# well below the limit compiles.
import ast

def attempt(label, source, mode="exec"):
    try:
        compile(source, "<deep>", mode)
        print(label, "compiled")
    except RecursionError as e:
        print(label, "RecursionError:", e)
    except MemoryError:
        print(label, "MemoryError")

attempt("attribute chain 30000", "x" + ".a" * 30000)
attempt("subscript chain 30000", "x" + "[0]" * 30000)
attempt("call chain 30000", "f" + "()" * 30000)
attempt("binary chain 100000", "x" + "+x" * 100000)
attempt("binary chain eval", "1" + "*1" * 50000, "eval")
attempt("attribute chain 300", "x" + ".a" * 300)
attempt("binary chain 300", "x" + "+x" * 300)
try:
    ast.parse("x" + ".a" * 30000)
except RecursionError as e:
    print("ast.parse RecursionError:", e)
print(len(ast.dump(ast.parse("x" + ".a" * 50))))
