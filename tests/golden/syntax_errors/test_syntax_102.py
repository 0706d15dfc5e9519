lambda a,*a, b, **c, **d: None
