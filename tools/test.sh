#!/usr/bin/env bash
# The test command of README.md: builds Adder (Release) if needed, then runs every
# test with CTest: the GoogleTest unit tests of each stage, the differential
# tests (tests/py, expected output generated from CPython 3.11) and the
# command-line cases. Ends with CTest's summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh release
cd build
ctest --output-on-failure -j"$(nproc)" "$@"
