print(a.b c)
