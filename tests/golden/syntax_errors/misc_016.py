def f():
    pass
  x
