// BigInt implementation. Parsing follows CPython 3.11 PyLong_FromString;
// float conversion and true division round half-to-even by hand because GMP's
// mpz_get_d truncates (CPython: _PyLong_Frexp and long_true_divide).
#include "numeric/bigint.h"

#include <cfloat>
#include <algorithm>
#include <cmath>
#include <string>

namespace adder::numeric {

namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

bool is_power_of_two(int base) { return (base & (base - 1)) == 0; }

// Rounds the non-negative `q` (which has at least `keep` + 2 bits, sticky bit
// already folded into bit 0) to `keep` significant bits, half to even, and
// returns q' with q ~= q' * 2**dropped.
void round_to_bits(mpz_t q, uint64_t keep, uint64_t& dropped)
{
    uint64_t bits = mpz_sizeinbase(q, 2);
    dropped = 0;
    if (bits <= keep)
        return;
    dropped = bits - keep;
    bool half = mpz_tstbit(q, dropped - 1);
    bool rest = dropped >= 2 && mpz_scan1(q, 0) < dropped - 1;
    mpz_fdiv_q_2exp(q, q, dropped);
    if (half && (rest || mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
}

} // namespace

void BigInt::set_int64(int64_t value)
{
    if (value >= 0) {
        mpz_set_ui(m_value, static_cast<unsigned long>(value));
    } else {
        // Negate in unsigned arithmetic so INT64_MIN works.
        mpz_set_ui(m_value, static_cast<unsigned long>(0 - static_cast<uint64_t>(value)));
        mpz_neg(m_value, m_value);
    }
}

BigInt BigInt::from_uint64(uint64_t value)
{
    BigInt r;
    mpz_set_ui(r.m_value, static_cast<unsigned long>(value));
    return r;
}

ParseIntStatus BigInt::parse(std::string_view text, int base, BigInt& out, size_t max_digits, size_t* digit_count)
{
    size_t i = 0;
    size_t n = text.size();
    while (i < n && is_ascii_space(text[i]))
        ++i;
    bool negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        ++i;
    }
    bool old_octal_check = false;
    if (base == 0) {
        if (i >= n || text[i] != '0') {
            base = 10;
        } else if (i + 1 < n && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
            base = 16;
        } else if (i + 1 < n && (text[i + 1] == 'o' || text[i + 1] == 'O')) {
            base = 8;
        } else if (i + 1 < n && (text[i + 1] == 'b' || text[i + 1] == 'B')) {
            base = 2;
        } else {
            // "010" is not a valid literal: only zeros may follow a leading zero.
            base = 10;
            old_octal_check = true;
        }
    }
    bool had_prefix = false;
    if (i + 1 < n && text[i] == '0') {
        char p = text[i + 1];
        if ((base == 16 && (p == 'x' || p == 'X')) || (base == 8 && (p == 'o' || p == 'O'))
            || (base == 2 && (p == 'b' || p == 'B'))) {
            i += 2;
            had_prefix = true;
            if (i < n && text[i] == '_') // 0x_1f: one underscore may follow the prefix
                ++i;
        }
    }
    // Collect digits, validating underscore placement.
    std::string digits;
    digits.reserve(n - i);
    bool last_underscore = had_prefix && i > 0 && text[i - 1] == '_';
    bool nonzero_seen = false;
    while (i < n) {
        char c = text[i];
        if (c == '_') {
            if (digits.empty() || last_underscore)
                return ParseIntStatus::Invalid;
            last_underscore = true;
            ++i;
            continue;
        }
        int d = digit_value(c);
        if (d >= base)
            break;
        if (d != 0)
            nonzero_seen = true;
        digits.push_back(c);
        last_underscore = false;
        ++i;
    }
    if (digits.empty() || last_underscore)
        return ParseIntStatus::Invalid;
    if (digit_count)
        *digit_count = digits.size();
    if (!is_power_of_two(base) && max_digits > 0 && digits.size() > max_digits)
        return ParseIntStatus::TooManyDigits;
    while (i < n && is_ascii_space(text[i]))
        ++i;
    if (i != n)
        return ParseIntStatus::Invalid;
    if (old_octal_check && nonzero_seen)
        return ParseIntStatus::Invalid;
    if (mpz_set_str(out.m_value, digits.c_str(), base) != 0)
        return ParseIntStatus::Invalid;
    if (negative)
        mpz_neg(out.m_value, out.m_value);
    return ParseIntStatus::Ok;
}

BigInt BigInt::from_double(double value)
{
    BigInt r;
    mpz_set_d(r.m_value, value); // truncates toward zero, as int(float) does
    return r;
}

BigInt BigInt::from_bytes(std::string_view bytes, bool little_endian, bool is_signed)
{
    BigInt r;
    if (bytes.empty())
        return r;
    mpz_import(r.m_value, bytes.size(), little_endian ? -1 : 1, 1, 0, 0, bytes.data());
    unsigned char top = static_cast<unsigned char>(little_endian ? bytes.back() : bytes.front());
    if (is_signed && (top & 0x80)) {
        mpz_t base;
        mpz_init(base);
        mpz_setbit(base, bytes.size() * 8);
        mpz_sub(r.m_value, r.m_value, base);
        mpz_clear(base);
    }
    return r;
}

std::string BigInt::to_string(int base) const
{
    std::string s(mpz_sizeinbase(m_value, base) + 2, '\0');
    mpz_get_str(s.data(), base, m_value);
    s.resize(std::char_traits<char>::length(s.c_str()));
    return s;
}

std::string BigInt::to_prefixed_string(int base) const
{
    std::string digits = abs().to_string(base);
    std::string out = sign() < 0 ? "-0" : "0";
    out.push_back(base == 16 ? 'x' : base == 8 ? 'o' : 'b');
    out += digits;
    return out;
}

bool BigInt::fits_int64() const
{
    static_assert(sizeof(long) == 8, "GMP's long must be 64 bits (LP64)");
    return mpz_fits_slong_p(m_value) != 0;
}

int64_t BigInt::to_int64() const { return static_cast<int64_t>(mpz_get_si(m_value)); }

bool BigInt::fits_uint64() const { return mpz_fits_ulong_p(m_value) != 0; }

uint64_t BigInt::to_uint64() const { return static_cast<uint64_t>(mpz_get_ui(m_value)); }

bool BigInt::to_double(double& out) const
{
    uint64_t bits = mpz_sizeinbase(m_value, 2);
    if (bits <= DBL_MANT_DIG || is_zero()) {
        out = mpz_get_d(m_value); // exact
        return true;
    }
    if (bits > static_cast<uint64_t>(DBL_MAX_EXP))
        return false;
    mpz_t q;
    mpz_init(q);
    mpz_abs(q, m_value);
    uint64_t dropped;
    round_to_bits(q, DBL_MANT_DIG, dropped);
    double d = std::ldexp(mpz_get_d(q), static_cast<int>(dropped));
    mpz_clear(q);
    if (std::isinf(d))
        return false;
    out = sign() < 0 ? -d : d;
    return true;
}

uint64_t BigInt::bit_length() const { return is_zero() ? 0 : mpz_sizeinbase(m_value, 2); }

uint64_t BigInt::bit_count() const
{
    if (sign() >= 0)
        return mpz_popcount(m_value);
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, m_value);
    uint64_t c = mpz_popcount(a);
    mpz_clear(a);
    return c;
}

