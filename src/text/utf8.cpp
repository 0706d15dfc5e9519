// UTF-8 primitives and the utf-8/latin-1/ascii codecs. Error ranges and
// reasons follow CPython 3.11 (Objects/stringlib/codecs.h utf8_decode and
// Objects/unicodeobject.c unicode_encode_ucs1/unicode_encode_utf8): a decode
// error covers the maximal invalid prefix, an encode error covers the whole run
// of unencodable characters.
#include "text/utf8.h"

#include <cstring>

#include "text/wide_codecs.h"

namespace adder::text {


bool is_ascii(std::string_view s)
{
    const char* p = s.data();
    size_t n = s.size();
    size_t i = 0;
    // Eight bytes at a time: any set high bit means non-ASCII.
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ULL)
            return false;
    }
    for (; i < n; ++i)
        if (static_cast<unsigned char>(p[i]) >= 0x80)
            return false;
    return true;
}

size_t cp_length(std::string_view s)
{
    const char* p = s.data();
    size_t n = s.size();
    size_t count = 0;
    size_t i = 0;
    // Counts bytes that are not continuation bytes (10xxxxxx), eight at a time.
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        uint64_t cont = (w & ~(w << 1)) & 0x8080808080808080ULL; // bit7 set and bit6 clear
        count += 8 - static_cast<size_t>(__builtin_popcountll(cont));
    }
    for (; i < n; ++i)
        count += !is_continuation_byte(static_cast<unsigned char>(p[i]));
    return count;
}


char32_t code_point_at(std::string_view s, size_t index, bool ascii)
{
    size_t off = byte_offset(s, index, ascii);
    return decode_at(s, off);
}

namespace {

// Classification of the sequence at `p` (with `n` bytes available), mirroring
// CPython's decoder: 0 = truncated (unexpected end of data), 1 = invalid start
// byte, 2..4 = invalid continuation after 1..3 good bytes, else the positive
// sequence length with code point in `cp`. `allow_surrogates` accepts ED A0..BF.
struct Scan {
    int status; // >0: length of a valid sequence; 0 truncated; -1 invalid start; -k invalid continuation after k bytes
    char32_t cp;
};

Scan scan_sequence(const unsigned char* p, size_t n, bool allow_surrogates)
{
    unsigned char b0 = p[0];
    if (b0 < 0x80)
        return { 1, b0 };
    if (b0 < 0xC2 || b0 > 0xF4)
        return { -1, 0 };
    if (b0 < 0xE0) {
        if (n < 2)
            return { 0, 0 };
        if (!is_continuation_byte(p[1]))
            return { -2, 0 };
        return { 2, static_cast<char32_t>(((b0 & 0x1F) << 6) | (p[1] & 0x3F)) };
    }
    if (b0 < 0xF0) {
        if (n < 2)
            return { 0, 0 };
        unsigned char b1 = p[1];
        bool bad1 = !is_continuation_byte(b1) || (b0 == 0xE0 && b1 < 0xA0)
            || (b0 == 0xED && b1 >= 0xA0 && !allow_surrogates);
        if (bad1)
            return { -2, 0 };
        if (n < 3)
            return { 0, 0 };
        if (!is_continuation_byte(p[2]))
            return { -3, 0 };
        return { 3, static_cast<char32_t>(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (p[2] & 0x3F)) };
    }
    if (n < 2)
        return { 0, 0 };
    unsigned char b1 = p[1];
    if (!is_continuation_byte(b1) || (b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 >= 0x90))
        return { -2, 0 };
    if (n < 3)
        return { 0, 0 };
    if (!is_continuation_byte(p[2]))
        return { -3, 0 };
    if (n < 4)
        return { 0, 0 };
    if (!is_continuation_byte(p[3]))
        return { -4, 0 };
    return { 4,
        static_cast<char32_t>(((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F)) };
}

bool validate(std::string_view s, bool allow_surrogates)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        Scan sc = scan_sequence(p + i, n - i, allow_surrogates);
        if (sc.status <= 0)
            return false;
        i += static_cast<size_t>(sc.status);
    }
    return true;
}

void append_hex(std::string& out, uint32_t value, int digits)
{
    static const char hex[] = "0123456789abcdef";
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out.push_back(hex[(value >> shift) & 0xF]);
}

