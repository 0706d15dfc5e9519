// Golden AST tests: every tests/golden/ast/input/NAME.py must parse, and
// parser::dump() must equal python3.11's ast.dump() in expected/NAME.txt; the
// positions variant compares dump_with_positions() with expected/NAME.pos.txt.
// Regenerate the expectations with tools/gen_ast_golden.py.
#include "frontend_test_util.h"
#include "parser/parser.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace adder;

namespace {

std::filesystem::path golden_dir() { return test::source_dir() / "tests" / "golden" / "ast"; }

std::string strip_newline(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
        s.pop_back();
    return s;
}

class GoldenAst : public testing::TestWithParam<std::string> { };

TEST_P(GoldenAst, DumpMatchesCPython)
{
    std::string name = GetParam();
    std::string source = test::read_file(golden_dir() / "input" / name);
    std::string stem = name.substr(0, name.size() - 3);
    auto result = parser::parse(source, name, {});
    ASSERT_FALSE(result.error.has_value()) << result.error->msg << " at " << result.error->lineno << ":" << result.error->offset;
    EXPECT_EQ(parser::dump(result.mod), strip_newline(test::read_file(golden_dir() / "expected" / (stem + ".txt"))));
}

TEST_P(GoldenAst, PositionsMatchCPython)
{
    std::string name = GetParam();
    std::string source = test::read_file(golden_dir() / "input" / name);
    std::string stem = name.substr(0, name.size() - 3);
    auto result = parser::parse(source, name, {});
    ASSERT_FALSE(result.error.has_value()) << result.error->msg;
    EXPECT_EQ(parser::dump_with_positions(result.mod),
        strip_newline(test::read_file(golden_dir() / "expected" / (stem + ".pos.txt"))));
}

std::string test_name(const testing::TestParamInfo<std::string>& info)
{
    std::string n = info.param.substr(0, info.param.size() - 3);
    std::replace_if(n.begin(), n.end(), [](char c) { return !isalnum(static_cast<unsigned char>(c)); }, '_');
    return n;
}

INSTANTIATE_TEST_SUITE_P(Inputs, GoldenAst, testing::ValuesIn(test::files_in(golden_dir() / "input", ".py")), test_name);

} // namespace
