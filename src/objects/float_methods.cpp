// float's Python-visible methods beyond the core (float.cpp): hex, fromhex,
// as_integer_ratio. Algorithms in numeric/float_format.h; messages match
// CPython 3.11 Objects/floatobject.c.
#include <cmath>

#include "numeric/float_format.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "text/str_algo.h"

namespace adder {

namespace {

Result<Value> float_hex(Value self, CallArgs args)
{
    TRY(check_arity(args, "hex", 0, 0));
    return Value(Str::create(numeric::float_hex(float_of(self))));
}

Result<Value> float_fromhex(Value cls, CallArgs args)
{
    TRY(check_arity(args, "fromhex", 1, 1));
    if (!is_str(args[0]))
        return throw_error(g_TypeError, "bad argument type for built-in operation");
    double d = 0;
    switch (numeric::float_fromhex(as_str(args[0])->view(), d)) {
    case numeric::FromHexStatus::Invalid:
        return throw_error(g_ValueError, "invalid hexadecimal floating-point string");
    case numeric::FromHexStatus::Overflow:
        return throw_error(g_OverflowError, "hexadecimal value too large to represent as a float");
    case numeric::FromHexStatus::Ok:
        break;
    }
    Value result = float_value(d);
    if (is_type(cls) && as_type(cls) != g_float_type)
        return call(cls, { result });
    return result;
}

Result<Value> float_as_integer_ratio(Value self, CallArgs args)
{
    TRY(check_arity(args, "as_integer_ratio", 0, 0));
    double d = float_of(self);
    if (std::isinf(d))
        return throw_error(g_OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(d))
        return throw_error(g_ValueError, "cannot convert NaN to integer ratio");
    numeric::BigInt n, q;
    numeric::float_as_integer_ratio(d, n, q);
    return Value(Tuple::create({ int_from_mpz(n.raw()), int_from_mpz(q.raw()) }));
}

bool is_space_byte(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool lower_equals(std::string_view a, std::string_view lower)
{
    if (a.size() != lower.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + 32);
        if (c != lower[i])
            return false;
    }
    return true;
}

// Length of the float literal at the start of `s` (PyOS_string_to_double with
// an end pointer: sign, digits, point, exponent, or inf/infinity/nan), 0 if none.
size_t float_prefix(std::string_view s, double& out)
{
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    for (std::string_view word : { std::string_view("infinity"), std::string_view("inf"), std::string_view("nan") }) {
        if (s.size() - i >= word.size() && lower_equals(s.substr(i, word.size()), word)) {
            size_t n = i + word.size();
            out = *numeric::parse_float(s.substr(0, n));
            return n;
        }
    }
    size_t digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        ++i;
        ++digits;
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            ++i;
            ++digits;
        }
    }
    if (digits == 0)
        return 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-'))
            ++j;
        if (j < s.size() && s[j] >= '0' && s[j] <= '9') {
            while (j < s.size() && s[j] >= '0' && s[j] <= '9')
                ++j;
            i = j;
        }
    }
    out = *numeric::parse_float(s.substr(0, i));
    return i;
}

// complex_from_string_inner (Objects/complexobject.c): the forms <float>,
// <float>j, <float><signed-float>j, <float><sign>j, <sign>j and j, in
// optional parentheses, with surrounding whitespace.
bool parse_complex(std::string_view s, double& re, double& im)
{
    size_t i = 0;
    auto skip_space = [&] {
        while (i < s.size() && is_space_byte(s[i]))
            ++i;
    };
    skip_space();
    bool bracket = false;
    if (i < s.size() && s[i] == '(') {
        bracket = true;
        ++i;
        skip_space();
    }
    re = 0.0;
    im = 0.0;
    double z = 0;
    size_t n = float_prefix(s.substr(i), z);
    auto is_j = [&](size_t k) { return k < s.size() && (s[k] == 'j' || s[k] == 'J'); };
    if (n) {
        i += n;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
            re = z;
            double y = 0;
            size_t m = float_prefix(s.substr(i), y);
            if (m) {
                i += m;
                im = y;
            } else {
                im = s[i] == '+' ? 1.0 : -1.0;
                ++i;
            }
            if (!is_j(i))
                return false;
            ++i;
        } else if (is_j(i)) {
            ++i;
            im = z;
        } else {
            re = z;
        }
    } else {
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
            im = s[i] == '+' ? 1.0 : -1.0;
            ++i;
        } else {
            im = 1.0;
        }
        if (!is_j(i))
            return false;
        ++i;
    }
    skip_space();
    if (bracket) {
        if (i >= s.size() || s[i] != ')')
            return false;
        ++i;
        skip_space();
    }
    return i == s.size();
}

} // namespace

// float(x) for a str/bytes/bytearray `original` whose text is `text`:
// Unicode digits and spaces, underscores, inf/nan; ValueError "could not
// convert string to float: <repr>" otherwise.
Result<Value> float_parse_text(Value original, std::string_view text)
{
    std::string ascii = is_str(original) ? text::to_ascii_decimal(text) : std::string(text);
    auto d = numeric::parse_float(ascii);
    if (d)
        return float_value(*d);
    std::string rep = TRY(repr_text(original));
    return throw_error(g_ValueError, "could not convert string to float: %s", rep.c_str());
}

// complex(s) for a str `original` whose text is `text`: "1+2j", "(3-4J)",
// "-j", "1e3", underscores between digits; ValueError "complex() arg is a
// malformed string" otherwise ("could not convert string to complex: <repr>"
// for a misplaced underscore). Returns a complex Value.
Result<Value> complex_parse_text(Value original, std::string_view text)
{
    std::string ascii = text::to_ascii_decimal(text);
    if (ascii.find('_') != std::string::npos) {
        // _Py_string_to_number_with_underscores: each '_' must sit between two digits.
        std::string clean;
        for (size_t i = 0; i < ascii.size(); ++i) {
            char c = ascii[i];
            if (c == '_') {
                bool ok = i > 0 && i + 1 < ascii.size() && ascii[i - 1] >= '0' && ascii[i - 1] <= '9'
                    && ascii[i + 1] >= '0' && ascii[i + 1] <= '9';
                if (!ok) {
                    std::string rep = TRY(repr_text(original));
                    return throw_error(g_ValueError, "could not convert string to complex: %s", rep.c_str());
                }
                continue;
            }
            clean.push_back(c);
        }
        ascii = std::move(clean);
    }
    double re, im;
    if (!parse_complex(ascii, re, im))
        return throw_error(g_ValueError, "complex() arg is a malformed string");
    return complex_value(re, im);
}

void init_float_methods()
{
    Type* t = g_float_type;
    add_method(t, "hex", float_hex);
    add_method(t, "fromhex", float_fromhex, MethodKind::Class);
    add_method(t, "as_integer_ratio", float_as_integer_ratio);
}

} // namespace adder
