# Generator pipelines: yield, yield from, generator expressions and send().
def numbers(n):
    for i in range(n):
        yield i


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    yield from (x * x for x in it)


def running_sum():
    total = 0
    while True:
        x = yield total
        total += x


def run(n):
    acc = running_sum()
    next(acc)
    result = 0
    for v in squares(evens(numbers(n))):
        result = acc.send(v % 1000)
    return result + sum(x for x in numbers(n // 2) if x % 3)


print(run(5000000))
