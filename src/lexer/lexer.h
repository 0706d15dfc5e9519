// The Python 3.11 tokenizer: decoded UTF-8 source text in, tokens out, one at a
// time (the parser pulls them, so a tokenizer error after a parser error is never
// reported first, as in CPython). It tracks indentation (INDENT/DEDENT, TabError),
// bracket nesting (implicit line joining, unmatched/mismatched brackets),
// backslash continuation and comments, and finds the extent of numbers and of
// string literals of every prefix. It does not decode string contents or
// f-string fields: the parser does that (strings.cpp), re-lexing each f-string
// field with a Lexer in `fstring_field` mode.
#pragma once

#include "lexer/token.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace adder::lexer {

// A tokenizer error, positioned as CPython reports it: `offset`/`end_offset`
// are the final SyntaxError.offset/end_offset values (1-based, in characters).
struct LexError {
    const char* type = "SyntaxError"; // or "IndentationError", "TabError"
    std::string msg;
    int lineno = 0;
    int offset = 0;
    int end_lineno = 0;
    int end_offset = 0;
    bool is_eof_in_brackets = false; // "'(' was never closed": reported as the parser's EOF error
    // CPython signals this error through the tokenizer's status (E_DEDENT,
    // E_TABSPACE, E_TOODEEP, E_LINECONT, E_EOF), not as an exception, so it
    // never overrides an earlier parser error.
    bool is_status_error = false;
};

// Maximum bracket nesting, as CPython's MAXLEVEL ("too many nested parentheses").
inline constexpr int max_bracket_level = 200;
// Maximum indentation depth, as CPython's MAXINDENT ("too many levels of indentation").
inline constexpr int max_indent_level = 100;

class Lexer {
public:
    // Tokenizes `source` (UTF-8, newlines already normalized to '\n'), which must
    // outlive the lexer. `first_lineno`/`first_col` shift the positions of the
    // first line (used for f-string fields, which keep their real positions).
    explicit Lexer(std::string_view source, int first_lineno = 1, int first_col = 0);

    // Makes the lexer emit a '(' token at (`open_line`, `open_col`) before the
    // text and a ')' at (`close_line`, `close_col`) after it, with the text read
    // as inside brackets: CPython 3.11 parses an f-string field as "(" field ")".
    void set_fstring_field(int open_line, int open_col, int close_line, int close_col);

    // Makes the lexer fail with `error` once it reaches byte `offset` (the
    // start of a line): CPython decodes a file line by line, so a line that is
    // not valid UTF-8 is only an error when the tokenizer gets to it.
    void set_poison(size_t offset, LexError error)
    {
        m_poison = offset;
        m_poison_error = std::move(error);
        m_slow_from = std::min(m_slow_from, offset);
    }

    // Stores the next token in `out`. Returns false on a tokenizer error, which
    // error() then describes; every later call fails the same way.
    bool next(Token& out);
    // Lexes up to `max` (> 0) tokens into out[0], out[1], ...: returns how
    // many it stored. It stops after an ENDMARKER, and before a token that
    // fails (setting `failed`). One call per batch instead of one per token.
    int next_batch(Token* out, int max, bool& failed);

    const LexError& error() const { return m_error; }
    bool has_error() const { return m_has_error; }

    // Information about the innermost open bracket, for "'(' was never closed".
    struct OpenBracket { char c; int lineno; int col; };
    const std::vector<OpenBracket>& open_brackets() const { return m_brackets; }

private:
    [[gnu::always_inline]] bool next_impl(Token& out);
    [[gnu::cold]] bool check_non_ascii_identifier(size_t start, size_t end);
    [[gnu::cold]] bool fail(const char* type, std::string msg, int lineno, int col, int end_lineno, int end_col);
    [[gnu::noinline]] bool next_rare_entry(Token& out, bool& produced);
    [[gnu::noinline]] bool line_continuation();
    bool measure_indentation();
    bool end_of_input(Token& out);
    int chars_to(size_t pos) const;
    int last_line_number() const;
    bool scan_number(Token& out);
    bool scan_string(Token& out, size_t quote_pos);
    // The two most frequent tokens: inlined into next_batch()'s loop.
    [[gnu::always_inline]] bool scan_identifier(Token& out);
    [[gnu::always_inline]] bool scan_operator(Token& out);
    [[gnu::cold]] bool scan_operator_rare(size_t start, TokenKind kind, int& len);
    void begin_token(Token& out, size_t start);
    void finish_token(Token& out, TokenKind kind);
    // Both per token, so kept as precomputed bases (see m_col_base).
    int col_of(size_t pos) const { return static_cast<int>(pos - m_col_base); }
    int line_no() const { return m_lineno; }
    void newline_at(size_t pos_after_newline)
    {
        ++m_line;
        ++m_lineno;
        m_line_start = pos_after_newline;
        m_col_base = pos_after_newline;
    }

    std::string_view m_src;
    size_t m_pos = 0;
    size_t m_tok_start = 0;
    size_t m_line_start = 0;
    int m_line = 1; // 1-based within m_src
    int m_lineno = 1; // line_no(): m_line + m_first_lineno - 1
    // col_of(pos) is pos - m_col_base: m_line_start, less m_first_col on the
    // first line (modulo 2^64, so it may wrap there).
    size_t m_col_base = 0;
    int m_first_lineno = 1;
    int m_first_col = 0;
    bool m_at_bol = true;
    bool m_done = false;
    bool m_has_error = false;
    bool m_emitted_eof_newline = false;
    bool m_last_was_newline = true; // nothing but NEWLINE/INDENT/DEDENT so far on this logical line
    int m_pending = 0; // > 0: INDENTs to emit; < 0: DEDENTs to emit
    std::vector<int> m_indents { 0 };
    std::vector<int> m_alt_indents { 0 };
    std::vector<OpenBracket> m_brackets;
    LexError m_error;
    size_t m_poison = std::string_view::npos;
    LexError m_poison_error;
    // next() takes its rare entry path (an error already met, the poisoned
    // line reached, an f-string field's '(' due) once m_pos >= m_slow_from:
    // one compare per token instead of three tests.
    size_t m_slow_from = std::string_view::npos;

    // f-string field mode
    bool m_field = false;
    int m_field_state = 0; // 0: '(' not yet emitted, 1: body, 2: ')' emitted
    int m_open_line = 0, m_open_col = 0, m_close_line = 0, m_close_col = 0;
};

// Classifies an identifier-like word: the keyword kind, or Name.
TokenKind keyword_kind(std::string_view word);

} // namespace adder::lexer
