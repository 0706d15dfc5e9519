#!/usr/bin/python3.11
"""Regenerates tests/unit/numeric/data/*.txt from CPython 3.11, the oracle.

Run with /usr/bin/python3.11 (never edit the data by hand). Doubles are written
as 16 hex digits of their IEEE bits; strings as hex of their UTF-8 bytes, so
every file is plain tab-separated ASCII. The random seed is fixed so
regenerating gives the same files.
"""
import os
import random
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
rng = random.Random(20261126)


def bits(x):
    return struct.pack(">d", x).hex()


def hx(s):
    if isinstance(s, str):
        s = s.encode("utf-8", "surrogatepass")
    return s.hex() or "-"


def write(name, rows):
    with open(os.path.join(DATA, name), "w") as f:
        for row in rows:
            f.write("\t".join(str(c) for c in row) + "\n")


def random_doubles(n):
    out = [0.0, -0.0, float("inf"), -float("inf"), 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5, 0.1, 0.5,
           1.5, 2.5, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 123456789.0,
           1e22, 1e23, 0.3, 2 / 3, 100.0, 1234.5678, 1e-7, 4.35, 0.125, 0.375]
    while len(out) < n:
        kind = rng.randrange(4)
        if kind == 0:
            x = struct.unpack(">d", rng.getrandbits(64).to_bytes(8, "big"))[0]
            if x != x or x in (float("inf"), -float("inf")):
                continue
        elif kind == 1:
            x = rng.random() * 10 ** rng.randrange(-30, 30)
        elif kind == 2:
            x = round(rng.uniform(-1e6, 1e6), rng.randrange(0, 8))
        else:
            x = float(rng.randrange(-10**18, 10**18)) / 10 ** rng.randrange(0, 20)
        if rng.random() < 0.3:
            x = -x
        out.append(x)
    return out


def gen_float():
    doubles = random_doubles(10000)
    write("float_repr.txt", [(bits(x), repr(x)) for x in doubles] + [(bits(float("nan")), "nan")])
    write("float_hex.txt", [(bits(x), x.hex()) for x in doubles[:3000]])
    rows = []
    for x in doubles[:1500]:
        for nd in (rng.randrange(-20, 20), rng.randrange(0, 6), 0, 1, 2):
            try:
                rows.append((bits(x), nd, bits(round(x, nd))))
            except OverflowError:
                rows.append((bits(x), nd, "OVERFLOW"))
    for x in (0.125, 0.375, 2.675, 1.005, 0.5, 1.5, 2.5, -2.5, 1e300, 1.7976931348623157e308, 5e-324):
        for nd in (-400, -308, -300, -10, -2, -1, 0, 1, 2, 3, 300, 330):
            try:
                rows.append((bits(x), nd, bits(round(x, nd))))
            except OverflowError:
                rows.append((bits(x), nd, "OVERFLOW"))
    write("float_round.txt", rows)
    inputs = ["1", " 1.5 ", "-0", "+inf", "-Infinity", "nAn", "-nan", "1_000.000_1", "1__0", "_1", "1_", "1e1_0",
              "1.e5", ".5", "5.", ".", "e5", "1e", "1e+", "0x10", "1e400", "-1e400", "1e-400", "\t\n12\x0b\x0c",
              "infinity", "infinit", "1.5e-7", "12abc", "", "  ", "1 2", "4_2.0_1e1_0", "0.000001", "-.5e-3",
              "9007199254740993", "2.4703282292062327e-324", "2.4703282292062328e-324", "1._5", "1_.5", "+-1"]
    for x in random_doubles(500):
        inputs.append(repr(x))
        inputs.append("%.17g" % x)
        inputs.append("%.30e" % x)
    rows = []
    for s in inputs:
        try:
            rows.append((hx(s), bits(float(s))))
        except ValueError:
            rows.append((hx(s), "ERROR"))
    write("float_parse.txt", rows)
    rows = []
    hexes = ["0x1p0", "0x1.8p1", "-0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x1.fffffffffffffp1023",
             "0x1p1024", "0x.8p1", "1", "0x", "0xp1", "inf", "-nan", "  0x1.5  ", "0x1.00000000000008p0",
             "0x1.00000000000018p0", "0x1.000000000000081p0", "0X1P+3", "0x1p", "1.8p1", "0x1p-1080", "0x3p-1076",
             "0x1.fffffffffffff8p1023", "0x0p9999999999999", "0x1p-99999999999999", "0x1p99999999999", "ff"]
    for x in doubles[:500]:
        hexes.append(x.hex())
    for s in hexes:
        try:
            rows.append((hx(s), bits(float.fromhex(s))))
        except ValueError:
            rows.append((hx(s), "ERROR"))
        except OverflowError:
            rows.append((hx(s), "OVERFLOW"))
    write("float_fromhex.txt", rows)
    rows = []
    specials = [0.0, -0.0, 1.0, -1.0, 3.5, -3.5, 1e300, -1e-300, 5e-324, float("inf"), -float("inf"), 7.0, 0.1]
    for a in specials + doubles[:100]:
        for b in specials + doubles[100:115]:
            if b == 0:
                continue
            q, r = divmod(a, b)
            rows.append((bits(a), bits(b), bits(a % b), bits(q), bits(r)))
    write("float_divmod.txt", rows)
    rows = []
    for x in doubles[:2000]:
        if x in (float("inf"), -float("inf")):
            continue
        n, d = x.as_integer_ratio()
        rows.append((bits(x), n, d, int(x.is_integer())))
    write("float_ratio.txt", rows)


