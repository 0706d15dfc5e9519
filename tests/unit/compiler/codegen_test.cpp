// Code generation: every construct compiles, the stack depth of every path
// stays within [0, stacksize], output is deterministic, and the observable
// properties CPython 3.11 defines (qualnames, co_flags, localsplus layout,
// -O/-OO effects, interactive and eval modes) hold.
#include "test_util.h"

#include <gtest/gtest.h>

using namespace adder;
using namespace adder::compiler;
using namespace adder::compiler::testing;
using bytecode::CodeUnit;
using bytecode::Constant;

namespace {

const char* const s_constructs[] = {
    "x = 1\ny = x + 2 * 3 - -4 ** 2 // 5 % 6 @ m | 7 & 8 ^ 9 << 1 >> 2\n",
    "a, *b, c = d\n[e, f] = g\nh = i = j\n",
    "x += 1\nx.y -= 2\nx[1:2] *= 3\nx[i] //= 4\n",
    "del a, b.c, d[1], (e, f)\n",
    "print(f'{a!r:>{w}} {b=} {c:{d}.{e}}' 'lit')\n",
    "s = {1, 2, *t}\nd = {1: 2, **e, 'k': v}\nl = [*a, 1, *b]\nt = (*a, 1)\n",
    "f(1, *a, b=2, **c)\nf(*a)\nf(**k)\no.m(1, k=2)\no.m(*a)\n",
    "x = a if b else c\ny = a and b or not c\nz = a < b <= c != d\n",
    "x = [i * j for i in a if i for j in b]\ny = {k: v for k, v in d.items()}\nz = {s for s in t}\ng = (q for q in r)\n",
    "def f(a, b=1, /, c=2, *d, e, f=3, **g) -> int:\n    return a\n",
    "def outer(a):\n    def inner():\n        nonlocal a\n        a += 1\n        return a\n    return inner\n",
    "class A(B, metaclass=M):\n    'doc'\n    x: int = 1\n    def f(self):\n        return super().f() + __class__.y\n",
    "@d1\n@d2(x)\ndef f(): pass\n@d3\nclass C: pass\n",
    "lam = lambda x, *a, k=1, **kw: (x, a, k, kw)\n",
    "def g():\n    x = yield 1\n    y = yield from x\n    return y\n",
    "async def co(a):\n    await a\n    async with a as b, c:\n        pass\n    async for i in a:\n        break\n    else:\n        pass\n    return [i async for i in a]\n",
    "async def ag():\n    yield 1\n    await x\n",
    "try:\n    a\nexcept E as e:\n    b\nexcept (F, G):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f\n",
    "try:\n    a\nexcept* ValueError as e:\n    b\nexcept* TypeError:\n    c\nelse:\n    d\nfinally:\n    e\n",
    "with a as b, c as (d, e):\n    pass\nwith f:\n    raise X from Y\n",
    "for i in x:\n    if i:\n        continue\n    elif j:\n        break\nelse:\n    pass\nwhile a:\n    pass\nelse:\n    b\n",
    "def f():\n    for i in x:\n        with y:\n            try:\n                return i\n            finally:\n                continue\n",
    "def f():\n    try:\n        return 1\n    finally:\n        return 2\n",
    "match p:\n    case 1 | 2 | 3: pass\n    case [a, b, *rest]: pass\n    case {'k': v, **kw}: pass\n    case Point(1, y=yy) as pt: pass\n"
    "    case [1, *_, 2]: pass\n    case (a, b) | (b, a): pass\n    case None | True: pass\n    case str() if p > 1: pass\n"
    "    case -1.5 | 2+3j: pass\n    case x.y: pass\n    case _: pass\n",
    "import a.b.c\nimport a.b.c as d\nfrom . import x\nfrom ..m import y as z, w\nfrom q import *\n",
    "global g\nassert x, 'msg'\nassert y\n",
    "if __debug__:\n    x = 1\nelse:\n    x = 2\n",
    "x: int\ny: list[int] = []\nz.a: int\nw[0]: str = 's'\n",
    "from __future__ import annotations\ndef f(a: int, *b: list[str]) -> Foo[int, ...]: pass\nx: Callable[[int], str] = None\n",
    "class C:\n    def __p(self):\n        self.__q = 1\n        return __r\n",
    "def f():\n    x = 1\n    class D:\n        y = x\n        def m(self): return x\n    return D\n",
    "if (n := len(a)) > 10:\n    print([y := 1, y ** 2])\ndef f():\n    return [(z := i) for i in r], z\n",
    "x = 12345678901234567890123456789 + 0x1234567890abcdef1234\ny = -9223372036854775808\nz = 1e400\nw = b'\\x00'\n",
    "def f(*, a): pass\ndef g(a, /): pass\ndef h(**k): pass\n",
    "raise\n",
    "x = [[i for i in range(j)] for j in range(3)]\n",
    "def f():\n    def g():\n        def h():\n            return x\n        return h\n    x = 1\n    return g\n",
};

} // namespace

