// The bytes/bytearray method algorithms that differ from str's: ASCII-only
// case mapping and predicates, ASCII whitespace (no \x1c-\x1f), splitlines on
// \n \r \r\n only, byte-valued fill characters, b'...' repr, hex()/fromhex().
// Searching (find/count/startswith/replace/split with a separator/partition)
// is shared with str: wrap the bytes with bytes_view() and call str_algo.h,
// whose indices are then byte indices. CPython 3.11 reference:
// Objects/bytes_methods.c, Objects/bytesobject.c.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/str_algo.h"

namespace adder::text {

// A StrView over raw bytes (every byte one "code point") for the shared search functions.
inline StrView bytes_view(std::string_view b) { return StrView(b, static_cast<int64_t>(b.size()), true); }

// Py_ISSPACE: space, \t, \n, \v, \f, \r.
inline bool is_bytes_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::vector<std::string_view> bytes_split_whitespace(std::string_view b, int64_t maxsplit = -1);
std::vector<std::string_view> bytes_rsplit_whitespace(std::string_view b, int64_t maxsplit = -1);
std::vector<std::string_view> bytes_splitlines(std::string_view b, bool keepends = false);
// bytes.strip/lstrip/rstrip: ASCII whitespace, or any byte of `chars`.
std::string_view bytes_strip(std::string_view b, StripSide side, std::optional<std::string_view> chars = std::nullopt);

std::string bytes_lower(std::string_view b);
std::string bytes_upper(std::string_view b);
std::string bytes_swapcase(std::string_view b);
std::string bytes_capitalize(std::string_view b);
std::string bytes_title(std::string_view b);

bool bytes_isalpha(std::string_view b);
bool bytes_isalnum(std::string_view b);
bool bytes_isdigit(std::string_view b);
bool bytes_isspace(std::string_view b);
bool bytes_islower(std::string_view b);
bool bytes_isupper(std::string_view b);
bool bytes_istitle(std::string_view b);

std::string bytes_center(std::string_view b, int64_t width, char fill = ' ');
std::string bytes_ljust(std::string_view b, int64_t width, char fill = ' ');
std::string bytes_rjust(std::string_view b, int64_t width, char fill = ' ');
std::string bytes_zfill(std::string_view b, int64_t width);
std::string bytes_expandtabs(std::string_view b, int64_t tabsize = 8);

// repr(bytes) "b'...'"; `prefix_name` wraps it, e.g. "bytearray(" + ... + ")" is the caller's.
std::string bytes_repr(std::string_view b);
void append_bytes_repr(std::string& out, std::string_view b);

// bytes.hex(): lower-case hex; when `sep` is given, inserted every
// |`bytes_per_sep`| bytes counting from the right (positive) or left (negative).
std::string bytes_hex(std::string_view b, std::optional<char32_t> sep = std::nullopt, int64_t bytes_per_sep = 1);
// bytes.fromhex(`text`): pairs of hex digits, ASCII whitespace allowed between
// pairs. On failure returns nullopt and sets `error_pos` to the position CPython
// reports ("non-hexadecimal number found in fromhex() arg at position N").
std::optional<std::string> bytes_fromhex(std::string_view text, size_t& error_pos);

} // namespace adder::text
