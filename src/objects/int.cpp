// int and bool: small-int fast paths on int64 with overflow checks, GMP for
// everything larger; CPython's semantics for floor division, modulo, shifts,
// pow (negative exponents give floats, modular inverses), hashing (mod
// 2**61 - 1), int() parsing (underscores, prefixes, the 4300-digit limit).
#include "objects/int.h"

#include <cmath>
#include <cstring>

#include "numeric/format_spec.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

int g_int_max_str_digits = 4300;

Int::Int(Type* type, const mpz_t value) : Object(type), m_is_big(true)
{
    mpz_init_set(m_mpz, value);
}

Int::~Int()
{
    if (m_is_big)
        mpz_clear(m_mpz);
}

static inline bool small_val(Value v, int64_t& out)
{
    if (v.is_small_int()) {
        out = v.small_int();
        return true;
    }
    auto* i = static_cast<Int*>(v.as_object());
    if (!i->is_big()) {
        out = i->small();
        return true;
    }
    return false;
}

Value int_from_i64(int64_t v)
{
    if (Value::fits_small(v))
        return Value::small(v);
    return Value(make<Int>(g_int_type, v));
}

Value int_from_u64(uint64_t v)
{
    if (v <= uint64_t(INT64_MAX))
        return int_from_i64(int64_t(v));
    mpz_t z;
    mpz_init(z);
    mpz_import(z, 1, 1, sizeof v, 0, 0, &v);
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

Value int_from_mpz(const mpz_t z)
{
    if (mpz_fits_slong_p(z))
        return int_from_i64(mpz_get_si(z));
    return Value(make<Int>(g_int_type, z));
}

void int_to_mpz(Value v, mpz_t out)
{
    int64_t s;
    if (small_val(v, s))
        mpz_set_si(out, s);
    else
        mpz_set(out, static_cast<Int*>(v.as_object())->mpz());
}

bool int_fits_i64(Value v, int64_t& out) { return small_val(v, out); }

Result<int64_t> int_as_i64(Value v)
{
    int64_t s;
    if (small_val(v, s))
        return s;
    return throw_error(g_OverflowError, "Python int too large to convert to C long");
}

int int_sign(Value v)
{
    int64_t s;
    if (small_val(v, s))
        return s < 0 ? -1 : s > 0;
    return mpz_sgn(static_cast<Int*>(v.as_object())->mpz());
}

Result<double> int_to_double(Value v)
{
    int64_t s;
    if (small_val(v, s))
        return double(s);
    const __mpz_struct* z = static_cast<Int*>(v.as_object())->mpz();
    if (mpz_sizeinbase(z, 2) > 1024)
        return throw_error(g_OverflowError, "int too large to convert to float");
    // Correct rounding (mpz_get_d truncates): round via the top 55 bits.
    size_t bits = mpz_sizeinbase(z, 2);
    if (bits <= 53)
        return mpz_get_d(z);
    mpz_t t;
    mpz_init(t);
    mpz_abs(t, z);
    size_t shift = bits - 55;
    bool sticky = mpz_scan1(t, 0) < shift;
    mpz_tdiv_q_2exp(t, t, shift);
    uint64_t top = mpz_get_ui(t); // 55 bits
    mpz_clear(t);
    if (sticky)
        top |= 1;
    // Round 55 bits to 53 with round-half-even, using the sticky bit.
    uint64_t rem = top & 3;
    top >>= 2;
    if (rem > 2 || (rem == 2 && (top & 1)))
        ++top;
    double d = std::ldexp(double(top), int(shift + 2));
    if (std::isinf(d))
        return throw_error(g_OverflowError, "int too large to convert to float");
    return mpz_sgn(z) < 0 ? -d : d;
}

Value int_exact(Value v)
{
    if (v.is_small_int())
        return v;
    if (v.type() == g_int_type)
        return v;
    auto* i = static_cast<Int*>(v.as_object());
    if (!i->is_big())
        return int_from_i64(i->small());
    return int_from_mpz(i->mpz());
}

std::string int_to_string(Value v, int base, bool prefix)
{
    int64_t s;
    std::string out;
    bool neg;
    if (small_val(v, s) && base == 10)
        return std::to_string(s);
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    neg = mpz_sgn(z) < 0;
    mpz_abs(z, z);
    std::vector<char> buf(mpz_sizeinbase(z, base) + 2);
    mpz_get_str(buf.data(), base, z);
    mpz_clear(z);
    if (neg)
        out += '-';
    if (prefix) {
        if (base == 2)
            out += "0b";
        else if (base == 8)
            out += "0o";
        else if (base == 16)
            out += "0x";
    }
    out += buf.data();
    return out;
}

int64_t int_hash(Value v)
{
    constexpr uint64_t P = (uint64_t(1) << 61) - 1;
    int64_t s;
    if (small_val(v, s)) {
        uint64_t a = s < 0 ? uint64_t(0) - uint64_t(s) : uint64_t(s);
        int64_t h = int64_t(a % P);
        if (s < 0)
            h = -h;
        return h == -1 ? -2 : h;
    }
    const __mpz_struct* z = static_cast<Int*>(v.as_object())->mpz();
    int64_t h = int64_t(mpz_tdiv_ui(z, P));
    if (mpz_sgn(z) < 0)
        h = -h;
    return h == -1 ? -2 : h;
}

int int_compare(Value a, Value b)
{
    int64_t x, y;
    if (small_val(a, x) && small_val(b, y))
        return x < y ? -1 : x > y;
    mpz_t za, zb;
    mpz_init(za);
    mpz_init(zb);
    int_to_mpz(a, za);
    int_to_mpz(b, zb);
    int c = mpz_cmp(za, zb);
    mpz_clear(za);
    mpz_clear(zb);
    return c < 0 ? -1 : c > 0;
}

Result<Value> number_index(Value v)
{
    if (is_int(v))
        return int_exact(v);
    UnaryFn fn = v.type()->index;
    if (!fn)
        return throw_error(g_TypeError, "'%s' object cannot be interpreted as an integer", v.type()->m_name.c_str());
    Value r = TRY(fn(v));
    if (!is_int(r))
        return throw_error(g_TypeError, "__index__ returned non-int (type %s)", r.type()->m_name.c_str());
    return int_exact(r);
}

Result<int64_t> index_as_i64(Value v)
{
    if (v.is_small_int())
        return v.small_int();
    Value i = TRY(number_index(v));
    int64_t out;
    if (!int_fits_i64(i, out))
        return throw_error(g_IndexError, "cannot fit 'int' into an index-sized integer");
    return out;
}

// --- arithmetic ----------------------------------------------------------------

namespace {
struct Mpz {
    mpz_t z;
    Mpz() { mpz_init(z); }
    explicit Mpz(Value v)
    {
        mpz_init(z);
        int_to_mpz(v, z);
    }
    ~Mpz() { mpz_clear(z); }
    Value value() const { return int_from_mpz(z); }
};
} // namespace

Result<Value> int_add(Value a, Value b)
{
    int64_t x, y, r;
    if (small_val(a, x) && small_val(b, y) && !__builtin_add_overflow(x, y, &r))
        return int_from_i64(r);
    Mpz za(a), zb(b), zr;
    mpz_add(zr.z, za.z, zb.z);
    return zr.value();
}

Result<Value> int_sub(Value a, Value b)
{
    int64_t x, y, r;
    if (small_val(a, x) && small_val(b, y) && !__builtin_sub_overflow(x, y, &r))
        return int_from_i64(r);
    Mpz za(a), zb(b), zr;
    mpz_sub(zr.z, za.z, zb.z);
    return zr.value();
}

Result<Value> int_mul(Value a, Value b)
{
    int64_t x, y, r;
    if (small_val(a, x) && small_val(b, y) && !__builtin_mul_overflow(x, y, &r))
        return int_from_i64(r);
    Mpz za(a), zb(b), zr;
    mpz_mul(zr.z, za.z, zb.z);
    return zr.value();
}

Result<Value> int_floordiv(Value a, Value b)
{
    int64_t x, y;
    if (small_val(a, x) && small_val(b, y)) {
        if (y == 0)
            return throw_error(g_ZeroDivisionError, "integer division or modulo by zero");
        if (!(x == INT64_MIN && y == -1)) {
            int64_t q = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0)))
                --q;
            return int_from_i64(q);
        }
    }
    if (int_sign(b) == 0)
        return throw_error(g_ZeroDivisionError, "integer division or modulo by zero");
    Mpz za(a), zb(b), zr;
    mpz_fdiv_q(zr.z, za.z, zb.z);
    return zr.value();
}

