raise X, Y, Z
