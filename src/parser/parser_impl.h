// The recursive-descent parser's class, shared by the files that implement its
// parts: parser.cpp (driver, tokens, errors), statements.cpp, expressions.cpp,
// patterns.cpp (match), strings.cpp (literals and f-strings), targets.cpp
// (assignment contexts and their errors). Internal to src/parser.
//
// Error protocol: a parse function returns nullptr (or false) after recording
// the error with one of the fail_* helpers; callers propagate the null. The
// first recorded error wins. Speculative parses (with-items in parentheses, the
// soft keyword `match`) save a Mark and roll back, which also drops an error
// recorded meanwhile, except a tokenizer error, which is final.
#pragma once

#include "lexer/lexer.h"
#include "parser/parser.h"

#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <vector>

namespace adder::parser {

using lexer::Token;
using lexer::TokenKind;

// The parser's token store: fixed-size chunks (blocks of ast::block_pool,
// recycled across parses), so appending never moves a token and references
// from peek() stay valid, without reserving for the worst case up front (a
// reservation of ~80 bytes per source byte, whose fresh pages cost a page
// fault each on every compile).
class TokenBuffer {
public:
    TokenBuffer() = default;
    TokenBuffer(const TokenBuffer&) = delete;
    TokenBuffer& operator=(const TokenBuffer&) = delete;
    ~TokenBuffer()
    {
        for (Token* c : m_chunks)
            ast::block_pool::give(c); // Token is trivially destructible
    }
    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const Token& operator[](size_t i) const { return m_chunks[i >> chunk_bits][i & chunk_mask]; }
    const Token& back() const { return (*this)[m_size - 1]; }
    static bool starts_chunk(size_t i) { return (i & chunk_mask) == 0; }
    // Appends a default token for the lexer to write the next token into
    // directly (no temporary and copy per token).
    [[gnu::always_inline]] Token& append()
    {
        if ((m_size & chunk_mask) == 0) {
            if ((m_size >> chunk_bits) == m_chunks.size())
                m_chunks.push_back(static_cast<Token*>(ast::block_pool::take()));
            m_tail = m_chunks[m_size >> chunk_bits];
        }
        return *new (&m_tail[m_size++ & chunk_mask]) Token();
    }
    // Drops the token append() just added.
    void pop_back() { --m_size; }
    // Where the next tokens go, all in one chunk: sets `room` to how many
    // fit there (at least 1). commit(n) then appends the first n of them.
    Token* append_span(size_t& room)
    {
        if ((m_size & chunk_mask) == 0) {
            if ((m_size >> chunk_bits) == m_chunks.size())
                m_chunks.push_back(static_cast<Token*>(ast::block_pool::take()));
            m_tail = m_chunks[m_size >> chunk_bits];
        }
        room = chunk_size - (m_size & chunk_mask);
        return &m_tail[m_size & chunk_mask];
    }
    void commit(size_t n) { m_size += n; }
    // The token stored after `t`, or nullptr when `t` is the last one (or not
    // stored here). Linear in the number of chunks: for error paths only.
    const Token* after(const Token* t) const
    {
        for (size_t c = 0; c < m_chunks.size(); ++c) {
            const Token* base = m_chunks[c];
            if (t >= base && t < base + chunk_size) {
                size_t i = (c << chunk_bits) + static_cast<size_t>(t - base) + 1;
                return i < m_size ? &(*this)[i] : nullptr;
            }
        }
        return nullptr;
    }

private:
    static constexpr size_t chunk_bits = 9;
    static constexpr size_t chunk_size = size_t(1) << chunk_bits;
    static constexpr size_t chunk_mask = chunk_size - 1;
    static_assert(chunk_size * sizeof(Token) <= ast::block_pool::block_size);
    static_assert(std::is_trivially_destructible_v<Token>);
    std::vector<Token*> m_chunks;
    Token* m_tail = nullptr; // the chunk append() writes to
    size_t m_size = 0;
};

// A list with room for N elements inline, for parser temporaries that are
// nearly always short (no heap allocation then); contiguous, so a finished
// list is copied into the arena in one go (Parser::store). T: trivially
// copyable.
template<typename T, size_t N>
class SmallVec {
    static_assert(std::is_trivially_copyable_v<T>);

public:
    SmallVec() = default;
    SmallVec(const SmallVec&) = delete;
    SmallVec& operator=(const SmallVec&) = delete;
    ~SmallVec()
    {
        if (m_data != m_inline)
            ::operator delete(m_data);
    }
    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    T* data() { return m_data; }
    T* begin() { return m_data; }
    T* end() { return m_data + m_size; }
    T& operator[](size_t i) { return m_data[i]; }
    T& back() { return m_data[m_size - 1]; }
    void clear() { m_size = 0; }
    void push_back(const T& v)
    {
        if (m_size == m_cap) [[unlikely]]
            grow();
        m_data[m_size++] = v;
    }

private:
    void grow()
    {
        T* p = static_cast<T*>(::operator new(2 * m_cap * sizeof(T)));
        std::memcpy(p, m_data, m_size * sizeof(T));
        if (m_data != m_inline)
            ::operator delete(m_data);
        m_data = p;
        m_cap *= 2;
    }

