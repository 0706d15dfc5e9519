// The math module (Modules/mathmodule.c): constants, float functions with
// CPython's domain/range errors, and the integer functions (factorial, gcd,
// lcm, isqrt, comb, perm) on GMP.
#include <cerrno>
#include <cmath>

#include "import/import.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

static Pending domain_error() { return throw_error(g_ValueError, "math domain error"); }
static Pending range_error() { return throw_error(g_OverflowError, "math range error"); }

static Result<double> arg_double(CallArgs args, size_t i) { return to_double(args[i]); }

// A one-argument float function with CPython's error classification.
template<double (*F)(double), bool (*Domain)(double)>
static Result<Value> math_unary(Value, CallArgs args)
{
    TRY(check_arity(args, "math function", 1, 1));
    double x = TRY(arg_double(args, 0));
    if (Domain && !Domain(x))
        return domain_error();
    double r = F(x);
    if (std::isnan(r) && !std::isnan(x))
        return domain_error();
    if (std::isinf(r) && std::isfinite(x))
        return range_error();
    return float_value(r);
}

static bool any_domain(double) { return true; }
static bool nonneg(double x) { return x >= 0 || std::isnan(x); }
static bool unit(double x) { return (x >= -1 && x <= 1) || std::isnan(x); }
static bool not_inf(double x) { return !std::isinf(x); }
static double c_sqrt(double x) { return std::sqrt(x); }
static double c_exp(double x) { return std::exp(x); }
static double c_sin(double x) { return std::sin(x); }
static double c_cos(double x) { return std::cos(x); }
static double c_tan(double x) { return std::tan(x); }
static double c_asin(double x) { return std::asin(x); }
static double c_acos(double x) { return std::acos(x); }
static double c_atan(double x) { return std::atan(x); }
static double c_sinh(double x) { return std::sinh(x); }
static double c_cosh(double x) { return std::cosh(x); }
static double c_tanh(double x) { return std::tanh(x); }
static double c_fabs(double x) { return std::fabs(x); }
static double c_expm1(double x) { return std::expm1(x); }
static double c_log1p(double x) { return std::log1p(x); }
static double c_erf(double x) { return std::erf(x); }
static double c_erfc(double x) { return std::erfc(x); }
static double c_gamma(double x) { return std::tgamma(x); }
static double c_lgamma(double x) { return std::lgamma(x); }
static double c_degrees(double x) { return x * (180.0 / M_PI); }
static double c_radians(double x) { return x * (M_PI / 180.0); }
static double c_cbrt(double x) { return std::cbrt(x); }
static double c_exp2(double x) { return std::exp2(x); }

static Result<double> log_of(Value v)
{
    if (is_int(v)) {
        if (int_sign(v) <= 0)
            return domain_error();
        Result<double> d = int_to_double(v);
        if (d.is_ok())
            return std::log(d.value());
        take_pending();
        // Huge ints: log via the bit length.
        mpz_t z;
        mpz_init(z);
        int_to_mpz(v, z);
        long e;
        double m = mpz_get_d_2exp(&e, z);
        mpz_clear(z);
        return std::log(m) + double(e) * std::log(2.0);
    }
    double x = TRY(to_double(v));
    if (x <= 0 || std::isnan(x))
        return std::isnan(x) ? x : (domain_error(), Result<double>(pending));
    return std::log(x);
}

static Result<Value> math_log(Value, CallArgs args)
{
    TRY(check_arity(args, "log", 1, 2));
    double num = TRY(log_of(args[0]));
    if (args.nargs == 2) {
        double den = TRY(log_of(args[1]));
        if (den == 0)
            return throw_error(g_ZeroDivisionError, "float division by zero");
        return float_value(num / den);
    }
    return float_value(num);
}

static Result<Value> math_log2(Value, CallArgs args)
{
    TRY(check_arity(args, "log2", 1, 1));
    if (is_float(args[0]) || (is_int(args[0]) && int_sign(args[0]) > 0 && int_to_double(args[0]).is_ok())) {
        double x = TRY(to_double(args[0]));
        if (x <= 0)
            return domain_error();
        return float_value(std::log2(x));
    }
    double x = TRY(log_of(args[0]));
    return float_value(x / std::log(2.0));
}

static Result<Value> math_log10(Value, CallArgs args)
{
    TRY(check_arity(args, "log10", 1, 1));
    if (is_float(args[0]) || (is_int(args[0]) && int_sign(args[0]) > 0 && int_to_double(args[0]).is_ok())) {
        double x = TRY(to_double(args[0]));
        if (x <= 0)
            return domain_error();
        return float_value(std::log10(x));
    }
    double x = TRY(log_of(args[0]));
    return float_value(x / std::log(10.0));
}

