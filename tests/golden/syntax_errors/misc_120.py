x = "abc" + 
