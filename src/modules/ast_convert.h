// Conversion between the front end's C++ AST (parser/ast.h) and the Python
// objects of the _ast module: compile(..., PyCF_ONLY_AST) / ast.parse build a
// tree of _ast node objects from a parse, and compile(<AST object>) turns such
// a tree (possibly built or edited by Python code) back into a C++ AST,
// checking it as CPython 3.11's obj2ast and AST validator do so that the
// compiler only ever sees well-formed trees.
#pragma once

#include "objects/object.h"
#include "objects/result.h"
#include "parser/ast.h"
#include "parser/parser.h"

#include <memory>
#include <string_view>

namespace adder::astconv {

// True when `v` is an instance of _ast.AST (imports _ast if it is loaded; an
// object cannot be an AST node before _ast exists, so this never imports).
bool is_ast_object(Value v);

// compile(source, filename, mode, PyCF_ONLY_AST): parses `source` (str or a
// bytes-like object) and returns the _ast tree, or raises SyntaxError.
// FIXME: mode 'func_type' and type comments (PyCF_TYPE_COMMENTS) are not supported.
Result<Value> parse_to_python(Value source, std::string_view filename, parser::Mode mode);

// The C++ form of an _ast tree given to compile().
struct Converted {
    std::unique_ptr<ast::Arena> arena;
    ast::Mod* mod = nullptr;
};

// Converts and validates `tree` (an ast.Module/Expression/Interactive as
// `mode` requires); raises TypeError/ValueError as CPython does for a bad tree.
Result<Converted> from_python(Value tree, parser::Mode mode);

} // namespace adder::astconv
