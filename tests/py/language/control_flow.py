for i in range(5):
    if i == 1:
        continue
    if i == 3:
        break
    print("for", i)
else:
    print("no else after break")
for i in range(2):
    pass
else:
    print("for else", i)
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
while True:
    n -= 1
    if n == 0:
        break
print("n", n)
x = 7
print("big" if x > 5 else "small", "pos" if x else "zero")
if x < 0:
    print("neg")
elif x < 5:
    print("small")
elif x < 10:
    print("medium")
else:
    print("large")
for a in range(3):
    for b in range(3):
        if b == 2:
            break
        if a == b:
            continue
        print(a, b)
def f():
    for i in range(10):
        try:
            if i == 2:
                return i
        finally:
            print("finally", i)
print(f())
