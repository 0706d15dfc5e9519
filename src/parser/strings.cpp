// String literals: decoding escapes, concatenating adjacent literals and
// parsing f-strings with CPython 3.11's rules (Parser/string_parser.c): a
// field's expression ends at a top-level '!', ':', '=' or '}', may not contain
// '\\' or '#', is parsed by a fresh Parser over the same source as
// "(" expression ")" so its nodes carry their real positions, and the literal
// parts and FormattedValue nodes all take the position of the whole literal.
#include "parser/parser_impl.h"
#include "parser/unicode_names.h"

namespace adder::parser {

using namespace ast;

namespace {

struct Prefix {
    bool raw = false;
    bool bytes = false;
    bool fmt = false;
    size_t len = 0; // prefix letters
    size_t quote = 1; // 1 or 3
};

Prefix read_prefix(std::string_view text)
{
    Prefix p;
    while (p.len < text.size() && text[p.len] != '"' && text[p.len] != '\'') {
        char c = text[p.len] | 0x20;
        p.raw |= c == 'r';
        p.bytes |= c == 'b';
        p.fmt |= c == 'f';
        ++p.len;
    }
    char q = text[p.len];
    if (text.size() >= p.len + 6 && text[p.len + 1] == q && text[p.len + 2] == q)
        p.quote = 3;
    return p;
}

void append_utf8(std::string& out, uint32_t cp)
{
    // Lone surrogates are kept as 3-byte sequences (WTF-8), see ast.h.
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Decodes the escapes of a non-raw literal body `s` into `out`. Returns false
// with `err` set (CPython's "(unicode error) ..." / "(value error) ..." text).
bool decode_escapes(std::string_view s, bool is_bytes, std::string& out, std::string& err)
{
    out.reserve(out.size() + s.size());
    size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c != '\\') {
            size_t j = s.find('\\', i);
            if (j == std::string_view::npos)
                j = s.size();
            out.append(s.substr(i, j - i));
            i = j;
            continue;
        }
        size_t esc = i;
        if (i + 1 >= s.size()) {
            // A lone trailing backslash (only possible in f-string pieces) is kept.
            out.push_back('\\');
            break;
        }
        char e = s[i + 1];
        i += 2;
        switch (e) {
        case '\n': break;
        case '\\': out.push_back('\\'); break;
        case '\'': out.push_back('\''); break;
        case '"': out.push_back('"'); break;
        case 'a': out.push_back('\a'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'v': out.push_back('\v'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = e - '0';
            for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k)
                v = v * 8 + (s[i++] - '0');
            if (is_bytes)
                out.push_back(static_cast<char>(v & 0xFF));
            else
                append_utf8(out, v);
            break;
        }
        case 'x':
        case 'u':
        case 'U': {
            if (is_bytes && e != 'x') {
                out.push_back('\\');
                out.push_back(e);
                break;
            }
            int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            uint32_t v = 0;
            int k = 0;
            for (; k < n && i < s.size() && hex_value(s[i]) >= 0; ++k)
                v = v * 16 + hex_value(s[i++]);
            if (k < n) {
                if (is_bytes) {
                    err = "(value error) invalid \\x escape at position " + std::to_string(esc);
                } else {
                    const char* what = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                    err = "(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(esc) + "-"
                        + std::to_string(i - 1) + ": " + what;
                }
                return false;
            }
            if (is_bytes) {
                out.push_back(static_cast<char>(v));
            } else {
                if (v > 0x10FFFF) {
                    err = "(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(esc) + "-"
                        + std::to_string(i - 1) + ": illegal Unicode character";
                    return false;
                }
                append_utf8(out, v);
            }
            break;
        }
        case 'N': {
            if (is_bytes) {
                out.push_back('\\');
                out.push_back('N');
                break;
            }
            size_t close = i < s.size() && s[i] == '{' ? s.find('}', i) : std::string_view::npos;
            if (close == std::string_view::npos || close == i + 1) {
                size_t last = close == i + 1 ? i : i - 1;
                err = "(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(esc) + "-"
                    + std::to_string(last) + ": malformed \\N character escape";
                return false;
            }
            auto cp = lookup_unicode_name(s.substr(i + 1, close - i - 1));
            append_utf8(out, cp ? *cp : 0xFFFD); // FIXME: unknown names should be an error (partial table)
            i = close + 1;
            break;
        }
        default:
            // An invalid escape keeps its backslash (a DeprecationWarning in 3.11).
            out.push_back('\\');
            out.push_back(e);
            break;
        }
    }
    return true;
}

// (line, col) of byte `offset` of token `t`'s text.
std::pair<int, int> position_in(const Token& t, size_t offset)
{
    int line = t.lineno;
    size_t last_nl = std::string_view::npos;
    for (size_t i = 0; i < offset; ++i) {
        if (t.text[i] == '\n') {
            ++line;
            last_nl = i;
        }
    }
    if (last_nl == std::string_view::npos)
        return { line, t.col + static_cast<int>(offset) };
    return { line, static_cast<int>(offset - last_nl - 1) };
}

} // namespace

