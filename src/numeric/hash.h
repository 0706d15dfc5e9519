// CPython-compatible hash values (Python/pyhash.c, Objects/longobject.c,
// Include/cpython/pyhash.h). Numbers hash by value modulo the Mersenne prime
// 2**61 - 1, so hash(1) == hash(1.0) == hash(1+0j) == hash(Fraction(1)).
// str and bytes use SipHash-1-3 (CPython 3.11's default) over the same bytes
// CPython hashes: the narrowest 1/2/4-byte code-unit array of the str, so
// hash('abc') == hash(b'abc') and PYTHONHASHSEED gives CPython's exact values.
// -1 is never returned (it becomes -2), as in CPython.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "numeric/bigint.h"

namespace adder::numeric {

using HashValue = int64_t;

inline constexpr int hash_bits = 61;
inline constexpr uint64_t hash_modulus = (uint64_t(1) << hash_bits) - 1;
inline constexpr HashValue hash_inf = 314159;
inline constexpr uint64_t hash_imag = 1000003;

// hash(int) for a machine integer.
HashValue hash_int64(int64_t value);
// hash(int) for any integer.
HashValue hash_bigint(const BigInt& value);
// hash(float) for a non-nan `value` (inf gives ±314159). For nan CPython 3.11
// hashes the object's identity: the caller does that.
HashValue hash_double(double value);
// hash of the rational `numerator`/`denominator` (denominator > 0), as
// fractions.Fraction.__hash__ and the numeric hashing docs define; a
// denominator divisible by the modulus gives hash(inf).
HashValue hash_rational(const BigInt& numerator, const BigInt& denominator);
// hash(complex) from the hashes of the two parts.
HashValue hash_complex(HashValue real_hash, HashValue imag_hash);
// Combines a pointer-sized identity into CPython's _Py_HashPointer value (used for nan and object()).
HashValue hash_pointer(const void* pointer);

// The 128-bit SipHash key (_Py_HashSecret.siphash).
struct HashKey {
    uint64_t k0 = 0;
    uint64_t k1 = 0;
};
// The key CPython derives from PYTHONHASHSEED=`seed` (0 means all-zero key:
// hashing not randomized). A random key for the default case is the caller's.
HashKey hash_key_from_seed(uint32_t seed);

// SipHash-1-3 of `data` with `key` (raw 64-bit result).
uint64_t siphash13(const HashKey& key, const void* data, size_t size);
// hash(bytes): 0 for empty, else SipHash-1-3 (-1 mapped to -2).
HashValue hash_bytes(const HashKey& key, std::string_view bytes);
// hash(str) for generalized UTF-8 `text`, equal to CPython's for the same key.
HashValue hash_str(const HashKey& key, std::string_view text);

} // namespace adder::numeric
