// Tokens of the Python 3.11 tokenizer. A token is plain data: its kind, a view
// of its text in the (decoded, UTF-8) source and its position. Positions follow
// CPython's ast: 1-based lines, 0-based UTF-8 byte columns; INDENT and DEDENT
// carry column -1 like CPython's tokenizer, which the error reporter relies on.
#pragma once

#include <cstdint>
#include <string_view>

namespace adder::lexer {

enum class TokenKind : uint8_t {
#define ADDER_TOKEN(name, text) name,
#include "lexer/tokens.def"
};

// The fixed spelling of an operator or keyword kind; "" for the others.
std::string_view token_spelling(TokenKind kind);

// A short name of `kind` for diagnostics and tests ("NAME", "OP", "NEWLINE", ...).
std::string_view token_kind_name(TokenKind kind);

inline bool is_keyword(TokenKind kind) { return kind >= TokenKind::KwFalse; }

struct Token {
    TokenKind kind = TokenKind::EndMarker;
    bool non_ascii = false; // a NAME with non-ASCII characters (to be NFKC-normalized)
    std::string_view text; // a view into the source the lexer was given
    int lineno = 0;
    int col = 0; // byte column; -1 for INDENT/DEDENT
    int end_lineno = 0;
    int end_col = 0;
};

} // namespace adder::lexer
