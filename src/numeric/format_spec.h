// The format-spec mini-language (format(), str.format, f-strings) and
// printf-style conversions (str % args, bytes % args) for single values,
// matching CPython 3.11 (Python/formatter_unicode.c, Python/pystrtod.c,
// Objects/unicodeobject.c unicode_format_arg_*). Works on plain C++ values:
// BigInt, double, UTF-8 text. Errors come back as FormatError (message text
// exactly as CPython's ValueError/OverflowError), never as exceptions. Parsing
// the '%' template and the '{}' fields of str.format (which need the argument
// objects) is the caller's; this file formats one value for one spec.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "numeric/bigint.h"

namespace adder::numeric {

// A parsed [[fill]align][sign][z][#][0][width][grouping][.precision][type].
struct FormatSpec {
    char32_t fill = ' ';
    char align = '\0';  // '<', '>', '=', '^' (set to the type's default by the parser)
    char sign = '\0';   // '+', '-', ' ' or '\0'
    bool no_neg_0 = false; // 'z'
    bool alternate = false; // '#'
    int64_t width = -1;
    char grouping = '\0'; // ',' or '_'
    int64_t precision = -1;
    char32_t type = '\0';
};

// What went wrong; `overflow` selects OverflowError instead of ValueError.
struct FormatError {
    std::string message;
    bool overflow = false;
};

// Which default alignment the parser assumes: strings left, numbers right
// (this also decides whether a leading '0' implies '=' alignment).
enum class FormatTarget { Str, Number };

// Parses `spec`. `type_name` names the formatted object's type for the
// "Invalid format specifier '...' for object of type '...'" message.
bool parse_format_spec(std::string_view spec, FormatTarget target, std::string_view type_name, FormatSpec& out,
    FormatError& error);

// format(str, spec) for `text` of `length` code points; type must be 's' or none.
bool format_str(std::string_view text, int64_t length, const FormatSpec& spec, std::string_view type_name,
    std::string& out, FormatError& error);

// format(int, spec): types b c d o x X n, none, and e E f F g G % (via float).
bool format_int(const BigInt& value, const FormatSpec& spec, std::string_view type_name, std::string& out,
    FormatError& error);
// The same for a machine-word int: no GMP on the common path.
bool format_int(int64_t value, const FormatSpec& spec, std::string_view type_name, std::string& out,
    FormatError& error);
// Appends the digits of `value` in `base` (2..16, lower-case) to `out`.
void append_u64_digits(std::string& out, uint64_t value, int base);
// Writes the decimal digits of `value` so that they end just before `end`
// (room for 20 is needed) and returns where they start: for callers that
// want the digits in a stack buffer, e.g. to measure them before padding.
inline char* write_u64_decimal(uint64_t value, char* end)
{
    char* p = end;
    do { // constant divisor: the compiler turns the division into a multiply
        *--p = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value);
    return p;
}
// |x| as an unsigned value (defined for INT64_MIN too).
inline uint64_t magnitude_u64(int64_t x) { return x < 0 ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x); }

// format(float, spec): types e E f F g G n %, and none (repr-like).
bool format_float(double value, const FormatSpec& spec, std::string_view type_name, std::string& out,
    FormatError& error);

// format(complex, spec): types e E f F g G n, and none (str()-like).
bool format_complex(double real, double imag, const FormatSpec& spec, std::string_view type_name, std::string& out,
    FormatError& error);

// Flags of double_to_string (CPython's Py_DTSF_*).
enum DoubleFormatFlags : unsigned {
    dtsf_sign = 1,      // always emit a sign
    dtsf_add_dot_0 = 2, // "1.0" rather than "1" when no exponent is used
    dtsf_alt = 4,       // '#': keep the point and trailing zeros
    dtsf_no_neg_0 = 8,  // 'z': a result that rounds to zero has no '-'
};

// PyOS_double_to_string: `code` is 'e','E','f','F','g','G' with `precision`,
// or 'r' (shortest repr; precision ignored). inf/nan print as inf/nan
// (INF/NAN for upper-case codes); nan never has a '-'.
std::string double_to_string(double value, char code, int64_t precision, unsigned flags);

// repr(complex) == str(complex): "(1+2j)", "1j", "-0j", "(-0+1j)", "(nan+infj)".
std::string complex_repr(double real, double imag);

// ---- printf-style (%) ---------------------------------------------------------------

// One parsed conversion's flags; width/precision are already resolved (the
// caller consumes '*' arguments). -1 means absent.
struct PrintfSpec {
    bool left = false;      // '-'
    bool plus = false;      // '+'
    bool space = false;     // ' '
    bool alternate = false; // '#'
    bool zero = false;      // '0'
    int64_t width = -1;
    int64_t precision = -1;
    char conversion = 'd';
};

// %d %i %u %o %x %X of an int.
std::string printf_int(const BigInt& value, const PrintfSpec& spec);
// The same for a machine-word int (no GMP).
std::string printf_int(int64_t value, const PrintfSpec& spec);
// %e %E %f %F %g %G of a float.
std::string printf_float(double value, const PrintfSpec& spec);
// %s %r %a %c: `text` (`length` code points) truncated to the precision
// (not for %c) and padded to the width with spaces. For bytes %, pass the
// byte length as `length`.
std::string printf_text(std::string_view text, int64_t length, const PrintfSpec& spec);

} // namespace adder::numeric