TEST(Codegen, EveryConstructCompiles)
{
    for (const char* src : s_constructs) {
        CompileResult r = compile_text(src);
        ASSERT_FALSE(r.error) << src << "\n=> " << r.error->type << ": " << r.error->msg << " line " << r.error->lineno;
        ASSERT_TRUE(r.code);
        EXPECT_EQ(check_stack_depth_recursive(*r.code), "") << src;
    }
}

TEST(Codegen, Deterministic)
{
    for (const char* src : s_constructs) {
        CompileResult a = compile_text(src), b = compile_text(src);
        ASSERT_TRUE(a.code && b.code);
        EXPECT_EQ(render(*a.code), render(*b.code)) << src;
    }
}

TEST(Codegen, QualnamesAndFlags)
{
    CompileResult r = compile_text("def f():\n    def g():\n        return [lambda: x for x in y]\n    return g\nclass C:\n    def m(self): pass\n");
    ASSERT_TRUE(r.code);
    const CodeUnit& mod = *r.code;
    EXPECT_EQ(mod.qualname, "<module>");
    EXPECT_EQ(mod.flags, 0u);
    const CodeUnit* f = nullptr;
    const CodeUnit* c = nullptr;
    for (const auto& k : mod.consts) {
        if (k.kind == Constant::Kind::Code && k.code->name == "f")
            f = k.code.get();
        if (k.kind == Constant::Kind::Code && k.code->name == "C")
            c = k.code.get();
    }
    ASSERT_TRUE(f && c);
    EXPECT_EQ(f->flags, bytecode::CO_OPTIMIZED | bytecode::CO_NEWLOCALS);
    const CodeUnit* g = nullptr;
    for (const auto& k : f->consts)
        if (k.kind == Constant::Kind::Code)
            g = k.code.get();
    ASSERT_TRUE(g);
    EXPECT_EQ(g->qualname, "f.<locals>.g");
    EXPECT_EQ(g->flags, bytecode::CO_OPTIMIZED | bytecode::CO_NEWLOCALS | bytecode::CO_NESTED);
    const CodeUnit* comp = nullptr;
    for (const auto& k : g->consts)
        if (k.kind == Constant::Kind::Code)
            comp = k.code.get();
    ASSERT_TRUE(comp);
    EXPECT_EQ(comp->qualname, "f.<locals>.g.<locals>.<listcomp>");
    EXPECT_EQ(comp->argcount, 1);
    const CodeUnit* lam = nullptr;
    for (const auto& k : comp->consts)
        if (k.kind == Constant::Kind::Code)
            lam = k.code.get();
    ASSERT_TRUE(lam);
    EXPECT_EQ(lam->qualname, "f.<locals>.g.<locals>.<listcomp>.<lambda>");
    EXPECT_EQ(lam->nfreevars(), 1);
    EXPECT_EQ(comp->ncellvars(), 1);
    const CodeUnit* m = nullptr;
    for (const auto& k : c->consts)
        if (k.kind == Constant::Kind::Code)
            m = k.code.get();
    ASSERT_TRUE(m);
    EXPECT_EQ(m->qualname, "C.m");
}

