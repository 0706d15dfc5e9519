// The public face of the front end: Python 3.11 source bytes (or text) in, an
// AST (ast.h) or a SyntaxError description out, plus `dump()` which renders a
// tree exactly as python3.11's `ast.dump(tree)` does (the golden tests and the
// compiler's debugging rely on that). Everything else in src/lexer and
// src/parser is internal.
#pragma once

#include "parser/ast.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace adder::parser {

enum class Mode { Exec, Eval, Single }; // compile() modes 'exec', 'eval', 'single'

// What SyntaxError (or its subclasses IndentationError, TabError) carries.
// `type` may also be "MemoryError" (with an empty message and no position)
// when the source nests too deeply to parse, as CPython 3.11 raises then.
struct SyntaxErrorInfo {
    std::string type = "SyntaxError"; // or "IndentationError", "TabError"
    std::string msg;
    std::string filename;
    int lineno = 0;
    int offset = 0; // 1-based, in characters, like SyntaxError.offset
    int end_lineno = 0;
    int end_offset = 0;
    std::string text; // the offending source line (with its newline, as CPython)
};

// `source_is_text`: the source is already decoded text (compile() of a str), so
// a coding cookie is ignored and no BOM is expected. `feature_version` is kept
// for ast.parse(feature_version=...) and currently ignored.
struct ParseOptions {
    Mode mode = Mode::Exec;
    bool source_is_text = false;
    int feature_version = 11;
};

struct ParseResult {
    std::unique_ptr<ast::Arena> arena; // owns the tree
    ast::Mod* mod = nullptr; // nullptr when `error` is set
    std::optional<SyntaxErrorInfo> error;
    std::string source_utf8; // the decoded source, BOM removed, newlines as '\n' (for traceback lines)
};

// Parses `source` (bytes, or UTF-8 text when `options.source_is_text`) named
// `filename` into a Module, Expression or Interactive tree per `options.mode`.
// On failure `mod` is nullptr and `error` holds CPython 3.11's diagnosis.
ParseResult parse(std::string_view source, std::string_view filename, const ParseOptions& options);

// Renders `mod`/`expr` exactly as python3.11's ast.dump(node) (no indent, no
// attributes). A null pointer renders as "None".
std::string dump(const ast::Mod* mod);
std::string dump(const ast::Expr* expr);
// As python3.11's ast.dump(mod, include_attributes=True): with every node's
// lineno, col_offset, end_lineno and end_col_offset (used by the golden tests).
std::string dump_with_positions(const ast::Mod* mod);

// True when `text` (a REPL's input so far) is an incomplete statement that more
// lines could complete, as CPython 3.11's PyCF_ALLOW_INCOMPLETE_INPUT decides:
// open brackets, an open triple-quoted string, a trailing backslash, or a
// block header with no body yet. A complete compound statement still needs the
// REPL's usual empty line; that is the caller's rule, not this function's.
bool is_incomplete_input(std::string_view text);

// CPython NFKC-normalizes every non-ASCII identifier. The front end links no
// Unicode tables, so the runtime installs a normalizer here at startup (e.g.
// from adder_text's utf8proc); without one, identifiers are kept as written.
// `fn` receives the UTF-8 identifier and returns its NFKC form.
using IdentifierNormalizer = std::string (*)(std::string_view utf8);
void set_identifier_normalizer(IdentifierNormalizer fn);

// Decodes source `bytes` to UTF-8 following PEP 263/3120: a UTF-8 BOM, or a
// coding cookie on line 1 or 2 (utf-8, latin-1, ascii, cp1250-1252, koi8-r/u,
// iso-8859-2/5/7/15, cp437, mac-roman and their aliases), else UTF-8. The BOM
// is dropped; newlines are kept as they are. Returns nullopt and fills `error`
// (if non-null) when the encoding is unknown or the bytes do not decode; a
// message about the file says "<file>" where the caller may put its name.
std::optional<std::string> decode_source(std::string_view bytes, SyntaxErrorInfo* error);

} // namespace adder::parser
