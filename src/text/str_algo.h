// The algorithms behind every str method, on generalized UTF-8 with CPython
// 3.11 semantics (Objects/unicodeobject.c, Objects/stringlib/). Indices that
// Python sees are code-point indices; `start`/`end` arguments follow slice
// rules (negative counts from the end, out-of-range clamps) — pass 0 and
// str_end for an omitted argument. Results that are pieces of the input are
// string_views into it, so splitting allocates no strings. No Python objects
// and no exceptions here: argument errors (empty separator, ...) are the
// caller's. bytes methods that differ live in bytes_algo.h.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.h"

namespace adder::text {

// "No end argument": larger than any length.
inline constexpr int64_t str_end = INT64_MAX;

// A str's bytes plus the two facts every method needs; the str object caches both.
struct StrView {
    std::string_view bytes;
    int64_t length = 0; // code points
    bool ascii = true;

    StrView() = default;
    StrView(std::string_view b, int64_t len, bool is_ascii)
        : bytes(b)
        , length(len)
        , ascii(is_ascii)
    {
    }
    // Computes length and ascii-ness of `b` (O(n)).
    static StrView of(std::string_view b)
    {
        bool a = is_ascii(b);
        return StrView(b, a ? static_cast<int64_t>(b.size()) : static_cast<int64_t>(cp_length(b)), a);
    }
    // Byte offset of code point `index` (0 <= index <= length).
    size_t offset(int64_t index) const
    {
        return ascii ? static_cast<size_t>(index) : byte_offset(bytes, static_cast<size_t>(index));
    }
};

// CPython's ADJUST_INDICES: clamps `start`/`end` into [0, length] slice-style.
void adjust_indices(int64_t& start, int64_t& end, int64_t length);

// ---- searching ------------------------------------------------------------------

// str.find/index: lowest index of `sub` in s[start:end], or -1.
int64_t str_find(const StrView& s, const StrView& sub, int64_t start = 0, int64_t end = str_end);
// str.rfind/rindex: highest index, or -1.
int64_t str_rfind(const StrView& s, const StrView& sub, int64_t start = 0, int64_t end = str_end);
// str.count: non-overlapping occurrences in s[start:end].
int64_t str_count(const StrView& s, const StrView& sub, int64_t start = 0, int64_t end = str_end);
// str.startswith/endswith for one prefix/suffix (the caller loops over a tuple).
bool str_startswith(const StrView& s, const StrView& prefix, int64_t start = 0, int64_t end = str_end);
bool str_endswith(const StrView& s, const StrView& suffix, int64_t start = 0, int64_t end = str_end);

// ---- splitting and joining --------------------------------------------------------

// str.split()/rsplit() without a separator: runs of whitespace separate,
// leading/trailing whitespace is dropped; `maxsplit` < 0 means no limit.
std::vector<std::string_view> str_split_whitespace(std::string_view s, int64_t maxsplit = -1);
std::vector<std::string_view> str_rsplit_whitespace(std::string_view s, int64_t maxsplit = -1);
// str.split(sep)/rsplit(sep) with a non-empty `sep`.
std::vector<std::string_view> str_split(std::string_view s, std::string_view sep, int64_t maxsplit = -1);
std::vector<std::string_view> str_rsplit(std::string_view s, std::string_view sep, int64_t maxsplit = -1);
// str.splitlines(keepends): every Python line boundary (\n \r \r\n \v \f \x1c-\x1e \x85 \u2028 \u2029).
std::vector<std::string_view> str_splitlines(std::string_view s, bool keepends = false);

// str.partition/rpartition with a non-empty `sep`. When not found, partition
// gives (s, "", "") and rpartition ("", "", s).
struct Partition {
    std::string_view before;
    std::string_view sep;
    std::string_view after;
    bool found = false;
};
Partition str_partition(std::string_view s, std::string_view sep);
Partition str_rpartition(std::string_view s, std::string_view sep);

// `sep`.join(`parts`) with one allocation.
std::string str_join(std::string_view sep, const std::vector<std::string_view>& parts);

enum class StripSide { Left, Right, Both };
// str.strip/lstrip/rstrip: without `chars` strips Unicode whitespace, else any code point in `chars`.
std::string_view str_strip(std::string_view s, StripSide side, std::optional<std::string_view> chars = std::nullopt);

// str.replace(old, new, count); `count` < 0 replaces all. An empty `old`
// inserts `new` before every code point and at the end.
std::string str_replace(const StrView& s, const StrView& old, std::string_view replacement, int64_t count = -1);

// ---- case mapping (full mappings, final sigma, CPython 3.11 rules) ----------------

std::string str_lower(std::string_view s);
std::string str_upper(std::string_view s);
std::string str_casefold(std::string_view s);
std::string str_capitalize(std::string_view s); // first code point title-cased, rest lower-cased
std::string str_title(std::string_view s);
std::string str_swapcase(std::string_view s);

// ---- predicates (all false for "", except isprintable and isascii) ------------------

bool str_isalpha(std::string_view s);
bool str_isdecimal(std::string_view s);
bool str_isdigit(std::string_view s);
bool str_isnumeric(std::string_view s);
bool str_isalnum(std::string_view s);
bool str_isspace(std::string_view s);
bool str_islower(std::string_view s);
bool str_isupper(std::string_view s);
bool str_istitle(std::string_view s);
bool str_isidentifier(std::string_view s);
bool str_isprintable(std::string_view s);
bool str_isascii(std::string_view s);

// ---- layout ----------------------------------------------------------------------

// str.center/ljust/rjust(width, fillchar): `s` unchanged when width <= length.
std::string str_center(const StrView& s, int64_t width, char32_t fill = ' ');
std::string str_ljust(const StrView& s, int64_t width, char32_t fill = ' ');
std::string str_rjust(const StrView& s, int64_t width, char32_t fill = ' ');
// str.zfill(width): zeros after a leading sign.
std::string str_zfill(const StrView& s, int64_t width);
// str.expandtabs(tabsize): columns count code points; \r and \n reset the column.
std::string str_expandtabs(std::string_view s, int64_t tabsize = 8);

// ---- repr, ascii, translate, identifiers ---------------------------------------------

// repr(str): quotes chosen as CPython does ('...' unless the text has ' and no "),
// \t \n \r \\ escaped, other non-printables as \xhh, \uhhhh or \Uhhhhhhhh.
std::string str_repr(std::string_view s);
void append_str_repr(std::string& out, std::string_view s);
// ascii(str): repr with every non-ASCII code point escaped.
std::string str_ascii_repr(std::string_view s);

// What a str.translate table lookup did for one code point.
enum class TranslateStep {
    Keep,    // LookupError: keep the code point
    Emitted, // the callback appended the replacement (possibly nothing, for None)
    Error,   // the lookup raised: abandon
};
// str.translate(table): `lookup` is called once per distinct code point below
// 128 (results cached) and for every other code point. nullopt if `lookup` failed.
std::optional<std::string> str_translate(std::string_view s,
    const std::function<TranslateStep(char32_t cp, std::string& out)>& lookup);

// Normalizes an identifier as the parser must (NFKC, PEP 3131); ASCII is returned unchanged.
std::string normalize_identifier(std::string_view name);

// Maps Unicode decimal digits to '0'..'9' and Unicode whitespace to ' ', as
// CPython does before int()/float()/complex() parse a str
// (_PyUnicode_TransformDecimalAndSpaceToASCII). Other non-ASCII code points
// become '?' so the parse fails.
std::string to_ascii_decimal(std::string_view s);

} // namespace adder::text
