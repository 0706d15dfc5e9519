// format() for str, int, float and complex (CPython 3.11
// Python/formatter_unicode.c). A number is laid out as
//   <lpadding><sign><prefix><spadding><grouped digits><decimal><remainder><rpadding>
// where only one padding is non-empty; with '0' fill and '=' alignment the
// zero padding itself is grouped (format(1234, '012,') == '0,000,001,234').
#include "numeric/format_spec.h"

#include <climits>
#include <cmath>
#include <iterator>

#include "text/utf8.h"

namespace adder::numeric {

namespace {

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

std::string char_for_message(char32_t c)
{
    // CPython prints printable ASCII as itself and everything else as \x<hex>.
    if (c > 32 && c < 128)
        return std::string(1, static_cast<char>(c));
    char buf[16];
    snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(c));
    return buf;
}

bool fail(FormatError& error, std::string message, bool overflow = false)
{
    error.message = std::move(message);
    error.overflow = overflow;
    return false;
}

bool unknown_type(FormatError& error, char32_t type, std::string_view type_name)
{
    return fail(error,
        "Unknown format code '" + char_for_message(type) + "' for object of type '" + std::string(type_name) + "'");
}

void append_fill(std::string& out, int64_t count, char32_t fill)
{
    if (count <= 0)
        return;
    if (fill < 128) {
        out.append(static_cast<size_t>(count), static_cast<char>(fill));
        return;
    }
    for (int64_t k = 0; k < count; ++k)
        text::append_utf8(out, fill);
}

// _PyUnicode_InsertThousandsGrouping: `digits` grouped by `group` (0 = no
// grouping) with `sep`, left-padded with zeros (also grouped) to `min_width`.
std::string group_digits(std::string_view digits, int64_t min_width, char sep, int group)
{
    if (group <= 0) {
        // No separators: just the zero padding, then the digits.
        std::string plain;
        int64_t zeros = std::max<int64_t>(0, min_width - static_cast<int64_t>(digits.size()));
        if (digits.empty() && zeros == 0)
            zeros = 1;
        plain.reserve(static_cast<size_t>(zeros) + digits.size());
        plain.append(static_cast<size_t>(zeros), '0');
        plain += digits;
        return plain;
    }
    // Built right to left, then reversed.
    std::string rev;
    int64_t remaining = static_cast<int64_t>(digits.size());
    size_t pos = digits.size();
    bool use_separator = false;
    bool broken = false;
    auto emit = [&](int64_t len) {
        int64_t n_zeros = std::max<int64_t>(0, len - remaining);
        int64_t n_chars = std::max<int64_t>(0, std::min<int64_t>(remaining, len));
        if (use_separator)
            rev.push_back(sep);
        for (int64_t k = 0; k < n_chars; ++k)
            rev.push_back(digits[--pos]);
        rev.append(static_cast<size_t>(n_zeros), '0');
        remaining -= n_chars;
    };
    if (group > 0) {
        while (true) {
            int64_t len = std::min<int64_t>(group, std::max<int64_t>(std::max<int64_t>(remaining, min_width), 1));
            emit(len);
            use_separator = true;
            min_width -= len;
            if (remaining <= 0 && min_width <= 0) {
                broken = true;
                break;
            }
            min_width -= 1; // the separator's width
        }
    }
    if (!broken)
        emit(std::max<int64_t>(std::max<int64_t>(remaining, min_width), 1));
    return std::string(rev.rbegin(), rev.rend());
}

// A number split into the parts calc_number_widths works with.
struct NumberParts {
    char sign_char = '\0';  // '-' when negative
    std::string prefix;     // "0x" etc.
    std::string digits;     // integer digits (ASCII)
    std::string remainder;  // ".5e+10", "%", "inf" ... (the decimal point included)
};

// calc_number_widths + fill_number for `spec` (fill/align/width/sign/grouping used).
void layout_number(std::string& out, const NumberParts& p, const FormatSpec& spec, char sep, int group)
{
    char sign = '\0';
    if (spec.sign == '+')
        sign = p.sign_char == '-' ? '-' : '+';
    else if (spec.sign == ' ')
        sign = p.sign_char == '-' ? '-' : ' ';
    else if (p.sign_char == '-')
        sign = '-';
    int64_t n_sign = sign ? 1 : 0;
    int64_t non_digit = n_sign + static_cast<int64_t>(p.prefix.size()) + static_cast<int64_t>(p.remainder.size());
    int64_t min_width = (spec.fill == '0' && spec.align == '=') ? spec.width - non_digit : 0;
    std::string grouped = p.digits.empty() ? std::string() : group_digits(p.digits, min_width, sep, group);
    int64_t padding = spec.width - (non_digit + static_cast<int64_t>(grouped.size()));
    int64_t lpad = 0, spad = 0, rpad = 0;
    if (padding > 0) {
        switch (spec.align) {
        case '<':
            rpad = padding;
            break;
        case '^':
            lpad = padding / 2;
            rpad = padding - lpad;
            break;
        case '=':
            spad = padding;
            break;
        default:
            lpad = padding;
            break;
        }
    }
    append_fill(out, lpad, spec.fill);
    if (sign)
        out.push_back(sign);
    out += p.prefix;
    append_fill(out, spad, spec.fill);
    out += grouped;
    out += p.remainder;
    append_fill(out, rpad, spec.fill);
}

// Splits PyOS_double_to_string output into sign, integer digits and remainder.
NumberParts split_float_text(const std::string& text)
{
    NumberParts p;
    size_t i = 0;
    if (!text.empty() && text[0] == '-') {
        p.sign_char = '-';
        i = 1;
    }
    size_t j = i;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9')
        ++j;
    p.digits = text.substr(i, j - i);
    p.remainder = text.substr(j);
    return p;
}

void grouping_of(const FormatSpec& spec, char& sep, int& group)
{
    sep = spec.grouping;
    group = 0;
    if (spec.type == 'n')
        return; // the C locale: no grouping
    if (spec.grouping == ',')
        group = 3;
    else if (spec.grouping == '_')
        group = (spec.type == 'b' || spec.type == 'o' || spec.type == 'x' || spec.type == 'X') ? 4 : 3;
}

} // namespace

