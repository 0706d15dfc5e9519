#!/usr/bin/python3.11
"""Command-line differential tests: the cases of tests/cli/cases.txt.

  tools/cli_tests.py generate          write tests/cli/expected/*.json from /usr/bin/python3.11
  tools/cli_tests.py run ADDER [NAME]  run the cases against ADDER and compare (exit 1 on failure)

Each case runs in a fresh temporary directory holding a copy of
tests/cli/fixtures/, with a clean environment plus the case's variables.
Outputs are normalised before they are stored or compared: the program path
becomes PROG, the temporary directory TMP, CPython's "Try `python -h'" and our
"Try `adder -h'" both "Try `PROG -h'", and "Python 3.11.N" becomes
"Python 3.11.x". Expected files are only ever written by `generate`.
"""
import ast
import difflib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "tests", "cli", "cases.txt")
FIXTURES = os.path.join(ROOT, "tests", "cli", "fixtures")
EXPECTED = os.path.join(ROOT, "tests", "cli", "expected")
PYTHON = "/usr/bin/python3.11"  # Debian's binary, never a pyenv shim
UNSET = ["PYTHONDONTWRITEBYTECODE", "PYTHONPATH", "PYTHONSTARTUP", "PYTHONHOME",
         "PYTHONOPTIMIZE", "PYTHONINSPECT", "PYTHONUNBUFFERED", "PYTHONVERBOSE",
         "PYTHONSAFEPATH", "PYTHONPYCACHEPREFIX", "PYTHONWARNINGS", "PYTHONHASHSEED",
         "PYTHONNOUSERSITE", "PYTHONDEBUG", "PYTHONDEVMODE", "PYTHONUTF8"]


class Case:
    def __init__(self, line):
        fields = [f.strip() for f in re.split(r" \|(?= |$)", line)]
        if len(fields) != 5:
            raise ValueError("bad case line: " + line)
        self.name, checks, env, stdin, args = fields
        self.checks = set(c for c in checks.split(",") if c)
        self.env = dict(word.split("=", 1) for word in shlex.split(env))
        self.stdin = ast.literal_eval(stdin).encode() if stdin else None
        self.args = [a.replace("\\n", "\n") for a in shlex.split(args)]


def load_cases():
    cases = []
    with open(CASES, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                cases.append(Case(line))
    return cases


def normalise(text, program, tmp):
    text = text.replace(os.path.realpath(tmp), "TMP").replace(tmp, "TMP")
    text = text.replace(program, "PROG")
    text = text.replace("Try `python -h'", "Try `PROG -h'").replace("Try `adder -h'", "Try `PROG -h'")
    return re.sub(r"Python 3\.11\.\d+", "Python 3.11.x", text)


def run_case(case, program):
    tmp = tempfile.mkdtemp(prefix="adder-cli-")
    try:
        work = os.path.join(tmp, "w")
        shutil.copytree(FIXTURES, work)
        env = {k: v for k, v in os.environ.items() if k not in UNSET}
        env["LC_ALL"] = "C.UTF-8"
        env.update(case.env)
        try:
            proc = subprocess.run([program] + case.args, cwd=work, env=env, capture_output=True,
                                  input=case.stdin if case.stdin is not None else b"",
                                  timeout=30)
            code, out, err = proc.returncode, proc.stdout, proc.stderr
        except subprocess.TimeoutExpired:
            code, out, err = "timeout", b"", b""
        dec = lambda b: b.decode("utf-8", "replace")
        return {"exit": code, "stdout": normalise(dec(out), program, work),
                "stderr": normalise(dec(err), program, work)}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def view(result, checks):
    """The parts of `result` that `checks` compares."""
    out = result["stdout"]
    if "out=first" in checks:
        out = out.split("\n", 1)[0]
    elif "out=ignore" in checks:
        out = ""
    err = result["stderr"]
    if "err=full" not in checks:
        lines = [l for l in err.split("\n") if l.strip()]
        err = lines[-1] if lines else ""
    return {"exit": result["exit"], "stdout": out, "stderr": err}


def generate():
    os.makedirs(EXPECTED, exist_ok=True)
    cases = load_cases()
    for case in cases:
        with open(os.path.join(EXPECTED, case.name + ".json"), "w", encoding="utf-8") as f:
            json.dump(run_case(case, PYTHON), f, indent=1, sort_keys=True)
            f.write("\n")
    print("%d cases written" % len(cases))
    return 0


def run(program, only):
    program = os.path.abspath(program)
    passed = failed = 0
    for case in load_cases():
        if only and case.name not in only:
            continue
        try:
            with open(os.path.join(EXPECTED, case.name + ".json"), encoding="utf-8") as f:
                expected = json.load(f)
        except FileNotFoundError:
            print("MISSING", case.name, "(run tools/cli_tests.py generate)")
            failed += 1
            continue
        want = view(expected, case.checks)
        got = view(run_case(case, program), case.checks)
        if want == got:
            passed += 1
            continue
        failed += 1
        print("FAIL", case.name, " ".join(shlex.quote(a) for a in case.args))
        for key in ("exit", "stdout", "stderr"):
            if want[key] != got[key]:
                a = str(want[key]).splitlines(keepends=True)
                b = str(got[key]).splitlines(keepends=True)
                sys.stdout.writelines("  " + l if l.endswith("\n") else "  " + l + "\n"
                                      for l in difflib.unified_diff(a, b, "expected " + key, "adder " + key))
    print("cli tests: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def main(argv):
    if len(argv) >= 1 and argv[0] == "generate":
        return generate()
    if len(argv) >= 2 and argv[0] == "run":
        return run(argv[1], set(argv[2:]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
