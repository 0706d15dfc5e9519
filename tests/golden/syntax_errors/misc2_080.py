global a b