    T* m_data = m_inline;
    size_t m_size = 0;
    size_t m_cap = N;
    T m_inline[N];
};

// The statements of a body while it is parsed.
using StmtList = SmallVec<ast::Stmt*, 8>;
using ExprList = SmallVec<ast::Expr*, 8>;

// Nesting limit of the recursive descent: deeper sources fail with
// MemoryError, as CPython 3.11's parser does past its MAXSTACK. Chosen so that
// the deepest recursion stays well inside a 1 MiB stack.
inline constexpr int max_parse_depth = 3000;

// Counts one level of recursion for the enclosing parse function and fails
// it when the source nests too deeply.
#define ADDER_DEPTH_GUARD()                  \
    DepthGuard depth_guard_(m_depth);        \
    if (depth_guard_.too_deep())             \
        return fail_too_deep()

struct DepthGuard {
    explicit DepthGuard(int& depth)
        : m_depth(depth)
    {
        ++m_depth;
    }
    ~DepthGuard() { --m_depth; }
    bool too_deep() const { return m_depth > max_parse_depth; }
    int& m_depth;
};

#define ADDER_NEED(e) \
    do {              \
        if (!(e))     \
            return {}; \
    } while (0)

class Parser {
public:
    // `source` must outlive the parser and the tree (identifiers are copied,
    // but tokens view it). `arena` receives the nodes.
    Parser(std::string_view source, std::string_view filename, ast::Arena& arena);
    // A parser for one f-string field: `field` (a view into `source`) starts at
    // (`line`, `col`); its tokens are bracketed by a '(' at (`open_line`,
    // `open_col`) and a ')' at (`close_line`, `close_col`), as CPython 3.11 does.
    Parser(std::string_view source, std::string_view filename, ast::Arena& arena, std::string_view field, int line, int col,
        int open_line, int open_col, int close_line, int close_col);

    ast::Mod* parse_file();
    ast::Mod* parse_eval();
    ast::Mod* parse_single();
    // The body of an f-string field: "(" star_expressions ")" from a field lexer.
    ast::Expr* parse_fstring_field();

    bool failed() const { return m_failed; }
    void set_poison(size_t offset, lexer::LexError error) { m_own_lexer.set_poison(offset, std::move(error)); }
    // After a parser error, reads the rest of the source as CPython's
    // _PyPegen_tokenize_full_source_to_check_for_errors does: a tokenizer error
    // further on replaces the parser's error, and so does an unclosed bracket
    // opened on a line before the error's.
    void finish_error();
    const SyntaxErrorInfo& error() const { return m_error; }
    // The error is one CPython's tokenizer raises itself (its text is the
    // bare line), not one the parser raises for it (text from the file).
    bool tokenizer_text() const { return m_tokenizer_text; }

    struct Mark {
        size_t pos;
        size_t furthest;
    };

private:
    friend class StringParser;