bool parse_format_spec(std::string_view spec_text, FormatTarget target, std::string_view type_name, FormatSpec& out,
    FormatError& error)
{
    // Decode to code points: fill may be any character; the rest is ASCII.
    // Specs are short: decode into a stack buffer unless it is unusually long.
    char32_t small[32];
    std::u32string big;
    const char32_t* s = small;
    size_t end = 0;
    if (spec_text.size() <= std::size(small)) {
        for (size_t i = 0; i < spec_text.size();)
            small[end++] = text::decode_at(spec_text, i);
    } else {
        for (size_t i = 0; i < spec_text.size();)
            big.push_back(text::decode_at(spec_text, i));
        s = big.data();
        end = big.size();
    }
    size_t pos = 0;
    out = FormatSpec();
    char default_align = target == FormatTarget::Str ? '<' : '>';
    out.align = default_align;
    out.type = target == FormatTarget::Str ? 's' : '\0'; // the default type takes part in the grouping check
    bool fill_specified = false;
    bool align_specified = false;
    if (end - pos >= 2 && is_align(s[pos + 1])) {
        out.align = static_cast<char>(s[pos + 1]);
        out.fill = s[pos];
        fill_specified = align_specified = true;
        pos += 2;
    } else if (end - pos >= 1 && is_align(s[pos])) {
        out.align = static_cast<char>(s[pos]);
        align_specified = true;
        ++pos;
    }
    if (pos < end && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' '))
        out.sign = static_cast<char>(s[pos++]);
    if (pos < end && s[pos] == 'z') {
        out.no_neg_0 = true;
        ++pos;
    }
    if (pos < end && s[pos] == '#') {
        out.alternate = true;
        ++pos;
    }
    if (!fill_specified && pos < end && s[pos] == '0') {
        out.fill = '0';
        if (!align_specified && default_align == '>')
            out.align = '=';
        ++pos;
    }
    auto get_integer = [&](int64_t& result) -> int {
        int64_t acc = 0;
        int count = 0;
        for (; pos < end && s[pos] >= '0' && s[pos] <= '9'; ++pos, ++count) {
            int d = static_cast<int>(s[pos] - '0');
            if (acc > (INT64_MAX - d) / 10)
                return -1;
            acc = acc * 10 + d;
        }
        result = acc;
        return count;
    };
    int64_t width = 0;
    int consumed = get_integer(width);
    if (consumed < 0)
        return fail(error, "Too many decimal digits in format string");
    out.width = consumed ? width : -1;
    if (pos < end && s[pos] == ',') {
        out.grouping = ',';
        ++pos;
    }
    if (pos < end && s[pos] == '_') {
        if (out.grouping)
            return fail(error, "Cannot specify both ',' and '_'.");
        out.grouping = '_';
        ++pos;
    }
    if (pos < end && s[pos] == ',' && out.grouping == '_')
        return fail(error, "Cannot specify both ',' and '_'.");
    if (pos < end && s[pos] == '.') {
        ++pos;
        int64_t precision = 0;
        consumed = get_integer(precision);
        if (consumed < 0)
            return fail(error, "Too many decimal digits in format string");
        if (consumed == 0)
            return fail(error, "Format specifier missing precision");
        out.precision = precision;
    }
    if (end - pos > 1)
        return fail(error, "Invalid format specifier '" + std::string(spec_text) + "' for object of type '"
                + std::string(type_name) + "'");
    if (end - pos == 1)
        out.type = s[pos];
    if (out.grouping) {
        switch (out.type) {
        case 'd':
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'G':
        case '%':
        case 'F':
        case '\0':
            break;
        case 'b':
        case 'o':
        case 'x':
        case 'X':
            if (out.grouping == '_')
                break;
            [[fallthrough]];
        default:
            return fail(error,
                std::string("Cannot specify '") + out.grouping + "' with '" + char_for_message(out.type) + "'.");
        }
    }
    return true;
}

