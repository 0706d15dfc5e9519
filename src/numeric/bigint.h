// BigInt: an arbitrary-precision integer with value semantics over GMP's mpz_t,
// carrying Python 3.11 int semantics: floor division and modulo round toward
// -infinity, bitwise operators act on infinite two's complement, conversion to
// float rounds half-to-even and reports overflow, int/int true division is
// correctly rounded. It knows nothing about Python objects: the VM keeps small
// ints inline and boxes a BigInt only when a value leaves int64. Errors are
// reported as status values; the caller raises the exception CPython would.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <gmp.h>

namespace adder::numeric {

// CPython 3.11's default sys.get_int_max_str_digits() (PEP 651 / CVE-2020-10735):
// decimal conversions of longer numbers are refused.
inline constexpr size_t default_max_str_digits = 4300;

enum class ParseIntStatus {
    Ok,
    Invalid,       // "invalid literal for int() with base N: ..."
    TooManyDigits, // "Exceeds the limit (4300 digits) for integer string conversion: value has N digits; ..."
};

class BigInt {
public:
    BigInt() { mpz_init(m_value); }
    BigInt(int64_t value) { mpz_init(m_value); set_int64(value); } // NOLINT: implicit by design
    BigInt(const BigInt& other) { mpz_init_set(m_value, other.m_value); }
    BigInt(BigInt&& other) noexcept
    {
        mpz_init(m_value);
        mpz_swap(m_value, other.m_value);
    }
    BigInt& operator=(const BigInt& other)
    {
        if (this != &other)
            mpz_set(m_value, other.m_value);
        return *this;
    }
    BigInt& operator=(BigInt&& other) noexcept
    {
        mpz_swap(m_value, other.m_value);
        return *this;
    }
    ~BigInt() { mpz_clear(m_value); }

    static BigInt from_uint64(uint64_t value);

    // Parses `text` with int()'s rules: surrounding ASCII whitespace, a sign,
    // `base` 2..36 or 0 (prefix decides, and a nonzero decimal may not start
    // with 0), optional 0x/0o/0b prefix matching `base`, single underscores
    // between digits. Non-ASCII digits and spaces must have been mapped to
    // ASCII by the caller (text::to_ascii_decimal). `max_digits` (0 = no limit)
    // applies only to bases that are not powers of two, as in CPython; the
    // digit count is stored in `*digit_count` when given.
    static ParseIntStatus parse(std::string_view text, int base, BigInt& out,
        size_t max_digits = default_max_str_digits, size_t* digit_count = nullptr);

    // The int nearest to zero from the finite double `value` (int(3.9) == 3); the caller rejects inf/nan.
    static BigInt from_double(double value);

    // int.from_bytes(`bytes`, 'little' if `little_endian` else 'big', signed=`is_signed`).
    static BigInt from_bytes(std::string_view bytes, bool little_endian, bool is_signed);

    // Digits in `base` (2..36, lower-case letters) with a leading '-' for negatives, no prefix.
    std::string to_string(int base = 10) const;
    // Decimal digits of |this| (used for the max_str_digits check before conversion).
    size_t decimal_digits_upper_bound() const { return mpz_sizeinbase(m_value, 10); }
    // bin()/oct()/hex() text: "-0x1f" style with `base` 2, 8 or 16.
    std::string to_prefixed_string(int base) const;

    bool fits_int64() const;
    int64_t to_int64() const; // only when fits_int64()
    bool fits_uint64() const;
    uint64_t to_uint64() const; // only when fits_uint64()

    // Nearest double (ties to even); false when |this| is too large ("int too large to convert to float").
    bool to_double(double& out) const;

    int sign() const { return mpz_sgn(m_value); }
    bool is_zero() const { return mpz_sgn(m_value) == 0; }
    bool is_odd() const { return mpz_odd_p(m_value) != 0; }
    // int.bit_length(): bits of |this|, 0 for zero.
    uint64_t bit_length() const;
    // int.bit_count(): number of one bits in |this|.
    uint64_t bit_count() const;

    int compare(const BigInt& other) const { return mpz_cmp(m_value, other.m_value); }
    int compare(int64_t other) const;
    // Exact comparison with a double (no rounding), as int == float does; `other` must not be nan.
    int compare_double(double other) const;

    BigInt operator-() const;
    BigInt abs() const;
    BigInt operator+(const BigInt& rhs) const;
    BigInt operator-(const BigInt& rhs) const;
    BigInt operator*(const BigInt& rhs) const;
    // Python //: rounds toward -inf. `rhs` must be nonzero.
    BigInt floordiv(const BigInt& rhs) const;
    // Python %: result has the sign of `rhs`. `rhs` must be nonzero.
    BigInt mod(const BigInt& rhs) const;
    // divmod(this, rhs) into `q` and `r`. `rhs` must be nonzero.
    void divmod(const BigInt& rhs, BigInt& q, BigInt& r) const;
    // this ** `exponent` for a non-negative exponent.
    BigInt pow(uint64_t exponent) const;

    enum class PowModStatus { Ok, ZeroModulus, NotInvertible };
    // pow(this, `exponent`, `modulus`) with Python's sign rule (result has the
    // sign of `modulus`); a negative exponent uses the modular inverse.
    PowModStatus pow_mod(const BigInt& exponent, const BigInt& modulus, BigInt& out) const;

    // Correctly rounded this / `rhs` (int.__truediv__). Status Overflow is
    // "integer division result too large for a float"; `rhs` must be nonzero.
    bool true_divide(const BigInt& rhs, double& out) const;

    BigInt operator<<(uint64_t shift) const;
    BigInt operator>>(uint64_t shift) const; // floor shift, as Python
    BigInt operator&(const BigInt& rhs) const;
    BigInt operator|(const BigInt& rhs) const;
    BigInt operator^(const BigInt& rhs) const;
    BigInt operator~() const;

    // int.to_bytes(`length`, ...): false on "int too big to convert" (or a negative value when not `is_signed`).
    bool to_bytes(size_t length, bool little_endian, bool is_signed, std::string& out) const;

    bool operator==(const BigInt& o) const { return compare(o) == 0; }
    bool operator!=(const BigInt& o) const { return compare(o) != 0; }
    bool operator<(const BigInt& o) const { return compare(o) < 0; }
    bool operator<=(const BigInt& o) const { return compare(o) <= 0; }
    bool operator>(const BigInt& o) const { return compare(o) > 0; }
    bool operator>=(const BigInt& o) const { return compare(o) >= 0; }

    // Raw access for the hash and formatting code in this folder.
    const mpz_t& raw() const { return m_value; }
    mpz_t& raw() { return m_value; }

private:
    void set_int64(int64_t value);

    mpz_t m_value;
};

} // namespace adder::numeric
