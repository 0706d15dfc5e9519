#!/usr/bin/env python3
"""Import benchmark: a generated tree of packages and modules, cold and warm.

Generates N modules (default 200) of about L lines each (default 300: small
functions, a class, constants) in 10 packages under a temp directory, and a
main program that imports them all and checks a sum. For Adder (--adder,
default build-import-rel/adder) and /usr/bin/python3.11 it measures:
  cold: no cache files (every module compiled and its cache file written);
  warm: all cache files present and fresh (every module loaded from cache).
Sources get an mtime 60 s in the past (see make_tree). Each is the best CPU time (user+sys) of --runs runs (cold runs delete the caches
first). Both must print the same sum. Run it with a Release build of Adder:
    cmake -G Ninja -S . -B build-import-rel -DCMAKE_BUILD_TYPE=Release
    ninja -C build-import-rel adder
    python3 bench/import_tree.py
"""
import argparse
import os
import resource
import shutil
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CPYTHON = "/usr/bin/python3.11"


def module_text(index, lines):
    out = [f'"""Generated module {index}."""', f"BASE = {index}", ""]
    k = 0
    while len(out) < lines - 12:
        out += [
            f"def f{k}(x, y={k}):",
            f"    if x > {k}:",
            f"        return x * y + BASE",
            f"    return [x + i for i in range({k % 7 + 1})][-1]",
            "",
        ]
        k += 1
    out += [
        "class Thing:",
        "    def __init__(self, v):",
        "        self.v = v",
        "    def total(self):",
        "        return self.v + BASE",
        "",
        f"TABLE = {{'a': 1, 'b': 2.5, 'c': 'text {index}', 'd': (1, 2, 3)}}",
        f"VALUE = f0({index} + 1) + Thing({index}).total()",
    ]
    return "\n".join(out) + "\n"


def make_tree(root, count, lines):
    names = []
    for p in range(10):
        pkg = os.path.join(root, f"pkg{p}")
        os.makedirs(pkg)
        with open(os.path.join(pkg, "__init__.py"), "w") as f:
            f.write(f"PKG = {p}\n")
    for i in range(count):
        p = i % 10
        with open(os.path.join(root, f"pkg{p}", f"mod{i}.py"), "w") as f:
            f.write(module_text(i, lines))
        names.append(f"pkg{p}.mod{i}")
    # Sources are usually old: an mtime within 2 s of the cache write makes
    # Adder treat the entry as racy and re-hash the source on every load (K3).
    past = time.time() - 60
    for dirpath, _, files in os.walk(root):
        for name in files:
            os.utime(os.path.join(dirpath, name), (past, past))
    with open(os.path.join(root, "main.py"), "w") as f:
        for n in names:
            f.write(f"import {n}\n")
        f.write("import sys\n")
        f.write("print(sum(sys.modules[n].VALUE for n in %r))\n" % names)


def clear_caches(root):
    for dirpath, dirnames, _ in os.walk(root):
        if "__pycache__" in dirnames:
            shutil.rmtree(os.path.join(dirpath, "__pycache__"))
            dirnames.remove("__pycache__")


def child_cpu():
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def run(cmd, cwd, env):
    """Runs `cmd`; returns (CPU seconds, stdout). CPU time (user+sys of the
    child) rather than wall time: the machine is shared and often loaded."""
    start = child_cpu()
    r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    elapsed = child_cpu() - start
    if r.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed:\n{r.stderr[-2000:]}")
    return elapsed, r.stdout.strip()


def measure(interp, root, runs, env):
    cold, warm, out = [], [], None
    for _ in range(runs):
        clear_caches(root)
        t, o = run([interp, "main.py"], root, env)
        cold.append(t)
        out = out or o
        t, o2 = run([interp, "main.py"], root, env)
        warm.append(t)
        if o2 != o:
            raise SystemExit(f"{interp}: warm output {o2!r} differs from cold {o!r}")
    return min(cold), min(warm), out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--adder", default=os.path.join(ROOT, "build", "adder"))
    ap.add_argument("--modules", type=int, default=200)
    ap.add_argument("--lines", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    args.adder = os.path.abspath(args.adder)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    with tempfile.TemporaryDirectory() as tmp:
        make_tree(tmp, args.modules, args.lines)
        total = sum(1 for _ in open(os.path.join(tmp, "pkg0", "mod0.py"))) * args.modules
        results = {}
        for label, interp in (("adder", args.adder), ("cpython", CPYTHON)):
            results[label] = measure(interp, tmp, args.runs, env)
        if results["adder"][2] != results["cpython"][2]:
            raise SystemExit(f"outputs differ: {results['adder'][2]!r} vs {results['cpython'][2]!r}")
    print(f"import tree: {args.modules} modules x {args.lines} lines ({total} lines), best of {args.runs}")
    print(f"{'CPU s':10}{'cold':>10}{'warm':>10}{'cold/warm':>11}")
    for label in ("adder", "cpython"):
        c, w, _ = results[label]
        print(f"{label:10}{c:10.3f}{w:10.3f}{c / w:11.2f}")
    a, p = results["adder"], results["cpython"]
    print(f"{'cpy/adder':10}{p[0] / a[0]:10.2f}{p[1] / a[1]:10.2f}   (above 1: Adder is faster)")


if __name__ == "__main__":
    main()