// \xhh, \uhhhh or \Uhhhhhhhh, as backslashreplace and error messages spell a code point.
void append_escaped_code_point(std::string& out, char32_t cp)
{
    if (cp <= 0xFF) {
        out += "\\x";
        append_hex(out, cp, 2);
    } else if (cp <= 0xFFFF) {
        out += "\\u";
        append_hex(out, cp, 4);
    } else {
        out += "\\U";
        append_hex(out, cp, 8);
    }
}

std::string normalize_name(std::string_view name)
{
    // encodings.normalize_encoding + codecs lookup: lower case, '-' and ' ' become '_'.
    std::string out;
    out.reserve(name.size());
    for (char c : name) {
        if (c >= 'A' && c <= 'Z')
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        else if (c == '-' || c == ' ')
            out.push_back('_');
        else
            out.push_back(c);
    }
    return out;
}

} // namespace

bool is_valid_generalized(std::string_view s) { return validate(s, true); }
bool is_valid_strict(std::string_view s) { return validate(s, false); }

std::optional<Codec> lookup_codec(std::string_view name)
{
    std::string n = normalize_name(name);
    if (n == "utf_8" || n == "utf8" || n == "u8" || n == "utf" || n == "utf8_ucs2" || n == "utf8_ucs4"
        || n == "cp65001")
        return Codec::Utf8;
    if (n == "latin_1" || n == "latin1" || n == "latin" || n == "l1" || n == "iso_8859_1" || n == "iso8859_1"
        || n == "8859" || n == "cp819" || n == "iso_ir_100" || n == "csisolatin1" || n == "iso_8859_1:1987")
        return Codec::Latin1;
    if (n == "utf_16" || n == "utf16" || n == "u16")
        return Codec::Utf16;
    if (n == "utf_16_le" || n == "utf_16le" || n == "unicodelittleunmarked")
        return Codec::Utf16LE;
    if (n == "utf_16_be" || n == "utf_16be" || n == "unicodebigunmarked")
        return Codec::Utf16BE;
    if (n == "utf_32" || n == "utf32" || n == "u32")
        return Codec::Utf32;
    if (n == "utf_32_le" || n == "utf_32le")
        return Codec::Utf32LE;
    if (n == "utf_32_be" || n == "utf_32be")
        return Codec::Utf32BE;
    if (n == "ascii" || n == "us_ascii" || n == "646" || n == "ansi_x3.4_1968" || n == "ansi_x3_4_1968"
        || n == "ansi_x3.4_1986" || n == "cp367" || n == "csascii" || n == "ibm367" || n == "iso646_us"
        || n == "iso_646.irv:1991" || n == "iso_ir_6" || n == "us")
        return Codec::Ascii;
    return std::nullopt;
}

std::string_view codec_name(Codec codec)
{
    switch (codec) {
    case Codec::Utf8:
        return "utf-8";
    case Codec::Latin1:
        return "latin-1";
    case Codec::Ascii:
        return "ascii";
    case Codec::Utf16:
        return "utf-16";
    case Codec::Utf16LE:
        return "utf-16-le";
    case Codec::Utf16BE:
        return "utf-16-be";
    case Codec::Utf32:
        return "utf-32";
    case Codec::Utf32LE:
        return "utf-32-le";
    case Codec::Utf32BE:
        return "utf-32-be";
    }
    return "?";
}

std::optional<ErrorHandler> lookup_error_handler(std::string_view name)
{
    if (name == "strict")
        return ErrorHandler::Strict;
    if (name == "replace")
        return ErrorHandler::Replace;
    if (name == "ignore")
        return ErrorHandler::Ignore;
    if (name == "surrogateescape")
        return ErrorHandler::SurrogateEscape;
    if (name == "backslashreplace")
        return ErrorHandler::BackslashReplace;
    if (name == "surrogatepass")
        return ErrorHandler::SurrogatePass;
    if (name == "xmlcharrefreplace")
        return ErrorHandler::XmlCharRefReplace;
    // FIXME: "namereplace" needs Unicode character names.
    return std::nullopt;
}

