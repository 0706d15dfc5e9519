import functools, operator
print(functools.reduce(operator.add, range(5)), functools.reduce(lambda a, b: a * b, [1, 2, 3, 4], 10))
p = functools.partial(pow, 2)
print(p(10), p.func is pow, p.args)
print(operator.itemgetter(1)([5, 6]), operator.attrgetter("real")(3), operator.methodcaller("upper")("x"))
print(sorted([(1, "b"), (0, "a")], key=operator.itemgetter(1)), operator.mul(6, 7), operator.neg(5), operator.contains([1], 1))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(1))
@functools.singledispatch
def show(x): return "object"
@show.register
def _(x: int): return "int"
print(show(1), show("s"))
