// Lazy code objects (objects/function.h, serialize.h "Lazy loading"): a code
// object built from a shallow read of a cache body, or from compiler output,
// materializes its nested code on first use into exactly what eager
// conversion gives (same co_* values, same disassembly), and a bad nested
// record is rejected when it is materialized, never run.
#include <gtest/gtest.h>

#include "adder/adder.h"
#include "bytecode/disassemble.h"
#include "bytecode/serialize.h"
#include "bytecode/verify.h"
#include "compiler/compiler.h"
#include "objects/errors.h"
#include "objects/function.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/runtime.h"

#include "../runtime_harness.h"

using namespace adder;

namespace {

const char* s_source = R"(
"module doc"
def f(a, b=2, *args, c, **kw):
    "f's doc"
    return [x * a for x in range(b)], lambda: c
class K:
    def m(self):
        def inner():
            return self
        return inner
    t = (1, 2.5, 'ab', b'x', None, ...)
async def co():
    yield 1
)";

std::shared_ptr<bytecode::CodeUnit> compile(const char* text)
{
    compiler::CompileResult r = compiler::compile_source(text, "/tmp/lazy_test.py", {}, false);
    EXPECT_FALSE(r.error);
    return r.code;
}

std::string repr_of(Value v)
{
    Result<std::string> r = repr_text(v);
    return r.is_ok() ? r.value() : "<error>";
}

// A description of `code` and, recursively, its nested code: what the co_*
// getters would show (addresses of nested code objects left out).
std::string describe(Code* code)
{
    EXPECT_TRUE(code->ensure_body());
    std::string out = code->m_name->data() + "/" + code->m_qualname->data() + "/" + code->m_filename->data() + " line " +
        std::to_string(code->m_firstlineno) + " args " + std::to_string(code->m_argcount) + "," +
        std::to_string(code->m_posonlyargcount) + "," + std::to_string(code->m_kwonlyargcount) + " flags " +
        std::to_string(code->m_flags) + " stack " + std::to_string(code->m_stacksize) + " locals " +
        std::to_string(code->m_nlocalsplus) + "," + std::to_string(code->m_nlocals) + "," + std::to_string(code->m_ncells) +
        "," + std::to_string(code->m_nfree) + " doc " + repr_of(code->m_doc) + "\n";
    for (Str* s : code->m_names)
        out += " name " + s->data();
    for (Str* s : code->m_localsplusnames)
        out += " local " + s->data();
    out += "\n";
    for (Value c : code->m_consts) {
        if (c.is_object() && c.type() == g_code_type)
            out += "code {" + describe(static_cast<Code*>(c.as_object())) + "}\n";
        else
            out += "const " + repr_of(c) + "\n";
    }
    out += bytecode::disassemble(*code->full_unit(), false);
    return out;
}

} // namespace

TEST(LazyCode, StubsFromCompilerOutputMatchEagerConversion)
{
    adder::test::start_runtime();
    auto unit = compile(s_source);
    Code* code = Code::create(unit);
    // Nested code starts as a stub with its header set.
    Code* f = nullptr;
    for (Value c : code->m_consts)
        if (c.is_object() && c.type() == g_code_type && static_cast<Code*>(c.as_object())->m_name->view() == "f")
            f = static_cast<Code*>(c.as_object());
    ASSERT_TRUE(f);
    EXPECT_FALSE(f->m_ready);
    EXPECT_EQ(f->m_argcount, 2);
    EXPECT_EQ(f->m_kwonlyargcount, 1);
    EXPECT_EQ(repr_of(f->m_doc), "\"f's doc\"");
    // Materialized, the whole tree reads as the compiler's units.
    std::string lazy = describe(code);
    EXPECT_TRUE(f->m_ready);
    EXPECT_EQ(f->m_consts[0], f->m_doc); // __doc__ is co_consts[0]
    EXPECT_EQ(bytecode::disassemble(*code->full_unit(), true), bytecode::disassemble(*unit, true));
    EXPECT_EQ(describe(Code::create(compile(s_source))), lazy);
}

TEST(LazyCode, ShallowCacheLoadMatchesEagerLoad)
{
    adder::test::start_runtime();
    auto unit = compile(s_source);
    std::string body = bytecode::serialize(*unit);
    auto source = std::make_shared<bytecode::LazySource>();
    source->body.assign(body.data(), body.size());
    source->module_name = "lazy_test";
    std::string error;
    auto root = bytecode::deserialize_shallow(source->bytes(), &error);
    ASSERT_TRUE(root) << error;
    ASSERT_TRUE(bytecode::verify_shallow(*root, &error)) << error;
    Code* lazy = Code::create_lazy(root, source);
    ASSERT_TRUE(lazy);
    auto eager_unit = bytecode::deserialize(source->bytes(), nullptr);
    ASSERT_TRUE(eager_unit);
    ASSERT_TRUE(bytecode::verify(**eager_unit, nullptr));
    Code* eager = Code::create(*eager_unit);
    EXPECT_EQ(describe(lazy), describe(eager));
    // The fully decoded tree re-serializes to the same bytes.
    EXPECT_EQ(bytecode::serialize(*lazy->full_unit()), body);
}

TEST(LazyCode, BadNestedRecordIsRejectedWhenMaterialized)
{
    adder::test::start_runtime();
    auto unit = compile("def g():\n    return 'gee_marker'\n");
    auto source = std::make_shared<bytecode::LazySource>();
    std::string serialized = bytecode::serialize(*unit);
    source->body.assign(serialized.data(), serialized.size());
    source->module_name = "badmod";
    size_t at = source->body.find("gee_marker");
    ASSERT_NE(at, std::string::npos);
    source->body[at + 3] = '\xff'; // invalid UTF-8 in g's constant
    auto root = bytecode::deserialize_shallow(source->bytes(), nullptr);
    ASSERT_TRUE(root);
    ASSERT_TRUE(bytecode::verify_shallow(*root, nullptr)); // g is not looked at
    Code* code = Code::create_lazy(root, source);
    ASSERT_TRUE(code);
    Code* g = nullptr;
    for (Value c : code->m_consts)
        if (c.is_object() && c.type() == g_code_type)
            g = static_cast<Code*>(c.as_object());
    ASSERT_TRUE(g);
    EXPECT_EQ(g->m_name->view(), "g");
    // No recompile hook: ImportError, and the stub stays unusable.
    EXPECT_FALSE(g->ensure_body());
    Value exc = take_pending();
    ASSERT_TRUE(exc);
    EXPECT_EQ(exc.type(), g_ImportError);
    EXPECT_FALSE(g->m_ready);
    // With a hook, the recompiled unit's g is used instead.
    source->recompile_failed = false;
    source->recompile = [](bytecode::LazySource&) { return compile("def g():\n    return 'gee_marker'\n"); };
    ASSERT_TRUE(g->ensure_body());
    ASSERT_EQ(g->m_consts.size(), 2u);
    EXPECT_EQ(repr_of(g->m_consts[1]), "'gee_marker'");
}
