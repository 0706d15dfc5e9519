// Float repr, parsing, hex conversion, rounding and division semantics.
// repr uses std::to_chars' shortest round-trip digits, then lays them out as
// CPython's format_float_short does for mode 'r' (exponent form when the
// decimal point position is < -3 or > 16). round() and fromhex go through
// exact BigInt arithmetic so every result is correctly rounded.
#include "numeric/float_format.h"

#include "numeric/c_locale.h"

#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace adder::numeric {

namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignore_case(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != b[i])
            return false;
    return true;
}

std::string_view strip_ascii(std::string_view s)
{
    while (!s.empty() && is_ascii_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_ascii_space(s.back()))
        s.remove_suffix(1);
    return s;
}

// Rounds num/den (den > 0) to the nearest integer, ties to even.
BigInt divide_round_half_even(const BigInt& num, const BigInt& den)
{
    BigInt q, r;
    num.divmod(den, q, r);
    BigInt twice = r << 1;
    int c = twice.compare(den);
    if (c > 0 || (c == 0 && q.is_odd()))
        q = q + BigInt(1);
    return q;
}

// value == mantissa * 2**exponent exactly, with an odd or zero mantissa.
void decompose(double value, BigInt& mantissa, int64_t& exponent)
{
    int e;
    double m = std::frexp(value, &e);
    m = std::ldexp(m, DBL_MANT_DIG); // now an integer
    e -= DBL_MANT_DIG;
    mantissa = BigInt::from_double(m);
    exponent = e;
    if (mantissa.is_zero())
        return;
    // Strip trailing zero bits so the ratio is in lowest terms.
    uint64_t tz = mpz_scan1(mantissa.raw(), 0);
    if (tz) {
        mantissa = mantissa >> tz;
        exponent += static_cast<int64_t>(tz);
    }
}

} // namespace

ShortestDigits shortest_digits(double value)
{
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(value), std::chars_format::scientific);
    std::string_view s(buf, static_cast<size_t>(res.ptr - buf));
    ShortestDigits out;
    size_t epos = s.find('e');
    for (size_t i = 0; i < epos; ++i)
        if (s[i] != '.')
            out.digits.push_back(s[i]);
    while (out.digits.size() > 1 && out.digits.back() == '0')
        out.digits.pop_back();
    int exp10 = 0;
    std::from_chars(s.data() + epos + 1 + (s[epos + 1] == '+'), s.data() + s.size(), exp10);
    out.decpt = exp10 + 1;
    return out;
}

void append_float_repr(std::string& out, double value)
{
    if (std::isnan(value)) {
        out += "nan";
        return;
    }
    if (std::signbit(value))
        out.push_back('-');
    if (std::isinf(value)) {
        out += "inf";
        return;
    }
    if (value == 0) {
        out += "0.0";
        return;
    }
    ShortestDigits sd = shortest_digits(value);
    const std::string& d = sd.digits;
    int nd = static_cast<int>(d.size());
    int decpt = sd.decpt;
    if (decpt <= -4 || decpt > 16) {
        out.push_back(d[0]);
        if (nd > 1) {
            out.push_back('.');
            out.append(d, 1, std::string::npos);
        }
        int e = decpt - 1;
        out.push_back('e');
        out.push_back(e < 0 ? '-' : '+');
        if (e < 0)
            e = -e;
        if (e < 10)
            out.push_back('0');
        out += std::to_string(e);
        return;
    }
    if (decpt <= 0) {
        out += "0.";
        out.append(static_cast<size_t>(-decpt), '0');
        out += d;
    } else if (decpt >= nd) {
        out += d;
        out.append(static_cast<size_t>(decpt - nd), '0');
        out += ".0";
    } else {
        out.append(d, 0, static_cast<size_t>(decpt));
        out.push_back('.');
        out.append(d, static_cast<size_t>(decpt), std::string::npos);
    }
}

std::string float_repr(double value)
{
    std::string s;
    append_float_repr(s, value);
    return s;
}

