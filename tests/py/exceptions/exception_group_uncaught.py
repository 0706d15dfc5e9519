raise ExceptionGroup("several", [ValueError("x"), TypeError("y")])
