// The tokenizer proper (see lexer.h). It follows CPython 3.11's Parser/tokenizer.c
// closely where behaviour is observable: which lines are blank, how tabs count
// for indentation (tab stops of 8, cross-checked against tab stops of 1 to
// raise TabError), the rules for number endings and where each error points.
// The hot scans (identifier characters, string bodies, indentation) look at 16
// bytes at a time with SSE2 where available; rare cases (errors, non-ASCII
// identifiers) are kept out of line.
#include "lexer/lexer.h"
#include "lexer/printable.h"

#include <cstring>
#include <new>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace adder::lexer {

namespace {

// Character classes, one table lookup per byte in the identifier loop.
constexpr unsigned char k_ident_start = 1;
constexpr unsigned char k_ident_char = 2;
struct CharTable {
    unsigned char v[256] {};
    constexpr CharTable()
    {
        for (int c = 0; c < 256; ++c) {
            bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
            v[c] = (start ? k_ident_start | k_ident_char : 0) | ((c >= '0' && c <= '9') ? k_ident_char : 0);
        }
    }
};
constexpr CharTable s_chars;

// The first byte of a token decides how next() scans it.
enum CharClass : unsigned char { C_Op, C_Blank, C_Ident, C_Digit, C_Quote, C_Dot, C_Newline, C_Hash, C_Backslash };
struct ClassTable {
    CharClass v[256] {};
    constexpr ClassTable()
    {
        for (int c = 0; c < 256; ++c) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80)
                v[c] = C_Ident;
            else if (c >= '0' && c <= '9')
                v[c] = C_Digit;
        }
        v[int(' ')] = v[int('\t')] = v[int('\f')] = C_Blank;
        v[int('"')] = v[int('\'')] = C_Quote;
        v[int('.')] = C_Dot;
        v[int('\n')] = C_Newline;
        v[int('#')] = C_Hash;
        v[int('\\')] = C_Backslash;
    }
};
constexpr ClassTable s_class;

// The end of the run of identifier characters at `p`; sets bit 7 of `high`
// when one of them is not ASCII.
[[gnu::always_inline]] inline size_t skip_ident_chars(const char* src, size_t p, size_t size, unsigned& high)
{
#ifdef __SSE2__
    while (p + 16 <= size) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + p));
        // Unsigned range tests as signed compares after a bias.
        __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
        __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(lower, _mm_set1_epi8(static_cast<char>(128 - 'a'))), _mm_set1_epi8(26 - 128));
        __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(128 - '0'))), _mm_set1_epi8(10 - 128));
        __m128i under = _mm_cmpeq_epi8(v, _mm_set1_epi8('_'));
        unsigned non_ascii = static_cast<unsigned>(_mm_movemask_epi8(v));
        unsigned ok = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), under))) | non_ascii;
        unsigned stop = ~ok & 0xFFFF;
        if (stop) {
            unsigned n = static_cast<unsigned>(__builtin_ctz(stop));
            if (non_ascii & ((1u << n) - 1))
                high |= 0x80;
            return p + n;
        }
        if (non_ascii)
            high |= 0x80;
        p += 16;
    }
#endif
    while (p < size && (s_chars.v[static_cast<unsigned char>(src[p])] & k_ident_char)) {
        high |= static_cast<unsigned char>(src[p]);
        ++p;
    }
    return p;
}

// The first byte at or after `p` that is `q`, a backslash or a newline (or `size`).
[[gnu::always_inline]] inline size_t skip_string_chars(const char* src, size_t p, size_t size, char q)
{
#ifdef __SSE2__
    __m128i vq = _mm_set1_epi8(q);
    __m128i vb = _mm_set1_epi8('\\');
    __m128i vn = _mm_set1_epi8('\n');
    while (p + 16 <= size) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + p));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, vq), _mm_cmpeq_epi8(v, vb)), _mm_cmpeq_epi8(v, vn));
        unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
        if (mask)
            return p + static_cast<unsigned>(__builtin_ctz(mask));
        p += 16;
    }
#endif
    while (p < size && src[p] != q && src[p] != '\\' && src[p] != '\n')
        ++p;
    return p;
}

// The end of the run of spaces at `p`.
[[gnu::always_inline]] inline size_t skip_spaces(const char* src, size_t p, size_t size)
{
#ifdef __SSE2__
    while (p + 16 <= size) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + p));
        unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')))) & 0xFFFF;
        if (other)
            return p + static_cast<unsigned>(__builtin_ctz(other));
        p += 16;
    }
#endif
    while (p < size && src[p] == ' ')
        ++p;
    return p;
}

