match x:
    case []:
        pass
    case [a]:
        pass
    case [a, b]:
        pass
    case [a, *rest]:
        pass
    case [*_, last]:
        pass
    case ():
        pass
    case (a,):
        pass
    case (a, b):
        pass
    case a, b:
        pass
    case a, *b:
        pass
    case *a, b:
        pass
    case {}:
        pass
    case {"k": v}:
        pass
    case {"k": v, 1: w, **rest}:
        pass
    case {a.b: v}:
        pass
    case {**rest}:
        pass
    case Point():
        pass
    case Point(x, y):
        pass
    case Point(x=0, y=1):
        pass
    case Point(1, y=2):
        pass
    case a.B(c, d=e):
        pass
    case [Point(x=0) | Point(y=0), {"a": [1, 2]}] as whole:
        pass
    case {"k": None, "t": True}:
        pass
    case {-1: x}:
        pass
    case [1, 2,]:
        pass
    case {"a": 1,}:
        pass
    case C(a,):
        pass
