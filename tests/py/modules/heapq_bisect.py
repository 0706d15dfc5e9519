import heapq, bisect
h = []
for v in [5, 1, 8, 3, 2]:
    heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(len(h))], heapq.nsmallest(2, [4, 1, 3]), heapq.nlargest(2, [4, 1, 3]))
h2 = [9, 4, 7]; heapq.heapify(h2); print(h2[0], heapq.merge([1, 4], [2, 3]).__class__.__name__, list(heapq.merge([1, 4], [2, 3])))
a = [1, 3, 3, 5]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 0))
bisect.insort(a, 4); print(a)