    // ---- tokens
    // Tokens live in a TokenBuffer, so references to them stay valid while
    // the parser runs.
    // `m_furthest` is the furthest token the parser looked at as its current
    // token: generic "invalid syntax" errors point there. (CPython uses the
    // furthest token fetched, but its lookaheads differ from ours.)
    // `m_cur` caches &m_tokens[m_pos] once that token is lexed (nullptr
    // before), so the common peek() is a compare and a load.
    const Token& peek()
    {
        if (m_pos > m_furthest)
            m_furthest = m_pos;
        if (m_cur)
            return *m_cur;
        return peek_slow(m_pos);
    }
    const Token& peek(size_t k)
    {
        if (k == 0)
            return peek();
        size_t i = m_pos + k;
        if (i < m_tokens.size())
            return m_tokens[i];
        return peek_slow(i);
    }
    const Token& peek_slow(size_t i);
    TokenKind kind() { return peek().kind; }
    TokenKind kind(size_t k) { return peek(k).kind; }
    bool at(TokenKind k) { return peek().kind == k; }
    bool at_name(std::string_view soft) { return peek().kind == TokenKind::Name && peek().text == soft; }
    // Moves past the current token, which must have been peeked (m_cur set
    // or m_pos past the end).
    void step()
    {
        if (m_pos < m_tokens.size()) {
            ++m_pos;
            // The next token is in the same chunk unless m_pos starts a new one.
            m_cur = m_pos < m_tokens.size() ? (m_tokens.starts_chunk(m_pos) ? &m_tokens[m_pos] : m_cur + 1) : nullptr;
        }
    }
    const Token& advance()
    {
        const Token& t = peek();
        step();
        return t;
    }
    bool accept(TokenKind k)
    {
        if (peek().kind != k)
            return false;
        step();
        return true;
    }
    // Generic "invalid syntax" when absent.
    const Token* expect(TokenKind k)
    {
        if (peek().kind == k)
            return &advance();
        return fail_invalid_syntax();
    }
    const Token* expect_forced(TokenKind k); // "expected 'x'" when absent
    const Token* expect_colon(); // "expected ':'" before a NEWLINE, else "invalid syntax"
    const Token& prev() const { return m_tokens[m_pos - 1]; }
    void fill();
    Mark mark() const { return { m_pos, m_furthest }; }
    void reset(Mark m);

    // ---- errors
    std::nullptr_t fail_at(const Token& t, std::string msg, const char* type = "SyntaxError");
    std::nullptr_t fail_range(int lineno, int col, int end_lineno, int end_col, std::string msg, const char* type = "SyntaxError");
    std::nullptr_t fail_node(const ast::Location& loc, std::string msg) { return fail_range(loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset, std::move(msg)); }
    std::nullptr_t fail_invalid_syntax(); // at the furthest token read, like CPython
    std::nullptr_t fail_lexer();
    std::nullptr_t fail_too_deep();
    std::nullptr_t fail_blank_input();
    void set_error(const char* type, std::string msg, int lineno, int offset, int end_lineno, int end_offset);
    std::string line_text(int lineno) const;
    int char_offset(int lineno, int byte_col) const;

    // ---- locations
    // The last consumed token that is not NEWLINE/INDENT/DEDENT: node ends are
    // taken from it, as CPython's _PyPegen_get_last_nonnwhitespace_token.
    const Token& last_real() const
    {
        size_t i = m_pos;
        while (i > 1) {
            TokenKind k = m_tokens[i - 1].kind;
            if (k != TokenKind::Newline && k != TokenKind::Indent && k != TokenKind::Dedent)
                break;
            --i;
        }
        return m_tokens[i - 1];
    }
    // The token before the ',' just consumed (the end of the previous argument).
    const Token& last_real_before_comma() const { return m_tokens[m_pos >= 2 ? m_pos - 2 : 0]; }
    // The first token of the expression a level of the expression chain
    // starts to parse (see m_primed).
    const Token& start_token() { return m_primed ? *m_primed_start : peek(); }
    ast::Location loc_from(const Token& start) const { const Token& e = last_real(); return { start.lineno, start.col, e.end_lineno, e.end_col }; }
    ast::Location loc_from(const ast::Location& start) const { const Token& e = last_real(); return { start.lineno, start.col_offset, e.end_lineno, e.end_col }; }
    // Makes `out` hold the elements of `xs`, copied into the arena.
    template<typename T, size_t N>
    void store(ast::Seq<T>& out, SmallVec<T, N>& xs)
    {
        size_t n = xs.size();
        if (n == 0) {
            out.clear();
            return;
        }
        T* p = m_arena.allocate_array<T>(n);
        std::memcpy(p, xs.data(), n * sizeof(T));
        out.view(p, n);
    }
    template<typename T>
    void store_one(ast::Seq<T>& out, T x)
    {
        T* p = m_arena.allocate_array<T>(1);
        *p = x;
        out.view(p, 1);
    }
    template<typename T>
    T* node(const ast::Location& loc)
    {
        T* n = m_arena.make<T>();
        n->loc = loc;
        return n;
    }

