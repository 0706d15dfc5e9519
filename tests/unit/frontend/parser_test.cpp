// Parser API tests: modes, options, decode_source, dump of expressions and
// a few AST shapes and errors not covered by the golden files.
#include "parser/parser.h"

#include <gtest/gtest.h>

using namespace adder;
using parser::Mode;

namespace {

std::string dump_of(std::string_view src, Mode mode = Mode::Exec, bool text = false)
{
    parser::ParseOptions o;
    o.mode = mode;
    o.source_is_text = text;
    auto r = parser::parse(src, "<test>", o);
    if (r.error)
        return "ERROR " + r.error->type + ": " + r.error->msg + " @" + std::to_string(r.error->lineno) + ":"
            + std::to_string(r.error->offset);
    return parser::dump(r.mod);
}

TEST(Parser, EvalMode)
{
    EXPECT_EQ(dump_of("1 + x\n\n", Mode::Eval),
        "Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Name(id='x', ctx=Load())))");
    EXPECT_EQ(dump_of("a, b", Mode::Eval),
        "Expression(body=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))");
    EXPECT_EQ(dump_of("x = 1", Mode::Eval), "ERROR SyntaxError: invalid syntax @1:3");
    EXPECT_EQ(dump_of("", Mode::Eval), "ERROR SyntaxError: invalid syntax @0:0");
    EXPECT_EQ(dump_of("yield x", Mode::Eval), "ERROR SyntaxError: invalid syntax @1:1");
    EXPECT_EQ(dump_of("(x\n", Mode::Eval), "ERROR SyntaxError: '(' was never closed @1:1");
}

TEST(Parser, SingleMode)
{
    EXPECT_EQ(dump_of("x = 1\n", Mode::Single),
        "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])");
    EXPECT_EQ(dump_of("if x:\n  y\n\n", Mode::Single),
        "Interactive(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load()))], orelse=[])])");
    EXPECT_EQ(dump_of("\n", Mode::Single), "ERROR SyntaxError: invalid syntax @1:0");
    EXPECT_EQ(dump_of("x = 1\ny = 2\n", Mode::Single),
        "ERROR SyntaxError: multiple statements found while compiling a single statement @1:6");
    EXPECT_EQ(dump_of("def f():\n  pass\nx = 1\n", Mode::Single), "ERROR SyntaxError: invalid syntax @3:1");
    EXPECT_EQ(dump_of("x = 1; y = 2", Mode::Single),
        "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), "
        "Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))])");
}

TEST(Parser, EmptyModule)
{
    EXPECT_EQ(dump_of(""), "Module(body=[], type_ignores=[])");
    EXPECT_EQ(dump_of("\n\n# c\n"), "Module(body=[], type_ignores=[])");
}

TEST(Parser, SourceIsTextIgnoresCookie)
{
    // As bytes, the latin-1 cookie re-decodes; as text, the UTF-8 is kept.
    std::string src = "# -*- coding: latin-1 -*-\nx = '\xc3\xa9'\n";
    EXPECT_EQ(dump_of(src, Mode::Exec, true),
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='\xc3\xa9'))], type_ignores=[])");
    EXPECT_EQ(dump_of(src, Mode::Exec, false),
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='\xc3\x83\xc2\xa9'))], type_ignores=[])");
}

TEST(Parser, ResultKeepsDecodedSource)
{
    auto r = parser::parse("\xef\xbb\xbfx = 1\r\n", "f.py", {});
    ASSERT_FALSE(r.error);
    EXPECT_EQ(r.source_utf8, "x = 1\n");
}

TEST(Parser, ErrorCarriesFilenameAndText)
{
    auto r = parser::parse("x = 1\ny = (\n", "prog.py", {});
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->filename, "prog.py");
    EXPECT_EQ(r.error->msg, "'(' was never closed");
    EXPECT_EQ(r.error->text, "y = (\n");
    EXPECT_EQ(r.mod, nullptr);
}