bool is_ident_char(unsigned char c) { return s_chars.v[c] & k_ident_char; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Number of UTF-8 characters in `text` (continuation bytes are not counted).
int char_count(std::string_view text)
{
    int n = 0;
    for (unsigned char c : text)
        n += (c & 0xC0) != 0x80;
    return n;
}

// Decodes the UTF-8 sequence at `s`; returns the code point and sets `len`.
uint32_t decode_utf8(std::string_view s, size_t pos, int& len)
{
    unsigned char c = s[pos];
    if (c < 0x80) { len = 1; return c; }
    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    uint32_t cp = c & (0x3F >> (n - 1));
    int i = 1;
    for (; i < n && pos + i < s.size(); ++i)
        cp = (cp << 6) | (static_cast<unsigned char>(s[pos + i]) & 0x3F);
    len = i;
    return cp;
}

} // namespace

[[gnu::always_inline]] inline TokenKind keyword_kind_inline(std::string_view w)
{
    // Keywords are 2..8 ASCII letters: dispatch on the length, then on the
    // first letter, and compare the known number of bytes (no hashing, no strlen).
    const char* d = w.data();
    auto is = [&]<size_t N>(const char (&k)[N]) { return std::memcmp(d, k, N - 1) == 0; };
    switch (w.size()) {
    case 2:
        switch (d[0]) {
        case 'a': return is("as") ? TokenKind::KwAs : TokenKind::Name;
        case 'i':
            if (d[1] == 'f') return TokenKind::KwIf;
            if (d[1] == 'n') return TokenKind::KwIn;
            if (d[1] == 's') return TokenKind::KwIs;
            return TokenKind::Name;
        case 'o': return is("or") ? TokenKind::KwOr : TokenKind::Name;
        default: return TokenKind::Name;
        }
    case 3:
        switch (d[0]) {
        case 'a': return is("and") ? TokenKind::KwAnd : TokenKind::Name;
        case 'd':
            if (is("def")) return TokenKind::KwDef;
            if (is("del")) return TokenKind::KwDel;
            return TokenKind::Name;
        case 'f': return is("for") ? TokenKind::KwFor : TokenKind::Name;
        case 'n': return is("not") ? TokenKind::KwNot : TokenKind::Name;
        case 't': return is("try") ? TokenKind::KwTry : TokenKind::Name;
        default: return TokenKind::Name;
        }
    case 4:
        switch (d[0]) {
        case 'N': return is("None") ? TokenKind::KwNone : TokenKind::Name;
        case 'T': return is("True") ? TokenKind::KwTrue : TokenKind::Name;
        case 'e':
            if (is("elif")) return TokenKind::KwElif;
            if (is("else")) return TokenKind::KwElse;
            return TokenKind::Name;
        case 'f': return is("from") ? TokenKind::KwFrom : TokenKind::Name;
        case 'p': return is("pass") ? TokenKind::KwPass : TokenKind::Name;
        case 'w': return is("with") ? TokenKind::KwWith : TokenKind::Name;
        default: return TokenKind::Name;
        }
    case 5:
        switch (d[0]) {
        case 'F': return is("False") ? TokenKind::KwFalse : TokenKind::Name;
        case 'a':
            if (is("async")) return TokenKind::KwAsync;
            if (is("await")) return TokenKind::KwAwait;
            return TokenKind::Name;
        case 'b': return is("break") ? TokenKind::KwBreak : TokenKind::Name;
        case 'c': return is("class") ? TokenKind::KwClass : TokenKind::Name;
        case 'r': return is("raise") ? TokenKind::KwRaise : TokenKind::Name;
        case 'w': return is("while") ? TokenKind::KwWhile : TokenKind::Name;
        case 'y': return is("yield") ? TokenKind::KwYield : TokenKind::Name;
        default: return TokenKind::Name;
        }
    case 6:
        switch (d[0]) {
        case 'a': return is("assert") ? TokenKind::KwAssert : TokenKind::Name;
        case 'e': return is("except") ? TokenKind::KwExcept : TokenKind::Name;
        case 'g': return is("global") ? TokenKind::KwGlobal : TokenKind::Name;
        case 'i': return is("import") ? TokenKind::KwImport : TokenKind::Name;
        case 'l': return is("lambda") ? TokenKind::KwLambda : TokenKind::Name;
        case 'r': return is("return") ? TokenKind::KwReturn : TokenKind::Name;
        default: return TokenKind::Name;
        }
    case 7: return is("finally") ? TokenKind::KwFinally : TokenKind::Name;
    case 8:
        if (is("continue")) return TokenKind::KwContinue;
        if (is("nonlocal")) return TokenKind::KwNonlocal;
        return TokenKind::Name;
    default: return TokenKind::Name;
    }
}

TokenKind keyword_kind(std::string_view w) { return keyword_kind_inline(w); }

Lexer::Lexer(std::string_view source, int first_lineno, int first_col)
    : m_src(source)
    , m_lineno(first_lineno)
    , m_col_base(size_t(0) - static_cast<size_t>(first_col))
    , m_first_lineno(first_lineno)
    , m_first_col(first_col)
{
}

