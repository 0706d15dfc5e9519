// bytes-specific algorithms: everything works byte by byte with ASCII rules
// (Py_ISSPACE, Py_ISALPHA, Py_TOLOWER, ...), never with the Unicode database.
#include "text/bytes_algo.h"

#include <algorithm>

namespace adder::text {

namespace {

bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
char to_lower(unsigned char c) { return static_cast<char>(is_upper(c) ? c + 32 : c); }
char to_upper(unsigned char c) { return static_cast<char>(is_lower(c) ? c - 32 : c); }

template<typename Pred>
bool all_bytes(std::string_view b, Pred pred)
{
    if (b.empty())
        return false;
    for (unsigned char c : b)
        if (!pred(c))
            return false;
    return true;
}

std::string pad(std::string_view b, int64_t left, int64_t right, char fill)
{
    std::string out;
    out.reserve(b.size() + static_cast<size_t>(left + right));
    out.append(static_cast<size_t>(left), fill);
    out += b;
    out.append(static_cast<size_t>(right), fill);
    return out;
}

const char hex_digits[] = "0123456789abcdef";

} // namespace

std::vector<std::string_view> bytes_split_whitespace(std::string_view b, int64_t maxsplit)
{
    std::vector<std::string_view> out;
    int64_t maxcount = maxsplit < 0 ? INT64_MAX : maxsplit;
    size_t n = b.size();
    size_t i = 0;
    auto sp = [&](size_t k) { return is_bytes_space(static_cast<unsigned char>(b[k])); };
    while (maxcount-- > 0) {
        while (i < n && sp(i))
            ++i;
        if (i == n)
            break;
        size_t j = i;
        while (i < n && !sp(i))
            ++i;
        out.push_back(b.substr(j, i - j));
    }
    if (i < n) {
        while (i < n && sp(i))
            ++i;
        if (i != n)
            out.push_back(b.substr(i));
    }
    return out;
}

std::vector<std::string_view> bytes_rsplit_whitespace(std::string_view b, int64_t maxsplit)
{
    std::vector<std::string_view> out;
    int64_t maxcount = maxsplit < 0 ? INT64_MAX : maxsplit;
    size_t i = b.size();
    auto sp = [&](size_t k) { return is_bytes_space(static_cast<unsigned char>(b[k])); };
    while (maxcount-- > 0) {
        while (i > 0 && sp(i - 1))
            --i;
        if (i == 0)
            break;
        size_t j = i;
        while (i > 0 && !sp(i - 1))
            --i;
        out.push_back(b.substr(i, j - i));
    }
    if (i > 0) {
        while (i > 0 && sp(i - 1))
            --i;
        if (i != 0)
            out.push_back(b.substr(0, i));
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<std::string_view> bytes_splitlines(std::string_view b, bool keepends)
{
    std::vector<std::string_view> out;
    size_t n = b.size();
    size_t i = 0;
    size_t j = 0;
    while (i < n) {
        while (i < n && b[i] != '\n' && b[i] != '\r')
            ++i;
        size_t eol = i;
        if (i < n) {
            if (b[i] == '\r' && i + 1 < n && b[i + 1] == '\n')
                i += 2;
            else
                ++i;
            if (keepends)
                eol = i;
        }
        out.push_back(b.substr(j, eol - j));
        j = i;
    }
    return out;
}

std::string_view bytes_strip(std::string_view b, StripSide side, std::optional<std::string_view> chars)
{
    bool set[256] = {};
    if (chars) {
        for (unsigned char c : *chars)
            set[c] = true;
    } else {
        for (int c = 0; c < 256; ++c)
            set[c] = is_bytes_space(static_cast<unsigned char>(c));
    }
    size_t i = 0;
    size_t j = b.size();
    if (side != StripSide::Right)
        while (i < j && set[static_cast<unsigned char>(b[i])])
            ++i;
    if (side != StripSide::Left)
        while (j > i && set[static_cast<unsigned char>(b[j - 1])])
            --j;
    return b.substr(i, j - i);
}

std::string bytes_lower(std::string_view b)
{
    std::string out(b);
    for (char& c : out)
        c = to_lower(static_cast<unsigned char>(c));
    return out;
}

std::string bytes_upper(std::string_view b)
{
    std::string out(b);
    for (char& c : out)
        c = to_upper(static_cast<unsigned char>(c));
    return out;
}

std::string bytes_swapcase(std::string_view b)
{
    std::string out(b);
    for (char& c : out) {
        unsigned char u = static_cast<unsigned char>(c);
        c = is_upper(u) ? to_lower(u) : to_upper(u);
    }
    return out;
}

std::string bytes_capitalize(std::string_view b)
{
    std::string out(b);
    for (size_t k = 0; k < out.size(); ++k) {
        unsigned char u = static_cast<unsigned char>(out[k]);
        out[k] = k == 0 ? to_upper(u) : to_lower(u);
    }
    return out;
}

std::string bytes_title(std::string_view b)
{
    std::string out(b);
    bool previous_is_cased = false;
    for (char& c : out) {
        unsigned char u = static_cast<unsigned char>(c);
        if (is_lower(u)) {
            if (!previous_is_cased)
                c = to_upper(u);
            previous_is_cased = true;
        } else if (is_upper(u)) {
            if (previous_is_cased)
                c = to_lower(u);
            previous_is_cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    return out;
}

bool bytes_isalpha(std::string_view b) { return all_bytes(b, is_alpha); }
bool bytes_isalnum(std::string_view b) { return all_bytes(b, [](unsigned char c) { return is_alpha(c) || is_digit(c); }); }
bool bytes_isdigit(std::string_view b) { return all_bytes(b, is_digit); }
bool bytes_isspace(std::string_view b) { return all_bytes(b, is_bytes_space); }

bool bytes_islower(std::string_view b)
{
    bool cased = false;
    for (unsigned char c : b) {
        if (is_upper(c))
            return false;
        cased |= is_lower(c);
    }
    return cased;
}

bool bytes_isupper(std::string_view b)
{
    bool cased = false;
    for (unsigned char c : b) {
        if (is_lower(c))
            return false;
        cased |= is_upper(c);
    }
    return cased;
}

bool bytes_istitle(std::string_view b)
{
    bool cased = false;
    bool previous_is_cased = false;
    for (unsigned char c : b) {
        if (is_upper(c)) {
            if (previous_is_cased)
                return false;
            previous_is_cased = cased = true;
        } else if (is_lower(c)) {
            if (!previous_is_cased)
                return false;
            previous_is_cased = cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    return cased;
}

std::string bytes_center(std::string_view b, int64_t width, char fill)
{
    int64_t len = static_cast<int64_t>(b.size());
    if (width <= len)
        return std::string(b);
    int64_t marg = width - len;
    int64_t left = marg / 2 + (marg & width & 1);
    return pad(b, left, marg - left, fill);
}

std::string bytes_ljust(std::string_view b, int64_t width, char fill)
{
    int64_t len = static_cast<int64_t>(b.size());
    return width <= len ? std::string(b) : pad(b, 0, width - len, fill);
}

std::string bytes_rjust(std::string_view b, int64_t width, char fill)
{
    int64_t len = static_cast<int64_t>(b.size());
    return width <= len ? std::string(b) : pad(b, width - len, 0, fill);
}

std::string bytes_zfill(std::string_view b, int64_t width)
{
    return str_zfill(bytes_view(b), width); // zfill only inspects ASCII '+'/'-'
}

std::string bytes_expandtabs(std::string_view b, int64_t tabsize)
{
    std::string out;
    out.reserve(b.size());
    int64_t column = 0;
    for (char c : b) {
        if (c == '\t') {
            if (tabsize > 0) {
                int64_t incr = tabsize - (column % tabsize);
                column += incr;
                out.append(static_cast<size_t>(incr), ' ');
            }
        } else {
            out.push_back(c);
            ++column;
            if (c == '\n' || c == '\r')
                column = 0;
        }
    }
    return out;
}

void append_bytes_repr(std::string& out, std::string_view b)
{
    bool has_single = b.find('\'') != std::string_view::npos;
    bool has_double = b.find('"') != std::string_view::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    out.reserve(out.size() + b.size() + 3);
    out.push_back('b');
    out.push_back(quote);
    for (unsigned char c : b) {
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < ' ' || c >= 0x7F) {
            out += "\\x";
            out.push_back(hex_digits[c >> 4]);
            out.push_back(hex_digits[c & 0xF]);
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    out.push_back(quote);
}

std::string bytes_repr(std::string_view b)
{
    std::string out;
    append_bytes_repr(out, b);
    return out;
}

std::string bytes_hex(std::string_view b, std::optional<char32_t> sep, int64_t bytes_per_sep)
{
    std::string out;
    if (!sep || bytes_per_sep == 0 || b.empty()) {
        out.reserve(b.size() * 2);
        for (unsigned char c : b) {
            out.push_back(hex_digits[c >> 4]);
            out.push_back(hex_digits[c & 0xF]);
        }
        return out;
    }
    size_t group = static_cast<size_t>(bytes_per_sep < 0 ? -bytes_per_sep : bytes_per_sep);
    size_t n = b.size();
    for (size_t k = 0; k < n; ++k) {
        if (k > 0) {
            // Positive counts group from the right, negative from the left.
            bool boundary = bytes_per_sep > 0 ? (n - k) % group == 0 : k % group == 0;
            if (boundary)
                append_utf8(out, *sep);
        }
        unsigned char c = static_cast<unsigned char>(b[k]);
        out.push_back(hex_digits[c >> 4]);
        out.push_back(hex_digits[c & 0xF]);
    }
    return out;
}

std::optional<std::string> bytes_fromhex(std::string_view text, size_t& error_pos)
{
    auto val = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(text.size() / 2);
    size_t i = 0;
    size_t n = text.size();
    while (i < n) {
        if (is_bytes_space(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        int hi = val(text[i]);
        if (hi < 0) {
            error_pos = i;
            return std::nullopt;
        }
        int lo = i + 1 < n ? val(text[i + 1]) : -1;
        if (lo < 0) {
            error_pos = i + 1;
            return std::nullopt;
        }
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
    }
    return out;
}

} // namespace adder::text
