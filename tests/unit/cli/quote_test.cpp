// Unit tests of python_repr (src/cli/quote.cpp), the repr(str) used in the
// "can't open file" message; expectations checked with python3.11's repr().
#include "cli/quote.h"

#include <gtest/gtest.h>

using adder::cli::python_repr;

TEST(CliQuote, PlainAndQuotes)
{
    EXPECT_EQ(python_repr("/tmp/x.py"), "'/tmp/x.py'");
    EXPECT_EQ(python_repr("it's"), "\"it's\"");
    EXPECT_EQ(python_repr("say \"hi\""), "'say \"hi\"'");
    EXPECT_EQ(python_repr("both ' \""), "'both \\' \"'");
    EXPECT_EQ(python_repr(""), "''");
}

TEST(CliQuote, Escapes)
{
    EXPECT_EQ(python_repr("a\\b"), "'a\\\\b'");
    EXPECT_EQ(python_repr("t\tn\nr\r"), "'t\\tn\\nr\\r'");
    EXPECT_EQ(python_repr(std::string("\x01\x1f\x7f", 3)), "'\\x01\\x1f\\x7f'");
    EXPECT_EQ(python_repr("caf\xc3\xa9"), "'caf\xc3\xa9'");
}
