// Adder's Unicode character database: per-code-point properties (what
// str.isalpha() and friends test), decimal/digit values and full case
// mappings, generated from CPython 3.11 itself by gen_unicode_db.py into
// unicode_db_data.cpp, so results match CPython (Unicode 14.0) exactly. NFKC
// normalization (needed only for identifiers) comes from utf8proc instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace adder::text {

enum UnicodeFlag : uint16_t {
    flag_alpha = 1 << 0,          // str.isalpha
    flag_decimal = 1 << 1,        // str.isdecimal
    flag_digit = 1 << 2,          // str.isdigit
    flag_numeric = 1 << 3,        // str.isnumeric
    flag_space = 1 << 4,          // str.isspace, and split() separators
    flag_printable = 1 << 5,      // str.isprintable, and repr() escaping
    flag_lower = 1 << 6,          // Lowercase property (single-char islower)
    flag_upper = 1 << 7,          // Uppercase property (single-char isupper)
    flag_title = 1 << 8,          // general category Lt
    flag_cased = 1 << 9,          // Cased (Unicode 3.13 D135)
    flag_case_ignorable = 1 << 10, // Case_Ignorable (D136), for the final-sigma rule
    flag_xid_start = 1 << 11,     // may start an identifier (includes '_')
    flag_xid_continue = 1 << 12,  // may continue an identifier
    flag_line_break = 1 << 13,    // a str.splitlines() boundary
    flag_extended_case = 1 << 14, // case mapping is not one-to-one: see ExtendedCase
};

// One deduplicated property record. Simple case mappings are deltas
// (mapped = cp + delta); when flag_extended_case is set they are meaningless
// and the full mappings live in the ExtendedCase table.
struct UnicodeRecord {
    uint16_t flags;
    int8_t decimal; // decimal digit value, or -1
    int8_t digit;   // digit value (unicodedata.digit), or -1
    int32_t upper_delta;
    int32_t lower_delta;
    int32_t title_delta;
};

// Full mappings (UTF-8) for the code points whose lower/upper/title/casefold
// is not a single code point or whose casefold differs from its lower.
struct ExtendedCase {
    char32_t cp;
    const char* lower;
    const char* upper;
    const char* title;
    const char* fold;
};

namespace detail {
inline constexpr int unicode_shift = 7;
extern const UnicodeRecord unicode_records[];
extern const uint16_t unicode_index1[];
extern const uint8_t unicode_index2[];
extern const ExtendedCase unicode_extended_case[];
extern const size_t unicode_extended_case_count;
} // namespace detail

// The property record of `cp` (any value up to U+10FFFF; larger gives U+0000's record... callers never pass one).
inline const UnicodeRecord& unicode_record(char32_t cp)
{
    if (cp > 0x10FFFF)
        cp = 0;
    uint32_t block = detail::unicode_index1[cp >> detail::unicode_shift];
    uint32_t index = detail::unicode_index2[(block << detail::unicode_shift) + (cp & ((1u << detail::unicode_shift) - 1))];
    return detail::unicode_records[index];
}

inline bool has_flag(char32_t cp, UnicodeFlag flag) { return (unicode_record(cp).flags & flag) != 0; }

// Decimal value 0..9 of `cp` (int() accepts these digits), or -1.
inline int decimal_value(char32_t cp) { return unicode_record(cp).decimal; }

// Full case mappings of `cp` appended to `out` as UTF-8 (may be several code points: 'ß' upper → "SS").
void append_lower(std::string& out, char32_t cp);
void append_upper(std::string& out, char32_t cp);
void append_title(std::string& out, char32_t cp);
void append_casefold(std::string& out, char32_t cp);

// Simple (one-to-one) mappings, used where CPython uses them (e.g. bytes never; str.istitle no).
char32_t simple_lower(char32_t cp);
char32_t simple_upper(char32_t cp);

// NFKC normalization of `text` (valid UTF-8 without surrogates), as the
// parser applies to non-ASCII identifiers (PEP 3131). Returns `text` unchanged
// when it is ASCII.
std::string nfkc(std::string_view text);

} // namespace adder::text
