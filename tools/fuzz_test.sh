#!/usr/bin/env bash
# Bounded libFuzzer run of the pyc loader (issue: "arbitrary bytes after a
# valid header never crash; run it for a bounded time in a test").
# Builds tests/fuzz with clang in its own build directory (libFuzzer needs
# clang; the main build may use g++), writes the seed corpus, then fuzzes for
# SECONDS. Any crash, sanitizer report or abort fails the test; the crashing
# input is left in WORKDIR for reproduction.
# Usage: tools/fuzz_test.sh WORKDIR [SECONDS]   (exit 77 = skipped: no clang/libFuzzer)
set -euo pipefail
work=$1
seconds=${2:-60}
src=$(cd "$(dirname "$0")/.." && pwd)
cxx=$(command -v clang++ || true)
if [ -z "$cxx" ]; then echo "clang++ not found: skipped"; exit 77; fi
probe=$(mktemp -d); trap 'rm -rf "$probe"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' > "$probe/p.cpp"
if ! "$cxx" -fsanitize=fuzzer "$probe/p.cpp" -o "$probe/p" 2>/dev/null; then
  echo "clang++ has no libFuzzer runtime (package libclang-rt-*-dev): skipped"; exit 77
fi
mkdir -p "$work"
cmake -S "$src" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DADDER_FUZZ=ON \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$(command -v clang)" >/dev/null
ninja -C "$work/build" -j"$(nproc)" fuzz_pyc_load make_pyc_seeds >/dev/null
rm -rf "$work/corpus"; mkdir -p "$work/corpus" "$work/artifacts"
"$work/build/tests/fuzz/make_pyc_seeds" "$work/corpus"
echo "seeds: $(ls "$work/corpus" | wc -l); fuzzing for ${seconds}s"
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
"$work/build/tests/fuzz/fuzz_pyc_load" "$work/corpus" -max_total_time="$seconds" \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 2>&1 | grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+==|SUMMARY|.*ERROR)' || true
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then echo "FAIL: fuzz_pyc_load exited $status (see $work/artifacts)"; exit 1; fi
echo "PASS: no crash in ${seconds}s of fuzzing"
