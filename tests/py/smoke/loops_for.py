for i in range(3):
    print("i", i)
for ch in "ab":
    print("ch", ch)
for k, v in [(1, "a"), (2, "b")]:
    print(k, v)
total = 0
for n in range(1, 101):
    total += n
print(total)
