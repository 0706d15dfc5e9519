// The parser's driver: the public parse() entry point, the token buffer the
// recursive descent reads from (filled lazily, so tokenizer errors surface
// exactly when the parser reaches them, as in CPython), and error recording,
// including the translation of byte columns to SyntaxError's 1-based
// character offsets.
#include "parser/parser_impl.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace adder::parser {

IdentifierNormalizer g_identifier_normalizer = nullptr;

void set_identifier_normalizer(IdentifierNormalizer fn) { g_identifier_normalizer = fn; }

Parser::Parser(std::string_view source, std::string_view filename, ast::Arena& arena)
    : m_source(source)
    , m_filename(filename)
    , m_arena(arena)
    , m_own_lexer(source)
    , m_lexer(&m_own_lexer)
{
}

Parser::Parser(std::string_view source, std::string_view filename, ast::Arena& arena, std::string_view field, int line,
    int col, int open_line, int open_col, int close_line, int close_col)
    : m_source(source)
    , m_filename(filename)
    , m_arena(arena)
    , m_own_lexer(field, line, col)
    , m_lexer(&m_own_lexer)
{
    m_own_lexer.set_fstring_field(open_line, open_col, close_line, close_col);
    m_in_fstring_field = true;
}

const Token& Parser::peek_slow(size_t i)
{
    while (i >= m_tokens.size()) {
        if (m_fatal && !m_tokens.empty() && m_tokens.back().kind == TokenKind::ErrorToken)
            return m_tokens.back();
        fill();
    }
    if (i == m_pos)
        m_cur = &m_tokens[i];
    return m_tokens[i];
}

void Parser::fill()
{
    if (!m_fatal && !m_lex_failed) {
        // Lex a batch ahead: one call here per several tokens. A tokenizer
        // error met on the way is only reported once the parser asks for
        // the token where it happened (the next call), as before.
        size_t room;
        Token* span = m_tokens.append_span(room);
        bool failed;
        int n = m_lexer->next_batch(span, room < lex_batch ? static_cast<int>(room) : lex_batch, failed);
        m_tokens.commit(static_cast<size_t>(n));
        if (failed)
            m_lex_failed = true;
        return;
    }
    if (!m_fatal)
        fail_lexer();
    // An endless supply of error tokens stops every loop.
    Token& t = m_tokens.append();
    t.kind = TokenKind::ErrorToken;
    if (m_tokens.size() > 1) {
        const Token& before = m_tokens[m_tokens.size() - 2];
        t.lineno = t.end_lineno = before.end_lineno;
        t.col = t.end_col = before.end_col;
    }
}

void Parser::reset(Mark m)
{
    m_pos = m.pos;
    m_cur = m_pos < m_tokens.size() ? &m_tokens[m_pos] : nullptr;
    m_furthest = m.furthest;
    m_primed = nullptr;
    if (!m_fatal)
        m_failed = false;
}

const Token* Parser::expect_forced(TokenKind k)
{
    if (peek().kind == k)
        return &advance();
    if (m_fatal || peek().kind == TokenKind::ErrorToken) {
        fail_invalid_syntax();
        return nullptr;
    }
    // CPython's _PyPegen_expect_forced_token points at the current token.
    fail_at(peek(), std::string("expected '") + std::string(lexer::token_spelling(k)) + "'");
    return nullptr;
}

const Token* Parser::expect_colon()
{
    if (peek().kind == TokenKind::Colon)
        return &advance();
    // The invalid_*_stmt rules: "expected ':'" only right before a NEWLINE.
    if (peek().kind == TokenKind::Newline && !m_fatal)
        fail_at(peek(), "expected ':'");
    else
        fail_invalid_syntax();
    return nullptr;
}

std::string Parser::line_text(int lineno) const
{
    size_t start = 0;
    for (int l = 1; l < lineno; ++l) {
        size_t nl = m_source.find('\n', start);
        if (nl == std::string_view::npos)
            return {};
        start = nl + 1;
    }
    size_t nl = m_source.find('\n', start);
    if (nl == std::string_view::npos)
        return std::string(m_source.substr(start));
    return std::string(m_source.substr(start, nl + 1 - start));
}

int Parser::char_offset(int lineno, int byte_col) const
{
    std::string line = line_text(lineno);
    int n = 0;
    for (int i = 0; i < byte_col && i < static_cast<int>(line.size()); ++i)
        n += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    if (byte_col > static_cast<int>(line.size()))
        n += byte_col - static_cast<int>(line.size());
    return n;
}

