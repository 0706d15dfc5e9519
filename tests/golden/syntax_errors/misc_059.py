match x:
  case:
    pass
