import itertools as it
print(list(it.chain([1, 2], "ab")), list(it.islice(it.count(5, 2), 4)), list(it.repeat("x", 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4], max)), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.product("ab", repeat=2)), list(it.permutations([1, 2, 3], 2)))
print(list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 2)), list(it.zip_longest("ab", "xyz", fillvalue="-")))
print([(k, list(g)) for k, g in it.groupby("aaabccd")], list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.compress("abcd", [1, 0, 1, 0])))
print(list(it.pairwise([1, 2, 3, 4])), list(it.filterfalse(lambda x: x % 2, range(6))), [list(t) for t in it.tee([1, 2], 2)])
cyc = it.cycle("ab")
print([next(cyc) for _ in range(5)])
