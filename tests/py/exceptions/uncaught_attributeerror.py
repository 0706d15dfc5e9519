class Foo:
    bar = 1
print(Foo().bar)
Foo().baz