int BigInt::compare(int64_t other) const { return mpz_cmp_si(m_value, static_cast<long>(other)); }

int BigInt::compare_double(double other) const
{
    if (std::isinf(other))
        return other > 0 ? -1 : 1;
    double f = std::floor(other);
    BigInt fi = from_double(f);
    int c = compare(fi);
    if (f == other)
        return c;
    // other lies strictly between f and f + 1.
    return c <= 0 ? -1 : 1;
}

BigInt BigInt::operator-() const
{
    BigInt r;
    mpz_neg(r.m_value, m_value);
    return r;
}

BigInt BigInt::abs() const
{
    BigInt r;
    mpz_abs(r.m_value, m_value);
    return r;
}

BigInt BigInt::operator+(const BigInt& rhs) const
{
    BigInt r;
    mpz_add(r.m_value, m_value, rhs.m_value);
    return r;
}

BigInt BigInt::operator-(const BigInt& rhs) const
{
    BigInt r;
    mpz_sub(r.m_value, m_value, rhs.m_value);
    return r;
}

BigInt BigInt::operator*(const BigInt& rhs) const
{
    BigInt r;
    mpz_mul(r.m_value, m_value, rhs.m_value);
    return r;
}

BigInt BigInt::floordiv(const BigInt& rhs) const
{
    BigInt r;
    mpz_fdiv_q(r.m_value, m_value, rhs.m_value);
    return r;
}

