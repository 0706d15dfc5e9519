#!/usr/bin/python3.11
"""Writes the expected results of the differential tests from CPython 3.11.

For every tests/py/**/*.py (files and folders whose name starts with "_" are
helper modules and packages, and are skipped, as in CMakeLists.txt) this runs /usr/bin/python3.11 exactly as
tools/run_py_test.sh runs Adder: in the file's directory, a fixed environment,
stdin from NAME.stdin and arguments from NAME.args (one per line), and writes
NAME.out (stdout) and NAME.meta (exit code, then the last non-blank stderr
line). Expected files are only ever written by this script.

  tools/gen_expected.py [--check] [FILES...]

--check writes nothing: it reruns each test under two different hash seeds and
reports tests whose expected files are missing or stale, or whose output is
not deterministic (exit 1 if any).
"""
import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "tests", "py")
PYTHON = "/usr/bin/python3.11"  # Debian's binary, never a pyenv shim
# Variables that would change the behaviour of a run; run_py_test.sh unsets the same.
UNSET = ["PYTHONDONTWRITEBYTECODE", "PYTHONPATH", "PYTHONSTARTUP", "PYTHONHOME",
         "PYTHONOPTIMIZE", "PYTHONINSPECT", "PYTHONUNBUFFERED", "PYTHONVERBOSE",
         "PYTHONSAFEPATH", "PYTHONPYCACHEPREFIX", "PYTHONWARNINGS", "PYTHONHASHSEED"]


def find_tests(paths):
    if paths:
        return [os.path.abspath(p) for p in paths]
    found = []
    for dirpath, dirnames, filenames in os.walk(TESTS):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("_"))
        for name in sorted(filenames):
            if name.endswith(".py") and not name.startswith("_"):
                found.append(os.path.join(dirpath, name))
    return found


def last_stderr_line(err):
    lines = [line for line in err.split("\n") if line.strip()]
    return lines[-1] if lines else ""


def run(path, hashseed=None):
    """Returns (stdout bytes, meta text) of one CPython run of the test at `path`."""
    directory, name = os.path.split(path)
    base = name[:-3]
    args = []
    args_file = os.path.join(directory, base + ".args")
    if os.path.exists(args_file):
        with open(args_file, encoding="utf-8") as f:
            args = f.read().splitlines()
    stdin_file = os.path.join(directory, base + ".stdin")
    env = {k: v for k, v in os.environ.items() if k not in UNSET}
    env["LC_ALL"] = "C.UTF-8"
    if hashseed is not None:
        env["PYTHONHASHSEED"] = str(hashseed)
    with open(stdin_file if os.path.exists(stdin_file) else os.devnull, "rb") as stdin:
        proc = subprocess.run([PYTHON, name] + args, cwd=directory, stdin=stdin,
                              capture_output=True, env=env, timeout=60)
    err = proc.stderr.decode("utf-8", "replace")
    meta = "%d\n%s\n" % (proc.returncode, last_stderr_line(err))
    return proc.stdout, meta


def read(path, mode="rb"):
    try:
        with open(path, mode) as f:
            return f.read()
    except FileNotFoundError:
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("files", nargs="*")
    opts = parser.parse_args()
    problems = 0
    tests = find_tests(opts.files)
    for path in tests:
        base = path[:-3]
        rel = os.path.relpath(path, ROOT)
        if opts.check:
            out1, meta1 = run(path, hashseed=1)
            out2, meta2 = run(path, hashseed=2)
            if (out1, meta1) != (out2, meta2):
                print("NONDETERMINISTIC", rel)
                problems += 1
            elif read(base + ".out") != out1 or read(base + ".meta", "r") != meta1:
                print("STALE", rel)
                problems += 1
            continue
        out, meta = run(path)
        with open(base + ".out", "wb") as f:
            f.write(out)
        with open(base + ".meta", "w", encoding="utf-8") as f:
            f.write(meta)
    print("%d tests, %d problems" % (len(tests), problems) if opts.check else "%d tests written" % len(tests))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