void Parser::set_error(const char* type, std::string msg, int lineno, int offset, int end_lineno, int end_offset)
{
    if (m_failed)
        return;
    m_failed = true;
    m_error.type = type;
    m_error.msg = std::move(msg);
    m_error.filename = m_filename;
    m_error.lineno = lineno;
    m_error.offset = offset;
    m_error.end_lineno = end_lineno;
    m_error.end_offset = end_offset;
    m_error.text = line_text(lineno);
}

std::nullptr_t Parser::fail_range(int lineno, int col, int end_lineno, int end_col, std::string msg, const char* type)
{
    int off = col < 0 ? 0 : char_offset(lineno, col) + 1;
    int end_off = end_col < 0 ? 0 : char_offset(end_lineno, end_col) + 1;
    set_error(type, std::move(msg), lineno, off, end_lineno, end_off);
    return nullptr;
}

std::nullptr_t Parser::fail_at(const Token& t, std::string msg, const char* type)
{
    if (t.kind == TokenKind::ErrorToken && m_fatal)
        return nullptr;
    if (t.col < 0) {
        // INDENT/DEDENT/ENDMARKER: CPython points at its tokenizer's cursor,
        // which the lexer keeps in end_col for these tokens.
        set_error(type, std::move(msg), t.lineno, char_offset(t.lineno, t.end_col), t.lineno, -1);
        return nullptr;
    }
    return fail_range(t.lineno, t.col, t.end_lineno, t.end_col, std::move(msg), type);
}

std::nullptr_t Parser::fail_too_deep()
{
    if (!m_fatal) {
        m_failed = false;
        set_error("MemoryError", "", 0, 0, 0, 0);
        m_fatal = true;
    }
    return nullptr;
}

std::nullptr_t Parser::fail_lexer()
{
    if (m_fatal)
        return nullptr;
    const lexer::LexError& e = m_lexer->error();
    m_failed = false; // a tokenizer error replaces whatever the parser thought
    if (e.is_eof_in_brackets) {
        const auto& b = m_lexer->open_brackets().back();
        if (m_fstring_depth > 0 || m_in_fstring_field) {
            set_error("SyntaxError", "f-string: expecting '}'", b.lineno, char_offset(b.lineno, b.col) + 1, b.lineno, 0);
        } else {
            set_error("SyntaxError", std::string("'") + b.c + "' was never closed", b.lineno,
                char_offset(b.lineno, b.col) + 1, b.lineno, 0);
        }
    } else {
        set_error(e.type, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset);
        m_tokenizer_text = !e.is_status_error;
    }
    m_fatal = true;
    return nullptr;
}

std::nullptr_t Parser::fail_invalid_syntax()
{
    if (m_failed)
        return nullptr;
    if (m_tokens.empty())
        peek();
    const Token& t = m_tokens[std::min(m_furthest, m_tokens.size() - 1)];
    if (t.kind == TokenKind::ErrorToken && m_fatal)
        return nullptr;
    if (t.kind == TokenKind::Indent)
        return fail_at(t, "unexpected indent", "IndentationError");
    if (t.kind == TokenKind::Dedent)
        return fail_at(t, "unexpected unindent", "IndentationError");
    fail_at(t, "invalid syntax");
    return nullptr;
}

void Parser::finish_error()
{
    if (!m_failed || m_fatal || m_in_fstring_field)
        return;
    // CPython raises these from its generic error path without reading on.
    if (m_error.msg == "unexpected indent" || m_error.msg == "unexpected unindent")
        return;
    Token rest;
    while (m_lexer->next(rest)) {
        if (rest.kind == TokenKind::EndMarker)
            return;
    }
    const lexer::LexError& e = m_lexer->error();
    if (!m_lexer->open_brackets().empty()) {
        const auto& b = m_lexer->open_brackets().back();
        // CPython's second pass reaches the end of the input inside the
        // brackets before it can suggest a missing comma there.
        bool comma_hint = e.is_eof_in_brackets && m_error.msg == "invalid syntax. Perhaps you forgot a comma?";
        if (m_error.lineno > b.lineno || comma_hint) {
            m_failed = false;
            set_error("SyntaxError", std::string("'") + b.c + "' was never closed", b.lineno, char_offset(b.lineno, b.col) + 1,
                b.lineno, 0);
            return;
        }
    }
    if (e.is_eof_in_brackets || e.is_status_error)
        return; // no exception in CPython: the parser's error stands
    m_failed = false;
    set_error(e.type, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset);
    m_tokenizer_text = true;
}

// file: [statements] ENDMARKER
ast::Mod* Parser::parse_file()
{
    auto* mod = m_arena.make<ast::Mod>();
    mod->kind = ast::ModKind::Module;
    StmtList body;
    if (!parse_statements(body, false))
        return nullptr;
    store(mod->body, body);
    if (!at(TokenKind::EndMarker))
        return fail_invalid_syntax();
    return mod;
}

