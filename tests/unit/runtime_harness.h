// Helpers for unit tests that run Python code in a live interpreter: one
// runtime start per test binary, and a runner that executes a module's
// source and reports its `r` variable (or the exception it raised).
#pragma once

#include <string>

#include "adder/adder.h"
#include "compiler/compiler.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/function.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "runtime/runtime.h"
#include "vm/interp.h"

namespace adder::test {

// Starts the interpreter the first time a test needs it.
inline void start_runtime()
{
    static bool s_started = [] {
        Config config;
        config.argv = { "" };
        runtime::startup(config);
        return true;
    }();
    (void)s_started;
}

// Runs `source` as module `__test__`; returns repr(r), or "Type: message"
// when it raised, "SyntaxError: message" when it did not compile.
inline std::string eval_r(const std::string& source)
{
    start_runtime();
    compiler::CompileOptions opts;
    compiler::CompileResult c = compiler::compile_source(source, "<test>", opts, true);
    if (c.error)
        return "SyntaxError: " + c.error->msg;
    Dict* globals = Dict::create();
    globals->set_str("__name__", Value(Str::create("__test__")));
    Result<Value> res = vm::run_code(Code::create(c.code), globals, Value());
    if (res.is_error()) {
        Value exc = take_pending();
        Result<std::string> s = str_text(exc);
        return exc.type()->name() + ": " + (s.is_ok() ? s.value() : "?");
    }
    Value r = globals->get_str("r");
    if (!r)
        return "<no r>";
    Result<std::string> text = repr_text(r);
    return text.is_ok() ? text.value() : "<repr failed>";
}

} // namespace adder::test
