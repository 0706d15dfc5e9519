xs = [3, 1, 2]
xs.append(5)
print(xs, len(xs), xs[0], xs[-1], xs[1:3])
xs.sort()
print(xs, sum(xs), min(xs), max(xs))
for i in range(len(xs)):
    xs[i] = xs[i] * 10
print(xs, [x + 1 for x in xs], 20 in xs)
