// `from __future__ import ...` handling (CPython's Python/future.c): which
// features a module enables, and the SyntaxErrors for misplaced or unknown
// future imports.
#pragma once

#include "parser/ast.h"

#include <cstdint>
#include <optional>
#include <string>

namespace adder::compiler {

struct FutureError {
    std::string msg;
    ast::Location loc;
};

// Scans the leading future imports of `mod` and returns the CO_FUTURE_* flags
// they enable, or the first error.
std::optional<FutureError> parse_future(const ast::Mod* mod, uint32_t& flags);

} // namespace adder::compiler
