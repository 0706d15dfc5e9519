def f(a):
    try:
        a()
    except* ValueError as e:
        print(e)
    except* TypeError:
        pass
    else:
        print("ok")
    finally:
        print("done")
match a:
    case 1 | 2:
        pass
    case {"k": 1}:
        pass
    case Point(1, 2):
        pass
    case [1, *_, 2]:
        pass
    case _:
        pass
