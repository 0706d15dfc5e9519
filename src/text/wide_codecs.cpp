// UTF-16 and UTF-32 codecs with CPython 3.11's error reasons and ranges
// (Objects/unicodeobject.c PyUnicode_DecodeUTF16Stateful/UTF32Stateful and
// the matching encoders): a lone low surrogate is an "illegal encoding", a
// high surrogate not followed by a low one an "illegal UTF-16 surrogate", an
// odd tail "truncated data". Unlike utf-8, encode errors cover one code point.
#include "text/wide_codecs.h"

namespace adder::text {

namespace {

struct WideFormat {
    int unit;     // 2 or 4 bytes
    bool big;     // big-endian units
    bool bom;     // "utf-16"/"utf-32": BOM written on encode, honoured on decode
};

WideFormat format_of(Codec codec)
{
    switch (codec) {
    case Codec::Utf16:
        return { 2, false, true };
    case Codec::Utf16LE:
        return { 2, false, false };
    case Codec::Utf16BE:
        return { 2, true, false };
    case Codec::Utf32:
        return { 4, false, true };
    case Codec::Utf32LE:
        return { 4, false, false };
    default:
        return { 4, true, false };
    }
}

uint32_t read_unit(const unsigned char* p, int unit, bool big)
{
    uint32_t v = 0;
    for (int k = 0; k < unit; ++k) {
        int shift = big ? 8 * (unit - 1 - k) : 8 * k;
        v |= static_cast<uint32_t>(p[k]) << shift;
    }
    return v;
}

void write_unit(std::string& out, uint32_t v, int unit, bool big)
{
    for (int k = 0; k < unit; ++k) {
        int shift = big ? 8 * (unit - 1 - k) : 8 * k;
        out.push_back(static_cast<char>((v >> shift) & 0xFF));
    }
}

void write_code_point(std::string& out, char32_t cp, const WideFormat& f)
{
    if (f.unit == 4 || cp < 0x10000) {
        write_unit(out, cp, f.unit, f.big);
        return;
    }
    cp -= 0x10000;
    write_unit(out, 0xD800 | (cp >> 10), 2, f.big);
    write_unit(out, 0xDC00 | (cp & 0x3FF), 2, f.big);
}

const char hex_digits[] = "0123456789abcdef";

} // namespace

CodecResult decode_wide(Codec codec, std::string_view bytes, ErrorHandler errors)
{
    WideFormat f = format_of(codec);
    CodecResult r;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    size_t n = bytes.size();
    size_t i = 0;
    if (f.bom) {
        if (f.unit == 2 && n >= 2) {
            if (p[0] == 0xFF && p[1] == 0xFE) {
                i = 2;
            } else if (p[0] == 0xFE && p[1] == 0xFF) {
                i = 2;
                f.big = true;
            }
        } else if (f.unit == 4 && n >= 4) {
            if (p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) {
                i = 4;
            } else if (p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) {
                i = 4;
                f.big = true;
            }
        }
    }
    r.out.reserve(n / static_cast<size_t>(f.unit));
    size_t unit = static_cast<size_t>(f.unit);
    while (i < n) {
        CodecError err;
        size_t surrogate_len = 0; // bytes surrogatepass may consume at an error
        if (n - i < unit) {
            err = { "truncated data", i, n };
        } else {
            uint32_t v = read_unit(p + i, f.unit, f.big);
            if (f.unit == 4) {
                if (v > 0x10FFFF) {
                    err = { "code point not in range(0x110000)", i, i + 4 };
                } else if (v >= 0xD800 && v <= 0xDFFF) {
                    err = { "code point in surrogate code point range(0xd800, 0xe000)", i, i + 4 };
                    surrogate_len = 4;
                } else {
                    append_utf8(r.out, v);
                    i += 4;
                    continue;
                }
            } else if (v < 0xD800 || v > 0xDFFF) {
                append_utf8(r.out, v);
                i += 2;
                continue;
            } else if (v >= 0xDC00) {
                err = { "illegal encoding", i, i + 2 };
                surrogate_len = 2;
            } else if (n - i < 4) {
                err = { "unexpected end of data", i, n };
                surrogate_len = 2;
            } else {
                uint32_t low = read_unit(p + i + 2, 2, f.big);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    append_utf8(r.out, 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00));
                    i += 4;
                    continue;
                }
                err = { "illegal UTF-16 surrogate", i, i + 2 };
                surrogate_len = 2;
            }
        }
        switch (errors) {
        case ErrorHandler::Replace:
            append_utf8(r.out, replacement_char);
            i = err.end;
            continue;
        case ErrorHandler::Ignore:
            i = err.end;
            continue;
        case ErrorHandler::BackslashReplace:
            for (size_t k = err.start; k < err.end; ++k) {
                r.out += "\\x";
                r.out.push_back(hex_digits[p[k] >> 4]);
                r.out.push_back(hex_digits[p[k] & 0xF]);
            }
            i = err.end;
            continue;
        case ErrorHandler::SurrogatePass:
            if (surrogate_len) {
                append_utf8(r.out, read_unit(p + i, static_cast<int>(surrogate_len), f.big));
                i += surrogate_len;
                continue;
            }
            break;
        case ErrorHandler::SurrogateEscape: {
            // PEP 383 escapes the leading bytes >= 0x80 of the bad range and
            // resumes decoding after them; with none, the error stands.
            size_t k = err.start;
            while (k < err.end && p[k] >= 0x80)
                append_utf8(r.out, 0xDC00 + p[k++]);
            if (k > err.start) {
                i = k;
                continue;
            }
            break;
        }
        default:
            break;
        }
        if (codec == Codec::Utf16 || codec == Codec::Utf32)
            err.encoding = f.unit == 2 ? (f.big ? "utf-16-be" : "utf-16-le") : (f.big ? "utf-32-be" : "utf-32-le");
        r.error = err;
        return r;
    }
    return r;
}

CodecResult encode_wide(Codec codec, std::string_view text, ErrorHandler errors)
{
    WideFormat f = format_of(codec);
    CodecResult r;
    r.out.reserve(text.size() * static_cast<size_t>(f.unit) + 4);
    if (f.bom)
        write_unit(r.out, 0xFEFF, f.unit, f.big);
    size_t index = 0;
    for (size_t i = 0; i < text.size(); ++index) {
        char32_t cp = decode_at(text, i);
        if (!is_surrogate(cp)) {
            write_code_point(r.out, cp, f);
            continue;
        }
        switch (errors) {
        case ErrorHandler::Replace:
            write_unit(r.out, '?', f.unit, f.big);
            continue;
        case ErrorHandler::Ignore:
            continue;
        case ErrorHandler::SurrogatePass:
            write_unit(r.out, cp, f.unit, f.big);
            continue;
        case ErrorHandler::BackslashReplace:
        case ErrorHandler::XmlCharRefReplace: {
            std::string ascii;
            if (errors == ErrorHandler::BackslashReplace) {
                ascii = "\\u";
                for (int shift = 12; shift >= 0; shift -= 4)
                    ascii.push_back(hex_digits[(cp >> shift) & 0xF]);
            } else {
                ascii = "&#" + std::to_string(static_cast<uint32_t>(cp)) + ";";
            }
            for (char c : ascii)
                write_unit(r.out, static_cast<unsigned char>(c), f.unit, f.big);
            continue;
        }
        default:
            break;
        }
        r.error = CodecError { "surrogates not allowed", index, index + 1 };
        return r;
    }
    return r;
}

} // namespace adder::text
