n = 0
total = 0
while n < 10:
    n = n + 1
    if n % 2 == 0:
        total = total + n
    elif n == 5:
        print("five")
    else:
        pass
print(total)
if total > 20 and n == 10:
    print("both")
if not (total < 0 or n < 0):
    print("neither negative")