void Lexer::set_fstring_field(int open_line, int open_col, int close_line, int close_col)
{
    m_field = true;
    m_open_line = open_line;
    m_open_col = open_col;
    m_close_line = close_line;
    m_close_col = close_col;
    m_at_bol = false;
    m_brackets.push_back({ '(', open_line, open_col });
    m_slow_from = 0; // the '(' comes first
}

bool Lexer::fail(const char* type, std::string msg, int lineno, int offset, int end_lineno, int end_offset)
{
    m_has_error = true;
    m_slow_from = 0;
    m_error.is_status_error = std::string_view(type) != "SyntaxError" || msg == "unexpected EOF while parsing"
        || msg == "unexpected character after line continuation character";
    m_error.type = type;
    m_error.msg = std::move(msg);
    m_error.lineno = lineno;
    m_error.offset = offset;
    m_error.end_lineno = end_lineno;
    m_error.end_offset = end_offset;
    return false;
}

void Lexer::begin_token(Token& out, size_t start)
{
    out.non_ascii = false;
    out.lineno = line_no();
    out.col = col_of(start);
    m_pos = start;
    m_tok_start = start;
}

void Lexer::finish_token(Token& out, TokenKind kind)
{
    out.kind = kind;
    out.text = std::string_view(m_src.data() + m_tok_start, m_pos - m_tok_start);
    out.end_lineno = line_no();
    out.end_col = col_of(m_pos);
    m_last_was_newline = kind == TokenKind::Newline;
}

int Lexer::chars_to(size_t pos) const
{
    return char_count(m_src.substr(m_line_start, pos - m_line_start)) + (m_line == 1 ? m_first_col : 0);
}

// Handles the start of a logical line: measures the indentation and queues
// INDENT/DEDENT tokens (CPython's tok_get "Get indentation level" block).
bool Lexer::measure_indentation()
{
    int col = 0;
    int altcol = 0;
    size_t p = m_pos;
    // Nearly always spaces only: then both columns are their count.
    size_t spaces_end = skip_spaces(m_src.data(), p, m_src.size());
    if (spaces_end < m_src.size() && m_src[spaces_end] != '\t' && m_src[spaces_end] != '\f') {
        col = altcol = static_cast<int>(spaces_end - p);
        p = spaces_end;
    }
    for (; p < m_src.size(); ++p) {
        char c = m_src[p];
        if (c == ' ') {
            ++col;
            ++altcol;
        } else if (c == '\t') {
            col = (col / 8 + 1) * 8;
            ++altcol;
        } else if (c == '\f') {
            col = altcol = 0;
        } else {
            break;
        }
    }
    m_pos = p;
    m_at_bol = false;
    if (p >= m_src.size() || m_src[p] == '#' || m_src[p] == '\n' || m_src[p] == '\\')
        return true; // blank line: indentation is ignored (a '\\' line continues the next one)
    // The line's length, only needed for an error (so found lazily).
    auto line_len = [&] {
        auto line_end = m_src.find('\n', m_line_start);
        return line_end == std::string_view::npos ? m_src.size() - m_line_start : line_end + 1 - m_line_start;
    };
    auto tab_error = [&] {
        return fail("TabError", "inconsistent use of tabs and spaces in indentation", line_no(), 1, line_no(), 0);
    };
    if (col == m_indents.back()) {
        if (altcol != m_alt_indents.back())
            return tab_error();
    } else if (col > m_indents.back()) {
        if (static_cast<int>(m_indents.size()) >= max_indent_level)
            return fail("IndentationError", "too many levels of indentation", line_no(), 1, line_no(), 0);
        if (altcol <= m_alt_indents.back())
            return tab_error();
        m_indents.push_back(col);
        m_alt_indents.push_back(altcol);
        m_pending = 1;
    } else {
        while (m_indents.size() > 1 && col < m_indents.back()) {
            m_indents.pop_back();
            m_alt_indents.pop_back();
            --m_pending;
        }
        if (col != m_indents.back()) {
            int offset = char_count(m_src.substr(m_line_start, line_len()));
            return fail("IndentationError", "unindent does not match any outer indentation level", line_no(), offset,
                line_no(), -1);
        }
        if (altcol != m_alt_indents.back())
            return tab_error();
    }
    return true;
}

// The states next() checks on entry, out of its way: sets `produced` when
// it stored a token or failed (its result is then next()'s).
bool Lexer::next_rare_entry(Token& out, bool& produced)
{
    produced = true;
    if (m_has_error)
        return false;
    if (m_pos >= m_poison) {
        m_has_error = true;
        m_error = m_poison_error;
        return false;
    }
    if (m_field && m_field_state == 0) {
        m_field_state = 1;
        m_slow_from = m_poison;
        out = Token { TokenKind::LPar, false, "(", m_open_line, m_open_col, m_open_line, m_open_col + 1 };
        return true;
    }
    produced = false;
    return true;
}

bool Lexer::next(Token& out) { return next_impl(out); }

