x = 1_or
