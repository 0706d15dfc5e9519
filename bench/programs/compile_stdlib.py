# Compile-throughput driver, run by both interpreters (see bench/run.py):
#   compile_stdlib.py ROOT EXCLUDE_FILE [LIMIT]
# Reads every .py under ROOT (sorted walk, minus the 17 files of EXCLUDE_FILE
# that CPython 3.11 itself rejects), then times compile(source, path, "exec")
# over all of them and prints one line: files, lines, seconds, lines/second.
# Reading happens before the clock starts, so only compilation is measured.
import os
import sys
import time
import warnings

root, exclude_file = sys.argv[1], sys.argv[2]
limit = int(sys.argv[3]) if len(sys.argv) > 3 else 0
with open(exclude_file) as f:
    exclude = set(line.strip() for line in f if line.strip())

sources = []
for dirpath, dirnames, filenames in os.walk(root):
    dirnames.sort()
    for name in sorted(filenames):
        if not name.endswith(".py"):
            continue
        path = os.path.join(dirpath, name)
        if os.path.relpath(path, root) in exclude:
            continue
        with open(path, "rb") as f:
            sources.append((path, f.read()))
        if limit and len(sources) >= limit:
            break
    if limit and len(sources) >= limit:
        break

lines = sum(src.count(b"\n") for _, src in sources)
warnings.simplefilter("ignore")  # SyntaxWarning/DeprecationWarning from test data
failures = 0
start = time.perf_counter()
for path, src in sources:
    try:
        compile(src, path, "exec")
    except SyntaxError:
        failures += 1
elapsed = time.perf_counter() - start
print("files %d lines %d failures %d seconds %.3f lines_per_second %.0f"
      % (len(sources), lines, failures, elapsed, lines / elapsed if elapsed else 0.0))
