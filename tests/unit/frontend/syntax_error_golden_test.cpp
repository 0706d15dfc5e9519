// Syntax-error golden tests: each tests/golden/syntax_errors/NAME.py must fail
// with the exception type, message and position python3.11 reports, recorded
// in expected.txt as NAME.py|type|msg|lineno|offset|end_lineno|end_offset
// (regenerate with tools/gen_ast_golden.py).
#include "frontend_test_util.h"
#include "parser/parser.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace adder;

namespace {

struct Expected {
    std::string file, type, msg;
    int lineno = 0, offset = 0, end_lineno = 0, end_offset = 0;
};

std::filesystem::path errors_dir() { return test::source_dir() / "tests" / "golden" / "syntax_errors"; }

int to_int(const std::string& s) { return s == "None" ? 0 : std::stoi(s); }

std::vector<Expected> load_expected()
{
    std::vector<Expected> out;
    std::istringstream in(test::read_file(errors_dir() / "expected.txt"));
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        size_t start = 0;
        // The message may contain '|' only in theory; split from both ends.
        size_t first = line.find('|');
        size_t second = line.find('|', first + 1);
        if (first == std::string::npos || second == std::string::npos)
            continue;
        f.push_back(line.substr(0, first));
        f.push_back(line.substr(first + 1, second - first - 1));
        std::vector<std::string> tail;
        size_t end = line.size();
        for (int i = 0; i < 4; ++i) {
            size_t bar = line.rfind('|', end - 1);
            tail.insert(tail.begin(), line.substr(bar + 1, end - bar - 1));
            end = bar;
        }
        (void)start;
        Expected e;
        e.file = f[0];
        e.type = f[1];
        e.msg = line.substr(second + 1, end - second - 1);
        e.lineno = to_int(tail[0]);
        e.offset = to_int(tail[1]);
        e.end_lineno = to_int(tail[2]);
        e.end_offset = to_int(tail[3]);
        out.push_back(e);
    }
    return out;
}

class SyntaxErrorGolden : public testing::TestWithParam<Expected> { };

TEST_P(SyntaxErrorGolden, MatchesCPython)
{
    const Expected& e = GetParam();
    std::string source = test::read_file(errors_dir() / e.file);
    auto result = parser::parse(source, e.file, {});
    ASSERT_TRUE(result.error.has_value()) << e.file << " parsed without error";
    const auto& got = *result.error;
    EXPECT_EQ(got.type, e.type);
    EXPECT_EQ(got.msg, e.msg);
    EXPECT_EQ(got.lineno, e.lineno);
    EXPECT_EQ(got.offset, e.offset);
    EXPECT_EQ(got.end_lineno, e.end_lineno);
    EXPECT_EQ(got.end_offset, e.end_offset);
    EXPECT_EQ(got.filename, e.file);
}

std::string test_name(const testing::TestParamInfo<Expected>& info)
{
    std::string n = info.param.file.substr(0, info.param.file.size() - 3);
    std::replace_if(n.begin(), n.end(), [](char c) { return !isalnum(static_cast<unsigned char>(c)); }, '_');
    return n;
}

INSTANTIATE_TEST_SUITE_P(Programs, SyntaxErrorGolden, testing::ValuesIn(load_expected()), test_name);

} // namespace
