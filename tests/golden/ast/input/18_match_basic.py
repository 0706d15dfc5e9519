match x:
    case 1:
        pass
    case "s":
        pass
    case b"b":
        pass
    case -1:
        pass
    case 1.5:
        pass
    case 1 + 2j:
        pass
    case -1 - 2j:
        pass
    case None:
        pass
    case True:
        pass
    case False:
        pass
    case _:
        pass
match x:
    case y:
        pass
    case a.b:
        pass
    case a.b.c:
        pass
    case (y):
        pass
    case y if y > 0:
        pass
    case 1 | 2 | 3:
        pass
    case (1 | 2) as z:
        pass
    case "a" "b":
        pass
