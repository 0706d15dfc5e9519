@a
def f(): pass

@a.b
@c(d)
class C: pass

@x[0]
@y or z
@(lambda f: f)
@w := v
def g(): pass

@a
@b
async def h(): pass