static Result<Value> rounding(Value v, const char* dunder, double (*f)(double))
{
    if (is_int(v))
        return int_exact(v);
    if (!is_float(v)) {
        Value m = type_lookup(v.type(), dunder);
        if (m)
            return call_method(v, dunder, {});
    }
    double x = TRY(to_double(v));
    double r = f(x);
    if (std::isinf(r))
        return throw_error(g_OverflowError, "cannot convert float infinity to integer");
    if (std::isnan(r))
        return throw_error(g_ValueError, "cannot convert float NaN to integer");
    if (std::fabs(r) < 9e18)
        return int_from_i64(int64_t(r));
    mpz_t z;
    mpz_init_set_d(z, r);
    Value out = int_from_mpz(z);
    mpz_clear(z);
    return out;
}

static Result<Value> math_floor(Value, CallArgs args)
{
    TRY(check_arity(args, "floor", 1, 1));
    return rounding(args[0], "__floor__", [](double x) { return std::floor(x); });
}
static Result<Value> math_ceil(Value, CallArgs args)
{
    TRY(check_arity(args, "ceil", 1, 1));
    return rounding(args[0], "__ceil__", [](double x) { return std::ceil(x); });
}
static Result<Value> math_trunc(Value, CallArgs args)
{
    TRY(check_arity(args, "trunc", 1, 1));
    return rounding(args[0], "__trunc__", [](double x) { return std::trunc(x); });
}

static Result<Value> math_pow(Value, CallArgs args)
{
    TRY(check_arity(args, "pow", 2, 2));
    double x = TRY(to_double(args[0]));
    double y = TRY(to_double(args[1]));
    if (x == 0 && y < 0)
        return domain_error();
    if (x < 0 && std::isfinite(x) && y != std::floor(y) && std::isfinite(y))
        return domain_error();
    double r = std::pow(x, y);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
        return range_error();
    return float_value(r);
}

static Result<Value> math_atan2(Value, CallArgs args)
{
    TRY(check_arity(args, "atan2", 2, 2));
    double y = TRY(to_double(args[0]));
    double x = TRY(to_double(args[1]));
    return float_value(std::atan2(y, x));
}

static Result<Value> math_fmod(Value, CallArgs args)
{
    TRY(check_arity(args, "fmod", 2, 2));
    double x = TRY(to_double(args[0]));
    double y = TRY(to_double(args[1]));
    if (y == 0 || std::isinf(x))
        return domain_error();
    return float_value(std::fmod(x, y));
}

static Result<Value> math_copysign(Value, CallArgs args)
{
    TRY(check_arity(args, "copysign", 2, 2));
    double x = TRY(to_double(args[0]));
    double y = TRY(to_double(args[1]));
    return float_value(std::copysign(x, y));
}

static Result<Value> math_hypot(Value, CallArgs args)
{
    double acc = 0;
    for (size_t i = 0; i < args.nargs; ++i) {
        double x = TRY(to_double(args[i]));
        acc = std::hypot(acc, x);
    }
    return float_value(acc);
}

static Result<Value> math_isfinite(Value, CallArgs args)
{
    TRY(check_arity(args, "isfinite", 1, 1));
    double x = TRY(to_double(args[0]));
    return py_bool(std::isfinite(x));
}
static Result<Value> math_isinf(Value, CallArgs args)
{
    TRY(check_arity(args, "isinf", 1, 1));
    double x = TRY(to_double(args[0]));
    return py_bool(std::isinf(x));
}
static Result<Value> math_isnan(Value, CallArgs args)
{
    TRY(check_arity(args, "isnan", 1, 1));
    double x = TRY(to_double(args[0]));
    return py_bool(std::isnan(x));
}

static Result<Value> math_isclose(Value, CallArgs args)
{
    Value a, b, rel, abs_;
    if (args.nargs != 2)
        return throw_error(g_TypeError, "isclose() takes exactly 2 positional arguments (%zu given)", args.nargs);
    TRY(parse_args(args, "isclose", { "a", "b", "rel_tol", "abs_tol" }, 2, { &a, &b, &rel, &abs_ }));
    double x = TRY(to_double(a));
    double y = TRY(to_double(b));
    double rt = rel ? TRY(to_double(rel)) : 1e-9;
    double at = abs_ ? TRY(to_double(abs_)) : 0.0;
    if (rt < 0 || at < 0)
        return throw_error(g_ValueError, "tolerances must be non-negative");
    if (x == y)
        return py_bool(true);
    if (std::isinf(x) || std::isinf(y))
        return py_bool(false);
    double diff = std::fabs(y - x);
    return py_bool((diff <= std::fabs(rt * y)) || (diff <= std::fabs(rt * x)) || (diff <= at));
}