    // ---- statements (statements.cpp)
    bool parse_statements(StmtList& out, bool until_dedent);
    bool parse_statement(StmtList& out);
    bool parse_simple_stmts(StmtList& out);
    ast::Stmt* parse_simple_stmt();
    ast::Stmt* parse_compound_stmt();
    ast::Stmt* parse_expr_or_assign_stmt();
    bool parse_block(ast::Seq<ast::Stmt*>& body, const char* what, int lineno);
    bool parse_block_into(StmtList& out, const char* what, int lineno);
    ast::Stmt* parse_function_def(ast::Seq<ast::Expr*> decorators, const Token* async_tok);
    ast::Stmt* parse_class_def(ast::Seq<ast::Expr*> decorators);
    ast::Stmt* parse_decorated();
    ast::Stmt* parse_if_stmt(bool is_elif);
    ast::Stmt* parse_while_stmt();
    ast::Stmt* parse_for_stmt(const Token* async_tok);
    ast::Stmt* parse_with_stmt(const Token* async_tok);
    ast::WithItem* parse_with_item();
    ast::Stmt* parse_try_stmt();
    ast::Stmt* parse_match_stmt(); // nullptr with no error: not a match statement
    ast::Stmt* parse_import_name();
    ast::Stmt* parse_import_from();
    bool parse_dotted_name(std::string& out);
    ast::Arguments* parse_parameters(bool is_lambda, TokenKind closer);

    // ---- expressions (expressions.cpp)
    ast::Expr* parse_expressions(); // expressions (tuple without parens)
    ast::Expr* parse_expression();
    ast::Expr* parse_yield_expr();
    ast::Expr* parse_star_expressions();
    ast::Expr* parse_star_expression();
    ast::Expr* parse_star_named_expression();
    ast::Expr* parse_named_expression(bool check_assignment = true);
    ast::Expr* check_assignment_in_expression(const Token& start, ast::Expr* e);
    ast::Expr* parse_disjunction();
    ast::Expr* parse_conjunction();
    ast::Expr* parse_inversion();
    ast::Expr* parse_comparison();
    ast::Expr* parse_bitwise_or();
    ast::Expr* parse_binary(int min_level); // bitwise_or down to term, by precedence climbing
    ast::Expr* parse_factor();
    ast::Expr* parse_power();
    ast::Expr* parse_await_primary();
    ast::Expr* parse_primary();
    ast::Expr* parse_atom();
    ast::Expr* parse_paren_atom();
    ast::Expr* parse_list_atom();
    ast::Expr* parse_brace_atom();
    ast::Expr* parse_slices();
    ast::Expr* parse_slice();
    ast::Expr* parse_lambda();
    ast::Expr* parse_call(ast::Expr* func, bool allow_genexp = true);
    std::nullptr_t fail_after_element(const Token& a_start, ast::Expr* a);
    std::nullptr_t fail_starred_dict_value();
    std::nullptr_t fail_parenthesized_parameter(bool is_lambda);
    ast::Expr* parse_star_targets(bool single = false); // for-loop, comprehension and with targets
    bool parse_comprehension_clauses(ast::Seq<ast::Comprehension*>& out);
    ast::Expr* make_tuple(ExprList& elts, const ast::Location& loc);
    ast::Expr* parse_number(const Token& t);
    ast::Expr* parse_strings(); // STRING+ (strings.cpp)

