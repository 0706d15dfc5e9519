a = *b, c
a = [*b]
a = (*b,)
a = {*b}
f(*a)
*a, b = c
a, *b, c = d
[*a] = b
(*a,) = b
for *a, b in c: pass
return_ = [*a, *b]
print(*args, sep='')
x = *a, *b
y = yield *a, b
def f(): return *a, b
