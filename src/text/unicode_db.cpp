// Case-mapping accessors over the generated tables, and NFKC through utf8proc.
#include "text/unicode_db.h"

#include <algorithm>
#include <cstdlib>

#include <utf8proc.h>

#include "text/utf8.h"

namespace adder::text {

namespace {

const ExtendedCase* find_extended(char32_t cp)
{
    const ExtendedCase* begin = detail::unicode_extended_case;
    const ExtendedCase* end = begin + detail::unicode_extended_case_count;
    const ExtendedCase* it = std::lower_bound(begin, end, cp, [](const ExtendedCase& e, char32_t c) { return e.cp < c; });
    return (it != end && it->cp == cp) ? it : nullptr;
}

enum class Mapping { Lower, Upper, Title, Fold };

void append_mapping(std::string& out, char32_t cp, Mapping which)
{
    if (cp < 0x80) {
        // ASCII: no table lookup.
        char c = static_cast<char>(cp);
        if ((which == Mapping::Lower || which == Mapping::Fold) && c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + 32);
        else if ((which == Mapping::Upper || which == Mapping::Title) && c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 32);
        out.push_back(c);
        return;
    }
    const UnicodeRecord& r = unicode_record(cp);
    if (r.flags & flag_extended_case) {
        const ExtendedCase* e = find_extended(cp);
        if (e) {
            switch (which) {
            case Mapping::Lower:
                out += e->lower;
                return;
            case Mapping::Upper:
                out += e->upper;
                return;
            case Mapping::Title:
                out += e->title;
                return;
            case Mapping::Fold:
                out += e->fold;
                return;
            }
        }
        append_utf8(out, cp);
        return;
    }
    int32_t delta = which == Mapping::Upper ? r.upper_delta : which == Mapping::Title ? r.title_delta : r.lower_delta;
    append_utf8(out, static_cast<char32_t>(static_cast<int32_t>(cp) + delta));
}

} // namespace

void append_lower(std::string& out, char32_t cp) { append_mapping(out, cp, Mapping::Lower); }
void append_upper(std::string& out, char32_t cp) { append_mapping(out, cp, Mapping::Upper); }
void append_title(std::string& out, char32_t cp) { append_mapping(out, cp, Mapping::Title); }
void append_casefold(std::string& out, char32_t cp) { append_mapping(out, cp, Mapping::Fold); }

char32_t simple_lower(char32_t cp)
{
    const UnicodeRecord& r = unicode_record(cp);
    if (r.flags & flag_extended_case) {
        const ExtendedCase* e = find_extended(cp);
        size_t i = 0;
        return e ? decode_at(e->lower, i) : cp;
    }
    return static_cast<char32_t>(static_cast<int32_t>(cp) + r.lower_delta);
}

char32_t simple_upper(char32_t cp)
{
    const UnicodeRecord& r = unicode_record(cp);
    if (r.flags & flag_extended_case) {
        const ExtendedCase* e = find_extended(cp);
        size_t i = 0;
        return e ? decode_at(e->upper, i) : cp;
    }
    return static_cast<char32_t>(static_cast<int32_t>(cp) + r.upper_delta);
}

std::string nfkc(std::string_view text)
{
    if (is_ascii(text))
        return std::string(text);
    utf8proc_uint8_t* result = nullptr;
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
        static_cast<utf8proc_ssize_t>(text.size()), &result,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
    if (n < 0)
        return std::string(text); // invalid input (surrogates): identifiers never contain them
    std::string out(reinterpret_cast<char*>(result), static_cast<size_t>(n));
    std::free(result);
    return out;
}

} // namespace adder::text
