// Compiles every .py file of the CPython 3.11 standard library on this machine
// (skipped when absent; site-packages only when ADDER_STDLIB_FULL=1, since it
// is third-party code and triples the run time). Files python3.11 rejects are
// listed in data/stdlib_rejected.txt; every other file must compile without
// error, with a sane stack depth, and pass bytecode::verify(). Parse
// failures are counted and reported (they are the parser's business) but do
// not fail this test. Also prints compile throughput.
#include "bytecode/verify.h"
#include "test_util.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

using namespace adder::compiler;
using namespace adder::compiler::testing;

TEST(Stdlib, CompilesEveryFile)
{
    namespace fs = std::filesystem;
    const std::string root = "/root/.pyenv/versions/3.11.7/lib/python3.11";
    if (!fs::is_directory(root))
        GTEST_SKIP() << "no CPython 3.11 stdlib at " << root;
    std::set<std::string> rejected;
    for (const auto& line : split(read_file(data_path("stdlib_rejected.txt")), "\n"))
        if (!line.empty())
            rejected.insert(line);
    const char* full = std::getenv("ADDER_STDLIB_FULL");
    bool include_site_packages = full && std::string(full) == "1";
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.path().extension() != ".py")
            continue;
        std::string path = entry.path().string();
        if (!include_site_packages && path.compare(root.size(), 15, "/site-packages/") == 0)
            continue;
        files.push_back(path);
    }
    std::sort(files.begin(), files.end());
    size_t ok = 0, parse_failures = 0, compile_failures = 0, rejected_ok = 0;
    long lines = 0;
    double compile_seconds = 0;
    for (const auto& path : files) {
        std::string rel = path.substr(root.size() + 1);
        std::string src = read_file(path);
        lines += std::count(src.begin(), src.end(), '\n');
        adder::parser::ParseOptions po;
        auto parsed = adder::parser::parse(src, path, po);
        if (!parsed.mod) {
            if (!rejected.count(rel))
                ++parse_failures;
            else
                ++rejected_ok;
            continue;
        }
        auto t0 = std::chrono::steady_clock::now();
        CompileOptions options;
        CompileResult r = compile(parsed.mod, path, options);
        compile_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (r.error) {
            if (rejected.count(rel)) {
                ++rejected_ok;
                continue;
            }
            ++compile_failures;
            std::printf("compile failure: %s: %s: %s (line %d)\n", rel.c_str(), r.error->type.c_str(), r.error->msg.c_str(), r.error->lineno);
            continue;
        }
        std::string depth = check_stack_depth_recursive(*r.code);
        EXPECT_EQ(depth, "") << rel;
        // The cache's verifier must accept everything the compiler emits,
        // or cached files would be rejected and recompiled forever.
        std::string why;
        EXPECT_TRUE(adder::bytecode::verify(*r.code, &why)) << rel << ": " << why;
        ++ok;
    }
    std::printf("stdlib: %zu files, %zu compiled, %zu rejected as by CPython, %zu parse failures, %zu compile failures; "
                "%ld lines, compile-only %.2fs (%.0f lines/s)\n",
        files.size(), ok, rejected_ok, parse_failures, compile_failures, lines, compile_seconds,
        compile_seconds > 0 ? lines / compile_seconds : 0.0);
    EXPECT_EQ(compile_failures, 0u);
}