namespace {

// Applies a decode error handler to the bad bytes [start, end); false when the
// handler does not resolve it (strict, or a handler that does not apply).
bool handle_decode_error(std::string& out, const unsigned char* p, size_t start, size_t end, ErrorHandler errors)
{
    switch (errors) {
    case ErrorHandler::Replace:
        append_utf8(out, replacement_char);
        return true;
    case ErrorHandler::Ignore:
        return true;
    case ErrorHandler::SurrogateEscape:
        // PEP 383: only bytes >= 0x80 can be smuggled as U+DC80..U+DCFF.
        for (size_t k = start; k < end; ++k)
            if (p[k] < 0x80)
                return false;
        for (size_t k = start; k < end; ++k)
            append_utf8(out, 0xDC00 + p[k]);
        return true;
    case ErrorHandler::BackslashReplace:
        for (size_t k = start; k < end; ++k) {
            out += "\\x";
            append_hex(out, p[k], 2);
        }
        return true;
    default:
        return false;
    }
}

CodecResult decode_utf8(std::string_view bytes, ErrorHandler errors)
{
    CodecResult r;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    size_t n = bytes.size();
    r.out.reserve(n);
    size_t i = 0;
    while (i < n) {
        // Copy the ASCII run in one go.
        size_t j = i;
        while (j < n && p[j] < 0x80)
            ++j;
        if (j > i) {
            r.out.append(bytes.data() + i, j - i);
            i = j;
            if (i >= n)
                break;
        }
        Scan sc = scan_sequence(p + i, n - i, false);
        if (sc.status > 0) {
            r.out.append(bytes.data() + i, static_cast<size_t>(sc.status));
            i += static_cast<size_t>(sc.status);
            continue;
        }
        CodecError err;
        err.start = i;
        if (sc.status == 0) {
            err.reason = "unexpected end of data";
            err.end = n;
        } else if (sc.status == -1) {
            err.reason = "invalid start byte";
            err.end = i + 1;
        } else {
            err.reason = "invalid continuation byte";
            err.end = i + static_cast<size_t>(-sc.status) - 1;
        }
        if (errors == ErrorHandler::SurrogatePass) {
            // An encoded surrogate ED A0..BF 80..BF passes through as itself.
            if (n - i >= 3 && p[i] == 0xED && p[i + 1] >= 0xA0 && p[i + 1] <= 0xBF && is_continuation_byte(p[i + 2])) {
                r.out.append(bytes.data() + i, 3);
                i += 3;
                continue;
            }
            r.error = err;
            return r;
        }
        if (!handle_decode_error(r.out, p, err.start, err.end, errors)) {
            r.error = err;
            return r;
        }
        i = err.end;
    }
    return r;
}

CodecResult decode_byte_codec(std::string_view bytes, ErrorHandler errors, unsigned limit)
{
    CodecResult r;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    size_t n = bytes.size();
    r.out.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        if (p[i] < limit) {
            append_utf8(r.out, p[i]);
            continue;
        }
        CodecError err { "ordinal not in range(128)", i, i + 1 };
        if (!handle_decode_error(r.out, p, i, i + 1, errors)) {
            r.error = err;
            return r;
        }
    }
    return r;
}

// Encodes the run [run_start, run_end) of unencodable code points with a
// non-strict handler. `limit` is the first code point the codec cannot encode
// (0x80, 0x100), or 0 for utf-8 (where only surrogates fail).
bool handle_encode_error(std::string& out, std::string_view text, size_t byte_start, size_t byte_end, ErrorHandler errors,
    char32_t limit)
{
    size_t i = byte_start;
    switch (errors) {
    case ErrorHandler::Replace:
        while (i < byte_end) {
            decode_at(text, i);
            out.push_back('?');
        }
        return true;
    case ErrorHandler::Ignore:
        return true;
    case ErrorHandler::BackslashReplace:
        while (i < byte_end)
            append_escaped_code_point(out, decode_at(text, i));
        return true;
    case ErrorHandler::XmlCharRefReplace:
        while (i < byte_end) {
            out += "&#";
            out += std::to_string(static_cast<uint32_t>(decode_at(text, i)));
            out.push_back(';');
        }
        return true;
    case ErrorHandler::SurrogateEscape: {
        std::string bytes;
        while (i < byte_end) {
            char32_t cp = decode_at(text, i);
            if (cp < 0xDC80 || cp > 0xDCFF)
                return false;
            bytes.push_back(static_cast<char>(cp - 0xDC00));
        }
        out += bytes;
        return true;
    }
    case ErrorHandler::SurrogatePass:
        if (limit != 0)
            return false;
        out.append(text.data() + byte_start, byte_end - byte_start);
        return true;
    default:
        return false;
    }
}