Result<Value> int_mod(Value a, Value b)
{
    int64_t x, y;
    if (small_val(a, x) && small_val(b, y)) {
        if (y == 0)
            return throw_error(g_ZeroDivisionError, "integer modulo by zero");
        if (y == -1)
            return Value::small(0);
        int64_t m = x % y;
        if (m != 0 && ((m < 0) != (y < 0)))
            m += y;
        return int_from_i64(m);
    }
    if (int_sign(b) == 0)
        return throw_error(g_ZeroDivisionError, "integer modulo by zero");
    Mpz za(a), zb(b), zr;
    mpz_fdiv_r(zr.z, za.z, zb.z);
    return zr.value();
}

static Result<Value> int_truediv(Value a, Value b)
{
    int64_t x, y;
    if (small_val(a, x) && small_val(b, y) && std::llabs(x) < (int64_t(1) << 53) && std::llabs(y) < (int64_t(1) << 53)) {
        if (y == 0)
            return throw_error(g_ZeroDivisionError, "division by zero");
        return float_value(double(x) / double(y));
    }
    if (int_sign(b) == 0)
        return throw_error(g_ZeroDivisionError, "division by zero");
    // FIXME: not correctly rounded for huge operands (CPython rounds exactly).
    mpq_t q;
    mpq_init(q);
    Mpz za(a), zb(b);
    mpq_set_num(q, za.z);
    mpq_set_den(q, zb.z);
    mpq_canonicalize(q);
    double d = mpq_get_d(q);
    mpq_clear(q);
    if (std::isinf(d))
        return throw_error(g_OverflowError, "integer division result too large for a float");
    return float_value(d);
}

