#!/bin/sh
# Builds and runs the command-line parser unit tests by hand (no CMake target
# yet: the parser is part of the `adder` executable). Usage: build.sh [OUTDIR]
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=${1:-$root/build-cli}
mkdir -p "$out"
g++ -std=gnu++20 -g -O0 -Wall -Wextra -Wno-unused-parameter -I"$root/src" -I"$root/include" \
    "$here/options_test.cpp" "$here/quote_test.cpp" "$root/src/cli/options.cpp" "$root/src/cli/quote.cpp" -lgtest -lgtest_main -pthread \
    -o "$out/cli_options_test"
"$out/cli_options_test"
# The `adder` command line linked with the python3.11-backed test double, for
# running tests/cli/cases.txt before the real interpreter links:
#   tools/run_cli_tests.sh build-cli/adder-cli-fake
g++ -std=gnu++20 -g -O0 -Wall -Wextra -Wno-unused-parameter -I"$root/src" -I"$root/include" \
    "$root"/src/cli/*.cpp "$here/fake_interpreter.cpp" -ledit -o "$out/adder-cli-fake"