// Accumulates the parts of one JoinedStr (CPython's FstringParser).
class StringParser {
public:
    // FormattedValue nodes take `loc` (the whole concatenation); literal parts
    // take `str_loc`, which for a format spec is only its own token (CPython's
    // fstring_parse finishes the spec with the current token as both ends).
    StringParser(Parser& p, const Location& loc, const Location& str_loc, bool u_kind)
        : m_p(p)
        , m_loc(loc)
        , m_str_loc(str_loc)
        , m_u_kind(u_kind)
    {
    }

    void add_literal(std::string_view s) { m_last.append(s); }

    // Turns the pending literal text into a Constant. `final` is CPython's
    // FstringParser_Finish, which locates it at the spec's own token; a
    // literal before a field takes the whole concatenation's location.
    void flush_literal(Seq<Expr*>& values, bool final = true)
    {
        if (m_last.empty())
            return;
        auto* c = m_p.node<Constant>(final ? m_str_loc : m_loc);
        c->value.kind = ConstantValue::Kind::Str;
        c->value.text = std::move(m_last);
        if (m_u_kind)
            c->kind = "u";
        m_last.clear();
        values.push_back(c);
    }

    // FstringParser_ConcatFstring over body [*pos, end) of token `t`.
    bool concat_fstring(const Token& t, size_t& pos, size_t end, bool raw, int recurse_lvl, Seq<Expr*>& values)
    {
        for (;;) {
            bool doubled = false;
            size_t lit_start = pos;
            if (!find_literal(t, pos, end, raw, recurse_lvl, doubled))
                return false;
            if (pos > lit_start || doubled) {
                size_t lit_end = doubled ? m_doubled_end : pos;
                std::string_view piece = t.text.substr(lit_start, lit_end - lit_start);
                if (raw) {
                    add_literal(piece);
                } else {
                    std::string decoded, err;
                    if (!decode_escapes(piece, false, decoded, err))
                        return error(err);
                    add_literal(decoded);
                }
            }
            if (doubled)
                continue;
            if (pos >= end || t.text[pos] == '}')
                break;
            // At a '{': an expression field.
            Expr* value = nullptr;
            if (!find_expr(t, pos, end, raw, recurse_lvl, values, value))
                return false;
            flush_literal(values, false);
            values.push_back(value);
        }
        if (recurse_lvl != 0 && (pos >= end || t.text[pos] != '}'))
            return error("f-string: expecting '}'");
        return true;
    }

    bool error(const std::string& msg)
    {
        m_p.fail_at(m_p.peek(), msg);
        return false;
    }

private:
    // fstring_find_literal: advances `pos` over literal text up to a '{' or
    // '}' that is not doubled; `doubled` says a doubled brace ended the piece
    // (the piece then includes one brace and `pos` is past both).
    bool find_literal(const Token& t, size_t& pos, size_t end, bool raw, int recurse_lvl, bool& doubled)
    {
        std::string_view s = t.text;
        size_t i = pos;
        while (i < end) {
            char ch = s[i++];
            if (!raw && ch == '\\' && i < end) {
                ch = s[i++];
                if (ch == 'N') {
                    if (i < end && s[i++] == '{') {
                        while (i < end && s[i++] != '}') { }
                    }
                    continue;
                }
            }
            if (ch == '{' || ch == '}') {
                if (recurse_lvl == 0) {
                    if (i < end && s[i] == ch) {
                        pos = i + 1;
                        doubled = true;
                        // The literal piece is [start, i): it ends with one brace.
                        m_doubled_end = i;
                        return true;
                    }
                    if (ch == '}')
                        return error("f-string: single '}' is not allowed");
                }
                --i;
                break;
            }
        }
        pos = i;
        return true;
    }