Result<Value> int_pow(Value a, Value b, Value mod)
{
    if (mod && !is_none(mod)) {
        if (int_sign(mod) == 0)
            return throw_error(g_ValueError, "pow() 3rd argument cannot be 0");
        Mpz za(a), zb(b), zm(mod), zr;
        bool neg_mod = mpz_sgn(zm.z) < 0;
        mpz_abs(zm.z, zm.z);
        if (mpz_sgn(zb.z) < 0) {
            if (!mpz_invert(za.z, za.z, zm.z))
                return throw_error(g_ValueError, "base is not invertible for the given modulus");
            mpz_neg(zb.z, zb.z);
        }
        mpz_powm(zr.z, za.z, zb.z, zm.z);
        if (neg_mod && mpz_sgn(zr.z) != 0)
            mpz_sub(zr.z, zr.z, zm.z);
        return zr.value();
    }
    if (int_sign(b) < 0) {
        double x = TRY(int_to_double(a));
        double y = TRY(int_to_double(b));
        if (x == 0)
            return throw_error(g_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return float_value(std::pow(x, y));
    }
    int64_t x, y;
    if (small_val(a, x) && small_val(b, y)) {
        int64_t result = 1, base = x;
        int64_t e = y;
        bool overflow = false;
        while (e > 0 && !overflow) {
            if (e & 1)
                overflow |= __builtin_mul_overflow(result, base, &result);
            e >>= 1;
            if (e)
                overflow |= __builtin_mul_overflow(base, base, &base);
        }
        if (!overflow)
            return int_from_i64(result);
    }
    int64_t e;
    if (!int_fits_i64(b, e) || e > (int64_t(1) << 40))
        return throw_error(g_OverflowError, "exponent too large");
    Mpz za(a), zr;
    mpz_pow_ui(zr.z, za.z, uint64_t(e));
    return zr.value();
}

static Result<Value> int_lshift(Value a, Value b)
{
    if (int_sign(b) < 0)
        return throw_error(g_ValueError, "negative shift count");
    int64_t n;
    if (!int_fits_i64(b, n))
        return throw_error(g_OverflowError, "too many digits in integer");
    if (int_sign(a) == 0)
        return Value::small(0);
    int64_t x;
    if (small_val(a, x) && n < 62) {
        int64_t r = x << n;
        if ((r >> n) == x)
            return int_from_i64(r);
    }
    if (n > (int64_t(1) << 40))
        return throw_error(g_OverflowError, "too many digits in integer");
    Mpz za(a), zr;
    mpz_mul_2exp(zr.z, za.z, uint64_t(n));
    return zr.value();
}

static Result<Value> int_rshift(Value a, Value b)
{
    if (int_sign(b) < 0)
        return throw_error(g_ValueError, "negative shift count");
    int64_t n;
    if (!int_fits_i64(b, n))
        return Value::small(int_sign(a) < 0 ? -1 : 0);
    int64_t x;
    if (small_val(a, x))
        return int_from_i64(n >= 63 ? (x < 0 ? -1 : 0) : (x >> n));
    Mpz za(a), zr;
    mpz_fdiv_q_2exp(zr.z, za.z, uint64_t(n));
    return zr.value();
}

enum class BitOp { And, Or, Xor };
static Result<Value> int_bitop(Value a, Value b, BitOp op)
{
    int64_t x, y;
    if (small_val(a, x) && small_val(b, y))
        return int_from_i64(op == BitOp::And ? (x & y) : op == BitOp::Or ? (x | y) : (x ^ y));
    Mpz za(a), zb(b), zr;
    if (op == BitOp::And)
        mpz_and(zr.z, za.z, zb.z);
    else if (op == BitOp::Or)
        mpz_ior(zr.z, za.z, zb.z);
    else
        mpz_xor(zr.z, za.z, zb.z);
    return zr.value();
}

#define INT_BINARY(name, expr)                                 \
    static Result<Value> name(Value a, Value b)                \
    {                                                          \
        if (!is_int(a) || !is_int(b))                          \
            return Value(g_notimplemented);                    \
        return expr;                                           \
    }
INT_BINARY(int_nb_add, int_add(a, b))
INT_BINARY(int_nb_sub, int_sub(a, b))
INT_BINARY(int_nb_mul, int_mul(a, b))
INT_BINARY(int_nb_floordiv, int_floordiv(a, b))
INT_BINARY(int_nb_mod, int_mod(a, b))
INT_BINARY(int_nb_truediv, int_truediv(a, b))
INT_BINARY(int_nb_pow, int_pow(a, b, Value()))
INT_BINARY(int_nb_lshift, int_lshift(a, b))
INT_BINARY(int_nb_rshift, int_rshift(a, b))
INT_BINARY(int_nb_and, int_bitop(a, b, BitOp::And))
INT_BINARY(int_nb_or, int_bitop(a, b, BitOp::Or))
INT_BINARY(int_nb_xor, int_bitop(a, b, BitOp::Xor))
#undef INT_BINARY

static Result<Value> int_neg(Value v)
{
    int64_t x;
    if (small_val(v, x) && x != INT64_MIN)
        return int_from_i64(-x);
    Mpz z(v);
    mpz_neg(z.z, z.z);
    return z.value();
}

static Result<Value> int_pos(Value v) { return int_exact(v); }
static Result<Value> int_abs(Value v) { return int_sign(v) < 0 ? int_neg(v) : int_exact(v); }

static Result<Value> int_invert(Value v)
{
    int64_t x;
    if (small_val(v, x))
        return int_from_i64(~x);
    Mpz z(v);
    mpz_com(z.z, z.z);
    return z.value();
}

static Result<bool> int_bool(Value v) { return int_sign(v) != 0; }
static Result<int64_t> int_hash_slot(Value v) { return int_hash(v); }

static Result<Value> int_repr(Value v)
{
    if (v.is_small_int()) {
        // Machine word: digits formatted in place, no std::string or GMP.
        int64_t x = v.small_int();
        char buf[24];
        char* end = buf + sizeof buf;
        char* p = numeric::write_u64_decimal(numeric::magnitude_u64(x), end);
        if (x < 0)
            *--p = '-';
        size_t n = size_t(end - p);
        return Value(Str::create_with_length(std::string_view(p, n), n));
    }
    {
        auto* i = static_cast<Int*>(v.as_object());
        if (i->is_big() && g_int_max_str_digits > 0 && mpz_sizeinbase(i->mpz(), 10) > size_t(g_int_max_str_digits) + 1)
            return throw_error(g_ValueError,
                               "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                               g_int_max_str_digits);
    }
    std::string s = int_to_string(v, 10);
    if (g_int_max_str_digits > 0 && s.size() - (s[0] == '-') > size_t(g_int_max_str_digits))
        return throw_error(g_ValueError,
                           "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                           g_int_max_str_digits);
    return Value(Str::create(s));
}

static Result<Value> compare_result(int c, CompareOp op)
{
    bool r = false;
    switch (op) {
    case CompareOp::Lt: r = c < 0; break;
    case CompareOp::Le: r = c <= 0; break;
    case CompareOp::Eq: r = c == 0; break;
    case CompareOp::Ne: r = c != 0; break;
    case CompareOp::Gt: r = c > 0; break;
    case CompareOp::Ge: r = c >= 0; break;
    }
    return py_bool(r);
}

static Result<Value> int_richcompare(Value a, Value b, CompareOp op)
{
    if (!is_int(b))
        return Value(g_notimplemented);
    return compare_result(int_compare(a, b), op);
}

static Result<Value> int_to_float(Value v)
{
    double d = TRY(int_to_double(v));
    return float_value(d);
}

// Parses an int literal in `text` (already stripped of whitespace) with `base`
// (0 = auto-detect prefix); returns null on bad syntax.
Value int_from_string(std::string_view text, int base)
{
    std::string digits;
    size_t i = 0;
    bool neg = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        neg = text[i] == '-';
        ++i;
    }
    auto has_prefix = [&](char lower) {
        return i + 1 < text.size() && text[i] == '0' && (text[i + 1] == lower || text[i + 1] == lower - 32);
    };
    bool prefixed = false;
    if (base == 0 || base == 16 || base == 8 || base == 2) {
        if (has_prefix('x') && (base == 0 || base == 16)) {
            base = 16;
            i += 2;
            prefixed = true;
        } else if (has_prefix('o') && (base == 0 || base == 8)) {
            base = 8;
            i += 2;
            prefixed = true;
        } else if (has_prefix('b') && (base == 0 || base == 2)) {
            base = 2;
            i += 2;
            prefixed = true;
        }
    }
    bool auto_base = base == 0;
    if (base == 0)
        base = 10;
    bool last_underscore = true;
    if (prefixed && i < text.size() && text[i] == '_')
        ++i, last_underscore = false;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c == '_') {
            if (last_underscore)
                return Value();
            last_underscore = true;
            continue;
        }
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'z')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z')
            d = c - 'A' + 10;
        else
            return Value();
        if (d >= base)
            return Value();
        digits += c;
        last_underscore = false;
    }
    if (digits.empty() || last_underscore)
        return Value();
    if (auto_base && base == 10 && digits.size() > 1 && digits[0] == '0') {
        for (char c : digits)
            if (c != '0')
                return Value();
    }
    if (digits.size() <= 18 && base == 10) {
        int64_t v = std::stoll(digits);
        return int_from_i64(neg ? -v : v);
    }
    mpz_t z;
    if (mpz_init_set_str(z, digits.c_str(), base) != 0) {
        mpz_clear(z);
        return Value();
    }
    if (neg)
        mpz_neg(z, z);
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