std::optional<double> parse_float(std::string_view text)
{
    std::string_view s = strip_ascii(text);
    if (s.empty())
        return std::nullopt;
    bool negative = false;
    std::string_view body = s;
    if (body[0] == '+' || body[0] == '-') {
        negative = body[0] == '-';
        body.remove_prefix(1);
    }
    if (equals_ignore_case(body, "inf") || equals_ignore_case(body, "infinity"))
        return negative ? -HUGE_VAL : HUGE_VAL;
    if (equals_ignore_case(body, "nan"))
        return negative ? -std::nan("") : std::nan("");
    // digits [. digits] [e [sign] digits], underscores only between two digits.
    std::string clean;
    clean.reserve(s.size() + 1);
    if (negative)
        clean.push_back('-');
    size_t i = 0;
    size_t n = body.size();
    auto scan_digits = [&](bool& any) {
        while (i < n) {
            char c = body[i];
            if (is_digit(c)) {
                clean.push_back(c);
                any = true;
                ++i;
            } else if (c == '_' && i > 0 && is_digit(body[i - 1]) && i + 1 < n && is_digit(body[i + 1])) {
                ++i;
            } else {
                break;
            }
        }
    };
    bool int_digits = false;
    bool frac_digits = false;
    scan_digits(int_digits);
    if (i < n && body[i] == '.') {
        clean.push_back('.');
        ++i;
        scan_digits(frac_digits);
    }
    if (!int_digits && !frac_digits)
        return std::nullopt;
    if (i < n && (body[i] == 'e' || body[i] == 'E')) {
        clean.push_back('e');
        ++i;
        if (i < n && (body[i] == '+' || body[i] == '-'))
            clean.push_back(body[i++]);
        bool exp_digits = false;
        scan_digits(exp_digits);
        if (!exp_digits)
            return std::nullopt;
    }
    if (i != n)
        return std::nullopt;
    // strtod is correctly rounded in glibc and yields ±HUGE_VAL/0 on range
    // errors, which is what float() returns.
    CLocaleScope c_locale;
    errno = 0;
    char* end = nullptr;
    double v = std::strtod(clean.c_str(), &end);
    return v;
}

std::string float_hex(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    if (value == 0)
        return std::signbit(value) ? "-0x0.0p+0" : "0x0.0p+0";
    static const char hex[] = "0123456789abcdef";
    std::string out;
    if (value < 0)
        out.push_back('-');
    int e;
    double m = std::frexp(std::fabs(value), &e);
    int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
    m = std::ldexp(m, shift);
    e -= shift;
    out += "0x";
    int lead = static_cast<int>(m);
    out.push_back(hex[lead]);
    m -= lead;
    out.push_back('.');
    for (int k = 0; k < (DBL_MANT_DIG - 1) / 4; ++k) {
        m *= 16.0;
        int dgt = static_cast<int>(m);
        out.push_back(hex[dgt]);
        m -= dgt;
    }
    out.push_back('p');
    out.push_back(e < 0 ? '-' : '+');
    out += std::to_string(e < 0 ? -e : e);
    return out;
}

bool ldexp_rounded(const BigInt& mantissa, int64_t exponent, double& out)
{
    if (mantissa.is_zero()) {
        out = 0.0;
        return true;
    }
    bool negative = mantissa.sign() < 0;
    BigInt q = mantissa.abs();
    int64_t bits = static_cast<int64_t>(q.bit_length());
    int64_t e = bits + exponent; // 2**(e-1) <= |value| < 2**e
    if (e > DBL_MAX_EXP)
        return false;
    int64_t keep = std::min<int64_t>(DBL_MANT_DIG, e - (DBL_MIN_EXP - DBL_MANT_DIG));
    double d;
    if (keep < 0) {
        d = 0.0;
    } else if (keep == 0) {
        // |value| in [2**-1075, 2**-1074): ties (a power of two) go to even zero.
        bool exact_half = static_cast<int64_t>(mpz_scan1(q.raw(), 0)) == bits - 1;
        d = exact_half ? 0.0 : std::ldexp(1.0, DBL_MIN_EXP - DBL_MANT_DIG);
    } else {
        int64_t dropped = 0;
        if (bits > keep) {
            dropped = bits - keep;
            bool half = mpz_tstbit(q.raw(), static_cast<mp_bitcnt_t>(dropped - 1));
            bool rest = dropped >= 2 && static_cast<int64_t>(mpz_scan1(q.raw(), 0)) < dropped - 1;
            q = q >> static_cast<uint64_t>(dropped);
            if (half && (rest || q.is_odd()))
                q = q + BigInt(1);
        }
        d = std::ldexp(mpz_get_d(q.raw()), static_cast<int>(exponent + dropped));
    }
    if (std::isinf(d))
        return false;
    out = negative ? -d : d;
    return true;
}

