name, n, pi = "world", 42, 3.14159
print(f"hello {name}!", f"{n + 1}", f"{pi:.2f}", f"{n:>6}|", f"{n:#x}", f"{'nested'}")
print(f"{name!r} {name!s} {'é'!a} {n=} {pi=:.1f} {name = }")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|", f"{name:{'>'}{width}}", f"{n:{'0'}{5}}")
d = {"key": "val"}
print(f"{d['key']}", f"{[i * 2 for i in range(3)]}", f"{(lambda x: x * 2)(4)}", f"{{}}")
print(f"""multi
{name}
line""", f"{3.0 * 2 if n else 0}", f"{n:,}", f"{1e6:_.0f}")
x = 5
print(f"{x!r:>4}|", f"{'a' 'b'}", rf"\n{x}", f"{x}" f"{x}", F"{x:b}")