Result<Value> int_parse_text(Value original, std::string_view text, int base, int64_t max_digits);

// The parsing itself (Unicode digits, prefixes, underscores, the digit limit)
// lives in int_methods.cpp; this wrapper only supplies the sys limit.
Result<Value> int_from_text(Value original, std::string_view text, int base)
{
    return int_parse_text(original, text, base, g_int_max_str_digits);
}

static Result<Value> int_subclass_wrap(Type* type, Value v)
{
    if (type == g_int_type)
        return v;
    int64_t s;
    if (small_val(v, s))
        return Value(make<Int>(type, s));
    return Value(make<Int>(type, static_cast<Int*>(v.as_object())->mpz()));
}

static Result<Value> int_new(Type* type, CallArgs args)
{
    Value x, base_v;
    TRY(parse_args(args, "int", { "", "base" }, 0, { &x, &base_v }, 1));
    if (!x) {
        if (base_v)
            return throw_error(g_TypeError, "int() missing string argument");
        return int_subclass_wrap(type, Value::small(0));
    }
    Value result;
    if (base_v) {
        Value bi = TRY(number_index(base_v));
        int64_t base;
        if (!int_fits_i64(bi, base) || (base != 0 && (base < 2 || base > 36)))
            return throw_error(g_ValueError, "int() base must be >= 2 and <= 36, or 0");
        std::string_view text;
        if (is_str(x))
            text = as_str(x)->view();
        else if (!bytes_like_view(x, text))
            return throw_error(g_TypeError, "int() can't convert non-string with explicit base");
        result = TRY(int_from_text(x, text, int(base)));
        return int_subclass_wrap(type, result);
    }
    if (is_int(x))
        result = int_exact(x);
    else if (is_float(x)) {
        double d = float_of(x);
        if (std::isnan(d))
            return throw_error(g_ValueError, "cannot convert float NaN to integer");
        if (std::isinf(d))
            return throw_error(g_OverflowError, "cannot convert float infinity to integer");
        d = std::trunc(d);
        if (std::fabs(d) < 9.0e18)
            result = int_from_i64(int64_t(d));
        else {
            mpz_t z;
            mpz_init_set_d(z, d);
            result = int_from_mpz(z);
            mpz_clear(z);
        }
    } else if (is_str(x)) {
        result = TRY(int_from_text(x, as_str(x)->view(), 10));
    } else if (is_bytes(x) || is_bytearray(x)) {
        std::string_view text;
        bytes_like_view(x, text);
        result = TRY(int_from_text(x, text, 10));
    } else if (UnaryFn f = x.type()->to_int) {
        result = TRY(f(x));
        if (!is_int(result))
            return throw_error(g_TypeError, "__int__ returned non-int (type %s)", result.type()->m_name.c_str());
        result = int_exact(result);
    } else if (x.type()->index) {
        result = TRY(number_index(x));
    } else {
        Value trunc = type_lookup(x.type(), "__trunc__");
        if (trunc) {
            result = TRY(call_method(x, "__trunc__", {}));
            if (!is_int(result))
                result = TRY(number_index(result));
            result = int_exact(result);
        } else {
            return throw_error(g_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                               x.type()->m_name.c_str());
        }
    }
    return int_subclass_wrap(type, result);
}