BigInt BigInt::mod(const BigInt& rhs) const
{
    BigInt r;
    mpz_fdiv_r(r.m_value, m_value, rhs.m_value);
    return r;
}

void BigInt::divmod(const BigInt& rhs, BigInt& q, BigInt& r) const { mpz_fdiv_qr(q.m_value, r.m_value, m_value, rhs.m_value); }

BigInt BigInt::pow(uint64_t exponent) const
{
    BigInt r;
    mpz_pow_ui(r.m_value, m_value, static_cast<unsigned long>(exponent));
    return r;
}

BigInt::PowModStatus BigInt::pow_mod(const BigInt& exponent, const BigInt& modulus, BigInt& out) const
{
    if (modulus.is_zero())
        return PowModStatus::ZeroModulus;
    mpz_t m;
    mpz_init(m);
    mpz_abs(m, modulus.m_value);
    if (mpz_cmp_ui(m, 1) == 0) {
        mpz_clear(m);
        out = BigInt(0);
        return PowModStatus::Ok;
    }
    BigInt base;
    mpz_fdiv_r(base.m_value, m_value, m);
    if (exponent.sign() < 0) {
        if (mpz_invert(base.m_value, base.m_value, m) == 0) {
            mpz_clear(m);
            return PowModStatus::NotInvertible;
        }
        mpz_t e;
        mpz_init(e);
        mpz_neg(e, exponent.m_value);
        mpz_powm(out.m_value, base.m_value, e, m);
        mpz_clear(e);
    } else {
        mpz_powm(out.m_value, base.m_value, exponent.m_value, m);
    }
    // Python's result takes the sign of the modulus.
    if (modulus.sign() < 0 && !out.is_zero())
        mpz_add(out.m_value, out.m_value, modulus.m_value);
    mpz_clear(m);
    return PowModStatus::Ok;
}

bool BigInt::true_divide(const BigInt& rhs, double& out) const
{
    uint64_t na = bit_length();
    uint64_t nb = rhs.bit_length();
    bool negative = (sign() < 0) != (rhs.sign() < 0);
    if (na == 0) {
        out = negative ? -0.0 : 0.0;
        return true;
    }
    if (na <= DBL_MANT_DIG && nb <= DBL_MANT_DIG) {
        // Both exact as doubles, and IEEE division is correctly rounded.
        out = mpz_get_d(m_value) / mpz_get_d(rhs.m_value);
        return true;
    }
    // Quotient of |a| * 2**-shift by |b| with at least DBL_MANT_DIG + 2 bits.
    int64_t shift = static_cast<int64_t>(na) - static_cast<int64_t>(nb) - (DBL_MANT_DIG + 3);
    mpz_t a, b, q, r;
    mpz_inits(a, b, q, r, nullptr);
    mpz_abs(a, m_value);
    mpz_abs(b, rhs.m_value);
    if (shift < 0)
        mpz_mul_2exp(a, a, static_cast<mp_bitcnt_t>(-shift));
    else
        mpz_mul_2exp(b, b, static_cast<mp_bitcnt_t>(shift));
    mpz_tdiv_qr(q, r, a, b);
    if (mpz_sgn(r) != 0)
        mpz_setbit(q, 0); // sticky: the exact quotient is above q
    // The value is q * 2**shift with exponent e (2**(e-1) <= value < 2**e).
    int64_t e = static_cast<int64_t>(mpz_sizeinbase(q, 2)) + shift;
    bool ok = true;
    if (e > DBL_MAX_EXP) {
        ok = false;
    } else {
        // Subnormal results keep fewer bits: the last one has weight 2**-1074.
        int64_t keep = std::min<int64_t>(DBL_MANT_DIG, e - (DBL_MIN_EXP - DBL_MANT_DIG));
        double d;
        if (keep <= 0) {
            // Below half the smallest subnormal... or exactly at/above it.
            // value < 2**(e) <= 2**-1075 when keep <= -1: rounds to 0; keep == 0
            // means value in [2**-1076, 2**-1075): also below half of 2**-1074 unless equal.
            d = 0.0;
            if (keep == 0) {
                // value in [2**-1075, 2**-1074): rounds up unless exactly 2**-1075 (tie to even 0).
                bool exact_half = mpz_scan1(q, 0) == mpz_sizeinbase(q, 2) - 1;
                d = exact_half ? 0.0 : std::ldexp(1.0, DBL_MIN_EXP - DBL_MANT_DIG);
            }
        } else {
            uint64_t dropped;
            round_to_bits(q, static_cast<uint64_t>(keep), dropped);
            d = std::ldexp(mpz_get_d(q), static_cast<int>(shift + static_cast<int64_t>(dropped)));
        }
        if (std::isinf(d))
            ok = false;
        out = negative ? -d : d;
    }
    mpz_clears(a, b, q, r, nullptr);
    return ok;
}

