#!/usr/bin/env python3
"""Benchmarks: Adder against CPython 3.11, in the same run.

Runs every program of bench/programs/ under Adder and under /usr/bin/python3.11
(Debian's optimized build, never a pyenv shim), takes the best wall time of N
runs for each, checks that Adder printed what CPython printed, and prints a
table with both times, the ratio CPython/Adder (above 1: Adder is faster) and
the geometric mean of the ratios. The startup row runs `-c pass` and also
reports peak RSS. --compile adds compile throughput: both interpreters run
programs/compile_stdlib.py over the stdlib and report lines per second.
See bench/README.md.
"""
import argparse
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROGRAMS = os.path.join(HERE, "programs")
CPYTHON = "/usr/bin/python3.11"
STDLIB = "/root/.pyenv/versions/3.11.7/lib/python3.11"
BENCHMARKS = ["startup", "fib", "nbody", "spectral_norm", "fannkuch", "richards", "nqueens",
              "dict_heavy", "str_heavy", "generators"]
TIMEOUT = 600  # seconds for one run: a slow early Adder must not hang the table


def clean_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # identical for both: no cache writes in bench/
    return env


def run_once(argv):
    """Runs `argv`; returns (wall seconds, exit status, stdout bytes)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL, cwd=PROGRAMS, env=clean_env())
    try:
        out, _ = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return float("inf"), "timeout", b""
    elapsed = time.perf_counter() - start
    return elapsed, proc.returncode, out


def measure_rss(argv):
    """Peak RSS in KiB of one run of `argv`, from /usr/bin/time -f %M (None if unavailable).
    A separate run, because RUSAGE_CHILDREN only reports the maximum over all children."""
    if not os.path.exists("/usr/bin/time"):
        return None
    proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, cwd=PROGRAMS, env=clean_env(),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=TIMEOUT)
    try:
        return int(proc.stderr.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def best_of(argv, n):
    """Best wall time of `n` runs, the exit status and output of the first run."""
    best, status, output = float("inf"), None, None
    for _ in range(n):
        elapsed, code, out = run_once(argv)
        if status is None:
            status, output = code, out
        if code != 0:
            return None, code, out
        best = min(best, elapsed)
    return best, status, output


def fmt_time(t):
    return "%8.3f" % t if t is not None else "     n/a"


def bench_programs(adder, names, n):
    rows = []
    for name in names:
        if name == "startup":
            args = ["-c", "pass"]
            runs = max(n, 10)
        else:
            args = [name + ".py"]
            runs = n
        c_time, c_status, c_out = best_of([CPYTHON] + args, runs)
        note = ""
        a_time = None
        if adder is None:
            note = "adder not built"
        else:
            a_time, a_status, a_out = best_of([adder] + args, runs)
            if a_time is None:
                note = "adder failed (exit %s)" % a_status
            elif a_out != c_out:
                note = "adder output differs"
                a_time = None
        if name == "startup":
            c_rss = measure_rss([CPYTHON] + args)
            a_rss = measure_rss([adder] + args) if adder else None
            extra = "RSS cpython %s KiB, adder %s KiB" % (c_rss, a_rss if a_rss is not None else "n/a")
            note = (note + "; " if note else "") + extra
        ratio = c_time / a_time if c_time and a_time else None
        rows.append((name, c_time, a_time, ratio, note))
        print("%-14s %s %s %s  %s" % (name, fmt_time(c_time), fmt_time(a_time),
                                     "%7.2fx" % ratio if ratio else "     n/a", note), flush=True)
    return rows


def compile_throughput(adder, limit):
    driver = os.path.join(PROGRAMS, "compile_stdlib.py")
    exclude = os.path.join(PROGRAMS, "compile_stdlib_exclude.txt")
    args = [driver, STDLIB, exclude] + ([str(limit)] if limit else [])
    print("\ncompile throughput (compile() over %s%s):" % (STDLIB, ", first %d files" % limit if limit else ""))
    results = {}
    for label, exe in (("cpython", CPYTHON), ("adder", adder)):
        if exe is None:
            print("  %-8s n/a (adder not built)" % label)
            continue
        elapsed, code, out = run_once([exe] + args)
        text = out.decode("utf-8", "replace").strip()
        if code != 0 or not text.startswith("files"):
            print("  %-8s cannot run the driver yet (exit %s)" % (label, code))
            continue
        fields = text.split()
        values = dict(zip(fields[0::2], fields[1::2]))
        results[label] = float(values["lines_per_second"])
        print("  %-8s %10.0f lines/s  (%s files, %s lines, %s s, %s failures)" % (
            label, results[label], values["files"], values["lines"], values["seconds"], values["failures"]))
    if len(results) == 2:
        print("  ratio adder/cpython: %.2fx" % (results["adder"] / results["cpython"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--adder", default=os.path.join(ROOT, "build", "adder"),
                        help="path of the adder binary (default: build/adder, as tools/setup.sh builds it)")
    parser.add_argument("-n", "--runs", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument("--only", nargs="*", help="run only these benchmarks")
    parser.add_argument("--compile", action="store_true", help="also measure compile throughput")
    parser.add_argument("--compile-only", action="store_true", help="only measure compile throughput")
    parser.add_argument("--compile-limit", type=int, default=0,
                        help="compile only the first N stdlib files (default: all)")
    opts = parser.parse_args()
    adder = os.path.abspath(opts.adder) if os.path.exists(opts.adder) else None
    if adder is None:
        print("note: %s does not exist; showing CPython only" % opts.adder)
    if not opts.compile_only:
        names = opts.only or BENCHMARKS
        print("%-14s %8s %8s %8s  %s" % ("benchmark", "cpython", "adder", "ratio", "note"))
        print("-" * 60)
        rows = bench_programs(adder, names, opts.runs)
        ratios = [r[3] for r in rows if r[3]]
        print("-" * 60)
        if ratios:
            geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
            print("geometric mean of CPython/Adder over %d programs: %.3fx" % (len(ratios), geo))
        else:
            print("geometric mean: n/a (no program ran under Adder)")
    if opts.compile or opts.compile_only:
        compile_throughput(adder, opts.compile_limit)


if __name__ == "__main__":
    main()