// --- bool ------------------------------------------------------------------------

static Result<Value> bool_repr(Value v) { return Value(Str::intern(v.is(g_true) ? "True" : "False")); }

static Result<Value> bool_new(Type*, CallArgs args)
{
    TRY(check_arity(args, "bool", 0, 1));
    if (args.nargs == 0)
        return py_bool(false);
    bool b = TRY(truthy(args[0]));
    return py_bool(b);
}

#define BOOL_BITOP(name, op, fallback)                                  \
    static Result<Value> name(Value a, Value b)                         \
    {                                                                   \
        if (a.is_object() && b.is_object() && a.type() == g_bool_type && b.type() == g_bool_type) \
            return py_bool(a.is(g_true) op b.is(g_true));               \
        return fallback(a, b);                                          \
    }
BOOL_BITOP(bool_and, &, int_nb_and)
BOOL_BITOP(bool_or, |, int_nb_or)
BOOL_BITOP(bool_xor, ^, int_nb_xor)
#undef BOOL_BITOP

static Result<Value> int_getnewargs(Value self, CallArgs) { return Value(Tuple::create({ int_exact(self) })); }
static Result<Value> int_get_real(Value self) { return int_exact(self); }
static Result<Value> int_get_imag(Value) { return Value::small(0); }
static Result<Value> int_get_denominator(Value) { return Value::small(1); }
static Result<Value> int_format(Value self, CallArgs args);

