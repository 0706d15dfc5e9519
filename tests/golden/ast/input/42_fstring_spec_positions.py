print(
    (
        f"{a}Match {b} at {c}({d(e, f)},{g(h, i)})\n"
        f"  {j(k)}\n"
        f"  {'^':>{col(loc, s)}}"
        f"{x:4}" f"{y:>{w}.{p}f}"
    )
)
z = f"{a:{b}x{c}y}" "tail" f"{d:end}"