def random_ints(n):
    out = [0, 1, -1, 2, -2, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64, 2**53, 2**53 + 1, 10**30, -10**30,
           2**1024, 2**1024 - 2**970, 2**1024 - 2**971, 2**61 - 1, 2**61, -(2**61 - 1), 255, 256, -256]
    while len(out) < n:
        k = rng.randrange(3)
        if k == 0:
            x = rng.randrange(-1000, 1000)
        elif k == 1:
            x = rng.getrandbits(rng.randrange(1, 200))
        else:
            x = rng.getrandbits(rng.randrange(1, 1200))
        if rng.random() < 0.4:
            x = -x
        out.append(x)
    return out


def gen_int():
    ints = random_ints(1500)
    write("int_str.txt", [(x, base, to_base(x, base)) for x in ints[:200] for base in (2, 3, 7, 8, 10, 16, 36)])
    rows = []
    cases = ["0", "-0", "+12", " 12 ", "1_000", "1__0", "_1", "1_", "0x1f", "0X1F", "0x_1f", "0x__1f", "0o17",
             "0b101", "0b", "010", "00", "0_0", "00_0", "0_1", "z", "Z", "zz", "1e5", "", " ", "- 1", "--1",
             "0x1g", "\t7\n", "12 3", "0b102", "0o8", "9" * 5000, "1" * 4300, "1" * 4301, "f" * 5000]
    for s in cases:
        for base in (0, 2, 8, 10, 16, 36):
            try:
                v = int(s, base)
                rows.append((hx(s), base, v if abs(v) < 10**4000 else "BIG:%d" % (v % 1000003)))
            except ValueError as e:
                msg = str(e)
                rows.append((hx(s), base, "LIMIT" if "Exceeds the limit" in msg else "ERROR"))
    write("int_parse.txt", rows)
    rows = []
    for i in range(500):
        a = ints[rng.randrange(len(ints))]
        b = ints[rng.randrange(len(ints))]
        if b == 0:
            b = 7
        try:
            td = bits(a / b)
        except OverflowError:
            td = "OVERFLOW"
        rows.append((a, b, a + b, a - b, a * b, a // b, a % b, a & b, a | b, a ^ b, ~a, td))
    write("int_ops.txt", rows)
    rows = []
    for x in ints:
        try:
            f = bits(float(x))
        except OverflowError:
            f = "OVERFLOW"
        s = rng.randrange(0, 100)
        rows.append((x, x.bit_length(), x.bit_count(), f, x << s, x >> s, s))
    write("int_unary.txt", rows)
    rows = []
    for i in range(400):
        a = ints[rng.randrange(len(ints))]
        e = rng.choice([0, 1, 2, 3, -1, -2, rng.randrange(0, 10**6), ints[rng.randrange(len(ints))]])
        m = rng.choice([1, -1, 7, -7, 2**61 - 1, ints[rng.randrange(len(ints))]])
        if m == 0:
            m = 5
        try:
            r = pow(a, e, m)
        except ValueError:
            r = "NOTINV"
        rows.append((a, e, m, r))
    write("int_powmod.txt", rows)
    rows = []
    for x in ints[:120]:
        for length in (0, 1, 2, 8, 9, 33):
            for order in ("big", "little"):
                for signed in (0, 1):
                    try:
                        out = x.to_bytes(length, order, signed=bool(signed)).hex() or "-"
                    except OverflowError:
                        out = "OVERFLOW"
                    rows.append((x, length, order, signed, out))
    write("int_to_bytes.txt", rows)
    rows = []
    for i in range(300):
        b = rng.getrandbits(8 * rng.randrange(0, 20)).to_bytes(rng.randrange(19, 21), "big")[: rng.randrange(0, 20)]
        for order in ("big", "little"):
            for signed in (0, 1):
                rows.append((hx(b), order, signed, int.from_bytes(b, order, signed=bool(signed))))
    write("int_from_bytes.txt", rows)
    rows = []
    for x in ints[:300]:
        for d in (3.5, 1e300, -0.5, float(x) if abs(x) < 2**1000 else 1.0):
            rows.append((x, bits(d), (x > d) - (x < d)))
    write("int_cmp_float.txt", rows)


def to_base(x, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if x == 0:
        return "0"
    neg = x < 0
    x = abs(x)
    out = []
    while x:
        x, r = divmod(x, base)
        out.append(digits[r])
    return ("-" if neg else "") + "".join(reversed(out))


def gen_hash():
    ints = random_ints(800)
    write("hash_int.txt", [(x, hash(x)) for x in ints])
    write("hash_float.txt", [(bits(x), hash(x)) for x in random_doubles(2000)])
    write("hash_complex.txt", [(bits(a), bits(b), hash(complex(a, b))) for a, b in
                               zip(random_doubles(300), random_doubles(600)[300:])])
    strings = ["", "a", "abc", "hello world", "é", "日本語", "emoji 😀", "\udc80", "x" * 7, "y" * 8, "z" * 9,
               "ÿ" * 17, "Ā" * 3, "mixed é日😀"]
    for i in range(200):
        n = rng.randrange(0, 30)
        top = rng.choice([0x7F, 0xFF, 0xFFFF, 0x10FFFF])
        strings.append("".join(chr(rng.randrange(1, top + 1)) for _ in range(n)))
    script = ("import sys\nfor line in sys.stdin:\n    s = bytes.fromhex(line.strip()).decode('utf-8','surrogatepass')\n"
              "    print(hash(s), hash(s.encode('utf-8','surrogatepass')))\n")
    rows = []
    for seed in ("0", "1", "42", "4294967295"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        inp = "".join((hx(s) if s else "") + "\n" for s in strings)
        out = subprocess.run([sys.executable, "-c", script], input=inp, capture_output=True, text=True, env=env,
                             check=True).stdout.split("\n")
        for s, line in zip(strings, out):
            hs, hb = line.split()
            rows.append((seed, hx(s), hs, hb))
    write("hash_str.txt", rows)


def random_spec(types):
    parts = [rng.choice(["", "", "<", ">", "^", "=", "*<", "*^", "0>", "é=", "x^"]),
             rng.choice(["", "", "+", "-", " "]), rng.choice(["", "", "", "z"]), rng.choice(["", "", "#"]),
             rng.choice(["", "", "0"]), rng.choice(["", "", "1", "8", "15", "25"]), rng.choice(["", "", ",", "_"]),
             rng.choice(["", "", ".0", ".1", ".3", ".12", ".20"]), rng.choice(types)]
    return "".join(parts)


def format_outcome(value, spec):
    try:
        return "OK", hx(format(value, spec))
    except ValueError as e:
        return "ValueError", hx(str(e))
    except OverflowError as e:
        return "OverflowError", hx(str(e))


def gen_format():
    rows = []
    ints = [0, 1, -1, 7, -42, 255, 1234567, -98765432, 2**70, -(2**64) - 12345, 0x10FFFF, 0x110000, 65, 233]
    for _ in range(3000):
        spec = random_spec(["", "", "d", "b", "o", "x", "X", "n", "c", "e", "f", "g", "%", "E", "G", "F", "s", "?"])
        v = rng.choice(ints)
        rows.append(("int", v, hx(spec)) + format_outcome(v, spec))
    for spec in ["", ",", "_", "_x", "_b", "#_o", "012,", "0=12,", "+012_", "#012x", "x<#10X", "^9", "c", "-c", "#c",
                 ".2", "z", ",,", "__", ",_", "_,", ".", "99999999999999999999", "ü", "\x01", "=5", "*>+#015,"]:
        for v in (0, 5, -1234567, 2**64):
            rows.append(("int", v, hx(spec)) + format_outcome(v, spec))
    floats = [0.0, -0.0, 1.5, -1234.5678, 1e16, 1e-7, float("inf"), -float("inf"), float("nan"), 123456789.125, 0.5,
              2.5, 1e300, 5e-324, 1.0, 100.0, -0.0001, 3.14159265358979, 1e22, 9.999999e-5, 0.1]
    for _ in range(4000):
        spec = random_spec(["", "", "", "e", "E", "f", "F", "g", "G", "n", "%", "d", "s"])
        v = rng.choice(floats)
        rows.append(("float", bits(v), hx(spec)) + format_outcome(v, spec))
    for _ in range(1500):
        spec = random_spec(["", "", "e", "f", "g", "G", "n", "%"])
        v = complex(rng.choice(floats), rng.choice(floats))
        rows.append(("complex", bits(v.real) + ":" + bits(v.imag), hx(spec)) + format_outcome(v, spec))
    strs = ["", "a", "hello", "héllo wörld", "日本語", "😀x"]
    for _ in range(800):
        spec = random_spec(["", "", "s", "d"])
        v = rng.choice(strs)
        rows.append(("str", hx(v), hx(spec)) + format_outcome(v, spec))
    write("format_spec.txt", rows)
    # complex repr
    rows = []
    for a in floats:
        for b in floats[:12]:
            rows.append((bits(a), bits(b), hx(repr(complex(a, b)))))
    write("complex_repr.txt", rows)
    # printf-style single conversions: flags, width, precision.
    rows = []
    for _ in range(3000):
        conv = rng.choice("diuxXoeEfFgGsr")
        flags = "".join(rng.sample("-+ #0", rng.randrange(0, 3)))
        width = rng.choice(["", "", "1", "6", "12"])
        prec = rng.choice(["", "", ".0", ".2", ".5", ".10"])
        fmt = "%" + flags + width + prec + conv
        if conv in "diuxXo":
            v = rng.choice(ints[:10])
            vt = "int"
            vv = v
        elif conv in "eEfFgG":
            v = rng.choice(floats)
            vt = "float"
            vv = bits(v)
        else:
            v = rng.choice(strs)
            vt = "str"
            vv = hx(v)
            if conv == "r":
                continue
        try:
            rows.append((vt, vv, hx(fmt), "OK", hx(fmt % (v,))))
        except (ValueError, TypeError) as e:
            rows.append((vt, vv, hx(fmt), "ERR", hx(str(e))))
    write("printf.txt", rows)


if __name__ == "__main__":
    os.makedirs(DATA, exist_ok=True)
    gen_format()
    gen_float()
    gen_int()
    gen_hash()