int Lexer::next_batch(Token* out, int max, bool& failed)
{
    failed = false;
    for (int n = 0; n < max; ++n) {
        // No zeroing first: every path of next_impl() stores all fields of
        // a token it produces (a failed one is not committed).
        Token& t = out[n];
        if (!next_impl(t)) {
            failed = true;
            return n;
        }
        if (t.kind == TokenKind::EndMarker)
            return n + 1;
    }
    return max;
}

inline bool Lexer::next_impl(Token& out)
{
    if (m_pos >= m_slow_from) [[unlikely]] {
        bool produced;
        bool ok = next_rare_entry(out, produced);
        if (produced)
            return ok;
    }
    for (;;) {
        if (m_pending != 0) {
            bool indent = m_pending > 0;
            m_pending += indent ? -1 : 1;
            // Column -1 as in CPython; end_col holds the tokenizer's cursor
            // (after the indentation), where CPython's errors point.
            out = Token { indent ? TokenKind::Indent : TokenKind::Dedent, false, {}, line_no(), -1, line_no(), col_of(m_pos) };
            return true;
        }
        if (m_at_bol) {
            if (!measure_indentation())
                return false;
            if (m_pending != 0)
                continue;
        }
        // Skip blanks between tokens.
        const char* src = m_src.data();
        size_t size = m_src.size();
        size_t pos = m_pos;
        while (pos < size && s_class.v[static_cast<unsigned char>(src[pos])] == C_Blank)
            ++pos;
        m_pos = pos;
        if (pos >= size)
            return end_of_input(out);
        char c = src[pos];
        switch (s_class.v[static_cast<unsigned char>(c)]) {
        case C_Ident: return scan_identifier(out);
        case C_Op: return scan_operator(out);
        case C_Quote:
            begin_token(out, pos);
            return scan_string(out, pos);
        case C_Digit: return scan_number(out);
        case C_Dot:
            if (pos + 1 < size && is_digit(src[pos + 1]))
                return scan_number(out);
            return scan_operator(out);
        default: break; // newline, comment, backslash: below
        }
        if (c == '#') {
            const void* nl = std::memchr(src + pos, '\n', size - pos);
            m_pos = nl ? static_cast<size_t>(static_cast<const char*>(nl) - src) : size;
            continue;
        }
        if (c == '\n') {
            size_t at = m_pos;
            ++m_pos;
            if (!m_brackets.empty() || m_last_was_newline) {
                // Inside brackets, or a blank line: no NEWLINE token.
                bool blank = m_brackets.empty();
                newline_at(m_pos);
                if (blank)
                    m_at_bol = true;
                continue;
            }
            begin_token(out, at);
            m_pos = at + 1;
            out.kind = TokenKind::Newline;
            out.text = m_src.substr(at, 1);
            out.end_lineno = out.lineno;
            out.end_col = out.col; // CPython leaves the '\n' out of the token
            m_last_was_newline = true;
            newline_at(m_pos);
            m_at_bol = true;
            return true;
        }
        // A backslash.
        if (!line_continuation())
            return false;
    }
}

// A backslash outside a string at m_pos: joins the next line, or fails.
bool Lexer::line_continuation()
{
    if (m_pos + 1 >= m_src.size()) {
        // A backslash at the very end: CPython reports an EOF error
        // (its cursor is one past the character after the backslash).
        int off = chars_to(m_pos) + 2;
        return fail("SyntaxError", "unexpected EOF while parsing", line_no(), off, line_no(), -1);
    }
    if (m_src[m_pos + 1] != '\n') {
        int off = chars_to(m_pos) + 2;
        return fail("SyntaxError", "unexpected character after line continuation character", line_no(), off,
            line_no(), 0);
    }
    size_t line_start = m_line_start;
    m_pos += 2;
    newline_at(m_pos);
    if (m_pos >= m_src.size()) {
        // CPython's cursor is at the end of the continued line.
        int off = char_count(m_src.substr(line_start, m_pos - line_start));
        return fail("SyntaxError", "unexpected EOF while parsing", line_no() - 1, off, line_no() - 1, -1);
    }
    return true;
}