TEST(Parser, ExecErrorTextGetsTheTokenizersNewline)
{
    // CPython's 'exec' tokenizer appends '\n' to an unterminated last line;
    // 'eval' does not, and errors its tokenizer raises itself cut the newline.
    auto r = parser::parse("x = (1,", "<none>", {});
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->text, "x = (1,\n");
    parser::ParseOptions eval;
    eval.mode = parser::Mode::Eval;
    r = parser::parse("x $", "<none>", eval);
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->text, "x $");
    r = parser::parse("x = 'abc\ny = 1\n", "<none>", {});
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->text, "x = 'abc");
}

TEST(Parser, DecodeSource)
{
    parser::SyntaxErrorInfo err;
    EXPECT_EQ(parser::decode_source("# coding: latin-1\nx='\xe9'\n", &err), "# coding: latin-1\nx='\xc3\xa9'\n");
    EXPECT_EQ(parser::decode_source("\xef\xbb\xbfx\n", &err), "x\n");
    EXPECT_EQ(parser::decode_source("#!/bin/python\n# vim: fileencoding=cp1252\nx='\x80'\n", &err),
        "#!/bin/python\n# vim: fileencoding=cp1252\nx='\xe2\x82\xac'\n");
    EXPECT_FALSE(parser::decode_source("# coding: nope\n", &err));
    EXPECT_EQ(err.msg, "unknown encoding: nope");
    EXPECT_FALSE(parser::decode_source("x = '\xff'\n", &err));
    EXPECT_FALSE(parser::decode_source("\xef\xbb\xbf# coding: latin-1\n", &err));
    EXPECT_EQ(err.msg, "encoding problem: iso-8859-1 with BOM");
    // The cookie counts on line 2 only when line 1 is blank or a comment.
    EXPECT_EQ(parser::decode_source("x = 1\n# coding: latin-1\n", &err), "x = 1\n# coding: latin-1\n");
}

TEST(Parser, DumpExpression)
{
    auto r = parser::parse("a.b(*c, d=1)", "<t>", { Mode::Eval, false, 11 });
    ASSERT_FALSE(r.error);
    EXPECT_EQ(parser::dump(r.mod->expression),
        "Call(func=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), args=[Starred(value=Name(id='c', "
        "ctx=Load()), ctx=Load())], keywords=[keyword(arg='d', value=Constant(value=1))])");
    EXPECT_EQ(parser::dump(static_cast<const ast::Expr*>(nullptr)), "None");
}

TEST(Parser, BigIntegersKeepTheirDigits)
{
    auto r = parser::parse("0x1_0000_0000_0000_0000", "<t>", { Mode::Eval, false, 11 });
    ASSERT_FALSE(r.error);
    auto* c = static_cast<const ast::Constant*>(r.mod->expression);
    EXPECT_EQ(c->value.kind, ast::ConstantValue::Kind::BigInt);
    EXPECT_EQ(c->value.text, "10000000000000000");
    EXPECT_EQ(c->value.base, 16);
    EXPECT_EQ(parser::dump(r.mod), "Expression(body=Constant(value=18446744073709551616))");
}

TEST(Parser, SurrogateEscapesAreWtf8)
{
    auto r = parser::parse("'\\ud800'", "<t>", { Mode::Eval, false, 11 });
    ASSERT_FALSE(r.error);
    EXPECT_EQ(static_cast<const ast::Constant*>(r.mod->expression)->value.text, "\xed\xa0\x80");
    EXPECT_EQ(parser::dump(r.mod), "Expression(body=Constant(value='\\ud800'))");
}

TEST(Parser, FloatRepr)
{
    EXPECT_EQ(dump_of("1e16, 1e15, 0.0001, 0.00001, 1.5, 2.0j, 1e400", Mode::Eval),
        "Expression(body=Tuple(elts=[Constant(value=1e+16), Constant(value=1000000000000000.0), Constant(value=0.0001), "
        "Constant(value=1e-05), Constant(value=1.5), Constant(value=2j), Constant(value=inf)], ctx=Load()))");
}

TEST(Parser, MatchIsSoftKeyword)
{
    EXPECT_EQ(dump_of("match(x)\n"),
        "Module(body=[Expr(value=Call(func=Name(id='match', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]))], "
        "type_ignores=[])");
}

