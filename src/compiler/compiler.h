// The compiler's public interface: an AST (or source) in, a tree of CodeUnits
// out, or the SyntaxError CPython 3.11 would raise from its future/symtable/
// compile stages. Output is deterministic: the same input and options always
// give identical CodeUnits (the bytecode cache relies on it).
#pragma once

#include "bytecode/code.h"
#include "parser/ast.h"
#include "parser/parser.h"

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace adder::compiler {

struct CompileOptions {
    parser::Mode mode = parser::Mode::Exec;
    int optimize = 0; // 0, 1 (-O: no asserts, __debug__ false), 2 (-OO: also no docstrings)
    bool dont_inherit = true; // informational: the caller merges inherited flags into `future_flags`
    uint32_t future_flags = 0; // CO_FUTURE_* bits in force (explicit compile() flags plus inherited ones)
    bool allow_top_level_await = false; // PyCF_ALLOW_TOP_LEVEL_AWAIT: `await` and async for/with at module level
};

struct CompileResult {
    std::shared_ptr<bytecode::CodeUnit> code; // null when `error` is set
    std::optional<parser::SyntaxErrorInfo> error;
    // SyntaxWarnings CPython 3.11 emits at compile time ("is" with a literal,
    // uncallable/unsubscriptable literals, always-true asserts), type
    // "SyntaxWarning", in emission order; the caller reports them.
    std::vector<parser::SyntaxErrorInfo> warnings;
};

// Compiles an already-parsed tree `mod` (whose kind must agree with
// `options.mode`: Module/Exec, Expression/Eval, Interactive/Single) into the
// code of a module named `filename`. Error offsets are 1-based byte columns
// (this overload has no source text to count characters in).
CompileResult compile(const ast::Mod* mod, std::string_view filename, const CompileOptions& options);

// Parses and compiles `source` (bytes; the encoding cookie is honoured unless
// `source_is_text`). Errors carry character offsets and the source line.
CompileResult compile_source(std::string_view source, std::string_view filename, const CompileOptions& options,
    bool source_is_text = false);

} // namespace adder::compiler