bool format_str(std::string_view text, int64_t length, const FormatSpec& spec, std::string_view type_name,
    std::string& out, FormatError& error)
{
    if (spec.type != 's' && spec.type != '\0')
        return unknown_type(error, spec.type, type_name);
    if (spec.sign == ' ')
        return fail(error, "Space not allowed in string format specifier");
    if (spec.sign)
        return fail(error, "Sign not allowed in string format specifier");
    if (spec.no_neg_0)
        return fail(error, "Negative zero coercion (z) not allowed in string format specifier");
    if (spec.alternate)
        return fail(error, "Alternate form (#) not allowed in string format specifier");
    if (spec.align == '=')
        return fail(error, "'=' alignment not allowed in string format specifier");
    int64_t len = length;
    std::string_view body = text;
    if (spec.precision >= 0 && len > spec.precision) {
        len = spec.precision;
        body = text.substr(0, text::byte_offset(text, static_cast<size_t>(len)));
    }
    int64_t total = spec.width > len ? spec.width : len;
    int64_t lpad = spec.align == '>' ? total - len : spec.align == '^' ? (total - len) / 2 : 0;
    int64_t rpad = total - len - lpad;
    out.reserve(out.size() + body.size() + static_cast<size_t>(total - len));
    append_fill(out, lpad, spec.fill);
    out += body;
    append_fill(out, rpad, spec.fill);
    return true;
}

bool format_int(const BigInt& value, const FormatSpec& spec, std::string_view type_name, std::string& out,
    FormatError& error)
{
    switch (spec.type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
        double d;
        if (!value.to_double(d))
            return fail(error, "int too large to convert to float", true);
        return format_float(d, spec, type_name, out, error);
    }
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
    case '\0':
        break;
    default:
        return unknown_type(error, spec.type, type_name);
    }
    if (spec.precision != -1)
        return fail(error, "Precision not allowed in integer format specifier");
    if (spec.no_neg_0)
        return fail(error, "Negative zero coercion (z) not allowed in integer format specifier");
    NumberParts p;
    if (spec.type == 'c') {
        if (spec.sign)
            return fail(error, "Sign not allowed with integer format specifier 'c'");
        if (spec.alternate)
            return fail(error, "Alternate form (#) not allowed with integer format specifier 'c'");
        if (!value.fits_int64())
            return fail(error, "Python int too large to convert to C long", true);
        if (value.sign() < 0 || value.compare(0x10FFFF) > 0)
            return fail(error, "%c arg not in range(0x110000)", true);
        text::append_utf8(p.remainder, static_cast<char32_t>(value.to_int64()));
    } else {
        int base = spec.type == 'b' ? 2 : spec.type == 'o' ? 8 : (spec.type == 'x' || spec.type == 'X') ? 16 : 10;
        p.digits = value.abs().to_string(base);
        if (value.sign() < 0)
            p.sign_char = '-';
        if (spec.alternate && base != 10)
            p.prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
        if (spec.type == 'X') {
            for (char& c : p.digits)
                if (c >= 'a' && c <= 'f')
                    c = static_cast<char>(c - 32);
            for (char& c : p.prefix)
                if (c == 'x')
                    c = 'X';
        }
    }
    char sep;
    int group;
    grouping_of(spec, sep, group);
    layout_number(out, p, spec, sep, group);
    return true;
}

void append_u64_digits(std::string& out, uint64_t value, int base)
{
    char buf[64];
    char* end = buf + sizeof buf;
    char* p = end;
    if (base == 10) {
        p = write_u64_decimal(value, end);
        out.append(p, static_cast<size_t>(end - p));
        return;
    }
    do {
        *--p = "0123456789abcdef"[value % unsigned(base)];
        value /= unsigned(base);
    } while (value);
    out.append(p, static_cast<size_t>(end - p));
}