static Result<Value> math_frexp(Value, CallArgs args)
{
    TRY(check_arity(args, "frexp", 1, 1));
    double x = TRY(to_double(args[0]));
    int e = 0;
    double m = std::isfinite(x) ? std::frexp(x, &e) : x;
    return Value(Tuple::create({ float_value(m), int_from_i64(e) }));
}

static Result<Value> math_ldexp(Value, CallArgs args)
{
    TRY(check_arity(args, "ldexp", 2, 2));
    double x = TRY(to_double(args[0]));
    int64_t e = TRY(int_as_i64(args[1]));
    double r = std::ldexp(x, int(std::max<int64_t>(-100000, std::min<int64_t>(100000, e))));
    if (std::isinf(r) && std::isfinite(x))
        return range_error();
    return float_value(r);
}

static Result<Value> math_modf(Value, CallArgs args)
{
    TRY(check_arity(args, "modf", 1, 1));
    double x = TRY(to_double(args[0]));
    double ip;
    double fp = std::modf(x, &ip);
    if (std::isinf(x))
        fp = std::copysign(0.0, x);
    return Value(Tuple::create({ float_value(fp), float_value(ip) }));
}

static Result<Value> math_fsum(Value, CallArgs args)
{
    TRY(check_arity(args, "fsum", 1, 1));
    // Shewchuk's algorithm (msum), as CPython.
    std::vector<double> partials;
    Value it = TRY(get_iter(args[0]));
    for (;;) {
        Value v = TRY(iter_next(it));
        if (!v)
            break;
        double x = TRY(to_double(v));
        size_t i = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y))
                std::swap(x, y);
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0)
                partials[i++] = lo;
            x = hi;
        }
        partials.resize(i);
        partials.push_back(x);
    }
    double hi = 0;
    if (!partials.empty()) {
        size_t n = partials.size();
        hi = partials[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi;
            double y = partials[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0)
                break;
        }
        if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
            double y = lo * 2;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    return float_value(hi);
}