// eval: expressions NEWLINE* ENDMARKER
ast::Mod* Parser::parse_eval()
{
    auto* mod = m_arena.make<ast::Mod>();
    mod->kind = ast::ModKind::Expression;
    if (at(TokenKind::Newline) || at(TokenKind::EndMarker))
        return fail_blank_input();
    mod->expression = parse_expressions();
    if (!mod->expression)
        return nullptr;
    while (accept(TokenKind::Newline)) { }
    if (!at(TokenKind::EndMarker))
        return fail_invalid_syntax();
    return mod;
}

// interactive: statement_newline
// statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
// As CPython's 'single' mode: blank input is an error, and so is a second
// statement after a simple one (bad_single_statement).
ast::Mod* Parser::parse_single()
{
    auto* mod = m_arena.make<ast::Mod>();
    mod->kind = ast::ModKind::Interactive;
    if (at(TokenKind::Newline) || at(TokenKind::EndMarker))
        return fail_blank_input();
    bool compound = false;
    switch (kind()) {
    case TokenKind::KwDef:
    case TokenKind::KwIf:
    case TokenKind::KwClass:
    case TokenKind::KwWith:
    case TokenKind::KwFor:
    case TokenKind::KwTry:
    case TokenKind::KwWhile:
    case TokenKind::At:
    case TokenKind::KwAsync: compound = true; break;
    default: compound = at_name("match");
    }
    StmtList body;
    if (!parse_statement(body))
        return nullptr;
    store(mod->body, body);
    compound = compound && !mod->body.empty() && mod->body.back()->kind != ast::StmtKind::Expr
        && mod->body.back()->kind != ast::StmtKind::Assign;
    if (!compound && !at(TokenKind::EndMarker)) {
        // More than blank lines and comments left after a simple statement.
        const Token& nl = prev();
        return fail_range(nl.lineno, nl.col, nl.end_lineno, nl.end_col,
            "multiple statements found while compiling a single statement");
    }
    while (accept(TokenKind::Newline)) { }
    if (!at(TokenKind::EndMarker))
        return fail_invalid_syntax();
    return mod;
}

// Blank input in 'eval' and 'single' modes: "invalid syntax" at column 0 of
// the last line (line 0 for empty input), as CPython reports it.
std::nullptr_t Parser::fail_blank_input()
{
    int lines = 0;
    for (char c : m_source)
        lines += c == '\n';
    if (!m_source.empty() && m_source.back() != '\n')
        ++lines;
    set_error("SyntaxError", "invalid syntax", lines, 0, lines, 0);
    return nullptr;
}

// fstring: star_expressions, read from "(" field ")".
ast::Expr* Parser::parse_fstring_field()
{
    ast::Expr* e = parse_star_expressions();
    if (!e)
        return nullptr;
    if (!at(TokenKind::EndMarker))
        return fail_invalid_syntax();
    return e;
}

namespace {

// CPython translates "\r\n" and "\r" to "\n" before tokenizing.
std::string normalize_newlines(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < s.size() && s[i + 1] == '\n')
                ++i;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

// Line `lineno` of the file `filename` as CPython's err_programtext reads it:
// stdio fgets into a 1000-byte buffer (so a line longer than 998 bytes comes
// back as its last chunk), "\r\n" and "\r" read as "\n". nullopt when the
// file cannot be opened, has fewer lines, or the line is not UTF-8.
std::optional<std::string> program_text_line(std::string_view filename, int lineno)
{
    if (lineno < 1 || filename.empty() || filename.find('\0') != std::string_view::npos)
        return std::nullopt;
    std::FILE* f = std::fopen(std::string(filename).c_str(), "rb");
    if (!f)
        return std::nullopt;
    constexpr size_t chunk_max = 999; // fgets(buf, 1000, fp)
    std::string chunk;
    int i = 0;
    while (i < lineno) {
        bool more;
        do {
            chunk.clear();
            int c = 0;
            while (chunk.size() < chunk_max && (c = std::getc(f)) != EOF) {
                if (c == '\r') {
                    int d = std::getc(f);
                    if (d != '\n' && d != EOF)
                        std::ungetc(d, f);
                    c = '\n';
                }
                chunk.push_back(static_cast<char>(c));
                if (c == '\n')
                    break;
            }
            if (chunk.empty())
                goto done; // fgets at end of file
            more = chunk.size() == chunk_max && chunk.back() != '\n';
        } while (more);
        ++i;
    }
done:
    std::fclose(f);
    if (i != lineno)
        return std::nullopt;
    chunk.resize(std::strlen(chunk.c_str())); // the C string stops at a NUL
    if (find_invalid_utf8(chunk) != std::string::npos)
        return std::nullopt; // FIXME: CPython decodes with the file's coding cookie
    return chunk;
}

// SyntaxError.text in 'exec' mode as CPython 3.11 takes it: from the file
// named `filename` if it can be read, else from the tokenizer's buffer, where
// an unterminated last line has had a '\n' appended (file input only).
void fix_exec_error_text(SyntaxErrorInfo& err, std::string_view source, std::string_view filename)
{
    if (err.lineno < 1 || err.type == "MemoryError")
        return;
    if (auto line = program_text_line(filename, err.lineno)) {
        err.text = std::move(*line);
        // CPython measures the columns in that line, clamped to its end.
        int limit = 1;
        for (char c : err.text)
            limit += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        err.offset = std::min(err.offset, limit);
        err.end_offset = std::min(err.end_offset, limit);
        return;
    }
    if (!err.text.empty() && err.text.back() != '\n' && !source.empty() && source.back() != '\n'
        && source.size() >= err.text.size()
        && source.substr(source.size() - err.text.size()) == err.text)
        err.text.push_back('\n');
}

} // namespace

