// Tokenizer unit tests: token kinds, texts and positions for each lexical
// feature (indentation, brackets, continuation, numbers, strings) and the
// tokenizer's own errors.
#include "lexer/lexer.h"

#include <gtest/gtest.h>

using namespace adder::lexer;

namespace {

// "KIND:text@line:col-endline:endcol" for every token, space-separated.
std::string tokens(std::string_view src, bool positions = false)
{
    Lexer lx(src);
    std::string out;
    Token t;
    for (int guard = 0; guard < 1000; ++guard) {
        if (!lx.next(t))
            return out + (out.empty() ? "" : " ") + "ERROR(" + lx.error().type + ": " + lx.error().msg + " @" + std::to_string(lx.error().lineno) + ":"
                + std::to_string(lx.error().offset) + ")";
        if (!out.empty())
            out += ' ';
        std::string_view name = token_kind_name(t.kind);
        out += std::string(name);
        if (t.kind != TokenKind::Newline && t.kind != TokenKind::Indent && t.kind != TokenKind::Dedent
            && t.kind != TokenKind::EndMarker)
            out += ":" + std::string(t.text);
        if (positions)
            out += "@" + std::to_string(t.lineno) + ":" + std::to_string(t.col) + "-" + std::to_string(t.end_lineno) + ":"
                + std::to_string(t.end_col);
        if (t.kind == TokenKind::EndMarker)
            break;
    }
    return out;
}

TEST(Lexer, SimpleStatement)
{
    EXPECT_EQ(tokens("x = 1\n"), "NAME:x OP:= NUMBER:1 NEWLINE ENDMARKER");
}

TEST(Lexer, MissingFinalNewlineIsAdded)
{
    EXPECT_EQ(tokens("x"), "NAME:x NEWLINE ENDMARKER");
}

// ENDMARKER (like INDENT/DEDENT) has column -1 and keeps CPython's cursor,
// the end of the last line, in end_col.
TEST(Lexer, Positions)
{
    EXPECT_EQ(tokens("ab = 'c'\n", true), "NAME:ab@1:0-1:2 OP:=@1:3-1:4 STRING:'c'@1:5-1:8 NEWLINE@1:8-1:8 ENDMARKER@1:-1-1:9");
}

TEST(Lexer, ByteColumnsForNonAscii)
{
    EXPECT_EQ(tokens("é = 1\n", true), "NAME:é@1:0-1:2 OP:=@1:3-1:4 NUMBER:1@1:5-1:6 NEWLINE@1:6-1:6 ENDMARKER@1:-1-1:7");
}

TEST(Lexer, IndentDedent)
{
    EXPECT_EQ(tokens("if x:\n    y\nz\n"), "NAME:if NAME:x OP:: NEWLINE INDENT NAME:y NEWLINE DEDENT NAME:z NEWLINE ENDMARKER");
}

TEST(Lexer, DedentsAtEof)
{
    EXPECT_EQ(tokens("if x:\n  if y:\n    z"), "NAME:if NAME:x OP:: NEWLINE INDENT NAME:if NAME:y OP:: NEWLINE INDENT NAME:z NEWLINE DEDENT DEDENT ENDMARKER");
}

TEST(Lexer, BlankAndCommentLinesIgnored)
{
    EXPECT_EQ(tokens("x\n\n   # c\n\t\ny\n"), "NAME:x NEWLINE NAME:y NEWLINE ENDMARKER");
}

TEST(Lexer, ImplicitLineJoining)
{
    EXPECT_EQ(tokens("f(a,\n  b)\n"), "NAME:f OP:( NAME:a OP:, NAME:b OP:) NEWLINE ENDMARKER");
}

TEST(Lexer, BackslashContinuation)
{
    EXPECT_EQ(tokens("x = 1 + \\\n    2\n"), "NAME:x OP:= NUMBER:1 OP:+ NUMBER:2 NEWLINE ENDMARKER");
}

TEST(Lexer, Operators)
{
    EXPECT_EQ(tokens("a **= b // c -> d := e ... != <<= @"),
        "NAME:a OP:**= NAME:b OP:// NAME:c OP:-> NAME:d OP::= NAME:e OP:... OP:!= OP:<<= OP:@ NEWLINE ENDMARKER");
}

TEST(Lexer, Keywords)
{
    Lexer lx("while match _ None\n");
    Token t;
    ASSERT_TRUE(lx.next(t));
    EXPECT_EQ(t.kind, TokenKind::KwWhile);
    ASSERT_TRUE(lx.next(t));
    EXPECT_EQ(t.kind, TokenKind::Name); // soft keyword
    ASSERT_TRUE(lx.next(t));
    EXPECT_EQ(t.kind, TokenKind::Name);
    ASSERT_TRUE(lx.next(t));
    EXPECT_EQ(t.kind, TokenKind::KwNone);
}

TEST(Lexer, Numbers)
{
    EXPECT_EQ(tokens("1_000 0x_ff 0o17 0b1 1.5 .5 5. 1e10 1E-5 3j 1.5J 0 00 0_0 1if"),
        "NUMBER:1_000 NUMBER:0x_ff NUMBER:0o17 NUMBER:0b1 NUMBER:1.5 NUMBER:.5 NUMBER:5. NUMBER:1e10 NUMBER:1E-5 "
        "NUMBER:3j NUMBER:1.5J NUMBER:0 NUMBER:00 NUMBER:0_0 NUMBER:1 NAME:if NEWLINE ENDMARKER");
}

TEST(Lexer, StringPrefixes)
{
    EXPECT_EQ(tokens("r'a' b\"b\" Rb'c' bR'd' f'e' Fr'f' u'g' '''h''' \"\"\"i\"\"\""),
        "STRING:r'a' STRING:b\"b\" STRING:Rb'c' STRING:bR'd' STRING:f'e' STRING:Fr'f' STRING:u'g' STRING:'''h''' "
        "STRING:\"\"\"i\"\"\" NEWLINE ENDMARKER");
}

TEST(Lexer, NotAPrefix)
{
    EXPECT_EQ(tokens("ur'x'"), "NAME:ur STRING:'x' NEWLINE ENDMARKER");
}

TEST(Lexer, TripleQuotedSpansLines)
{
    EXPECT_EQ(tokens("x = '''a\nb'''\n", true),
        "NAME:x@1:0-1:1 OP:=@1:2-1:3 STRING:'''a\nb'''@1:4-2:4 NEWLINE@2:4-2:4 ENDMARKER@2:-1-2:5");
}

TEST(Lexer, EscapedQuoteAndNewlineInString)
{
    EXPECT_EQ(tokens("'a\\'b' 'c\\\nd'"), "STRING:'a\\'b' STRING:'c\\\nd' NEWLINE ENDMARKER");
}

TEST(LexerErrors, UnterminatedString)
{
    EXPECT_EQ(tokens("x = 'abc\n"), "NAME:x OP:= ERROR(SyntaxError: unterminated string literal (detected at line 1) @1:5)");
}

TEST(LexerErrors, UnterminatedTripleQuoted)
{
    EXPECT_EQ(tokens("x = '''abc\n\n"),
        "NAME:x OP:= ERROR(SyntaxError: unterminated triple-quoted string literal (detected at line 2) @1:5)");
}

TEST(LexerErrors, InvalidDecimalLiteral)
{
    EXPECT_EQ(tokens("1abc"), "ERROR(SyntaxError: invalid decimal literal @1:1)");
}

TEST(LexerErrors, InvalidHexLiteral)
{
    EXPECT_EQ(tokens("0x1g"), "ERROR(SyntaxError: invalid hexadecimal literal @1:3)");
}

TEST(LexerErrors, TabError)
{
    EXPECT_EQ(tokens("if x:\n\tif y:\n        pass\n"),
        "NAME:if NAME:x OP:: NEWLINE INDENT NAME:if NAME:y OP:: NEWLINE ERROR(TabError: inconsistent use of tabs and spaces in indentation @3:1)");
}

TEST(LexerErrors, UnindentMismatch)
{
    EXPECT_EQ(tokens("if x:\n    a\n  b\n"),
        "NAME:if NAME:x OP:: NEWLINE INDENT NAME:a NEWLINE ERROR(IndentationError: unindent does not match any outer indentation level @3:4)");
}

TEST(LexerErrors, UnmatchedAndMismatchedBrackets)
{
    EXPECT_EQ(tokens(")"), "ERROR(SyntaxError: unmatched ')' @1:1)");
    EXPECT_EQ(tokens("(]"), "OP:( ERROR(SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:2)");
}

TEST(LexerErrors, EofInBrackets)
{
    Lexer lx("(1,\n");
    Token t;
    while (lx.next(t)) { }
    EXPECT_TRUE(lx.error().is_eof_in_brackets);
    ASSERT_EQ(lx.open_brackets().size(), 1u);
    EXPECT_EQ(lx.open_brackets()[0].c, '(');
}

TEST(LexerErrors, LineContinuation)
{
    EXPECT_EQ(tokens("a \\ b"), "NAME:a ERROR(SyntaxError: unexpected character after line continuation character @1:4)");
}

TEST(LexerErrors, StrayCharacterIsErrorToken)
{
    EXPECT_EQ(tokens("a $ b"), "NAME:a ERRORTOKEN:$ NAME:b NEWLINE ENDMARKER");
}

TEST(Lexer, FStringFieldMode)
{
    std::string_view src = "a + b";
    Lexer lx(src, 3, 10);
    lx.set_fstring_field(3, 9, 3, 15);
    Token t;
    std::vector<std::string> got;
    while (lx.next(t) && t.kind != TokenKind::EndMarker)
        got.push_back(std::string(token_kind_name(t.kind)) + "@" + std::to_string(t.lineno) + ":" + std::to_string(t.col));
    std::vector<std::string> want { "OP@3:9", "NAME@3:10", "OP@3:12", "NAME@3:14", "OP@3:15" };
    EXPECT_EQ(got, want);
}

} // namespace
