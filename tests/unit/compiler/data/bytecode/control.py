def loops(xs):
    total = 0
    for x in xs:
        if x < 0:
            continue
        elif x > 100:
            break
        total += x
    else:
        total = -1
    while total > 10:
        total //= 2
    return total
def exc(f):
    try:
        f()
    except ValueError as e:
        return e
    except (TypeError, KeyError):
        pass
    else:
        return 1
    finally:
        print("done")
def ctx(a, b):
    with a as x, b:
        return x
def star(a):
    try:
        a()
    except* ValueError as eg:
        print(eg)
