"""Adder demo: a small multi-module program whose imports go through the cache.

Run it twice: the first run compiles wordfreq/*.py and writes
wordfreq/__pycache__/*.adder-311.pyc; the second loads the cached bytecode.
"""
import sys
from wordfreq import count_words, top_words
from wordfreq.report import render

TEXT = """
Python compiles source to bytecode, stores it in __pycache__, and reuses it
on the next run so programs start faster. It recompiles when the source
changes, and stops writing the cache under -B or PYTHONDONTWRITEBYTECODE.
Adder keeps that contract and never runs stale bytecode.
"""


def main(argv):
    counts = count_words(TEXT)
    print(render(top_words(counts, 5)))
    print("modules:", ", ".join(sorted(m for m in sys.modules if m.startswith("wordfreq"))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
