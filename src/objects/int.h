// int and bool: small ints live inline in Value (see value.h); `Int` objects
// hold either a small value (bool, int subclasses) or a GMP big integer.
// Invariant: an exact int whose value fits in 63 bits is never an Int object.
// Helpers here accept any int Value (small, big, bool, subclass instance).
// Rich methods (to_bytes, bit_length...) live in int_methods.cpp.
#pragma once

#include <gmp.h>

#include <string>

#include "objects/object.h"

namespace adder {

class Int : public Object {
public:
    Int(Type* type, int64_t small) : Object(type), m_is_big(false), m_small(small) {}
    Int(Type* type, const mpz_t value);
    ~Int() override;

    bool is_big() const { return m_is_big; }
    int64_t small() const { return m_small; }
    const __mpz_struct* mpz() const { return m_mpz; }

private:
    bool m_is_big;
    int64_t m_small = 0;
    mpz_t m_mpz;
};

// An int Value for `v` (small when it fits).
Value int_from_i64(int64_t v);
Value int_from_u64(uint64_t v);
// An int Value for `z` (normalized: small when it fits).
Value int_from_mpz(const mpz_t z);
// An int from digits `text` in `base` (no prefix/underscores; optional sign). Null on bad syntax (no exception).
Value int_from_string(std::string_view text, int base);
// Copies the value of int `v` into initialized `out`.
void int_to_mpz(Value v, mpz_t out);
// True if int `v` fits in int64 (stores it in `out`).
bool int_fits_i64(Value v, int64_t& out);
// The value of int `v` as int64; raises OverflowError ("Python int too large to convert to C long") if it does not fit.
Result<int64_t> int_as_i64(Value v);
// Value of a small-valued int (small int, bool, or small Int subclass instance); `v` must be an int.
inline bool int_is_small_valued(Value v);
// Sign of int v: -1, 0, 1.
int int_sign(Value v);
// Converts to double; OverflowError "int too large to convert to float".
Result<double> int_to_double(Value v);
// Decimal (or base 2/8/16 with prefix when `prefix`) text of int `v`.
std::string int_to_string(Value v, int base = 10, bool prefix = false);
// hash(int) exactly as CPython (mod 2**61 - 1).
int64_t int_hash(Value v);
// Compares two ints: -1, 0, 1.
int int_compare(Value a, Value b);
// The exact int equal to int-like `v` (strips bool/subclass).
Value int_exact(Value v);
// operator.index(v): an exact int, or TypeError "'X' object cannot be interpreted as an integer".
Result<Value> number_index(Value v);
// number_index then int_as_i64 with clamping rules of PyNumber_AsSsize_t (OverflowError on overflow).
Result<int64_t> index_as_i64(Value v);

// Int arithmetic entry points (both operands ints; exact results).
Result<Value> int_add(Value a, Value b);
Result<Value> int_sub(Value a, Value b);
Result<Value> int_mul(Value a, Value b);
Result<Value> int_floordiv(Value a, Value b);
Result<Value> int_mod(Value a, Value b);
Result<Value> int_pow(Value a, Value b, Value mod); // mod null: none

} // namespace adder
