// Spelling and name tables for TokenKind, expanded from tokens.def.
#include "lexer/token.h"

namespace adder::lexer {

std::string_view token_spelling(TokenKind kind)
{
    static constexpr std::string_view table[] = {
#define ADDER_TOKEN(name, text) text,
#include "lexer/tokens.def"
    };
    return table[static_cast<int>(kind)];
}

std::string_view token_kind_name(TokenKind kind)
{
    switch (kind) {
    case TokenKind::EndMarker: return "ENDMARKER";
    case TokenKind::Name: return "NAME";
    case TokenKind::Number: return "NUMBER";
    case TokenKind::String: return "STRING";
    case TokenKind::Newline: return "NEWLINE";
    case TokenKind::Indent: return "INDENT";
    case TokenKind::Dedent: return "DEDENT";
    case TokenKind::ErrorToken: return "ERRORTOKEN";
    default: return is_keyword(kind) ? "NAME" : "OP";
    }
}

} // namespace adder::lexer
