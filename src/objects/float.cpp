// float and complex core: construction, repr and hashing (through the tested
// src/numeric implementations), arithmetic with CPython's error messages, and
// exact comparison between floats and ints.
#include "objects/float.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "numeric/float_format.h"
#include "numeric/format_spec.h"
#include "numeric/hash.h"

namespace adder {

Value float_value(double v) { return Value(make<Float>(g_float_type, v)); }
Value complex_value(double re, double im) { return Value(make<Complex>(g_complex_type, re, im)); }

std::string float_repr(double v) { return numeric::float_repr(v); }

int64_t float_hash(double v, const void* identity)
{
    if (!std::isnan(v))
        return numeric::hash_double(v);
    return numeric::hash_pointer(identity); // CPython 3.11 hashes a nan by identity
}

Result<double> to_double(Value v)
{
    if (is_float(v))
        return float_of(v);
    if (is_int(v))
        return int_to_double(v);
    if (UnaryFn f = v.type()->to_float) {
        Value r = TRY(f(v));
        if (!is_float(r))
            return throw_error(g_TypeError, "%s.__float__ returned non-float (type %s)", v.type()->m_name.c_str(),
                               r.type()->m_name.c_str());
        return float_of(r);
    }
    if (v.type()->index) {
        Value i = TRY(number_index(v));
        return int_to_double(i);
    }
    return throw_error(g_TypeError, "must be real number, not %s", v.type()->m_name.c_str());
}

// Converts an operand for float arithmetic; false means NotImplemented.
static Result<bool> float_operand(Value v, double& out)
{
    if (is_float(v)) {
        out = float_of(v);
        return true;
    }
    if (is_int(v)) {
        out = TRY(int_to_double(v));
        return true;
    }
    return false;
}

#define FLOAT_OPERANDS                          \
    double x, y;                                \
    bool ok_a = TRY(float_operand(a, x));       \
    if (!ok_a)                                  \
        return Value(g_notimplemented);         \
    bool ok_b = TRY(float_operand(b, y));       \
    if (!ok_b)                                  \
        return Value(g_notimplemented);

static Result<Value> float_add(Value a, Value b) { FLOAT_OPERANDS return float_value(x + y); }
static Result<Value> float_sub(Value a, Value b) { FLOAT_OPERANDS return float_value(x - y); }
static Result<Value> float_mul(Value a, Value b) { FLOAT_OPERANDS return float_value(x * y); }
static Result<Value> float_truediv(Value a, Value b)
{
    FLOAT_OPERANDS
    if (y == 0)
        return throw_error(g_ZeroDivisionError, "float division by zero");
    return float_value(x / y);
}

static void float_divmod_raw(double vx, double wx, double& floordiv, double& mod)
{
    mod = std::fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, wx);
    }
    if (div) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, vx / wx);
    }
}

static Result<Value> float_floordiv(Value a, Value b)
{
    FLOAT_OPERANDS
    if (y == 0)
        return throw_error(g_ZeroDivisionError, "float floor division by zero");
    double q, m;
    float_divmod_raw(x, y, q, m);
    return float_value(q);
}

static Result<Value> float_mod(Value a, Value b)
{
    FLOAT_OPERANDS
    if (y == 0)
        return throw_error(g_ZeroDivisionError, "float modulo");
    double q, m;
    float_divmod_raw(x, y, q, m);
    return float_value(m);
}

Result<Value> float_divmod(Value a, Value b)
{
    FLOAT_OPERANDS
    if (y == 0)
        return throw_error(g_ZeroDivisionError, "float divmod()");
    double q, m;
    float_divmod_raw(x, y, q, m);
    return Value(Tuple::create({ float_value(q), float_value(m) }));
}

