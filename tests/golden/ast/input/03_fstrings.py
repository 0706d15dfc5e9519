name = "x"
a = f"hello {name}"
b = f"{name!r} {name!s} {name!a}"
c = f"{name:>10} {3.14159:.2f} {name:{width}.{prec}}"
d = f"{name=} {name = } {name=!s} {name=:>5}"
e = f"{{literal}} {{{name}}}"
f = f"{'nested'} {'single'!r}" f'{x["key"]}'
g = rf"raw {name} \n" fr"{name}\d" Rf"{1}" FR"{2}"
h = f"{x if y else z} {(lambda: 1)} {(a, b)} {[i for i in j]}"
i = f"""triple {
    name
} quoted {x +
y}"""
j = "plain " f"mixed {name}" " tail"
k = f"{a!r:{b}{c}}"
l = f""
m = f"{x,}" f"{x, y}" f"{*a, b}"
n = f"{a:}" f"{a!r:}"
o = f"{3.14:{'>'}{10}}"
p = f"{x:{{}}>10}"
q = f"{a}{b}{c}"
r = f"\N{BULLET} {a}"
s = f"{a['b']:{c}}"
t = f'{a}' 'b' f'{c}' u'd'
u = f"{yield}" if 0 else f"{await x}"
