from collections import defaultdict, Counter, OrderedDict, deque
dd = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    dd[word[0]].append(word)
print(dict(dd), dd["zz"], len(dd))
c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["z"], sorted(c.elements())[:5], sum(c.values()))
c.update("aaz"); print(c.most_common(2))
od = OrderedDict(a=1, b=2); od.move_to_end("a"); print(list(od), od.popitem(last=False))
q = deque([1, 2, 3], maxlen=4); q.appendleft(0); q.append(4); q.rotate(1); print(q, q.popleft(), q.pop())
