// Parses every .py file of the CPython 3.11 standard library (if installed at
// the usual pyenv path; the test is skipped otherwise) and checks that exactly
// the files CPython's parser rejects are rejected. The AST comparison against
// ast.dump() over the same files is tools/stdlib_compile_check.py's job.
#include "frontend_test_util.h"
#include "parser/parser.h"

#include <gtest/gtest.h>
#include <set>

using namespace adder;

namespace {

const char* const stdlib_root = "/root/.pyenv/versions/3.11.7/lib/python3.11";

TEST(StdlibParse, AcceptsWhatCPythonAccepts)
{
    if (!std::filesystem::is_directory(stdlib_root))
        GTEST_SKIP() << stdlib_root << " not found";
    // The files CPython 3.11's parser rejects (the other 8 of its 17 rejects,
    // test/test_future_stmt/badsyntax_future*.py, fail in the compiler).
    const std::set<std::string> rejected = {
        "lib2to3/tests/data/bom.py",
        "lib2to3/tests/data/crlf.py",
        "lib2to3/tests/data/different_encoding.py",
        "lib2to3/tests/data/false_encoding.py",
        "lib2to3/tests/data/py2_test_grammar.py",
        "test/tokenizedata/bad_coding.py",
        "test/tokenizedata/bad_coding2.py",
        "test/tokenizedata/badsyntax_3131.py",
        "test/tokenizedata/badsyntax_pep3120.py",
    };
    int files = 0;
    std::filesystem::path root(stdlib_root);
    for (auto it = std::filesystem::recursive_directory_iterator(root); it != std::filesystem::recursive_directory_iterator(); ++it) {
        if (it->is_directory() && it->path().filename() == "site-packages") {
            it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file() || it->path().extension() != ".py")
            continue;
        std::string rel = std::filesystem::relative(it->path(), root).string();
        auto result = parser::parse(test::read_file(it->path()), rel, {});
        ++files;
        if (rejected.count(rel))
            EXPECT_TRUE(result.error.has_value()) << rel << " should be rejected";
        else
            EXPECT_FALSE(result.error.has_value()) << rel << ": " << result.error->msg << " at line " << result.error->lineno;
    }
    EXPECT_GT(files, 1700);
}

} // namespace
