count = 0
def bump():
    global count
    count += 1
def read():
    return count
bump(); bump()
print(count, read())
def make():
    global made
    made = "yes"
make()
print(made)
def shadow():
    count = 100
    return count
print(shadow(), count)
def unbound():
    print(count)
    count = 1
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
