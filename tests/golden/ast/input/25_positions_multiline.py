x = (
    1 +
    2
)
y = [
    a,
    b
]
def f(
    a,
    b=1,
):
    return (
        a
        + b
    )
call(
    arg1,
    key=value,
)
z = a \
    + b
s = ("abc"
     "def")
t = f"""
{x}
"""
if (a and
        b):
    pass
class C(
    Base,
):
    pass
