x = "a\