static Result<Value> math_factorial(Value, CallArgs args)
{
    TRY(check_arity(args, "factorial", 1, 1));
    if (is_float(args[0]))
        return throw_error(g_TypeError, "'float' object cannot be interpreted as an integer");
    Value n = TRY(number_index(args[0]));
    if (int_sign(n) < 0)
        return throw_error(g_ValueError, "factorial() not defined for negative values");
    int64_t k = TRY(int_as_i64(n));
    mpz_t z;
    mpz_init(z);
    mpz_fac_ui(z, uint64_t(k));
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

static Result<Value> math_gcd(Value, CallArgs args)
{
    mpz_t acc, x;
    mpz_init(acc);
    mpz_init(x);
    for (size_t i = 0; i < args.nargs; ++i) {
        Result<Value> v = number_index(args[i]);
        if (v.is_error()) {
            mpz_clear(acc);
            mpz_clear(x);
            return pending;
        }
        int_to_mpz(v.value(), x);
        mpz_gcd(acc, acc, x);
    }
    Value r = int_from_mpz(acc);
    mpz_clear(acc);
    mpz_clear(x);
    return r;
}

static Result<Value> math_lcm(Value, CallArgs args)
{
    mpz_t acc, x;
    mpz_init_set_ui(acc, 1);
    mpz_init(x);
    for (size_t i = 0; i < args.nargs; ++i) {
        Result<Value> v = number_index(args[i]);
        if (v.is_error()) {
            mpz_clear(acc);
            mpz_clear(x);
            return pending;
        }
        int_to_mpz(v.value(), x);
        mpz_lcm(acc, acc, x);
    }
    Value r = int_from_mpz(acc);
    mpz_clear(acc);
    mpz_clear(x);
    return r;
}

static Result<Value> math_isqrt(Value, CallArgs args)
{
    TRY(check_arity(args, "isqrt", 1, 1));
    Value n = TRY(number_index(args[0]));
    if (int_sign(n) < 0)
        return throw_error(g_ValueError, "isqrt() argument must be nonnegative");
    mpz_t z;
    mpz_init(z);
    int_to_mpz(n, z);
    mpz_sqrt(z, z);
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

static Result<Value> math_comb_perm(CallArgs args, bool comb)
{
    const char* name = comb ? "comb" : "perm";
    TRY(check_arity(args, name, comb ? 2 : 1, 2));
    Value n = TRY(number_index(args[0]));
    if (!comb && args.nargs == 1)
        return math_factorial(Value(), args);
    Value k = TRY(number_index(args[1]));
    if (int_sign(n) < 0)
        return throw_error(g_ValueError, "n must be a non-negative integer");
    if (int_sign(k) < 0)
        return throw_error(g_ValueError, "k must be a non-negative integer");
    if (int_compare(k, n) > 0)
        return Value::small(0);
    int64_t ni = TRY(int_as_i64(n)), ki = TRY(int_as_i64(k));
    mpz_t z;
    mpz_init(z);
    if (comb)
        mpz_bin_uiui(z, uint64_t(ni), uint64_t(ki));
    else {
        mpz_set_ui(z, 1);
        for (int64_t i = 0; i < ki; ++i)
            mpz_mul_ui(z, z, uint64_t(ni - i));
    }
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

static Result<Value> math_comb(Value, CallArgs args) { return math_comb_perm(args, true); }
static Result<Value> math_perm(Value, CallArgs args) { return math_comb_perm(args, false); }

static Result<Value> math_prod(Value, CallArgs args)
{
    Value iterable, start;
    TRY(parse_args(args, "prod", { "iterable", "start" }, 1, { &iterable, &start }, 1));
    Value acc = start ? start : Value::small(1);
    Value it = TRY(get_iter(iterable));
    for (;;) {
        Value x = TRY(iter_next(it));
        if (!x)
            return acc;
        acc = TRY(binary_op(acc, x, NB_MULTIPLY));
    }
}

static Result<Value> math_dist(Value, CallArgs args)
{
    TRY(check_arity(args, "dist", 2, 2));
    gc::MarkedVector p, q;
    TRY(collect_iterable(args[0], p));
    TRY(collect_iterable(args[1], q));
    if (p.size() != q.size())
        return throw_error(g_ValueError, "both points must have the same number of dimensions");
    double acc = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        double a = TRY(to_double(p[i]));
        double b = TRY(to_double(q[i]));
        acc = std::hypot(acc, a - b);
    }
    return float_value(acc);
}

static Module* math_module()
{
    Module* m = Module::create("math");
    Dict* d = m->dict();
    auto def = [&](const char* name, NativeFn fn) { d->set_str(name, make_native_function(name, fn, Value(m))); };
    d->set_str("pi", float_value(M_PI));
    d->set_str("e", float_value(M_E));
    d->set_str("tau", float_value(2 * M_PI));
    d->set_str("inf", float_value(INFINITY));
    d->set_str("nan", float_value(NAN));
    def("sqrt", math_unary<c_sqrt, nonneg>);
    def("exp", math_unary<c_exp, any_domain>);
    def("exp2", math_unary<c_exp2, any_domain>);
    def("expm1", math_unary<c_expm1, any_domain>);
    def("log1p", math_unary<c_log1p, any_domain>);
    def("sin", math_unary<c_sin, not_inf>);
    def("cos", math_unary<c_cos, not_inf>);
    def("tan", math_unary<c_tan, not_inf>);
    def("asin", math_unary<c_asin, unit>);
    def("acos", math_unary<c_acos, unit>);
    def("atan", math_unary<c_atan, any_domain>);
    def("sinh", math_unary<c_sinh, any_domain>);
    def("cosh", math_unary<c_cosh, any_domain>);
    def("tanh", math_unary<c_tanh, any_domain>);
    def("fabs", math_unary<c_fabs, any_domain>);
    def("erf", math_unary<c_erf, any_domain>);
    def("erfc", math_unary<c_erfc, any_domain>);
    def("gamma", math_unary<c_gamma, any_domain>);
    def("lgamma", math_unary<c_lgamma, any_domain>);
    def("degrees", math_unary<c_degrees, any_domain>);
    def("radians", math_unary<c_radians, any_domain>);
    def("cbrt", math_unary<c_cbrt, any_domain>);
    def("log", math_log);
    def("log2", math_log2);
    def("log10", math_log10);
    def("floor", math_floor);
    def("ceil", math_ceil);
    def("trunc", math_trunc);
    def("pow", math_pow);
    def("atan2", math_atan2);
    def("fmod", math_fmod);
    def("copysign", math_copysign);
    def("hypot", math_hypot);
    def("isfinite", math_isfinite);
    def("isinf", math_isinf);
    def("isnan", math_isnan);
    def("isclose", math_isclose);
    def("frexp", math_frexp);
    def("ldexp", math_ldexp);
    def("modf", math_modf);
    def("fsum", math_fsum);
    def("factorial", math_factorial);
    def("gcd", math_gcd);
    def("lcm", math_lcm);
    def("isqrt", math_isqrt);
    def("comb", math_comb);
    def("perm", math_perm);
    def("prod", math_prod);
    def("dist", math_dist);
    return m;
}

void register_math_module() { imp::register_native_module("math", math_module); }

} // namespace adder