bool Lexer::end_of_input(Token& out)
{
    if (m_field) {
        if (m_field_state == 1 && m_brackets.size() == 1) {
            m_field_state = 2;
            m_brackets.pop_back();
            out = Token { TokenKind::RPar, false, ")", m_close_line, m_close_col, m_close_line, m_close_col + 1 };
            return true;
        }
        if (!m_brackets.empty()) {
            m_error.is_eof_in_brackets = true;
            return fail("SyntaxError", "unexpected EOF", line_no(), 0, line_no(), 0);
        }
        out = Token { TokenKind::EndMarker, false, {}, line_no(), col_of(m_pos), line_no(), col_of(m_pos) };
        return true;
    }
    if (!m_brackets.empty()) {
        m_error.is_eof_in_brackets = true;
        return fail("SyntaxError", "unexpected EOF", line_no(), 0, line_no(), 0);
    }
    if (!m_last_was_newline) {
        // CPython adds the missing final newline.
        begin_token(out, m_pos);
        out.kind = TokenKind::Newline;
        out.text = {};
        out.end_lineno = out.lineno;
        out.end_col = out.col;
        m_last_was_newline = true;
        return true;
    }
    // At the end CPython's cursor stays at the end of the last line: EOF
    // DEDENTs and the ENDMARKER carry that line and column -1, with the
    // cursor (the line's length) in end_col.
    int line = line_no();
    size_t last_start = m_line_start;
    if (m_pos == m_line_start && m_pos > 0) {
        --line;
        last_start = m_src.rfind('\n', m_pos - 2);
        last_start = last_start == std::string_view::npos || m_pos < 2 ? 0 : last_start + 1;
    }
    int cursor = static_cast<int>(m_pos - last_start);
    if (line < m_first_lineno)
        line = m_first_lineno;
    if (m_indents.size() > 1) {
        m_indents.pop_back();
        m_alt_indents.pop_back();
        out = Token { TokenKind::Dedent, false, {}, line, -1, line, cursor };
        return true;
    }
    out = Token { TokenKind::EndMarker, false, {}, line, -1, line, cursor };
    return true;
}

// Non-ASCII identifier characters must be letters; rejects the obvious
// non-identifier characters in src[start, end) the way CPython does.
bool Lexer::check_non_ascii_identifier(size_t start, size_t end)
{
    for (size_t i = start; i < end; ++i) {
        if (static_cast<unsigned char>(m_src[i]) >= 0x80) {
            int len = 0;
            uint32_t cp = decode_utf8(m_src, i, len);
            // FIXME: full XID_Start/XID_Continue check and NFKC normalization need Unicode tables.
            bool bad = !is_printable_code_point(cp) || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x80 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA)
                || cp == 0xD7 || cp == 0xF7 || (cp >= 0x3000 && cp <= 0x3003) || (cp >= 0xFF00 && cp <= 0xFF0F);
            if (bad) {
                char buf[64];
                std::string msg;
                if (!is_printable_code_point(cp)) {
                    snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", cp);
                    msg = buf;
                } else {
                    snprintf(buf, sizeof buf, " (U+%04X)", cp);
                    msg = "invalid character '" + std::string(m_src.substr(i, len)) + "'" + buf;
                }
                int off = chars_to(i) + 1;
                return fail("SyntaxError", msg, line_no(), off, line_no(), off);
            }
            i += len - 1;
        }
    }
    return true;
}

// True when the `n` bytes at `s` are a valid string prefix: r, u, b, f, br,
// rb, fr, rf in any case.
static bool is_string_prefix(const char* s, size_t n)
{
    bool saw_r = false, saw_b = false, saw_u = false, saw_f = false, ok = true;
    for (size_t i = 0; i < n; ++i) {
        switch (s[i] | 0x20) {
        case 'r': ok = ok && !saw_r && !saw_u; saw_r = true; break;
        case 'b': ok = ok && !saw_b && !saw_u && !saw_f; saw_b = true; break;
        case 'u': ok = ok && (n == 1); saw_u = true; break;
        case 'f': ok = ok && !saw_f && !saw_b && !saw_u; saw_f = true; break;
        default: ok = false;
        }
    }
    return ok;
}

inline bool Lexer::scan_identifier(Token& out)
{
    size_t start = m_pos;
    const char* src = m_src.data();
    size_t size = m_src.size();
    // One pass finds the end; `high` remembers whether any byte was
    // non-ASCII (only then is the slower check needed).
    unsigned high = 0;
    size_t p = skip_ident_chars(src, start, size, high);
    if (p - start <= 2 && p < size && s_class.v[static_cast<unsigned char>(src[p])] == C_Quote
        && is_string_prefix(src + start, p - start)) {
        begin_token(out, start);
        return scan_string(out, p);
    }
    if (high & 0x80) [[unlikely]] {
        if (!check_non_ascii_identifier(start, p))
            return false;
    }
    m_tok_start = start;
    m_pos = p;
    std::string_view text(src + start, p - start);
    out.kind = keyword_kind_inline(text);
    out.non_ascii = (high & 0x80) != 0;
    out.text = text;
    out.lineno = out.end_lineno = line_no(); // an identifier never spans lines
    out.col = col_of(start);
    out.end_col = col_of(p);
    m_last_was_newline = false;
    return true;
}

