match = 1
case = 2
_ = 3
match.foo = 4
match[0] = 5
match(x)
print(match, case, _)
def match(case): return case
match, case = 1, 2
match -x:
    case _:
        pass
match (x):
    case _:
        pass
match x, y:
    case a, b:
        pass
match *x, y:
    case _:
        pass
match [x]:
    case [match]:
        pass
match {x: y}:
    case {"case": case}:
        pass
match x:
    case match:
        pass
