// Unit tests for the object model and VM: Value encoding, int/float hashing,
// dict order, CPython-compatible set iteration order, the collector
// reclaiming cycles, and argument binding messages run end to end.
#include <gtest/gtest.h>

#include "adder/adder.h"
#include "compiler/compiler.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/runtime.h"
#include "vm/interp.h"

#include "../runtime_harness.h"

using namespace adder;

namespace adder {
Value new_empty_set();
Status set_add(Value set, Value key);
Value make_syntax_error(const parser::SyntaxErrorInfo& info);
}

namespace {

std::string repr_of(Value v)
{
    Result<std::string> r = repr_text(v);
    EXPECT_TRUE(r.is_ok());
    return r.is_ok() ? r.value() : "<error>";
}

// Runs `source` in a fresh module namespace; returns the message of the
// exception it raised ("" if none) and leaves the namespace in `out`.
std::string run(const std::string& source, Dict** out = nullptr)
{
    compiler::CompileOptions opts;
    compiler::CompileResult r = compiler::compile_source(source, "<test>", opts, true);
    if (r.error)
        return "SyntaxError: " + r.error->msg;
    Dict* globals = Dict::create();
    globals->set_str("__name__", Value(Str::create("__test__")));
    Result<Value> res = vm::run_code(Code::create(r.code), globals, Value());
    if (out)
        *out = globals;
    if (res.is_ok())
        return "";
    Value exc = take_pending();
    Result<std::string> s = str_text(exc);
    return exc.type()->name() + ": " + (s.is_ok() ? s.value() : "?");
}

} // namespace

TEST(Value, SmallIntsAreInlineAndNormalized)
{
    adder::test::start_runtime();
    Value a = int_from_i64(42);
    EXPECT_TRUE(a.is_small_int());
    EXPECT_EQ(a.small_int(), 42);
    Value big = int_from_i64(INT64_MAX);
    EXPECT_FALSE(big.is_small_int());
    Value back = MUST(int_sub(big, int_from_i64(INT64_MAX - 5)));
    EXPECT_TRUE(back.is_small_int());
    EXPECT_EQ(back.small_int(), 5);
    EXPECT_EQ(int_to_string(MUST(int_pow(Value::small(2), Value::small(100), Value()))), "1267650600228229401496703205376");
}

TEST(Hash, IntAndFloatMatchCPython)
{
    adder::test::start_runtime();
    EXPECT_EQ(MUST(hash(Value::small(-1))), -2);
    EXPECT_EQ(MUST(hash(int_from_i64((int64_t(1) << 61) - 1))), 0);
    EXPECT_EQ(MUST(hash(float_value(1.5))), 1152921504606846977);
    EXPECT_EQ(MUST(hash(float_value(-0.5))), -1152921504606846976);
    EXPECT_EQ(MUST(hash(float_value(2.0))), 2);
    // hash(10**20) == 10**20 % (2**61 - 1)
    Value big = MUST(int_pow(Value::small(10), Value::small(20), Value()));
    EXPECT_EQ(MUST(hash(big)), 848750603811160107);
}

TEST(Dict, KeepsInsertionOrderAcrossDeletes)
{
    adder::test::start_runtime();
    Dict* d = Dict::create();
    for (int i = 0; i < 100; ++i)
        MUST(d->set(Value::small(i), Value::small(i * i)));
    for (int i = 0; i < 100; i += 2)
        MUST(d->pop(Value::small(i)));
    MUST(d->set(Value::small(0), Value::small(7)));
    std::vector<int64_t> keys;
    Dict::Entry e;
    for (size_t pos = 0; d->next_entry(pos, e);)
        keys.push_back(e.key.small_int());
    ASSERT_EQ(keys.size(), 51u);
    EXPECT_EQ(keys.front(), 1);
    EXPECT_EQ(keys[49], 99);
    EXPECT_EQ(keys.back(), 0);
    EXPECT_EQ(MUST(d->get(Value::small(3))).small_int(), 9);
}

