// UTF-8 primitives and the three codecs Python programs use most (utf-8,
// latin-1, ascii). Adder's str holds "generalized UTF-8": well-formed UTF-8
// where lone surrogates U+D800..U+DFFF are allowed as 3-byte sequences (that is
// how surrogateescape and "\udc80" literals survive). Python-visible indices
// and lengths are code-point counts; byte offsets never leak to Python.
// Codec failures are returned as data (CodecError) so the caller can build the
// UnicodeDecodeError/UnicodeEncodeError exactly as CPython does. Not here: the
// str method algorithms (str_algo.h) and the Unicode database (unicode_db.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace adder::text {

inline constexpr char32_t max_code_point = 0x10FFFF;
inline constexpr char32_t replacement_char = 0xFFFD;

inline bool is_surrogate(char32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }
inline bool is_continuation_byte(unsigned char b) { return (b & 0xC0) == 0x80; }

// Number of bytes of the generalized UTF-8 encoding of `cp` (1..4); `cp` must be <= U+10FFFF.
inline int encoded_length(char32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

// Appends the generalized UTF-8 encoding of `cp` (surrogates allowed) to `out`.
// (Inline, like the decoders, so adder_numeric can use it without linking adder_text.)
inline void append_utf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        char buf[2] = { static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F)) };
        out.append(buf, 2);
    } else if (cp < 0x10000) {
        char buf[3] = { static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
            static_cast<char>(0x80 | (cp & 0x3F)) };
        out.append(buf, 3);
    } else {
        char buf[4] = { static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
            static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F)) };
        out.append(buf, 4);
    }
}

// Decodes the code point starting at byte `i` of `s` and advances `i` past it.
// `s` must be generalized UTF-8 (as every Adder str is); no validation here.
inline char32_t decode_at(std::string_view s, size_t& i)
{
    unsigned char b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    if (b0 < 0xE0) {
        char32_t cp = ((b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
        i += 2;
        return cp;
    }
    if (b0 < 0xF0) {
        char32_t cp = ((b0 & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6)
            | (static_cast<unsigned char>(s[i + 2]) & 0x3F);
        i += 3;
        return cp;
    }
    char32_t cp = ((b0 & 0x07) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 12)
        | ((static_cast<unsigned char>(s[i + 2]) & 0x3F) << 6) | (static_cast<unsigned char>(s[i + 3]) & 0x3F);
    i += 4;
    return cp;
}

// Decodes the code point that ends just before byte `i` of `s` and moves `i` to its first byte.
inline char32_t decode_before(std::string_view s, size_t& i)
{
    size_t j = i - 1;
    while (j > 0 && is_continuation_byte(static_cast<unsigned char>(s[j])))
        --j;
    size_t k = j;
    char32_t cp = decode_at(s, k);
    i = j;
    return cp;
}

// True when every byte of `s` is below 0x80 (word-at-a-time).
bool is_ascii(std::string_view s);

// Number of code points in generalized UTF-8 `s` (counts non-continuation bytes).
size_t cp_length(std::string_view s);

// Byte offset of code point number `index` in `s`, or s.size() when `index`
// is at or past the end. O(1) when `s` is ASCII (`ascii` hint), else O(n).
inline size_t byte_offset(std::string_view s, size_t index, bool ascii = false)
{
    if (ascii)
        return index < s.size() ? index : s.size();
    size_t i = 0;
    size_t n = s.size();
    while (index > 0 && i < n) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        --index;
    }
    return i < n ? i : n;
}

// Code point at code-point index `index` (< cp_length(s)).
char32_t code_point_at(std::string_view s, size_t index, bool ascii = false);

// True when `s` is well-formed UTF-8 with surrogates allowed (what a str may hold).
bool is_valid_generalized(std::string_view s);

// True when `s` is well-formed UTF-8 in the strict sense (no surrogates).
bool is_valid_strict(std::string_view s);

// ---- codecs -------------------------------------------------------------------

enum class Codec { Utf8, Latin1, Ascii, Utf16, Utf16LE, Utf16BE, Utf32, Utf32LE, Utf32BE };

// Maps a Python encoding name ("utf-8", "UTF8", "latin_1", "iso-8859-1",
// "us-ascii", ...) to a codec, following encodings.normalize_encoding and the
// aliases table; nullopt for codecs Adder does not implement natively.
std::optional<Codec> lookup_codec(std::string_view name);

// CPython's canonical codec name as it appears in error messages: "utf-8",
// "latin-1", "ascii", "utf-16", "utf-16-le", ... (utf-16/utf-32 without an
// endianness write a BOM and little-endian units, and honour a BOM when decoding).
std::string_view codec_name(Codec codec);

enum class ErrorHandler {
    Strict,
    Replace,
    Ignore,
    SurrogateEscape,
    BackslashReplace,
    SurrogatePass,
    XmlCharRefReplace, // encoding only
};

// Maps an `errors=` argument to a handler; nullopt for unknown names (the caller
// raises LookupError "unknown error handler name 'x'").
std::optional<ErrorHandler> lookup_error_handler(std::string_view name);

// What CPython puts in a UnicodeDecodeError/UnicodeEncodeError. For decoding,
// `start`/`end` are byte positions in the input; for encoding they are
// code-point positions in the input str.
struct CodecError {
    std::string_view reason; // e.g. "invalid start byte", "ordinal not in range(128)"
    size_t start = 0;
    size_t end = 0;
    // The encoding CPython names in the exception when it differs from the
    // codec's own name: decoding "utf-16" reports "utf-16-le" or "utf-16-be".
    std::string_view encoding = {};
};

// Result of decoding bytes to a str, or encoding a str to bytes: either `out`
// is complete or `error` describes the first failure under the handler.
struct CodecResult {
    std::string out;
    std::optional<CodecError> error;
    bool ok() const { return !error.has_value(); }
};

// Decodes `bytes` with `codec` under `errors` into generalized UTF-8.
// XmlCharRefReplace is invalid for decoding and behaves as Strict (the caller
// raises TypeError first, as CPython does).
CodecResult decode(Codec codec, std::string_view bytes, ErrorHandler errors);

// Encodes the str `text` (generalized UTF-8) with `codec` under `errors`.
CodecResult encode(Codec codec, std::string_view text, ErrorHandler errors);

// Formats CPython's exception message, e.g. "'utf-8' codec can't decode byte
// 0xff in position 0: invalid start byte" (`input` is the original bytes or str).
std::string decode_error_message(Codec codec, std::string_view input, const CodecError& error);
std::string encode_error_message(Codec codec, std::string_view input, const CodecError& error);

} // namespace adder::text
