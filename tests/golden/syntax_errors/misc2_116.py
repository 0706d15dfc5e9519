x = 5ab
