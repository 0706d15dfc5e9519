f() : int
