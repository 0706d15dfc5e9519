def gen():
    yield 1
    raise LookupError("from generator")
for v in gen():
    print(v)