    // fstring_find_expr: parses the field at `pos` (a '{') into `out`.
    bool find_expr(const Token& t, size_t& pos, size_t end, bool raw, int recurse_lvl, Seq<Expr*>& values, Expr*& out)
    {
        std::string_view s = t.text;
        if (recurse_lvl >= 2)
            return error("f-string: expressions nested too deeply");
        size_t brace = pos;
        ++pos;
        size_t expr_start = pos;
        char quote_char = 0;
        int string_type = 0;
        char stack[max_nesting];
        int depth = 0;
        for (; pos < end; ++pos) {
            char ch = s[pos];
            if (ch == '\\')
                return error("f-string expression part cannot include a backslash");
            if (quote_char) {
                if (ch == quote_char) {
                    if (string_type == 3) {
                        if (pos + 2 < end && s[pos + 1] == ch && s[pos + 2] == ch) {
                            pos += 2;
                            string_type = 0;
                            quote_char = 0;
                        }
                    } else {
                        string_type = 0;
                        quote_char = 0;
                    }
                }
                continue;
            }
            if (ch == '\'' || ch == '"') {
                if (pos + 2 < end && s[pos + 1] == ch && s[pos + 2] == ch) {
                    string_type = 3;
                    pos += 2;
                } else {
                    string_type = 1;
                }
                quote_char = ch;
            } else if (ch == '[' || ch == '{' || ch == '(') {
                if (depth >= max_nesting)
                    return error("f-string: too many nested parenthesis");
                stack[depth++] = ch;
            } else if (ch == '#') {
                return error("f-string expression part cannot include '#'");
            } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
                if (pos + 1 < end) {
                    char next = s[pos + 1];
                    if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
                        ++pos;
                        continue;
                    }
                }
                if (ch == '>' || ch == '<')
                    continue;
                break;
            } else if (ch == ']' || ch == '}' || ch == ')') {
                if (!depth)
                    return error(std::string("f-string: unmatched '") + ch + "'");
                char opening = stack[--depth];
                if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}')))
                    return error(std::string("f-string: closing parenthesis '") + ch + "' does not match opening parenthesis '"
                        + opening + "'");
            }
        }
        size_t expr_end = pos;
        if (quote_char)
            return error("f-string: unterminated string");
        if (depth)
            return error(std::string("f-string: unmatched '") + stack[depth - 1] + "'");
        if (pos >= end)
            return error("f-string: expecting '}'");
        Expr* expr = compile_expr(t, brace, expr_start, expr_end);
        if (!expr)
            return false;
        bool has_text = false;
        std::string_view expr_text;
        if (s[pos] == '=') {
            ++pos;
            while (pos < end && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r' || s[pos] == '\f' || s[pos] == '\v'))
                ++pos;
            if (pos >= end)
                return error("f-string: expecting '}'");
            expr_text = s.substr(expr_start, pos - expr_start);
            has_text = true;
        }
        int conversion = -1;
        if (s[pos] == '!') {
            ++pos;
            if (pos >= end)
                return error("f-string: expecting '}'");
            conversion = static_cast<unsigned char>(s[pos]);
            ++pos;
            if (!(conversion == 's' || conversion == 'r' || conversion == 'a'))
                return error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
        Expr* format_spec = nullptr;
        if (pos >= end)
            return error("f-string: expecting '}'");
        if (s[pos] == ':') {
            ++pos;
            if (pos >= end)
                return error("f-string: expecting '}'");
            // fstring_parse: a nested JoinedStr.
            Location token_loc { t.lineno, t.col, t.end_lineno, t.end_col };
            StringParser nested(m_p, m_loc, token_loc, m_u_kind);
            auto* js = m_p.node<JoinedStr>(token_loc);
            if (!nested.concat_fstring(t, pos, end, raw, recurse_lvl + 1, js->values))
                return false;
            nested.flush_literal(js->values);
            format_spec = js;
        }
        if (pos >= end || s[pos] != '}')
            return error("f-string: expecting '}'");
        ++pos;
        if (has_text) {
            add_literal(expr_text);
            if (!format_spec && conversion == -1)
                conversion = 'r';
        }
        auto* fv = m_p.node<FormattedValue>(m_loc);
        fv->value = expr;
        fv->conversion = conversion;
        fv->format_spec = format_spec;
        out = fv;
        (void)values;
        return true;
    }

    // fstring_compile_expr: parses text [start, end) of `t` as "(" text ")".
    Expr* compile_expr(const Token& t, size_t brace, size_t start, size_t end)
    {
        std::string_view s = t.text;
        bool blank = true;
        for (size_t i = start; i < end; ++i) {
            char c = s[i];
            if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')) {
                blank = false;
                break;
            }
        }
        if (blank) {
            char next = end < s.size() ? s[end] : '\0';
            if (next == '!' || next == ':' || next == '=')
                error(std::string("f-string: expression required before '") + next + "'");
            else
                error("f-string: empty expression not allowed");
            return nullptr;
        }
        auto [line, col] = position_in(t, start);
        auto [open_line, open_col] = position_in(t, brace);
        auto [close_line, close_col] = position_in(t, end);
        Parser sub(m_p.m_source, m_p.m_filename, m_p.m_arena, s.substr(start, end - start), line, col, open_line, open_col,
            close_line, close_col);
        sub.m_fstring_depth = m_p.m_fstring_depth + 1;
        Expr* e = sub.parse_fstring_field();
        if (!e || sub.failed()) {
            m_p.m_failed = false;
            SyntaxErrorInfo err = sub.error();
            if (err.msg.rfind("f-string", 0) != 0 && err.msg != "invalid syntax")
                err.msg = "f-string: " + err.msg;
            else if (err.msg == "invalid syntax")
                err.msg = "f-string: invalid syntax";
            // CPython reports columns relative to the "(" of the field's
            // parse (Py_fstring_input subtracts starting_col_offset).
            int shift = m_p.char_offset(open_line, open_col);
            err.offset -= shift;
            if (err.end_offset > 0)
                err.end_offset -= shift;
            m_p.set_error(err.type.c_str(), err.msg, err.lineno, err.offset, err.end_lineno, err.end_offset);
            m_p.m_fatal = true;
            return nullptr;
        }
        return e;
    }

    static constexpr int max_nesting = 200;
    Parser& m_p;
    Location m_loc;
    Location m_str_loc;
    bool m_u_kind;
    std::string m_last;
    size_t m_doubled_end = 0;
};

