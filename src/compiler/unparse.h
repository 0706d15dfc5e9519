// An expression unparser for `from __future__ import annotations` (PEP 563):
// renders an annotation back to source text the way CPython 3.11's
// Python/ast_unparse.c does, so __annotations__ strings match.
#pragma once

#include "parser/ast.h"

#include <string>

namespace adder::compiler {

// The source text CPython would store for annotation `e`.
std::string unparse_annotation(const ast::Expr* e);

} // namespace adder::compiler
