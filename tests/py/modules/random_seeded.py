import random
random.seed(12345)
print([random.randint(1, 100) for _ in range(5)])
print(random.random())
r = random.Random(7)
items = list(range(10))
r.shuffle(items)
print(items, r.choice("abcdef"), r.sample(range(100), 3), round(r.uniform(1, 2), 6))