static Result<Value> float_pow(Value a, Value b)
{
    FLOAT_OPERANDS
    if (x == 0 && y < 0)
        return throw_error(g_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    if (x < 0 && y != std::floor(y) && std::isfinite(y)) {
        // Negative base, fractional exponent: complex result.
        double mag = std::pow(-x, y);
        double ang = M_PI * y;
        return complex_value(mag * std::cos(ang), mag * std::sin(ang));
    }
    errno = 0;
    double r = std::pow(x, y);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
        return throw_error(g_OverflowError, "(34, 'Numerical result out of range')");
    return float_value(r);
}

#undef FLOAT_OPERANDS

static Result<Value> float_neg(Value v) { return float_value(-float_of(v)); }
static Result<Value> float_pos(Value v) { return v.type() == g_float_type ? v : float_value(float_of(v)); }
static Result<Value> float_abs(Value v) { return float_value(std::fabs(float_of(v))); }
static Result<bool> float_bool(Value v) { return float_of(v) != 0; }
static Result<int64_t> float_hash_slot(Value v) { return float_hash(float_of(v), v.as_object()); }
static Result<Value> float_repr_slot(Value v) { return Value(Str::create(float_repr(float_of(v)))); }

static Result<Value> float_to_int(Value v)
{
    double d = float_of(v);
    if (std::isnan(d))
        return throw_error(g_ValueError, "cannot convert float NaN to integer");
    if (std::isinf(d))
        return throw_error(g_OverflowError, "cannot convert float infinity to integer");
    d = std::trunc(d);
    if (std::fabs(d) < 9.0e18)
        return int_from_i64(int64_t(d));
    mpz_t z;
    mpz_init_set_d(z, d);
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

static Result<Value> compare_doubles(double x, double y, CompareOp op)
{
    bool r = false;
    switch (op) {
    case CompareOp::Lt: r = x < y; break;
    case CompareOp::Le: r = x <= y; break;
    case CompareOp::Eq: r = x == y; break;
    case CompareOp::Ne: r = x != y; break;
    case CompareOp::Gt: r = x > y; break;
    case CompareOp::Ge: r = x >= y; break;
    }
    return py_bool(r);
}

static Result<Value> float_richcompare(Value a, Value b, CompareOp op)
{
    double x = float_of(a);
    if (is_float(b))
        return compare_doubles(x, float_of(b), op);
    if (!is_int(b))
        return Value(g_notimplemented);
    int64_t i;
    if (int_fits_i64(b, i) && std::llabs(i) <= (int64_t(1) << 53))
        return compare_doubles(x, double(i), op);
    if (std::isnan(x))
        return py_bool(op == CompareOp::Ne);
    if (std::isinf(x))
        return compare_doubles(x, 0.0, op);
    // Exact comparison with a big int.
    mpz_t z;
    mpz_init(z);
    int_to_mpz(b, z);
    int c = -mpz_cmp_d(z, x);
    mpz_clear(z);
    return compare_doubles(double(c), 0.0, op);
}

// Text parsing for float()/complex() lives in float_methods.cpp (Unicode
// digits and spaces, underscores, inf/nan, the complex grammar).
Result<Value> float_parse_text(Value original, std::string_view text);
Result<Value> complex_parse_text(Value original, std::string_view text);

static Result<Value> float_new(Type* type, CallArgs args)
{
    TRY(check_arity(args, "float", 0, 1));
    double d = 0;
    if (args.nargs == 1) {
        Value x = args[0];
        std::string_view text;
        if (is_str(x) || is_bytes(x) || is_bytearray(x)) {
            if (is_str(x))
                text = as_str(x)->view();
            else
                bytes_like_view(x, text);
            Value f = TRY(float_parse_text(x, text));
            d = float_of(f);
        } else if (is_float(x) || is_int(x) || x.type()->to_float || x.type()->index) {
            d = TRY(to_double(x));
        } else {
            return throw_error(g_TypeError, "float() argument must be a string or a real number, not '%s'",
                               x.type()->m_name.c_str());
        }
    }
    if (type != g_float_type)
        return Value(make<Float>(type, d));
    return float_value(d);
}

Result<Value> format_builtin(Value v, Str* spec);

static Result<Value> float_format(Value self, CallArgs args)
{
    TRY(check_arity(args, "__format__", 1, 1));
    if (!is_str(args[0]))
        return throw_error(g_TypeError, "__format__() argument must be str, not %s", args[0].type()->m_name.c_str());
    Str* spec = as_str(args[0]);
    if (spec->length() == 0)
        return to_str(self);
    if (format_builtin)
        return format_builtin(self, spec);
    // FIXME: minimal fallback until format.cpp lands: ".Nf" only.
    std::string_view s = spec->view();
    if (s.size() >= 3 && s[0] == '.' && (s.back() == 'f' || s.back() == 'e' || s.back() == 'g')) {
        int prec = std::atoi(std::string(s.substr(1, s.size() - 2)).c_str());
        char buf[512];
        std::snprintf(buf, sizeof buf, s.back() == 'f' ? "%.*f" : s.back() == 'e' ? "%.*e" : "%.*g", prec, float_of(self));
        return Value(Str::create(buf));
    }
    return throw_error(g_ValueError, "Unknown format code '%c' for object of type 'float'", s.back());
}

static Result<Value> float_is_integer(Value self, CallArgs)
{
    double d = float_of(self);
    return py_bool(std::isfinite(d) && d == std::floor(d));
}

static Result<Value> float_round(Value self, CallArgs args)
{
    double d = float_of(self);
    if (args.nargs == 0 || is_none(args[0])) {
        double r = std::nearbyint(d); // banker's rounding in the default FP mode
        if (std::isnan(d))
            return throw_error(g_ValueError, "cannot convert float NaN to integer");
        if (std::isinf(d))
            return throw_error(g_OverflowError, "cannot convert float infinity to integer");
        return float_to_int(float_value(r));
    }
    int64_t nd = TRY(index_as_i64(args[0]));
    if (!std::isfinite(d) || d == 0)
        return float_value(d);
    if (nd > 323)
        return float_value(d);
    if (nd < -308)
        return float_value(std::copysign(0.0, d));
    // Correctly rounded via the decimal string, as CPython's double_round.
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", int(nd > 0 ? nd : 0), d);
    if (nd >= 0)
        return float_value(std::strtod(buf, nullptr));
    double p = std::pow(10.0, double(-nd));
    double y = d / p;
    double z = std::nearbyint(y);
    if (std::fabs(y - z) == 0.5)
        z = 2.0 * std::nearbyint(y / 2.0);
    return float_value(z * p);
}

// --- complex ---------------------------------------------------------------------

static std::string complex_repr_text(double re, double im) { return numeric::complex_repr(re, im); }

static Complex* as_complex(Value v) { return static_cast<Complex*>(v.as_object()); }

static Result<bool> complex_operand(Value v, double& re, double& im)
{
    if (v.is_object() && v.type()->m_layout == Layout::Complex) {
        re = as_complex(v)->real();
        im = as_complex(v)->imag();
        return true;
    }
    im = 0;
    if (is_float(v)) {
        re = float_of(v);
        return true;
    }
    if (is_int(v)) {
        re = TRY(int_to_double(v));
        return true;
    }
    return false;
}

#define COMPLEX_OPERANDS                                  \
    double ar, ai, br, bi;                                \
    bool ok_a = TRY(complex_operand(a, ar, ai));          \
    if (!ok_a)                                            \
        return Value(g_notimplemented);                   \
    bool ok_b = TRY(complex_operand(b, br, bi));          \
    if (!ok_b)                                            \
        return Value(g_notimplemented);

static Result<Value> complex_add(Value a, Value b) { COMPLEX_OPERANDS return complex_value(ar + br, ai + bi); }
static Result<Value> complex_sub(Value a, Value b) { COMPLEX_OPERANDS return complex_value(ar - br, ai - bi); }
static Result<Value> complex_mul(Value a, Value b) { COMPLEX_OPERANDS return complex_value(ar * br - ai * bi, ar * bi + ai * br); }
static Result<Value> complex_div(Value a, Value b)
{
    COMPLEX_OPERANDS
    if (br == 0 && bi == 0)
        return throw_error(g_ZeroDivisionError, "complex division by zero");
    // Smith's algorithm, as CPython's _Py_c_quot.
    double abs_br = std::fabs(br), abs_bi = std::fabs(bi);
    if (abs_br >= abs_bi) {
        double ratio = bi / br;
        double denom = br + bi * ratio;
        return complex_value((ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
    }
    double ratio = br / bi;
    double denom = br * ratio + bi;
    return complex_value((ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
}
static Result<Value> complex_pow(Value a, Value b)
{
    COMPLEX_OPERANDS
    if (br == 0 && bi == 0)
        return complex_value(1, 0);
    if (ar == 0 && ai == 0) {
        if (bi != 0 || br < 0)
            return throw_error(g_ZeroDivisionError, "0.0 to a negative or complex power");
        return complex_value(0, 0);
    }
    if (bi == 0 && br == std::trunc(br) && std::fabs(br) <= 100) {
        // Small integral exponents by repeated squaring, as CPython's c_powi.
        long n = long(br);
        double rr = 1, ri = 0, xr = ar, xi = ai;
        for (long m = n < 0 ? -n : n; m > 0; m >>= 1) {
            if (m & 1) {
                double t = rr * xr - ri * xi;
                ri = rr * xi + ri * xr;
                rr = t;
            }
            double t = xr * xr - xi * xi;
            xi = 2 * xr * xi;
            xr = t;
        }
        if (n < 0)
            return complex_div(complex_value(1, 0), complex_value(rr, ri));
        return complex_value(rr, ri);
    }
    double vabs = std::hypot(ar, ai);
    double len = std::pow(vabs, br);
    double at = std::atan2(ai, ar);
    double phase = at * br;
    if (bi != 0) {
        len /= std::exp(at * bi);
        phase += bi * std::log(vabs);
    }
    return complex_value(len * std::cos(phase), len * std::sin(phase));
}
#undef COMPLEX_OPERANDS

static Result<Value> complex_richcompare(Value a, Value b, CompareOp op)
{
    double ar, ai, br, bi;
    complex_operand(a, ar, ai).release_value();
    bool okb = TRY(complex_operand(b, br, bi));
    if (!okb || (op != CompareOp::Eq && op != CompareOp::Ne))
        return Value(g_notimplemented);
    bool eq = ar == br && ai == bi;
    return py_bool(op == CompareOp::Eq ? eq : !eq);
}

static Result<int64_t> complex_hash(Value v)
{
    Complex* c = as_complex(v);
    uint64_t hr = uint64_t(float_hash(c->real(), c));
    uint64_t hi = uint64_t(float_hash(c->imag(), c));
    int64_t h = int64_t(hr + 1000003ull * hi);
    return h == -1 ? -2 : h;
}

static Result<Value> complex_new(Type* type, CallArgs args)
{
    Value real, imag;
    TRY(parse_args(args, "complex", { "real", "imag" }, 0, { &real, &imag }));
    double re = 0, im = 0;
    if (real) {
        double r2, i2;
        bool okr = TRY(complex_operand(real, r2, i2));
        if (!okr) {
            if (is_str(real)) {
                if (imag)
                    return throw_error(g_TypeError, "complex() can't take second arg if first is a string");
                Value c = TRY(complex_parse_text(real, as_str(real)->view()));
                if (type != g_complex_type)
                    return Value(make<Complex>(type, as_complex(c)->real(), as_complex(c)->imag()));
                return c;
            }
            double d = TRY(to_double(real));
            r2 = d;
            i2 = 0;
        }
        re = r2;
        im = i2;
    }
    if (imag) {
        double r2, i2;
        bool oki = TRY(complex_operand(imag, r2, i2));
        if (!oki && is_str(imag))
            return throw_error(g_TypeError, "complex() second arg can't be a string");
        if (!oki)
            return throw_error(g_TypeError, "complex() second argument must be a number, not '%s'", imag.type()->m_name.c_str());
        // As CPython: only a complex operand contributes its imaginary
        // part, so complex(1e300, -0.0) keeps the -0.0.
        bool imag_is_complex = imag.is_object() && imag.type()->m_layout == Layout::Complex;
        bool real_is_complex = real && real.is_object() && real.type()->m_layout == Layout::Complex;
        if (imag_is_complex)
            re -= i2;
        im = real_is_complex ? im + r2 : r2;
    }
    if (type != g_complex_type)
        return Value(make<Complex>(type, re, im));
    return complex_value(re, im);
}

void init_float_type()
{
    Type* t = g_float_type;
    t->repr = float_repr_slot;
    t->hash = float_hash_slot;
    t->richcompare = float_richcompare;
    t->boolean = float_bool;
    t->nb[NB_ADD] = float_add;
    t->nb[NB_SUBTRACT] = float_sub;
    t->nb[NB_MULTIPLY] = float_mul;
    t->nb[NB_TRUE_DIVIDE] = float_truediv;
    t->nb[NB_FLOOR_DIVIDE] = float_floordiv;
    t->nb[NB_REMAINDER] = float_mod;
    t->nb[NB_POWER] = float_pow;
    t->neg = float_neg;
    t->pos = float_pos;
    t->abs = float_abs;
    t->to_int = float_to_int;
    t->to_float = float_pos;
    t->new_ = float_new;
    add_method(t, "__format__", float_format);
    add_method(t, "is_integer", float_is_integer);
    add_method(t, "__round__", float_round);
    add_method(t, "__trunc__", [](Value self, CallArgs) -> Result<Value> { return float_to_int(self); });
    add_method(t, "__floor__", [](Value self, CallArgs) -> Result<Value> { return float_to_int(float_value(std::floor(float_of(self)))); });
    add_method(t, "__ceil__", [](Value self, CallArgs) -> Result<Value> { return float_to_int(float_value(std::ceil(float_of(self)))); });
    add_method(t, "conjugate", [](Value self, CallArgs) -> Result<Value> { return float_pos(self); });
    add_getset(t, "real", [](Value self) -> Result<Value> { return float_pos(self); });
    add_getset(t, "imag", [](Value) -> Result<Value> { return float_value(0.0); });

    Type* c = g_complex_type;
    c->repr = [](Value v) -> Result<Value> { return Value(Str::create(complex_repr_text(as_complex(v)->real(), as_complex(v)->imag()))); };
    c->hash = complex_hash;
    c->richcompare = complex_richcompare;
    c->boolean = [](Value v) -> Result<bool> { return as_complex(v)->real() != 0 || as_complex(v)->imag() != 0; };
    c->nb[NB_ADD] = complex_add;
    c->nb[NB_SUBTRACT] = complex_sub;
    c->nb[NB_MULTIPLY] = complex_mul;
    c->nb[NB_TRUE_DIVIDE] = complex_div;
    c->nb[NB_POWER] = complex_pow;
    c->neg = [](Value v) -> Result<Value> { return complex_value(-as_complex(v)->real(), -as_complex(v)->imag()); };
    c->pos = [](Value v) -> Result<Value> { return complex_value(as_complex(v)->real(), as_complex(v)->imag()); };
    c->abs = [](Value v) -> Result<Value> { return float_value(std::hypot(as_complex(v)->real(), as_complex(v)->imag())); };
    c->new_ = complex_new;
    add_getset(c, "real", [](Value v) -> Result<Value> { return float_value(as_complex(v)->real()); });
    add_getset(c, "imag", [](Value v) -> Result<Value> { return float_value(as_complex(v)->imag()); });
    add_method(c, "conjugate", [](Value v, CallArgs) -> Result<Value> { return complex_value(as_complex(v)->real(), -as_complex(v)->imag()); });
}

} // namespace adder