ParseResult parse(std::string_view source, std::string_view filename, const ParseOptions& options)
{
    ParseResult result;
    result.arena = std::make_unique<ast::Arena>();
    std::string text;
    size_t poison = std::string::npos; // start of the first line that is not UTF-8
    SyntaxErrorInfo poison_error;
    if (options.source_is_text) {
        text = std::string(source);
    } else {
        SyntaxErrorInfo err;
        auto decoded = decode_source(source, &err);
        if (!decoded && err.msg.rfind("Non-UTF-8 code", 0) == 0) {
            // Parse the lines before it; the tokenizer fails on reaching it.
            poison_error = err;
            size_t at = poison_error.msg.find("<file>");
            if (at != std::string::npos)
                poison_error.msg.replace(at, 6, std::string(filename));
            bool bom = source.substr(0, 3) == "\xEF\xBB\xBF";
            text = std::string(bom ? source.substr(3) : source);
            poison = 0; // located after newline translation, below
            decoded = text;
        }
        if (!decoded) {
            err.filename = std::string(filename);
            size_t at = err.msg.find("<file>");
            if (at != std::string::npos)
                err.msg.replace(at, 6, err.filename);
            result.error = std::move(err);
            return result;
        }
        text = std::move(*decoded);
    }
    if (text.find('\r') != std::string::npos)
        text = normalize_newlines(text);
    if (poison != std::string::npos) {
        poison = 0;
        for (int line = 1; line < poison_error.lineno; ++line) {
            size_t nl = text.find('\n', poison);
            if (nl == std::string::npos)
                break;
            poison = nl + 1;
        }
    }
    result.source_utf8 = std::move(text);
    if (result.source_utf8.find('\0') != std::string::npos) {
        SyntaxErrorInfo err;
        err.msg = "source code string cannot contain null bytes";
        err.filename = std::string(filename);
        result.error = std::move(err);
        return result;
    }
    Parser p(result.source_utf8, filename, *result.arena);
    if (poison != std::string::npos) {
        lexer::LexError e;
        e.msg = poison_error.msg;
        e.lineno = poison_error.lineno;
        e.offset = 0;
        e.end_lineno = 0;
        e.end_offset = 0;
        p.set_poison(poison, e);
    }
    ast::Mod* mod = nullptr;
    switch (options.mode) {
    case Mode::Exec: mod = p.parse_file(); break;
    case Mode::Eval: mod = p.parse_eval(); break;
    case Mode::Single: mod = p.parse_single(); break;
    }
    if (!mod || p.failed()) {
        p.finish_error();
        result.error = p.error();
        if (result.error->msg.rfind("Non-UTF-8 code", 0) == 0) {
            // CPython's file tokenizer raises this with a bare message: no
            // source line (which is not UTF-8 anyway).
            // FIXME: compile() of such bytes fails later in CPython, with a
            // "(unicode error) 'utf-8' codec can't decode ..." at the string
            // or identifier holding them (and none for a comment).
            result.error->text.clear();
        } else if (p.tokenizer_text()) {
            // CPython's tokenizer cuts its error line at the newline.
            std::string& t = result.error->text;
            if (!t.empty() && t.back() == '\n')
                t.pop_back();
        } else if (options.mode == Mode::Exec) {
            fix_exec_error_text(*result.error, result.source_utf8, filename);
        }
        return result;
    }
    result.mod = mod;
    return result;
}

} // namespace adder::parser
