x = 10 if else 20
