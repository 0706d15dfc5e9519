"""Times `-m compileall -q -f -j N` over a copy of CPython 3.11's Lib/, Adder vs CPython.

Each interpreter compiles its own fresh copy of the tree (so neither reads the
other's caches), at -j1 and -j0, best of N runs; prints both times and the
ratio CPython/Adder, then the same for CPU time (user + sys, steadier when
other jobs share the machine). compileall exits 1 because Lib/ holds files that do not
compile (CPython rejects 17 of them): that is expected and not an error here.

    python3 bench/compileall_stdlib.py [--adder build/adder] [-n 3] [--lib DIR]
"""
import argparse
import os
import resource
import shutil
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CPYTHON = "/usr/bin/python3.11"


def best_time(cmd, runs, env):
    """Best wall time and best CPU time (user + sys of the child) over `runs`.
    CPU time is the steadier figure on a shared machine."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_cpu = min(best_cpu, cpu)
    return best, best_cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--adder", default=os.path.join(ROOT, "build", "adder"))
    ap.add_argument("-n", "--runs", type=int, default=3)
    ap.add_argument("--lib", default="/root/.pyenv/versions/3.11.7/lib/python3.11")
    args = ap.parse_args()
    if not os.path.isdir(args.lib):
        args.lib = "/usr/lib/python3.11"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    with tempfile.TemporaryDirectory() as tmp:
        trees = {}
        for name in ("adder", "cpython"):
            trees[name] = os.path.join(tmp, name)
            shutil.copytree(args.lib, trees[name], ignore=shutil.ignore_patterns("__pycache__", "site-packages"))
        nfiles = sum(f.endswith(".py") for _, _, fs in os.walk(trees["adder"]) for f in fs)
        print(f"compileall -q -f over {nfiles} files of {args.lib}, best of {args.runs}")
        print(f"{'jobs':<6}{'CPython 3.11':>14}{'Adder':>10}{'ratio':>8}   {'CPU: CPython':>12}{'Adder':>9}{'ratio':>8}")
        for jobs in ("1", "0"):
            c, c_cpu = best_time([CPYTHON, "-m", "compileall", "-q", "-f", "-j", jobs, trees["cpython"]], args.runs, env)
            a, a_cpu = best_time([args.adder, "-m", "compileall", "-q", "-f", "-j", jobs, trees["adder"]], args.runs, env)
            print(f"-j{jobs:<4}{c:>13.2f}s{a:>9.2f}s{c / a:>7.2f}x   {c_cpu:>11.2f}s{a_cpu:>8.2f}s{c_cpu / a_cpu:>7.2f}x")


if __name__ == "__main__":
    main()
