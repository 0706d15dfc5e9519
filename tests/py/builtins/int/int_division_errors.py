for op in ["1 // 0", "1 % 0", "1 / 0", "divmod(1, 0)", "2 ** 100 // 0", "0 ** -1"]:
    try:
        eval(op)
    except ZeroDivisionError as e:
        print(op, "->", e)
print(7 / 2, -7 / 2, 1 / 3, 2 ** 100 / 2 ** 99, 10 ** 30 / 10 ** 10)