bool format_int(int64_t value, const FormatSpec& spec, std::string_view type_name, std::string& out,
    FormatError& error)
{
    char32_t type = spec.type;
    bool plain = type == 'd' || type == '\0' || type == 'x' || type == 'X' || type == 'o' || type == 'b';
    if (!plain || spec.precision != -1 || spec.no_neg_0)
        return format_int(BigInt(value), spec, type_name, out, error); // rare: errors, 'c', 'n', float types
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    NumberParts p;
    uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    append_u64_digits(p.digits, magnitude, base);
    if (value < 0)
        p.sign_char = '-';
    if (spec.alternate && base != 10)
        p.prefix = base == 2 ? "0b" : base == 8 ? "0o" : type == 'X' ? "0X" : "0x";
    if (type == 'X')
        for (char& c : p.digits)
            if (c >= 'a' && c <= 'f')
                c = static_cast<char>(c - 32);
    char sep;
    int group;
    grouping_of(spec, sep, group);
    layout_number(out, p, spec, sep, group);
    return true;
}

bool format_float(double value, const FormatSpec& spec, std::string_view type_name, std::string& out,
    FormatError& error)
{
    char32_t type = spec.type;
    switch (type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
    case '\0':
        break;
    default:
        return unknown_type(error, type, type_name);
    }
    if (spec.precision > INT_MAX)
        return fail(error, "precision too big");
    unsigned flags = 0;
    if (spec.alternate)
        flags |= dtsf_alt;
    if (spec.no_neg_0)
        flags |= dtsf_no_neg_0;
    int64_t default_precision = 6;
    if (type == '\0') {
        flags |= dtsf_add_dot_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n')
        type = 'g';
    bool add_pct = false;
    if (type == '%') {
        type = 'f';
        value *= 100;
        add_pct = true;
    }
    int64_t precision = spec.precision;
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    std::string text = double_to_string(value, static_cast<char>(type), precision, flags);
    if (add_pct)
        text.push_back('%');
    if (spec.sign != '+' && spec.sign != ' ' && spec.width == -1 && spec.type != 'n' && !spec.grouping) {
        out += text;
        return true;
    }
    NumberParts p = split_float_text(text);
    char sep;
    int group;
    grouping_of(spec, sep, group);
    layout_number(out, p, spec, sep, group);
    return true;
}

bool format_complex(double real, double imag, const FormatSpec& spec, std::string_view type_name, std::string& out,
    FormatError& error)
{
    char32_t type = spec.type;
    switch (type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '\0':
        break;
    default:
        return unknown_type(error, type, type_name);
    }
    if (spec.precision > INT_MAX)
        return fail(error, "precision too big");
    if (spec.fill == '0')
        return fail(error, "Zero padding is not allowed in complex format specifier");
    if (spec.align == '=')
        return fail(error, "'=' alignment flag is not allowed in complex format specifier");
    unsigned flags = 0;
    if (spec.alternate)
        flags |= dtsf_alt;
    if (spec.no_neg_0)
        flags |= dtsf_no_neg_0;
    int64_t default_precision = 6;
    bool skip_re = false;
    bool add_parens = false;
    if (type == '\0') {
        type = 'r';
        default_precision = 0;
        if (real == 0.0 && !std::signbit(real))
            skip_re = true;
        else
            add_parens = true;
    }
    if (type == 'n')
        type = 'g';
    int64_t precision = spec.precision;
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    NumberParts re = split_float_text(double_to_string(real, static_cast<char>(type), precision, flags));
    NumberParts im = split_float_text(double_to_string(imag, static_cast<char>(type), precision, flags));
    char sep;
    int group;
    grouping_of(spec, sep, group);
    // The parts are laid out without padding; the whole is padded afterwards.
    FormatSpec part = spec;
    part.fill = '\0';
    part.align = '<';
    part.width = -1;
    std::string body;
    if (add_parens)
        body.push_back('(');
    if (!skip_re)
        layout_number(body, re, part, sep, group);
    if (!skip_re)
        part.sign = '+';
    layout_number(body, im, part, sep, group);
    body.push_back('j');
    if (add_parens)
        body.push_back(')');
    int64_t len = static_cast<int64_t>(body.size()); // ASCII
    int64_t total = spec.width > len ? spec.width : len;
    char align = spec.align;
    int64_t lpad = align == '>' ? total - len : align == '^' ? (total - len) / 2 : 0;
    append_fill(out, lpad, spec.fill);
    out += body;
    append_fill(out, total - len - lpad, spec.fill);
    return true;
}

} // namespace adder::numeric