TEST(Parser, DeepNestingDoesNotCrash)
{
    std::string src(150, '(');
    src += "1";
    src += std::string(150, ')');
    EXPECT_EQ(dump_of(src, Mode::Eval), "Expression(body=Constant(value=1))");
    std::string too_deep(250, '[');
    EXPECT_EQ(dump_of(too_deep, Mode::Eval), "ERROR SyntaxError: too many nested parentheses @1:201");
}

TEST(Parser, NullBytesRejected)
{
    EXPECT_EQ(dump_of(std::string("x = 1\0", 6)), "ERROR SyntaxError: source code string cannot contain null bytes @0:0");
}

} // namespace

namespace {

std::string fake_nfkc(std::string_view s) { return "N(" + std::string(s) + ")"; }

TEST(Parser, IdentifierNormalizerHook)
{
    parser::set_identifier_normalizer(fake_nfkc);
    std::string d = dump_of("\xc3\xa9.x = ascii\n");
    parser::set_identifier_normalizer(nullptr);
    // Only non-ASCII identifiers go through the hook.
    EXPECT_EQ(d, "Module(body=[Assign(targets=[Attribute(value=Name(id='N(\xc3\xa9)', ctx=Load()), attr='x', ctx=Store())], "
                 "value=Name(id='ascii', ctx=Load()))], type_ignores=[])");
}

} // namespace

namespace {

TEST(Parser, TooDeepIsMemoryError)
{
    EXPECT_EQ(dump_of(std::string(100000, '-') + "1", Mode::Eval), "ERROR MemoryError:  @0:0");
    EXPECT_EQ(dump_of([] {
        std::string s;
        for (int i = 0; i < 10000; ++i)
            s += "not ";
        return s + "x";
    }(), Mode::Eval), "ERROR MemoryError:  @0:0");
    EXPECT_EQ(dump_of([] {
        std::string s;
        for (int i = 0; i < 10000; ++i)
            s += "lambda: ";
        return s + "1";
    }(), Mode::Eval), "ERROR MemoryError:  @0:0");
    // Moderate nesting still parses.
    EXPECT_EQ(dump_of(std::string(500, '-') + "1", Mode::Eval).substr(0, 30), "Expression(body=UnaryOp(op=USu");
}

} // namespace

namespace {

TEST(Parser, IncompleteInput)
{
    EXPECT_TRUE(parser::is_incomplete_input("def f(\n"));
    EXPECT_TRUE(parser::is_incomplete_input("x = [1,\n 2,\n"));
    EXPECT_TRUE(parser::is_incomplete_input("s = '''abc\n"));
    EXPECT_TRUE(parser::is_incomplete_input("if x:\n"));
    EXPECT_TRUE(parser::is_incomplete_input("x = 1 + \\\n"));
    EXPECT_TRUE(parser::is_incomplete_input("for i in x:\n    if i:\n"));
    EXPECT_FALSE(parser::is_incomplete_input("x = 1\n"));
    EXPECT_FALSE(parser::is_incomplete_input("if x:\n    pass\n"));
    EXPECT_FALSE(parser::is_incomplete_input("x = 1 +\n"));
    EXPECT_FALSE(parser::is_incomplete_input("x = )\n"));
    EXPECT_FALSE(parser::is_incomplete_input("if x:\npass\n"));
}

} // namespace

namespace {

TEST(Parser, NonUtf8LineIsOnlyAnErrorWhenReached)
{
    // An earlier syntax error wins, as CPython decodes files line by line.
    auto r = parser::parse("x = 1\n  y = 2\nz = '\xff'\n", "f.py", {});
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->msg, "unexpected indent");
    r = parser::parse("x = 1\ny = 2\nz = '\xff'\n", "f.py", {});
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->msg, "Non-UTF-8 code starting with '\\xff' in file f.py on line 3, but no encoding declared; see "
                            "https://peps.python.org/pep-0263/ for details");
    EXPECT_EQ(r.error->lineno, 3);
    EXPECT_EQ(r.error->text, ""); // CPython's message comes without a source line
}

} // namespace
