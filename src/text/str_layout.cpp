// str padding, tab expansion, repr()/ascii() and translate(). repr follows
// CPython 3.11 unicode_repr (quote choice and escapes); padding follows its
// pad() helper, including center()'s odd-margin rule.
#include "text/str_algo.h"
#include "text/unicode_db.h"

namespace adder::text {

namespace {

void append_fill(std::string& out, int64_t count, char32_t fill)
{
    if (count <= 0)
        return;
    if (fill < 128) {
        out.append(static_cast<size_t>(count), static_cast<char>(fill));
        return;
    }
    for (int64_t k = 0; k < count; ++k)
        append_utf8(out, fill);
}

std::string pad(const StrView& s, int64_t left, int64_t right, char32_t fill)
{
    std::string out;
    out.reserve(s.bytes.size() + static_cast<size_t>(left + right) * static_cast<size_t>(encoded_length(fill)));
    append_fill(out, left, fill);
    out += s.bytes;
    append_fill(out, right, fill);
    return out;
}

const char hex_digits[] = "0123456789abcdef";

void append_hex_escape(std::string& out, char32_t c)
{
    if (c <= 0xFF) {
        out += "\\x";
        out.push_back(hex_digits[(c >> 4) & 0xF]);
        out.push_back(hex_digits[c & 0xF]);
    } else if (c <= 0xFFFF) {
        out += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4)
            out.push_back(hex_digits[(c >> shift) & 0xF]);
    } else {
        out += "\\U";
        for (int shift = 28; shift >= 0; shift -= 4)
            out.push_back(hex_digits[(c >> shift) & 0xF]);
    }
}

void append_repr(std::string& out, std::string_view s, bool ascii_only)
{
    bool has_single = s.find('\'') != std::string_view::npos;
    bool has_double = s.find('"') != std::string_view::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    out.reserve(out.size() + s.size() + 2);
    out.push_back(quote);
    for (size_t i = 0; i < s.size();) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            if (b == static_cast<unsigned char>(quote) || b == '\\') {
                out.push_back('\\');
                out.push_back(static_cast<char>(b));
            } else if (b == '\t') {
                out += "\\t";
            } else if (b == '\n') {
                out += "\\n";
            } else if (b == '\r') {
                out += "\\r";
            } else if (b < ' ' || b == 0x7F) {
                append_hex_escape(out, b);
            } else {
                out.push_back(static_cast<char>(b));
            }
            continue;
        }
        size_t at = i;
        char32_t c = decode_at(s, i);
        if (!ascii_only && has_flag(c, flag_printable))
            out.append(s.data() + at, i - at);
        else
            append_hex_escape(out, c);
    }
    out.push_back(quote);
}

} // namespace

std::string str_center(const StrView& s, int64_t width, char32_t fill)
{
    if (width <= s.length)
        return std::string(s.bytes);
    int64_t marg = width - s.length;
    int64_t left = marg / 2 + (marg & width & 1);
    return pad(s, left, marg - left, fill);
}

std::string str_ljust(const StrView& s, int64_t width, char32_t fill)
{
    if (width <= s.length)
        return std::string(s.bytes);
    return pad(s, 0, width - s.length, fill);
}

std::string str_rjust(const StrView& s, int64_t width, char32_t fill)
{
    if (width <= s.length)
        return std::string(s.bytes);
    return pad(s, width - s.length, 0, fill);
}

std::string str_zfill(const StrView& s, int64_t width)
{
    if (width <= s.length)
        return std::string(s.bytes);
    int64_t fill = width - s.length;
    std::string out;
    out.reserve(static_cast<size_t>(fill) + s.bytes.size());
    std::string_view rest = s.bytes;
    if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
        out.push_back(rest[0]);
        rest.remove_prefix(1);
    }
    out.append(static_cast<size_t>(fill), '0');
    out += rest;
    return out;
}

std::string str_expandtabs(std::string_view s, int64_t tabsize)
{
    std::string out;
    out.reserve(s.size());
    int64_t column = 0;
    for (size_t i = 0; i < s.size();) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b == '\t') {
            ++i;
            if (tabsize > 0) {
                int64_t incr = tabsize - (column % tabsize);
                column += incr;
                out.append(static_cast<size_t>(incr), ' ');
            }
            continue;
        }
        size_t at = i;
        decode_at(s, i);
        out.append(s.data() + at, i - at);
        ++column;
        if (b == '\n' || b == '\r')
            column = 0;
    }
    return out;
}

void append_str_repr(std::string& out, std::string_view s) { append_repr(out, s, false); }

std::string str_repr(std::string_view s)
{
    std::string out;
    append_repr(out, s, false);
    return out;
}

std::string str_ascii_repr(std::string_view s)
{
    std::string out;
    append_repr(out, s, true);
    return out;
}

std::optional<std::string> str_translate(std::string_view s,
    const std::function<TranslateStep(char32_t cp, std::string& out)>& lookup)
{
    // ASCII results are cached: a table is usually consulted for the same few characters.
    struct Cached {
        bool known = false;
        bool keep = false;
        std::string text;
    };
    Cached cache[128];
    std::string out;
    out.reserve(s.size());
    std::string scratch;
    for (size_t i = 0; i < s.size();) {
        size_t at = i;
        char32_t c = decode_at(s, i);
        if (c < 128 && cache[c].known) {
            if (cache[c].keep)
                out.push_back(static_cast<char>(c));
            else
                out += cache[c].text;
            continue;
        }
        scratch.clear();
        TranslateStep step = lookup(c, scratch);
        if (step == TranslateStep::Error)
            return std::nullopt;
        if (c < 128) {
            cache[c].known = true;
            cache[c].keep = step == TranslateStep::Keep;
            cache[c].text = scratch;
        }
        if (step == TranslateStep::Keep)
            out.append(s.data() + at, i - at);
        else
            out += scratch;
    }
    return out;
}

} // namespace adder::text
