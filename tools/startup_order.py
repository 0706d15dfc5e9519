#!/usr/bin/env python3
"""Writes src/cli/startup_order.txt, the link order of the static `adder`.

The kernel maps 64 KiB of the executable around every page fault, so code and
data that startup touches, scattered over a 6 MiB binary, cost both faults and
resident memory. This script runs `adder -c pass` (and any extra argument
lists given) under valgrind's lackey tool, maps every instruction and data
address touched to its symbol, and writes the symbols in first-touch order;
CMakeLists.txt hands the file to lld (--symbol-ordering-file), which places
them first. Names that later disappear are ignored by the linker, so the list
only needs regenerating after large changes:

    tools/startup_order.py build/adder > src/cli/startup_order.txt
"""
import bisect
import os
import subprocess
import sys
import tempfile


def symbols(binary):
    """(address, size, name) of every sized symbol of `binary`, sorted."""
    out = subprocess.run(["nm", "-S", "--defined-only", binary], capture_output=True, text=True, check=True).stdout
    result = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[2] in "tTwWdDbBrRvV":
            size = int(parts[1], 16)
            if size:
                result.append((int(parts[0], 16), size, parts[3]))
    result.sort()
    return result


def touched(binary, args, syms, starts, seen, order):
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "lackey.txt")
        subprocess.run(["valgrind", "--tool=lackey", "--trace-mem=yes", "--log-file=" + log, binary] + args,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, check=False)
        with open(log) as f:
            for line in f:
                if line.startswith("="):
                    continue
                parts = line.split()
                if len(parts) != 2:
                    continue
                try:
                    addr = int(parts[1].split(",")[0], 16)
                except ValueError:
                    continue
                i = bisect.bisect_right(starts, addr) - 1
                if i >= 0 and addr < syms[i][0] + syms[i][1] and i not in seen:
                    seen.add(i)
                    order.append(syms[i][2])


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: startup_order.py ADDER [ARGS...]  (default ARGS: -c pass)")
    binary = sys.argv[1]
    runs = [sys.argv[2:]] if len(sys.argv) > 2 else [["-c", "pass"]]
    syms = symbols(binary)
    starts = [s[0] for s in syms]
    seen, order = set(), []
    for args in runs:
        touched(binary, args, syms, starts, seen, order)
    sys.stdout.write("".join(name + "\n" for name in order))


if __name__ == "__main__":
    main()