BigInt BigInt::operator<<(uint64_t shift) const
{
    BigInt r;
    mpz_mul_2exp(r.m_value, m_value, static_cast<mp_bitcnt_t>(shift));
    return r;
}

BigInt BigInt::operator>>(uint64_t shift) const
{
    BigInt r;
    mpz_fdiv_q_2exp(r.m_value, m_value, static_cast<mp_bitcnt_t>(shift));
    return r;
}

BigInt BigInt::operator&(const BigInt& rhs) const
{
    BigInt r;
    mpz_and(r.m_value, m_value, rhs.m_value);
    return r;
}

BigInt BigInt::operator|(const BigInt& rhs) const
{
    BigInt r;
    mpz_ior(r.m_value, m_value, rhs.m_value);
    return r;
}

BigInt BigInt::operator^(const BigInt& rhs) const
{
    BigInt r;
    mpz_xor(r.m_value, m_value, rhs.m_value);
    return r;
}

BigInt BigInt::operator~() const
{
    BigInt r;
    mpz_com(r.m_value, m_value);
    return r;
}

bool BigInt::to_bytes(size_t length, bool little_endian, bool is_signed, std::string& out) const
{
    if (sign() < 0 && !is_signed)
        return false;
    mpz_t v;
    mpz_init_set(v, m_value);
    if (is_signed) {
        // Range is [-2**(8n-1), 2**(8n-1)).
        if (length == 0) {
            bool zero = is_zero();
            mpz_clear(v);
            if (zero)
                out.clear();
            return zero;
        }
        mpz_t limit;
        mpz_init(limit);
        mpz_setbit(limit, length * 8 - 1);
        bool fits = mpz_cmp(v, limit) < 0;
        mpz_neg(limit, limit);
        fits = fits && mpz_cmp(v, limit) >= 0;
        if (fits && sign() < 0) {
            mpz_set_ui(limit, 0);
            mpz_setbit(limit, length * 8);
            mpz_add(v, v, limit);
        }
        mpz_clear(limit);
        if (!fits) {
            mpz_clear(v);
            return false;
        }
    } else if (mpz_sizeinbase(v, 2) > length * 8 && mpz_sgn(v) != 0) {
        mpz_clear(v);
        return false;
    }
    out.assign(length, '\0');
    if (mpz_sgn(v) != 0) {
        size_t count = 0;
        size_t used = (mpz_sizeinbase(v, 2) + 7) / 8;
        // Export big-endian into the tail, then reverse for little-endian.
        mpz_export(out.data() + (length - used), &count, 1, 1, 0, 0, v);
        if (little_endian)
            std::string(out.rbegin(), out.rend()).swap(out);
    }
    mpz_clear(v);
    return true;
}

} // namespace adder::numeric
