a = 1 if x
