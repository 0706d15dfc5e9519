import sys; print(sys.version); x = 1
if x: print(x)
for i in range(3): print(i)
while False: pass
class A: x = 1; y = 2
def f(): return 1
try: pass
except: pass
with a: pass