// strings: STRING+
Expr* Parser::parse_strings()
{
    size_t first_index = m_pos;
    while (at(TokenKind::String))
        advance();
    size_t last_index = m_pos - 1;
    const Token& first = m_tokens[first_index];
    const Token& last = m_tokens[last_index];
    Location loc { first.lineno, first.col, last.end_lineno, last.end_col };
    if (first_index == last_index) {
        // Fast path: one plain str literal without escapes (most strings).
        Prefix p = read_prefix(first.text);
        if (!p.bytes && !p.fmt) {
            std::string_view body = first.text.substr(p.len + p.quote, first.text.size() - p.len - 2 * p.quote);
            if (p.raw || body.find('\\') == std::string_view::npos) {
                auto* c = node<Constant>(loc);
                c->value.kind = ConstantValue::Kind::Str;
                c->value.text.assign(body.data(), body.size());
                if (first.text[0] == 'u')
                    c->kind = "u";
                return c;
            }
        }
    }
    bool bytes_mode = false;
    bool any_f = false;
    for (size_t i = first_index; i <= last_index; ++i) {
        Prefix p = read_prefix(m_tokens[i].text);
        if (i == first_index)
            bytes_mode = p.bytes;
        else if (p.bytes != bytes_mode)
            return fail_at(peek(), "cannot mix bytes and nonbytes literals");
        any_f |= p.fmt;
    }
    auto body_of = [](const Token& t, const Prefix& p) {
        return t.text.substr(p.len + p.quote, t.text.size() - p.len - 2 * p.quote);
    };
    if (bytes_mode) {
        std::string out;
        for (size_t i = first_index; i <= last_index; ++i) {
            const Token& t = m_tokens[i];
            Prefix p = read_prefix(t.text);
            std::string_view body = body_of(t, p);
            for (unsigned char c : body)
                if (c >= 0x80)
                    return fail_at(peek(), "bytes can only contain ASCII literal characters");
            if (p.raw) {
                out.append(body);
            } else {
                std::string err;
                if (!decode_escapes(body, true, out, err))
                    return fail_at(peek(), err);
            }
        }
        auto* c = node<Constant>(loc);
        c->value.kind = ConstantValue::Kind::Bytes;
        c->value.text = std::move(out);
        return c;
    }
    bool u_kind = first.text[0] == 'u';
    if (!any_f) {
        std::string out;
        for (size_t i = first_index; i <= last_index; ++i) {
            const Token& t = m_tokens[i];
            Prefix p = read_prefix(t.text);
            std::string_view body = body_of(t, p);
            if (p.raw || body.find('\\') == std::string_view::npos) {
                out.append(body);
            } else {
                std::string err;
                if (!decode_escapes(body, false, out, err))
                    return fail_at(peek(), err);
            }
        }
        auto* c = node<Constant>(loc);
        c->value.kind = ConstantValue::Kind::Str;
        c->value.text = std::move(out);
        if (u_kind)
            c->kind = "u";
        return c;
    }
    StringParser sp(*this, loc, loc, u_kind);
    auto* js = m_arena.make<JoinedStr>();
    js->loc = loc;
    for (size_t i = first_index; i <= last_index; ++i) {
        const Token& t = m_tokens[i];
        Prefix p = read_prefix(t.text);
        std::string_view body = body_of(t, p);
        if (!p.fmt) {
            if (p.raw) {
                sp.add_literal(body);
            } else {
                std::string out, err;
                if (!decode_escapes(body, false, out, err))
                    return fail_at(peek(), err);
                sp.add_literal(out);
            }
            continue;
        }
        size_t pos = p.len + p.quote;
        size_t end = t.text.size() - p.quote;
        ADDER_NEED(sp.concat_fstring(t, pos, end, p.raw, 0, js->values));
        if (pos < end)
            return fail_at(peek(), "f-string: unexpected end of string");
    }
    sp.flush_literal(js->values);
    return js;
}

} // namespace adder::parser
