// PyOS_double_to_string and complex repr. The digits come from the C
// library's printf for 'e'/'f'/'g' (glibc is exact: correctly rounded, ties
// to even on the binary value, the same digits CPython's dtoa gives) and from
// the shortest repr for 'r'; the layout then follows CPython's
// format_float_short step by step (Python/pystrtod.c), so flags such as
// add-".0", '#' and 'z' behave identically.
#include <cmath>
#include <cstdio>

#include "numeric/c_locale.h"
#include "numeric/float_format.h"
#include "numeric/format_spec.h"

namespace adder::numeric {

namespace {

// Decimal digits of a finite |value| as _Py_dg_dtoa returns them: no leading
// or trailing zeros, value = 0.DIGITS * 10**decpt. An empty string means the
// value rounded to zero in 'f' mode (decpt is then -ndigits).
struct Digits {
    std::string digits;
    int64_t decpt = 1;
};

// Mode 2: `n` significant digits; mode 3: `n` digits after the point. glibc's
// printf is exact and rounds ties to even, like dtoa.
Digits dtoa_digits(double a, int mode, int64_t n)
{
    Digits d;
    if (a == 0) {
        d.digits = "0";
        d.decpt = 1;
        return d;
    }
    CLocaleScope c_locale;
    std::string buf;
    int count = mode == 2 ? snprintf(nullptr, 0, "%.*e", static_cast<int>(n - 1), a)
                          : snprintf(nullptr, 0, "%.*f", static_cast<int>(n), a);
    buf.resize(static_cast<size_t>(count) + 1);
    if (mode == 2)
        snprintf(buf.data(), buf.size(), "%.*e", static_cast<int>(n - 1), a);
    else
        snprintf(buf.data(), buf.size(), "%.*f", static_cast<int>(n), a);
    buf.resize(static_cast<size_t>(count));
    if (mode == 2) {
        size_t e = buf.find('e');
        for (size_t i = 0; i < e; ++i)
            if (buf[i] != '.')
                d.digits.push_back(buf[i]);
        d.decpt = std::stoll(buf.substr(e + 1)) + 1;
    } else {
        size_t point = buf.find('.');
        int64_t int_digits = static_cast<int64_t>(point == std::string::npos ? buf.size() : point);
        for (char c : buf)
            if (c != '.')
                d.digits.push_back(c);
        size_t lead = d.digits.find_first_not_of('0');
        if (lead == std::string::npos) {
            d.digits.clear();
            d.decpt = -n;
            return d;
        }
        d.digits.erase(0, lead);
        d.decpt = int_digits - static_cast<int64_t>(lead);
    }
    while (d.digits.size() > 1 && d.digits.back() == '0')
        d.digits.pop_back();
    return d;
}

} // namespace

std::string double_to_string(double value, char code, int64_t precision, unsigned flags)
{
    // CPython's PyOS_double_to_string + format_float_short.
    bool upper = code == 'E' || code == 'F' || code == 'G';
    char lower = static_cast<char>(upper ? code + 32 : code);
    bool alt = (flags & dtsf_alt) != 0;
    bool add_dot_0 = (flags & dtsf_add_dot_0) != 0;
    std::string out;
    if (std::isnan(value) || std::isinf(value)) {
        if (std::isinf(value) && value < 0)
            out.push_back('-');
        else if (flags & dtsf_sign)
            out.push_back('+');
        out += std::isnan(value) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        return out;
    }
    double a = std::fabs(value);
    Digits d;
    if (lower == 'r') {
        if (a == 0) {
            d.digits = "0";
            d.decpt = 1;
        } else {
            ShortestDigits sd = shortest_digits(a);
            d.digits = sd.digits;
            d.decpt = sd.decpt;
        }
    } else if (lower == 'e') {
        precision += 1;
        d = dtoa_digits(a, 2, precision);
    } else if (lower == 'g') {
        if (precision == 0)
            precision = 1;
        d = dtoa_digits(a, 2, precision);
    } else {
        d = dtoa_digits(a, 3, precision);
    }
    bool negative = std::signbit(value);
    int64_t digits_len = static_cast<int64_t>(d.digits.size());
    if ((flags & dtsf_no_neg_0) && negative && (digits_len == 0 || (digits_len == 1 && d.digits[0] == '0')))
        negative = false;
    int64_t decpt = d.decpt;
    int64_t vdigits_end = digits_len;
    bool use_exp = false;
    switch (lower) {
    case 'e':
        use_exp = true;
        vdigits_end = precision;
        break;
    case 'f':
        vdigits_end = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision))
            use_exp = true;
        if (alt)
            vdigits_end = precision;
        break;
    default: // 'r': exponent from 1e16 on
        if (decpt <= -4 || decpt > 16)
            use_exp = true;
        break;
    }
    int64_t exp = 0;
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0)
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
    else
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;
    if (negative)
        out.push_back('-');
    else if (flags & dtsf_sign)
        out.push_back('+');
    if (decpt <= 0) {
        out.append(static_cast<size_t>(decpt - vdigits_start), '0');
        out.push_back('.');
        out.append(static_cast<size_t>(-decpt), '0');
    } else {
        out.append(static_cast<size_t>(-vdigits_start), '0');
    }
    if (0 < decpt && decpt <= digits_len) {
        out.append(d.digits, 0, static_cast<size_t>(decpt));
        out.push_back('.');
        out.append(d.digits, static_cast<size_t>(decpt), std::string::npos);
    } else {
        out += d.digits;
    }
    if (digits_len < decpt) {
        out.append(static_cast<size_t>(decpt - digits_len), '0');
        out.push_back('.');
        out.append(static_cast<size_t>(vdigits_end - decpt), '0');
    } else {
        out.append(static_cast<size_t>(vdigits_end - digits_len), '0');
    }
    if (out.back() == '.' && !alt)
        out.pop_back();
    if (use_exp) {
        out.push_back(upper ? 'E' : 'e');
        out.push_back(exp < 0 ? '-' : '+');
        int64_t e = exp < 0 ? -exp : exp;
        if (e < 10)
            out.push_back('0');
        out += std::to_string(e);
    }
    return out;
}

std::string complex_repr(double real, double imag)
{
    if (real == 0.0 && !std::signbit(real))
        return double_to_string(imag, 'r', 0, 0) + "j";
    return "(" + double_to_string(real, 'r', 0, 0) + double_to_string(imag, 'r', 0, dtsf_sign) + "j)";
}

} // namespace adder::numeric