TEST(Codegen, GeneratorPrefixAndCells)
{
    CompileResult r = compile_text("def f(a):\n    def g(): return a\n    yield g\n");
    ASSERT_TRUE(r.code);
    const CodeUnit* f = nullptr;
    for (const auto& k : r.code->consts)
        if (k.kind == Constant::Kind::Code)
            f = k.code.get();
    ASSERT_TRUE(f);
    EXPECT_TRUE(f->flags & bytecode::CO_GENERATOR);
    ASSERT_GE(f->code.size(), 4u);
    // MAKE_CELL a (an argument cell keeps its argument slot), RETURN_GENERATOR, POP_TOP, RESUME 0.
    EXPECT_EQ(bytecode::word_opcode(f->code[0]), bytecode::Opcode::MAKE_CELL);
    EXPECT_EQ(bytecode::word_operand(f->code[0]), 0u);
    EXPECT_EQ(bytecode::word_opcode(f->code[1]), bytecode::Opcode::RETURN_GENERATOR);
    EXPECT_EQ(bytecode::word_opcode(f->code[2]), bytecode::Opcode::POP_TOP);
    EXPECT_EQ(bytecode::word_opcode(f->code[3]), bytecode::Opcode::RESUME);
    EXPECT_EQ(f->localspluskinds.at(0), bytecode::CO_FAST_LOCAL | bytecode::CO_FAST_CELL);
    EXPECT_EQ(f->nlocals(), 2);
}

namespace {

bool has_opcode(const CodeUnit& c, bytecode::Opcode op)
{
    for (auto w : c.code)
        if (bytecode::word_opcode(w) == op)
            return true;
    return false;
}

bool has_str_in(const std::vector<Constant>& consts, const std::string& s)
{
    for (const auto& k : consts) {
        if (k.kind == Constant::Kind::Str && k.text == s)
            return true;
        if (k.kind == Constant::Kind::Tuple && has_str_in(k.items, s))
            return true;
    }
    return false;
}

// Whether `s` is a constant of `c`, directly or inside a constant tuple.
bool has_str_const(const CodeUnit& c, const std::string& s) { return has_str_in(c.consts, s); }

} // namespace

TEST(Codegen, OptimizeLevels)
{
    const char* src = "'''doc'''\nassert x\nif __debug__:\n    y = 1\n";
    auto r0 = compile_text(src, 0), r1 = compile_text(src, 1), r2 = compile_text(src, 2);
    ASSERT_TRUE(r0.code && r1.code && r2.code);
    EXPECT_TRUE(has_opcode(*r0.code, bytecode::Opcode::LOAD_ASSERTION_ERROR));
    EXPECT_FALSE(has_opcode(*r1.code, bytecode::Opcode::LOAD_ASSERTION_ERROR));
    EXPECT_TRUE(has_str_const(*r1.code, "doc"));
    EXPECT_FALSE(has_str_const(*r2.code, "doc"));
    // Under -O the `if __debug__:` body is dead code and disappears.
    EXPECT_TRUE(has_opcode(*r0.code, bytecode::Opcode::STORE_NAME));
    size_t stores = 0;
    for (auto w : r1.code->code)
        stores += bytecode::word_opcode(w) == bytecode::Opcode::STORE_NAME;
    EXPECT_EQ(stores, 1u); // only __doc__
}

TEST(Codegen, InteractiveAndEval)
{
    auto single = compile_text("1 + x\n", 0, parser::Mode::Single);
    ASSERT_TRUE(single.code) << (single.error ? single.error->msg : "");
    EXPECT_TRUE(has_opcode(*single.code, bytecode::Opcode::PRINT_EXPR));
    auto eval = compile_text("x + 1", 0, parser::Mode::Eval);
    ASSERT_TRUE(eval.code) << (eval.error ? eval.error->msg : "");
    EXPECT_FALSE(has_opcode(*eval.code, bytecode::Opcode::PRINT_EXPR));
    EXPECT_EQ(bytecode::word_opcode(eval.code->code.back()), bytecode::Opcode::RETURN_VALUE);
}

TEST(Codegen, FutureAnnotationsAreStrings)
{
    auto r = compile_text("from __future__ import annotations\nx: list[int | None] = []\ndef f(a: 'q', b: Dict[str, ...]) -> A.B: pass\n");
    ASSERT_TRUE(r.code);
    EXPECT_TRUE(r.code->flags & bytecode::CO_FUTURE_ANNOTATIONS);
    EXPECT_TRUE(has_str_const(*r.code, "list[int | None]"));
    EXPECT_TRUE(has_str_const(*r.code, "'q'"));
    EXPECT_TRUE(has_str_const(*r.code, "Dict[str, ...]"));
    EXPECT_TRUE(has_str_const(*r.code, "A.B"));
}

