def make_counter_pair():
    count = 0
    def inc(n=1):
        nonlocal count
        count += n
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter_pair()
inc(); inc(5)
print(get())
def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            nonlocal a
            a += b
            return a
        return level3
    f = level2()
    f(); f()
    return a
print(level1())
x = "global"
def reads_global():
    def inner():
        return x
    return inner()
print(reads_global())
def param_shadow(x):
    def inner():
        return x * 2
    return inner()
print(param_shadow(21))
def loop_closures():
    result = []
    for i in range(3):
        def f(i=i):
            return i * 10
        result.append(f)
    return [f() for f in result]
print(loop_closures())