bool Lexer::scan_string(Token& out, size_t quote_pos)
{
    char q = m_src[quote_pos];
    size_t p = quote_pos + 1;
    bool triple = p + 1 < m_src.size() && m_src[p] == q && m_src[p + 1] == q;
    if (triple)
        p += 2;
    int start_line = line_no();
    // The error offset is only computed on failure (this runs for every string).
    size_t start_line_start = m_line_start;
    int start_line_shift = m_line == 1 ? m_first_col : 0;
    auto start_off = [&] {
        return char_count(m_src.substr(start_line_start, m_tok_start - start_line_start)) + start_line_shift + 1;
    };
    for (;;) {
        if (p >= m_src.size()) {
            m_pos = p;
            std::string msg = triple ? "unterminated triple-quoted string literal (detected at line " : "unterminated string literal (detected at line ";
            msg += std::to_string(last_line_number()) + ")";
            return fail("SyntaxError", msg, start_line, start_off(), start_line, start_off());
        }
        // Plain characters in a tight loop; the cases below are rare.
        const char* src = m_src.data();
        size_t size = m_src.size();
        p = skip_string_chars(src, p, size, q);
        if (p >= size)
            continue;
        char c = m_src[p];
        if (c == '\\') {
            if (p + 1 < m_src.size() && m_src[p + 1] == '\n') {
                p += 2;
                newline_at(p);
            } else {
                p += 2;
            }
            continue;
        }
        if (c == '\n') {
            if (!triple) {
                std::string msg = "unterminated string literal (detected at line " + std::to_string(line_no()) + ")";
                return fail("SyntaxError", msg, start_line, start_off(), start_line, start_off());
            }
            ++p;
            newline_at(p);
            continue;
        }
        if (c == q) {
            if (!triple) {
                ++p;
                break;
            }
            if (p + 2 < m_src.size() + 0 && m_src[p + 1] == q && m_src[p + 2] == q) {
                p += 3;
                break;
            }
        }
        ++p;
    }
    m_pos = p;
    out.kind = TokenKind::String;
    out.text = m_src.substr(m_tok_start, p - m_tok_start);
    out.end_lineno = line_no();
    out.end_col = col_of(p);
    m_last_was_newline = false;
    return true;
}

int Lexer::last_line_number() const
{
    // The number of the last line of the whole input, as CPython's tokenizer
    // counts it when it hits EOF inside a triple-quoted string.
    int lines = m_first_lineno;
    for (char c : m_src)
        lines += c == '\n';
    if (!m_src.empty() && m_src.back() == '\n')
        --lines;
    return lines;
}

bool Lexer::scan_number(Token& out)
{
    size_t start = m_pos;
    begin_token(out, start);
    size_t p = start;
    auto at = [&](size_t i) -> char { return i < m_src.size() ? m_src[i] : '\0'; };
    auto err_at = [&](size_t pos, const std::string& msg) {
        int off = chars_to(pos);
        return fail("SyntaxError", msg, line_no(), off, line_no(), off);
    };
    // Digits with single underscores between them; returns false on a bad '_'.
    auto digits = [&](auto pred) {
        for (;;) {
            while (pred(at(p)))
                ++p;
            if (at(p) != '_')
                return true;
            ++p;
            if (!pred(at(p)))
                return false;
        }
    };
    auto dec = [](char c) { return c >= '0' && c <= '9'; };
    // CPython's verify_end_of_number: a number may be glued to a following
    // keyword (`1if x else y`) but not to other identifier characters.
    auto verify_end = [&](const char* kind) {
        char c = at(p);
        if (!is_ident_char(static_cast<unsigned char>(c)))
            return true;
        auto la = [&](const char* rest) { return m_src.substr(p + 1, strlen(rest)) == rest; };
        bool ok = (c == 'a' && la("nd")) || (c == 'e' && la("lse")) || (c == 'f' && la("or")) || (c == 'o' && la("r"))
            || (c == 'n' && la("ot")) || (c == 'i' && (at(p + 1) == 'f' || at(p + 1) == 'n' || at(p + 1) == 's'));
        if (ok)
            return true;
        err_at(p, std::string("invalid ") + kind + " literal");
        return false;
    };
    auto finish = [&] {
        m_pos = p;
        finish_token(out, TokenKind::Number);
        return true;
    };
    auto exponent_and_imag = [&]() -> bool {
        if ((at(p) | 0x20) == 'e') {
            size_t save = p;
            if (!dec(at(p + 1)) && at(p + 1) != '+' && at(p + 1) != '-') {
                // Not an exponent: `1else` is a number glued to a keyword.
                if (!verify_end("decimal"))
                    return false;
                return finish();
            }
            ++p;
            if (at(p) == '+' || at(p) == '-')
                ++p;
            if (!dec(at(p)))
                return err_at(save + 1 == p ? p : p, "invalid decimal literal");
            if (!digits(dec))
                return err_at(p, "invalid decimal literal");
        }
        if ((at(p) | 0x20) == 'j') {
            ++p;
            if (!verify_end("imaginary"))
                return false;
            return finish();
        }
        if (!verify_end("decimal"))
            return false;
        return finish();
    };
    auto fraction = [&]() -> bool {
        // at '.', already past the integer part
        ++p;
        if (dec(at(p)) && !digits(dec))
            return err_at(p, "invalid decimal literal");
        return exponent_and_imag();
    };
    char c = at(p);
    if (c == '.')
        return fraction();
    if (c == '0') {
        char x = at(p + 1) | 0x20;
        if (x == 'x' || x == 'o' || x == 'b') {
            const char* kind = x == 'x' ? "hexadecimal" : x == 'o' ? "octal" : "binary";
            auto pred = [x](char d) {
                if (x == 'x') return (d >= '0' && d <= '9') || ((d | 0x20) >= 'a' && (d | 0x20) <= 'f');
                if (x == 'o') return d >= '0' && d <= '7';
                return d == '0' || d == '1';
            };
            p += 2;
            if (at(p) == '_')
                ++p;
            if (!pred(at(p))) {
                if (x != 'x' && dec(at(p)))
                    return err_at(p + 1, std::string("invalid digit '") + at(p) + "' in " + kind + " literal");
                return err_at(p, std::string("invalid ") + kind + " literal");
            }
            if (!digits(pred))
                return err_at(p, std::string("invalid ") + kind + " literal");
            if (x != 'x' && dec(at(p)))
                return err_at(p + 1, std::string("invalid digit '") + at(p) + "' in " + kind + " literal");
            if (!verify_end(kind))
                return false;
            return finish();
        }
        // Decimal zero: "0", "00", "0_0"; other digits are only allowed before '.', 'e' or 'j'.
        bool nonzero = false;
        size_t zeros_end;
        for (;;) {
            while (at(p) == '0')
                ++p;
            if (at(p) == '_' && at(p + 1) == '0') {
                p += 1;
                continue;
            }
            break;
        }
        zeros_end = p;
        if (dec(at(p)) || (at(p) == '_' && dec(at(p + 1)))) {
            nonzero = true;
            if (at(p) == '_')
                zeros_end = p + 1;
            if (!digits(dec))
                return err_at(p, "invalid decimal literal");
        } else if (at(p) == '_') {
            return err_at(p + 1, "invalid decimal literal");
        }
        if (at(p) == '.')
            return fraction();
        if ((at(p) | 0x20) == 'e' || (at(p) | 0x20) == 'j')
            return exponent_and_imag();
        if (nonzero) {
            int off = chars_to(start) + 1;
            int end_off = chars_to(zeros_end) + 1; // one past the first non-zero digit
            return fail("SyntaxError",
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", line_no(),
                off, line_no(), end_off);
        }
        if (!verify_end("decimal"))
            return false;
        return finish();
    }
    if (!digits(dec))
        return err_at(p, "invalid decimal literal");
    if (at(p) == '.')
        return fraction();
    return exponent_and_imag();
}

