if a:
    pass
if a:
    pass
else:
    pass
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
while a:
    break
while a:
    continue
else:
    pass
for x in y:
    pass
for x, y in z:
    pass
else:
    pass
for x in 1, 2, 3:
    pass
for (a, b), c in d: pass
for x, in y: pass
for *a, b in c: pass
for a.b in c: pass
for a[0] in c: pass
if a: b = 1; c = 2
while (x := f()): pass
if x: pass
elif y: pass
