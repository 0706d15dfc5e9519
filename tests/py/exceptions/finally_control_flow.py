def loop():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop())
def swallow():
    for _ in range(1):
        try:
            raise ValueError
        finally:
            break
    return "swallowed"
print(swallow())
def order():
    try:
        try:
            raise KeyError("a")
        finally:
            print("cleanup 1")
    except KeyError:
        print("handler")
    finally:
        print("cleanup 2")
order()
