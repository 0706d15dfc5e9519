# ast.literal_eval on valid literals and on what it must refuse.
import ast

good = ["1", "-2.5", "+3", "1+2j", "-1-2j", "'s'", "b'b'", "u'u'", "None", "True", "False", "...",
        "[1, [2, (3,)]]", "(1,)", "()", "{}", "{'a': 1, 2: [3]}", "{1, 2}", "set()", "  7", "\t8",
        "0x1F", "1_000", "10**0 if False else 5" if False else "12", "'a' 'b'", "-0.0", "2**64" if False else "18446744073709551616"]
for s in good:
    v = ast.literal_eval(s)
    print(repr(s), "->", repr(v), type(v).__name__)

bad = ["x", "f()", "1 + x", "[i for i in x]", "{**a}", "2**10", "a.b", "lambda: 1", "-'s'", "1 +", "{[1]: 2}", "set([1])"]
for s in bad:
    try:
        print(repr(s), "->", ast.literal_eval(s))
    except Exception as e:
        print(repr(s), type(e).__name__, str(e).split(" at 0x")[0])

# A node instead of a string.
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(value=5)))