// The rare cases of scan_operator(): a character that is no operator, and a
// bracket that fails (too deep, unmatched, mismatched). `kind`/`len` as
// scan_operator() found them; returns false after failing, else true with
// `len` set to the token's length.
bool Lexer::scan_operator_rare(size_t start, TokenKind kind, int& len)
{
    char c = m_src[start];
    if (kind == TokenKind::ErrorToken) {
        unsigned char uc = static_cast<unsigned char>(c);
        if (uc < 0x20 || uc == 0x7F) {
            char buf[64];
            snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", uc);
            int off = chars_to(start) + 1;
            return fail("SyntaxError", buf, line_no(), off, line_no(), off);
        }
        if (len == 1) {
            // Like CPython, a stray character is an ERRORTOKEN the parser reports as "invalid syntax".
            int len8 = 1;
            decode_utf8(m_src, start, len8);
            len = len8;
        }
        return true;
    }
    int off = chars_to(start) + 1;
    if (kind == TokenKind::LPar || kind == TokenKind::LSqb || kind == TokenKind::LBrace)
        return fail("SyntaxError", "too many nested parentheses", line_no(), off, line_no(), off);
    if (m_brackets.empty() || (m_field && m_brackets.size() == 1))
        return fail("SyntaxError", std::string(m_field ? "f-string: " : "") + "unmatched '" + c + "'", line_no(), off, line_no(), off);
    char open = m_brackets.back().c;
    std::string msg = std::string(m_field ? "f-string: " : "") + "closing parenthesis '" + c + "' does not match opening parenthesis '" + open + "'";
    if (m_brackets.back().lineno != line_no())
        msg += " on line " + std::to_string(m_brackets.back().lineno);
    return fail("SyntaxError", msg, line_no(), off, line_no(), off);
}

