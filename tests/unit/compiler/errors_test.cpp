// SyntaxErrors raised by the compiler stages (future imports, symbol table,
// code generation): message, line and offset must match python3.11, whose
// answers gen_expected.py wrote to data/errors/expected.txt.
#include "test_util.h"

#include <gtest/gtest.h>

using namespace adder::compiler;
using namespace adder::compiler::testing;

TEST(CompileErrors, MatchCPython)
{
    auto cases = split(read_file(data_path("errors/cases.txt")), "\n----\n");
    auto expected = split(read_file(data_path("errors/expected.txt")), "\n");
    ASSERT_GE(expected.size(), cases.size());
    ASSERT_GT(cases.size(), 40u);
    for (size_t i = 0; i < cases.size(); ++i) {
        CompileResult r = compile_text(cases[i]);
        std::string got = "OK";
        if (r.error)
            got = r.error->msg + "|" + std::to_string(r.error->lineno) + "|" + std::to_string(r.error->offset);
        EXPECT_EQ(got, expected[i]) << "case " << i << ":\n" << cases[i];
    }
}

TEST(CompileErrors, ErrorCarriesSourceLine)
{
    CompileResult r = compile_text("x = 1\nbreak\n");
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->type, "SyntaxError");
    EXPECT_EQ(r.error->filename, "<test>");
    EXPECT_EQ(r.error->text, "break\n");
    EXPECT_FALSE(r.code);
}

TEST(CompileWarnings, MatchCPython)
{
    auto cases = split(read_file(data_path("errors/warning_cases.txt")), "\n----\n");
    auto expected = split(read_file(data_path("errors/warnings_expected.txt")), "\n");
    ASSERT_GE(expected.size(), cases.size());
    for (size_t i = 0; i < cases.size(); ++i) {
        CompileResult r = compile_text(cases[i]);
        ASSERT_FALSE(r.error) << cases[i];
        std::string got;
        for (const auto& w : r.warnings) {
            EXPECT_EQ(w.type, "SyntaxWarning");
            got += (got.empty() ? "" : ";") + w.msg + "|" + std::to_string(w.lineno);
        }
        EXPECT_EQ(got.empty() ? "NONE" : got, expected[i]) << "case " << i << ":\n" << cases[i];
    }
}
