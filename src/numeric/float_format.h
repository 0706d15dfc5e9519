// Python float semantics that are not plain IEEE arithmetic: repr/str (the
// shortest string that round-trips, laid out by CPython's rules), float()
// parsing, float.hex/fromhex, round(x, n), % // divmod, is_integer and
// as_integer_ratio. Everything here matches CPython 3.11 (Objects/floatobject.c,
// Python/pystrtod.c); exceptions are reported as status values for the caller.
// Not here: format() with a spec (format_spec.h) and hashing (hash.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "numeric/bigint.h"

namespace adder::numeric {

// Shortest round-trip decimal digits of finite nonzero |`value`| and the
// decimal point position: value = 0.DIGITS * 10**decpt.
struct ShortestDigits {
    std::string digits; // no leading/trailing zeros, at least one digit
    int decpt = 0;
};
ShortestDigits shortest_digits(double value);

// repr(`value`) == str(`value`): "0.1", "1e+16", "1e-05", "-0.0", "inf", "nan".
std::string float_repr(double value);
// Appends float_repr(`value`) to `out` (no temporary string).
void append_float_repr(std::string& out, double value);

// float(`text`) for a str or bytes argument already reduced to ASCII (the
// caller maps Unicode digits and spaces first): surrounding whitespace,
// underscores between digits, inf/infinity/nan in any case. nullopt means
// "could not convert string to float: ..." (the caller formats the repr).
// Overflow gives ±inf, underflow ±0.0, as CPython.
std::optional<double> parse_float(std::string_view text);

// float.hex(`value`): "0x1.8000000000000p+0", "-0x0.0p+0", "inf", "nan".
std::string float_hex(double value);

enum class FromHexStatus { Ok, Invalid, Overflow };
// float.fromhex(`text`); Invalid is "invalid hexadecimal floating-point
// string", Overflow "hexadecimal value too large to represent as a float".
FromHexStatus float_fromhex(std::string_view text, double& out);

// round(`value`, `ndigits`) correctly rounded (half to even on the exact
// binary value), as CPython's double_round. false means OverflowError
// "rounded value too large to represent".
bool float_round(double value, int64_t ndigits, double& out);

// Python's float % and divmod (sign of the divisor, CPython float_divmod's
// correction steps). `divisor` must be nonzero (ZeroDivisionError is the caller's).
double float_mod(double value, double divisor);
void float_divmod(double value, double divisor, double& floordiv, double& mod);

// float.is_integer().
bool float_is_integer(double value);

// float.as_integer_ratio() for a finite `value`: numerator/denominator in lowest terms, denominator > 0.
void float_as_integer_ratio(double value, BigInt& numerator, BigInt& denominator);

// The exactly representable value `mantissa` * 2**`exponent`, rounded half
// to even to a double (subnormals included); false on overflow.
bool ldexp_rounded(const BigInt& mantissa, int64_t exponent, double& out);

} // namespace adder::numeric