    // ---- patterns (patterns.cpp)
    ast::MatchCase* parse_case_block();
    ast::Pattern* parse_patterns();
    ast::Pattern* parse_pattern();
    ast::Pattern* parse_or_pattern();
    ast::Pattern* parse_closed_pattern();
    ast::Pattern* parse_maybe_star_pattern();
    ast::Pattern* parse_sequence_pattern(TokenKind closer, const Token& open);
    ast::Pattern* parse_mapping_pattern();
    ast::Pattern* parse_class_pattern(ast::Expr* cls);
    ast::Expr* parse_literal_expr(bool& ok);
    ast::Expr* parse_name_or_attr();

    // ---- targets (targets.cpp)
    // Sets `ctx` through `e` (Store or Del); returns false after reporting when
    // `e` cannot be a target. `for_targets` selects the for-loop wording.
    bool set_store(ast::Expr* e);
    bool set_del(ast::Expr* e);
    bool set_context(ast::Expr* e, ast::ExprContext ctx);
    static const ast::Expr* invalid_target(const ast::Expr* e, ast::ExprContext ctx, bool for_targets);
    static const char* expr_name(const ast::Expr* e);

    std::string_view m_source;
    std::string m_filename;
    ast::Arena& m_arena;
    lexer::Lexer m_own_lexer;
    lexer::Lexer* m_lexer;
    TokenBuffer m_tokens;
    size_t m_pos = 0;
    const Token* m_cur = nullptr; // see peek()
    size_t m_furthest = 0;
    bool m_failed = false;
    bool m_fatal = false; // a tokenizer error: survives reset()
    bool m_lex_failed = false; // the lexer failed after the last buffered token; not yet reported
    static constexpr int lex_batch = 64; // tokens lexed per fill()
    SyntaxErrorInfo m_error;
    int m_fstring_depth = 0;
    int m_depth = 0; // see ADDER_DEPTH_GUARD
    size_t m_match_missing_colon = 0; // the NEWLINE after `match subject`, if any
    bool m_in_fstring_field = false;
    // A primary parse_expression() parsed ahead (with its first token): the
    // levels down to parse_primary() start from it instead of the current
    // token, and parse_primary() returns it.
    ast::Expr* m_primed = nullptr;
    const Token* m_primed_start = nullptr;
    bool m_tokenizer_text = false; // see tokenizer_text()
};

extern IdentifierNormalizer g_identifier_normalizer;

// The offset of the first invalid UTF-8 sequence in `s`, or npos (decode.cpp).
size_t find_invalid_utf8(std::string_view s);

// True when `e` can be a `bitwise_or` operand without parentheses (not a
// comparison, `not`, boolean operation, ternary, lambda, walrus or yield).
inline bool is_bitwise_or_level(const ast::Expr* e)
{
    switch (e->kind) {
    case ast::ExprKind::BoolOp:
    case ast::ExprKind::Compare:
    case ast::ExprKind::IfExp:
    case ast::ExprKind::Lambda:
    case ast::ExprKind::NamedExpr:
    case ast::ExprKind::Starred:
    case ast::ExprKind::Yield:
    case ast::ExprKind::YieldFrom: return false;
    case ast::ExprKind::UnaryOp: return static_cast<const ast::UnaryOp*>(e)->op != ast::UnaryOpKind::Not;
    default: return true;
    }
}

// Builds an Identifier from a NAME token's text (NFKC-normalized when it is
// not ASCII and a normalizer is installed).
inline ast::Identifier identifier(const Token& t)
{
    if (t.non_ascii && g_identifier_normalizer)
        return g_identifier_normalizer(t.text);
    return ast::Identifier(t.text);
}

// Stores a NAME token's identifier in `out`, a fresh (empty) string, as
// identifier() would; rebuilding it in place is cheaper than assigning
// (no temporary, no call to the general replace).
inline void assign_identifier(ast::Identifier& out, const Token& t)
{
    if (t.non_ascii && g_identifier_normalizer) [[unlikely]] {
        out = g_identifier_normalizer(t.text);
        return;
    }
    std::destroy_at(&out);
    std::construct_at(&out, t.text.data(), t.text.size());
}

} // namespace adder::parser