inline bool Lexer::scan_operator(Token& out)
{
    size_t start = m_pos;
    const char* src = m_src.data();
    size_t size = m_src.size();
    char c = src[start];
    char c2 = start + 1 < size ? src[start + 1] : '\0';
    auto third = [&] { return start + 2 < size ? src[start + 2] : '\0'; };
    TokenKind kind = TokenKind::ErrorToken;
    int len = 1;
    auto two = [&](char second, TokenKind k2, TokenKind k1) {
        if (c2 == second) { len = 2; kind = k2; } else kind = k1;
    };
    switch (c) {
    case '(': kind = TokenKind::LPar; break;
    case ')': kind = TokenKind::RPar; break;
    case '[': kind = TokenKind::LSqb; break;
    case ']': kind = TokenKind::RSqb; break;
    case '{': kind = TokenKind::LBrace; break;
    case '}': kind = TokenKind::RBrace; break;
    case ',': kind = TokenKind::Comma; break;
    case ';': kind = TokenKind::Semi; break;
    case '~': kind = TokenKind::Tilde; break;
    case ':': two('=', TokenKind::ColonEqual, TokenKind::Colon); break;
    case '+': two('=', TokenKind::PlusEqual, TokenKind::Plus); break;
    case '%': two('=', TokenKind::PercentEqual, TokenKind::Percent); break;
    case '&': two('=', TokenKind::AmperEqual, TokenKind::Amper); break;
    case '|': two('=', TokenKind::VBarEqual, TokenKind::VBar); break;
    case '^': two('=', TokenKind::CircumflexEqual, TokenKind::Circumflex); break;
    case '@': two('=', TokenKind::AtEqual, TokenKind::At); break;
    case '=': two('=', TokenKind::EqEqual, TokenKind::Equal); break;
    case '!': two('=', TokenKind::NotEqual, TokenKind::Exclamation); break;
    case '-':
        if (c2 == '>') { len = 2; kind = TokenKind::RArrow; }
        else two('=', TokenKind::MinEqual, TokenKind::Minus);
        break;
    case '*':
        if (c2 == '*') { bool eq = third() == '='; len = eq ? 3 : 2; kind = eq ? TokenKind::DoubleStarEqual : TokenKind::DoubleStar; }
        else two('=', TokenKind::StarEqual, TokenKind::Star);
        break;
    case '/':
        if (c2 == '/') { bool eq = third() == '='; len = eq ? 3 : 2; kind = eq ? TokenKind::DoubleSlashEqual : TokenKind::DoubleSlash; }
        else two('=', TokenKind::SlashEqual, TokenKind::Slash);
        break;
    case '<':
        if (c2 == '<') { bool eq = third() == '='; len = eq ? 3 : 2; kind = eq ? TokenKind::LeftShiftEqual : TokenKind::LeftShift; }
        else if (c2 == '>') { len = 2; kind = TokenKind::ErrorToken; } // only valid under barry_as_FLUFL
        else two('=', TokenKind::LessEqual, TokenKind::Less);
        break;
    case '>':
        if (c2 == '>') { bool eq = third() == '='; len = eq ? 3 : 2; kind = eq ? TokenKind::RightShiftEqual : TokenKind::RightShift; }
        else two('=', TokenKind::GreaterEqual, TokenKind::Greater);
        break;
    case '.':
        if (c2 == '.' && third() == '.') { len = 3; kind = TokenKind::Ellipsis; }
        else kind = TokenKind::Dot;
        break;
    default: break;
    }
    // Bracket bookkeeping for implicit line joining and the bracket errors
    // (LPar, RPar, LSqb, RSqb, LBrace, RBrace are consecutive, openers first).
    static_assert(int(TokenKind::RPar) == int(TokenKind::LPar) + 1 && int(TokenKind::LSqb) == int(TokenKind::LPar) + 2
        && int(TokenKind::RSqb) == int(TokenKind::LPar) + 3 && int(TokenKind::LBrace) == int(TokenKind::LPar) + 4
        && int(TokenKind::RBrace) == int(TokenKind::LPar) + 5);
    unsigned bracket = static_cast<unsigned>(kind) - static_cast<unsigned>(TokenKind::LPar);
    if (bracket < 6) {
        if ((bracket & 1) == 0) {
            if (static_cast<int>(m_brackets.size()) >= max_bracket_level) [[unlikely]]
                return scan_operator_rare(start, kind, len);
            m_brackets.push_back({ c, line_no(), col_of(start) });
        } else {
            char want = bracket == 1 ? '(' : bracket == 3 ? '[' : '{';
            if (m_brackets.empty() || (m_field && m_brackets.size() == 1) || m_brackets.back().c != want) [[unlikely]]
                return scan_operator_rare(start, kind, len);
            m_brackets.pop_back();
        }
    } else if (kind == TokenKind::ErrorToken) [[unlikely]] {
        if (!scan_operator_rare(start, kind, len))
            return false;
    }
    m_tok_start = start;
    m_pos = start + len;
    out.kind = kind;
    out.non_ascii = false;
    out.text = std::string_view(src + start, static_cast<size_t>(len));
    out.lineno = out.end_lineno = line_no(); // an operator never spans lines
    out.col = col_of(start);
    out.end_col = out.col + len;
    m_last_was_newline = false;
    return true;
}

} // namespace adder::lexer