void init_int_type()
{
    Type* t = g_int_type;
    t->repr = int_repr;
    t->hash = int_hash_slot;
    t->richcompare = int_richcompare;
    t->boolean = int_bool;
    t->nb[NB_ADD] = int_nb_add;
    t->nb[NB_SUBTRACT] = int_nb_sub;
    t->nb[NB_MULTIPLY] = int_nb_mul;
    t->nb[NB_FLOOR_DIVIDE] = int_nb_floordiv;
    t->nb[NB_REMAINDER] = int_nb_mod;
    t->nb[NB_TRUE_DIVIDE] = int_nb_truediv;
    t->nb[NB_POWER] = int_nb_pow;
    t->nb[NB_LSHIFT] = int_nb_lshift;
    t->nb[NB_RSHIFT] = int_nb_rshift;
    t->nb[NB_AND] = int_nb_and;
    t->nb[NB_OR] = int_nb_or;
    t->nb[NB_XOR] = int_nb_xor;
    t->neg = int_neg;
    t->pos = int_pos;
    t->abs = int_abs;
    t->invert = int_invert;
    t->index = int_pos;
    t->to_int = int_pos;
    t->to_float = int_to_float;
    t->new_ = int_new;
    add_method(t, "__getnewargs__", int_getnewargs);
    add_method(t, "__format__", int_format);
    add_method(t, "__trunc__", [](Value self, CallArgs) -> Result<Value> { return int_exact(self); });
    add_method(t, "__floor__", [](Value self, CallArgs) -> Result<Value> { return int_exact(self); });
    add_method(t, "__ceil__", [](Value self, CallArgs) -> Result<Value> { return int_exact(self); });
    add_method(t, "__round__", [](Value self, CallArgs args) -> Result<Value> {
        if (args.nargs == 0 || is_none(args[0]))
            return int_exact(self);
        int64_t nd = TRY(index_as_i64(args[0]));
        if (nd >= 0)
            return int_exact(self);
        // round half to even at 10**-nd
        Value p = TRY(int_pow(Value::small(10), int_from_i64(-nd), Value()));
        Value q = TRY(int_floordiv(self, p));
        Value r = TRY(int_mod(self, p));
        Value twice = TRY(int_mul(r, Value::small(2)));
        int c = int_compare(twice, p);
        if (c > 0 || (c == 0 && int_sign(TRY(int_mod(q, Value::small(2)))) != 0))
            q = TRY(int_add(q, Value::small(1)));
        return int_mul(q, p);
    });
    add_method(t, "conjugate", [](Value self, CallArgs) -> Result<Value> { return int_exact(self); });
    add_method(t, "bit_length", [](Value self, CallArgs args) -> Result<Value> {
        TRY(check_arity(args, "bit_length", 0, 0));
        if (int_sign(self) == 0)
            return Value::small(0);
        Mpz z(self);
        mpz_abs(z.z, z.z);
        return int_from_i64(int64_t(mpz_sizeinbase(z.z, 2)));
    });
    add_getset(t, "real", int_get_real);
    add_getset(t, "imag", int_get_imag);
    add_getset(t, "numerator", int_get_real);
    add_getset(t, "denominator", int_get_denominator);

    Type* b = g_bool_type;
    b->repr = bool_repr;
    b->new_ = bool_new;
    b->nb[NB_AND] = bool_and;
    b->nb[NB_OR] = bool_or;
    b->nb[NB_XOR] = bool_xor;
}

Result<Value> format_builtin(Value v, Str* spec);

static Result<Value> int_format(Value self, CallArgs args)
{
    TRY(check_arity(args, "__format__", 1, 1));
    if (!is_str(args[0]))
        return throw_error(g_TypeError, "__format__() argument must be str, not %s", args[0].type()->m_name.c_str());
    Str* spec = as_str(args[0]);
    if (spec->length() == 0)
        return to_str(self.type() == g_bool_type ? self : int_exact(self));
    if (format_builtin)
        return format_builtin(self, spec);
    // FIXME: minimal fallback until format.cpp lands: only 'd', 'x', 'o', 'b'.
    std::string_view s = spec->view();
    char type = s.back();
    if (type == 'd')
        return Value(Str::create(int_to_string(self, 10)));
    if (type == 'x')
        return Value(Str::create(int_to_string(self, 16)));
    if (type == 'o')
        return Value(Str::create(int_to_string(self, 8)));
    if (type == 'b')
        return Value(Str::create(int_to_string(self, 2)));
    return throw_error(g_ValueError, "Unknown format code '%c' for object of type 'int'", type);
}

} // namespace adder