TEST(Codegen, ConstantFolding)
{
    auto r = compile_text("x = (1, -2, (3.5, 'a'))\ny = -5\n");
    ASSERT_TRUE(r.code);
    bool found_tuple = false, found_neg = false;
    for (const auto& k : r.code->consts) {
        if (k.kind == Constant::Kind::Tuple && k.items.size() == 3 && k.items[1].int_value == -2)
            found_tuple = true;
        if (k.kind == Constant::Kind::Int && k.int_value == -5)
            found_neg = true;
    }
    EXPECT_TRUE(found_tuple);
    EXPECT_TRUE(found_neg);
    EXPECT_FALSE(has_opcode(*r.code, bytecode::Opcode::UNARY_NEGATIVE));
    EXPECT_FALSE(has_opcode(*r.code, bytecode::Opcode::BUILD_TUPLE));
}

TEST(Codegen, BigIntConstants)
{
    auto r = compile_text("x = 0x10000000000000000\ny = 9223372036854775807\n");
    ASSERT_TRUE(r.code);
    bool big = false, max64 = false;
    for (const auto& k : r.code->consts) {
        if (k.kind == Constant::Kind::BigInt && k.text == "18446744073709551616")
            big = true;
        if (k.kind == Constant::Kind::Int && k.int_value == 9223372036854775807LL)
            max64 = true;
    }
    EXPECT_TRUE(big);
    EXPECT_TRUE(max64);
}

TEST(Codegen, ExceptionTableShape)
{
    auto r = compile_text("try:\n    a\nexcept E:\n    b\n");
    ASSERT_TRUE(r.code);
    const auto& t = r.code->exception_table;
    ASSERT_FALSE(t.empty());
    // The body's handler is a plain SETUP_FINALLY (no lasti) at depth 0.
    EXPECT_EQ(t[0].depth, 0u);
    EXPECT_FALSE(t[0].push_lasti);
    for (size_t i = 1; i < t.size(); ++i)
        EXPECT_LE(t[i - 1].end, t[i].start);
    EXPECT_EQ(bytecode::word_opcode(r.code->code[t[0].target]), bytecode::Opcode::PUSH_EXC_INFO);
}

TEST(Codegen, TopLevelAwait)
{
    CompileOptions options;
    options.allow_top_level_await = true;
    auto r = compile_source("await x\nasync for i in y:\n    pass\nz = [a async for a in b]\n", "<t>", options, true);
    ASSERT_TRUE(r.code) << (r.error ? r.error->msg : "");
    EXPECT_TRUE(r.code->flags & bytecode::CO_COROUTINE);
    EXPECT_EQ(check_stack_depth_recursive(*r.code), "");
    auto plain = compile_text("await x\n");
    ASSERT_TRUE(plain.error);
    EXPECT_EQ(plain.error->msg, "'await' outside function");
}

TEST(Codegen, DuplicatedBodiesShareCodeConstants)
{
    // The while test is compiled twice and the finally body twice; equal code
    // objects merge in co_consts as in CPython.
    auto r = compile_text("while any(w for w in ws):\n    pass\ntry:\n    pass\nfinally:\n    def g(): pass\n");
    ASSERT_TRUE(r.code);
    int codes = 0;
    for (const auto& k : r.code->consts)
        codes += k.kind == Constant::Kind::Code;
    EXPECT_EQ(codes, 2);
}

TEST(Codegen, MalformedTreesAreRejectedNotCrashed)
{
    // Trees built by hand (as compile() of an `ast` object may) can break
    // invariants the parser guarantees.
    ast::Arena arena;
    auto* mod = arena.make<ast::Mod>();
    auto* stmt = arena.make<ast::ExprStmt>();
    auto* boolop = arena.make<ast::BoolOp>();
    auto* name = arena.make<ast::Name>();
    name->id = "x";
    name->loc = { 1, 0, 1, 1 };
    boolop->values.push_back(name);
    boolop->loc = { 1, 0, 1, 1 };
    stmt->value = boolop;
    stmt->loc = { 1, 0, 1, 1 };
    mod->body.push_back(stmt);
    CompileOptions options;
    auto r = compile(mod, "<ast>", options);
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->type, "ValueError");
    EXPECT_EQ(r.error->msg, "BoolOp with less than 2 values");

    auto* mod2 = arena.make<ast::Mod>();
    auto* m = arena.make<ast::Match>();
    m->subject = name;
    m->loc = { 1, 0, 1, 1 };
    mod2->body.push_back(m);
    auto r2 = compile(mod2, "<ast>", options);
    ASSERT_TRUE(r2.error);
    EXPECT_EQ(r2.error->msg, "empty cases on Match");
}
