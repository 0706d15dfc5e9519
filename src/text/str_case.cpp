// str case mapping and character-class predicates, matching CPython 3.11's
// do_lower/do_upper/do_casefold/do_capitalize/do_title/do_swapcase and the
// unicode_is* methods in Objects/unicodeobject.c. Capital sigma lower-cases to
// final sigma by the Unicode Final_Sigma condition (handle_capital_sigma).
#include "text/str_algo.h"
#include "text/unicode_db.h"

namespace adder::text {

namespace {

constexpr char32_t capital_sigma = 0x3A3;

bool is_cased(char32_t c) { return has_flag(c, flag_cased); }
bool is_case_ignorable(char32_t c) { return has_flag(c, flag_case_ignorable); }

// Final_Sigma: the sigma at bytes [at, after) follows a cased letter (skipping
// case-ignorables) and is not followed by one.
char32_t lower_sigma(std::string_view s, size_t at, size_t after)
{
    size_t j = at;
    bool final_sigma = false;
    while (j > 0) {
        char32_t c = decode_before(s, j);
        if (!is_case_ignorable(c)) {
            final_sigma = is_cased(c);
            break;
        }
    }
    if (final_sigma) {
        size_t k = after;
        while (k < s.size()) {
            char32_t c = decode_at(s, k);
            if (!is_case_ignorable(c)) {
                final_sigma = !is_cased(c);
                break;
            }
        }
    }
    return final_sigma ? 0x3C2 : 0x3C3;
}

// Lower-cases the code point `c` found at bytes [at, after) of `s`.
void lower_at(std::string& out, std::string_view s, char32_t c, size_t at, size_t after)
{
    if (c == capital_sigma)
        append_utf8(out, lower_sigma(s, at, after));
    else
        append_lower(out, c);
}

std::string ascii_map(std::string_view s, bool to_upper)
{
    std::string out(s);
    for (char& c : out) {
        if (to_upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z'))
            c = static_cast<char>(c ^ 0x20);
    }
    return out;
}

template<typename Pred>
bool all_of_cps(std::string_view s, Pred pred)
{
    if (s.empty())
        return false;
    for (size_t i = 0; i < s.size();) {
        if (!pred(decode_at(s, i)))
            return false;
    }
    return true;
}

} // namespace

std::string str_lower(std::string_view s)
{
    if (is_ascii(s))
        return ascii_map(s, false);
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        size_t at = i;
        char32_t c = decode_at(s, i);
        lower_at(out, s, c, at, i);
    }
    return out;
}

std::string str_upper(std::string_view s)
{
    if (is_ascii(s))
        return ascii_map(s, true);
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();)
        append_upper(out, decode_at(s, i));
    return out;
}

std::string str_casefold(std::string_view s)
{
    if (is_ascii(s))
        return ascii_map(s, false);
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();)
        append_casefold(out, decode_at(s, i));
    return out;
}

std::string str_capitalize(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        size_t at = i;
        char32_t c = decode_at(s, i);
        if (at == 0)
            append_title(out, c);
        else
            lower_at(out, s, c, at, i);
    }
    return out;
}

std::string str_title(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    bool previous_is_cased = false;
    for (size_t i = 0; i < s.size();) {
        size_t at = i;
        char32_t c = decode_at(s, i);
        if (previous_is_cased)
            lower_at(out, s, c, at, i);
        else
            append_title(out, c);
        previous_is_cased = c < 128 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : is_cased(c);
    }
    return out;
}

std::string str_swapcase(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        size_t at = i;
        char32_t c = decode_at(s, i);
        uint16_t f = unicode_record(c).flags;
        if (f & flag_upper)
            lower_at(out, s, c, at, i);
        else if (f & flag_lower)
            append_upper(out, c);
        else
            append_utf8(out, c);
    }
    return out;
}

bool str_isalpha(std::string_view s) { return all_of_cps(s, [](char32_t c) { return has_flag(c, flag_alpha); }); }
bool str_isdecimal(std::string_view s) { return all_of_cps(s, [](char32_t c) { return has_flag(c, flag_decimal); }); }
bool str_isdigit(std::string_view s) { return all_of_cps(s, [](char32_t c) { return has_flag(c, flag_digit); }); }
bool str_isnumeric(std::string_view s) { return all_of_cps(s, [](char32_t c) { return has_flag(c, flag_numeric); }); }
bool str_isspace(std::string_view s) { return all_of_cps(s, [](char32_t c) { return has_flag(c, flag_space); }); }

bool str_isalnum(std::string_view s)
{
    constexpr uint16_t mask = flag_alpha | flag_decimal | flag_digit | flag_numeric;
    return all_of_cps(s, [](char32_t c) { return (unicode_record(c).flags & mask) != 0; });
}

bool str_islower(std::string_view s)
{
    bool cased = false;
    for (size_t i = 0; i < s.size();) {
        uint16_t f = unicode_record(decode_at(s, i)).flags;
        if (f & (flag_upper | flag_title))
            return false;
        if (f & flag_lower)
            cased = true;
    }
    return cased;
}

bool str_isupper(std::string_view s)
{
    bool cased = false;
    for (size_t i = 0; i < s.size();) {
        uint16_t f = unicode_record(decode_at(s, i)).flags;
        if (f & (flag_lower | flag_title))
            return false;
        if (f & flag_upper)
            cased = true;
    }
    return cased;
}

bool str_istitle(std::string_view s)
{
    bool cased = false;
    bool previous_is_cased = false;
    for (size_t i = 0; i < s.size();) {
        uint16_t f = unicode_record(decode_at(s, i)).flags;
        if (f & (flag_upper | flag_title)) {
            if (previous_is_cased)
                return false;
            previous_is_cased = cased = true;
        } else if (f & flag_lower) {
            if (!previous_is_cased)
                return false;
            previous_is_cased = cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    return cased;
}

bool str_isidentifier(std::string_view s)
{
    if (s.empty())
        return false;
    size_t i = 0;
    if (!has_flag(decode_at(s, i), flag_xid_start))
        return false;
    while (i < s.size())
        if (!has_flag(decode_at(s, i), flag_xid_continue))
            return false;
    return true;
}

bool str_isprintable(std::string_view s)
{
    for (size_t i = 0; i < s.size();)
        if (!has_flag(decode_at(s, i), flag_printable))
            return false;
    return true;
}

bool str_isascii(std::string_view s) { return is_ascii(s); }

std::string normalize_identifier(std::string_view name) { return nfkc(name); }

std::string to_ascii_decimal(std::string_view s)
{
    if (is_ascii(s))
        return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        char32_t c = decode_at(s, i);
        if (c < 127) {
            out.push_back(static_cast<char>(c));
            continue;
        }
        const UnicodeRecord& r = unicode_record(c);
        if (r.flags & flag_space) {
            out.push_back(' ');
        } else if (r.decimal >= 0) {
            out.push_back(static_cast<char>('0' + r.decimal));
        } else {
            out.push_back('?');
            break;
        }
    }
    return out;
}

} // namespace adder::text
