// Compile-time constants: turning AST literals into bytecode::Constant, the
// small subset of CPython 3.11's AST optimizer (Python/ast_opt.c) that Adder
// applies (tuples of constants, unary minus/plus/invert on numbers, simple
// arithmetic on numbers, `__debug__`), truthiness of constants, and the key
// under which equal constants are merged in co_consts.
#pragma once

#include "bytecode/code.h"
#include "parser/ast.h"

#include <optional>
#include <string>

namespace adder::compiler {

// The constant of an AST literal `v` (BigInt digits converted to decimal; a
// BigInt that fits in int64 becomes Int).
bytecode::Constant constant_from_ast(const ast::ConstantValue& v);

// The value of `e` if CPython's AST optimizer would fold it to a constant
// (with `optimize` deciding `__debug__`); nullopt otherwise. Folding is
// conservative: anything doubtful is left to run time.
std::optional<bytecode::Constant> fold_constant(const ast::Expr* e, int optimize);

// Python truthiness of constant `c`.
bool constant_truth(const bytecode::Constant& c);

// A string that is equal for two constants exactly when CPython would merge
// them in co_consts (same type and value; 0.0 and -0.0 differ).
std::string constant_key(const bytecode::Constant& c);

// constant_key's equivalence without building keys: constant_same(a, b) is
// constant_key(a) == constant_key(b), and equal constants hash equally.
uint64_t constant_hash(const bytecode::Constant& c);
bool constant_same(const bytecode::Constant& a, const bytecode::Constant& b);

} // namespace adder::compiler