FromHexStatus float_fromhex(std::string_view text, double& out)
{
    std::string_view s = strip_ascii(text);
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (equals_ignore_case(s, "inf") || equals_ignore_case(s, "infinity")) {
        out = negative ? -HUGE_VAL : HUGE_VAL;
        return FromHexStatus::Ok;
    }
    if (equals_ignore_case(s, "nan")) {
        out = negative ? -std::nan("") : std::nan("");
        return FromHexStatus::Ok;
    }
    if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        s.remove_prefix(2);
    std::string digits;
    size_t i = 0;
    size_t n = s.size();
    int64_t frac_count = 0;
    auto hexval = [](char c) {
        if (is_digit(c))
            return c - '0';
        c = lower(c);
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        return -1;
    };
    while (i < n && hexval(s[i]) >= 0)
        digits.push_back(s[i++]);
    if (i < n && s[i] == '.') {
        ++i;
        while (i < n && hexval(s[i]) >= 0) {
            digits.push_back(s[i++]);
            ++frac_count;
        }
    }
    if (digits.empty())
        return FromHexStatus::Invalid;
    int64_t exp = 0;
    if (i < n && (s[i] == 'p' || s[i] == 'P')) {
        ++i;
        bool eneg = false;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        if (i >= n || !is_digit(s[i]))
            return FromHexStatus::Invalid;
        while (i < n && is_digit(s[i])) {
            // Saturate: anything this large already over/underflows.
            if (exp < (int64_t(1) << 40))
                exp = exp * 10 + (s[i] - '0');
            ++i;
        }
        if (eneg)
            exp = -exp;
    }
    if (i != n)
        return FromHexStatus::Invalid;
    BigInt mantissa;
    if (BigInt::parse(digits, 16, mantissa, 0) != ParseIntStatus::Ok)
        return FromHexStatus::Invalid;
    double d = 0;
    if (!mantissa.is_zero() && !ldexp_rounded(mantissa, exp - 4 * frac_count, d))
        return FromHexStatus::Overflow;
    out = negative ? -d : d;
    return FromHexStatus::Ok;
}

bool float_round(double value, int64_t ndigits, double& out)
{
    // Beyond these, every double is already exact / rounds to zero (CPython's NDIGITS_MAX/MIN).
    constexpr int64_t ndigits_max = static_cast<int64_t>((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    constexpr int64_t ndigits_min = -static_cast<int64_t>((DBL_MAX_EXP + 1) * 0.30103);
    if (!std::isfinite(value) || value == 0 || ndigits > ndigits_max) {
        out = value;
        return true;
    }
    if (ndigits < ndigits_min) {
        out = 0.0 * value;
        return true;
    }
    BigInt m;
    int64_t e;
    decompose(value, m, e);
    double d;
    bool ok;
    if (ndigits >= 0) {
        BigInt p = BigInt(10).pow(static_cast<uint64_t>(ndigits));
        BigInt y = m * p;
        BigInt q = e >= 0 ? (y << static_cast<uint64_t>(e)) : divide_round_half_even(y, BigInt(1) << static_cast<uint64_t>(-e));
        ok = q.true_divide(p, d);
    } else {
        BigInt p = BigInt(10).pow(static_cast<uint64_t>(-ndigits));
        BigInt q = e >= 0 ? divide_round_half_even(m << static_cast<uint64_t>(e), p)
                          : divide_round_half_even(m, p << static_cast<uint64_t>(-e));
        ok = (q * p).to_double(d);
    }
    if (!ok)
        return false;
    if (d == 0)
        d = std::copysign(0.0, value);
    out = d;
    return true;
}

double float_mod(double value, double divisor)
{
    double mod = std::fmod(value, divisor);
    if (mod != 0) {
        if ((divisor < 0) != (mod < 0))
            mod += divisor;
    } else {
        mod = std::copysign(0.0, divisor);
    }
    return mod;
}

void float_divmod(double value, double divisor, double& floordiv, double& mod)
{
    mod = std::fmod(value, divisor);
    double div = (value - mod) / divisor;
    if (mod != 0) {
        if ((divisor < 0) != (mod < 0)) {
            mod += divisor;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, divisor);
    }
    if (div != 0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, value / divisor);
    }
}

bool float_is_integer(double value) { return std::isfinite(value) && std::floor(value) == value; }

void float_as_integer_ratio(double value, BigInt& numerator, BigInt& denominator)
{
    int64_t e;
    decompose(value, numerator, e);
    if (e >= 0) {
        numerator = numerator << static_cast<uint64_t>(e);
        denominator = BigInt(1);
    } else if (numerator.is_zero()) {
        denominator = BigInt(1);
    } else {
        denominator = BigInt(1) << static_cast<uint64_t>(-e);
    }
}

} // namespace adder::numeric