TEST(Set, IterationOrderMatchesCPython)
{
    adder::test::start_runtime();
    Value s = new_empty_set();
    for (int v : { 3, 1, 2 })
        MUST(set_add(s, Value::small(v)));
    EXPECT_EQ(repr_of(s), "{1, 2, 3}");
    // s = set(); s.add(v) for 100, 5, 37, 8, 64, -1 in CPython 3.11:
    Value t = new_empty_set();
    for (int v : { 100, 5, 37, 8, 64, -1 })
        MUST(set_add(t, Value::small(v)));
    EXPECT_EQ(repr_of(t), "{64, 100, 37, 5, 8, -1}");
    Dict* ns = nullptr;
    EXPECT_EQ(run("r = repr({100, 5, 37, 8, 64, -1}); q = repr(set(range(20, 0, -3)))", &ns), "");
    EXPECT_EQ(as_str(ns->get_str("r"))->data(), "{64, 100, 5, 37, 8, -1}");
    EXPECT_EQ(as_str(ns->get_str("q"))->data(), "{2, 5, 8, 11, 14, 17, 20}");
}

__attribute__((noinline)) static void make_cycles(int n)
{
    for (int i = 0; i < n; ++i) {
        List* a = List::create();
        List* b = List::create();
        a->append(Value(b));
        b->append(Value(a));
    }
}

TEST(Gc, ReclaimsCycles)
{
    adder::test::start_runtime();
    gc::heap().collect();
    size_t before = gc::heap().live_cells();
    make_cycles(1000);
    EXPECT_GE(gc::heap().live_cells(), before + 2000);
    size_t freed = gc::heap().collect();
    EXPECT_GE(freed, 1900u); // a few may be pinned by stale words on the stack
    EXPECT_LE(gc::heap().live_cells(), before + 100);
}

TEST(Calls, ArgumentBindingMessages)
{
    adder::test::start_runtime();
    EXPECT_EQ(run("def f(x): pass\nf()"), "TypeError: f() missing 1 required positional argument: 'x'");
    EXPECT_EQ(run("def f(a, b): pass\nf(1, 2, 3)"), "TypeError: f() takes 2 positional arguments but 3 were given");
    EXPECT_EQ(run("def f(a): pass\nf(1, z=2)"), "TypeError: f() got an unexpected keyword argument 'z'");
    EXPECT_EQ(run("def f(x): pass\nf(1, x=2)"), "TypeError: f() got multiple values for argument 'x'");
    EXPECT_EQ(run("def f(a, b, c): pass\nf()"), "TypeError: f() missing 3 required positional arguments: 'a', 'b', and 'c'");
    EXPECT_EQ(run("def f(a, /, b): pass\nf(a=1, b=2)"),
              "TypeError: f() got some positional-only arguments passed as keyword arguments: 'a'");
    EXPECT_EQ(run("def f(*, k): pass\nf()"), "TypeError: f() missing 1 required keyword-only argument: 'k'");
    Dict* ns = nullptr;
    EXPECT_EQ(run("def f(a, b=2, *args, c, d=4, **kw): return (a, b, args, c, d, kw)\nr = repr(f(1, 5, 6, c=3, e=9))", &ns), "");
    EXPECT_EQ(as_str(ns->get_str("r"))->data(), "(1, 5, (6,), 3, 4, {'e': 9})");
}

TEST(Vm, ClassesGeneratorsAndExceptions)
{
    adder::test::start_runtime();
    Dict* ns = nullptr;
    EXPECT_EQ(run(R"(
class A:
    def __init__(self, x): self.x = x
    def __add__(self, o): return A(self.x + o.x)
    def __eq__(self, o): return isinstance(o, A) and self.x == o.x
class B(A):
    def __init__(self, x): super().__init__(x * 10)
def gen(n):
    for i in range(n):
        got = yield i
        if got: yield got
g = gen(3)
seq = [next(g), g.send('s'), next(g), next(g)]
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise KeyError('k') from e
except KeyError as k:
    chained = type(k.__cause__).__name__
r = (B(1) + A(2)).x, seq, chained, A(1) == A(1), A.__hash__
)", &ns), "");
    EXPECT_EQ(repr_of(ns->get_str("r")), "(12, [0, 's', 1, 2], 'ZeroDivisionError', True, None)");
}