CodecResult encode_generic(Codec codec, std::string_view text, ErrorHandler errors)
{
    CodecResult r;
    char32_t limit = codec == Codec::Utf8 ? 0 : codec == Codec::Latin1 ? 0x100 : 0x80;
    auto encodable = [limit](char32_t cp) { return limit == 0 ? !is_surrogate(cp) : cp < limit; };
    std::string_view reason = codec == Codec::Utf8 ? "surrogates not allowed"
        : codec == Codec::Latin1                   ? "ordinal not in range(256)"
                                                   : "ordinal not in range(128)";
    r.out.reserve(text.size());
    size_t i = 0;
    size_t cp_index = 0;
    size_t n = text.size();
    while (i < n) {
        size_t at = i;
        char32_t cp = decode_at(text, i);
        if (encodable(cp)) {
            if (limit == 0)
                r.out.append(text.data() + at, i - at);
            else
                r.out.push_back(static_cast<char>(cp));
            ++cp_index;
            continue;
        }
        size_t run_start_cp = cp_index++;
        size_t run_end = i;
        while (run_end < n) {
            size_t k = run_end;
            if (encodable(decode_at(text, k)))
                break;
            run_end = k;
            ++cp_index;
        }
        if (errors == ErrorHandler::SurrogateEscape) {
            // CPython escapes the leading U+DC80..U+DCFF part of the run, then
            // reports the rest of the run from the first code point it cannot escape.
            size_t k = at;
            while (k < run_end) {
                size_t next = k;
                char32_t c = decode_at(text, next);
                if (c < 0xDC80 || c > 0xDCFF)
                    break;
                r.out.push_back(static_cast<char>(c - 0xDC00));
                k = next;
                ++run_start_cp;
            }
            if (k < run_end) {
                r.error = CodecError { reason, run_start_cp, cp_index };
                return r;
            }
        } else if (!handle_encode_error(r.out, text, at, run_end, errors, limit)) {
            r.error = CodecError { reason, run_start_cp, cp_index };
            return r;
        }
        i = run_end;
    }
    return r;
}

} // namespace

CodecResult decode(Codec codec, std::string_view bytes, ErrorHandler errors)
{
    switch (codec) {
    case Codec::Utf8:
        return decode_utf8(bytes, errors);
    case Codec::Latin1:
        return decode_byte_codec(bytes, errors, 0x100);
    case Codec::Ascii:
        if (is_ascii(bytes))
            return CodecResult { std::string(bytes), std::nullopt };
        return decode_byte_codec(bytes, errors, 0x80);
    default:
        return decode_wide(codec, bytes, errors);
    }
}

CodecResult encode(Codec codec, std::string_view text, ErrorHandler errors)
{
    if (codec != Codec::Utf8 && codec != Codec::Latin1 && codec != Codec::Ascii)
        return encode_wide(codec, text, errors);
    if (is_ascii(text))
        return CodecResult { std::string(text), std::nullopt };
    if (codec == Codec::Utf8 && is_valid_strict(text))
        return CodecResult { std::string(text), std::nullopt };
    return encode_generic(codec, text, errors);
}

std::string decode_error_message(Codec codec, std::string_view input, const CodecError& error)
{
    std::string msg = "'";
    msg += error.encoding.empty() ? codec_name(codec) : error.encoding;
    msg += "' codec can't decode ";
    if (error.end == error.start + 1 && error.start < input.size()) {
        msg += "byte 0x";
        append_hex(msg, static_cast<unsigned char>(input[error.start]), 2);
        msg += " in position " + std::to_string(error.start);
    } else {
        msg += "bytes in position " + std::to_string(error.start) + "-" + std::to_string(error.end - 1);
    }
    msg += ": ";
    msg += error.reason;
    return msg;
}

std::string encode_error_message(Codec codec, std::string_view input, const CodecError& error)
{
    std::string msg = "'";
    msg += codec_name(codec);
    msg += "' codec can't encode ";
    if (error.end == error.start + 1) {
        msg += "character '";
        append_escaped_code_point(msg, code_point_at(input, error.start));
        msg += "' in position " + std::to_string(error.start);
    } else {
        msg += "characters in position " + std::to_string(error.start) + "-" + std::to_string(error.end - 1);
    }
    msg += ": ";
    msg += error.reason;
    return msg;
}

} // namespace adder::text
