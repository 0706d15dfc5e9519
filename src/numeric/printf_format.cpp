// printf-style conversions of one value (str % args, bytes % args), matching
// CPython 3.11 unicode_format_arg_output: the sign and the 0x/0o prefix go
// before zero padding but after space padding, precision on integers is a
// minimum digit count, and '-' pads on the right with spaces.
#include <cmath>

#include "numeric/format_spec.h"

namespace adder::numeric {

namespace {

// Pads `body` (digits without sign, `len` characters) with sign and prefix per `spec`.
std::string assemble(char sign, std::string_view prefix, std::string_view body, int64_t len, const PrintfSpec& spec)
{
    char fill = spec.zero && !spec.left ? '0' : ' ';
    int64_t width = spec.width;
    std::string out;
    int64_t total = len + (sign ? 1 : 0) + static_cast<int64_t>(prefix.size());
    out.reserve(static_cast<size_t>(std::max(width, total)));
    if (fill == '0') {
        if (sign)
            out.push_back(sign);
        out += prefix;
    }
    if (width > total && !spec.left)
        out.append(static_cast<size_t>(width - total), fill);
    if (fill == ' ') {
        if (sign)
            out.push_back(sign);
        out += prefix;
    }
    out += body;
    if (width > total && spec.left)
        out.append(static_cast<size_t>(width - total), ' ');
    return out;
}

char sign_for(bool negative, const PrintfSpec& spec)
{
    if (negative)
        return '-';
    if (spec.plus)
        return '+';
    if (spec.space)
        return ' ';
    return '\0';
}

int printf_base(char conv) { return conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10; }

// The rest of %d/%o/%x/%X once the magnitude's lower-case digits are known.
std::string finish_printf_int(std::string digits, bool negative, const PrintfSpec& spec)
{
    char conv = spec.conversion;
    if (conv == 'X')
        for (char& c : digits)
            if (c >= 'a' && c <= 'f')
                c = static_cast<char>(c - 32);
    if (spec.precision > static_cast<int64_t>(digits.size()))
        digits.insert(0, static_cast<size_t>(spec.precision) - digits.size(), '0');
    std::string_view prefix;
    if (spec.alternate && printf_base(conv) != 10)
        prefix = conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X";
    return assemble(sign_for(negative, spec), prefix, digits, static_cast<int64_t>(digits.size()), spec);
}

} // namespace

std::string printf_int(const BigInt& value, const PrintfSpec& spec)
{
    return finish_printf_int(value.abs().to_string(printf_base(spec.conversion)), value.sign() < 0, spec);
}

std::string printf_int(int64_t value, const PrintfSpec& spec)
{
    int base = printf_base(spec.conversion);
    uint64_t magnitude = magnitude_u64(value);
    if (base == 10 && spec.width < 0 && spec.precision < 0 && !spec.plus && !spec.space) {
        // Plain %d: the digits are the whole result.
        std::string out;
        if (value < 0)
            out.push_back('-');
        append_u64_digits(out, magnitude, 10);
        return out;
    }
    std::string digits;
    append_u64_digits(digits, magnitude, base);
    return finish_printf_int(std::move(digits), value < 0, spec);
}

std::string printf_float(double value, const PrintfSpec& spec)
{
    int64_t precision = spec.precision < 0 ? 6 : spec.precision;
    std::string text = double_to_string(value, spec.conversion, precision, spec.alternate ? unsigned(dtsf_alt) : 0u);
    bool negative = !text.empty() && text[0] == '-';
    std::string_view body = text;
    if (negative)
        body.remove_prefix(1);
    return assemble(sign_for(negative, spec), {}, body, static_cast<int64_t>(body.size()), spec);
}

std::string printf_text(std::string_view text, int64_t length, const PrintfSpec& spec)
{
    std::string_view body = text;
    int64_t len = length;
    if (spec.conversion != 'c' && spec.precision >= 0 && len > spec.precision) {
        // Truncate to `precision` code points (bytes callers pass byte lengths, so ASCII-safe).
        size_t i = 0;
        int64_t count = 0;
        if (length == static_cast<int64_t>(text.size())) {
            i = static_cast<size_t>(spec.precision);
        } else {
            while (i < text.size() && count < spec.precision) {
                unsigned char b = static_cast<unsigned char>(text[i]);
                i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
                ++count;
            }
        }
        body = text.substr(0, i);
        len = spec.precision;
    }
    std::string out;
    if (spec.width > len && !spec.left)
        out.append(static_cast<size_t>(spec.width - len), ' ');
    out += body;
    if (spec.width > len && spec.left)
        out.append(static_cast<size_t>(spec.width - len), ' ');
    return out;
}

} // namespace adder::numeric
