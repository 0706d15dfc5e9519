// Numeric hashes modulo 2**61 - 1 and SipHash-1-3 for str/bytes. Because
// 2**61 == 1 (mod P), multiplying by 2**e is a rotation of the 61-bit residue,
// which is how a float's mantissa*2**exp is reduced without big arithmetic.
#include "numeric/hash.h"

#include "common/siphash.h"

#include <cmath>
#include <cstring>

#include "text/utf8.h"

namespace adder::numeric {

namespace {

HashValue fix_minus_one(HashValue h) { return h == -1 ? -2 : h; }

// x * 2**e mod P for x < P and 0 <= e < 61: a 61-bit rotation.
uint64_t mul_pow2(uint64_t x, unsigned e)
{
    if (e == 0)
        return x;
    return ((x << e) & hash_modulus) | (x >> (hash_bits - e));
}

uint64_t mulmod(uint64_t a, uint64_t b)
{
    unsigned __int128 p = static_cast<unsigned __int128>(a) * b;
    return static_cast<uint64_t>(p % hash_modulus);
}

uint64_t bigint_mod_p(const BigInt& value)
{
    // |value| mod P via GMP (P fits in an unsigned long).
    return mpz_fdiv_ui(value.abs().raw(), hash_modulus);
}

// Feeds code units into SipHash 8 bytes at a time without building the unit array.
struct SipStream {
    SipHash13 state;
    uint64_t pending = 0;
    unsigned pending_bytes = 0;
    uint64_t total = 0;
    explicit SipStream(const HashKey& key)
        : state(key.k0, key.k1)
    {
    }
    void byte(uint8_t b)
    {
        pending |= static_cast<uint64_t>(b) << (8 * pending_bytes);
        ++total;
        if (++pending_bytes == 8) {
            state.block(pending);
            pending = 0;
            pending_bytes = 0;
        }
    }
    uint64_t finish() { return state.finish(pending | (total << 56)); }
};

} // namespace

HashValue hash_int64(int64_t value)
{
    uint64_t mag = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    uint64_t h = mag % hash_modulus;
    HashValue r = value < 0 ? -static_cast<HashValue>(h) : static_cast<HashValue>(h);
    return fix_minus_one(r);
}

HashValue hash_bigint(const BigInt& value)
{
    if (value.fits_int64())
        return hash_int64(value.to_int64());
    uint64_t h = bigint_mod_p(value);
    return fix_minus_one(value.sign() < 0 ? -static_cast<HashValue>(h) : static_cast<HashValue>(h));
}

HashValue hash_double(double value)
{
    if (std::isinf(value))
        return value > 0 ? hash_inf : -hash_inf;
    if (value == 0)
        return 0;
    int e;
    double m = std::frexp(std::fabs(value), &e);
    // |value| = mant * 2**(e - 53) with an integer mant < 2**53 < P.
    uint64_t mant = static_cast<uint64_t>(std::ldexp(m, 53));
    int exp = e - 53;
    int r = exp % hash_bits;
    if (r < 0)
        r += hash_bits;
    uint64_t h = mul_pow2(mant % hash_modulus, static_cast<unsigned>(r));
    HashValue s = value < 0 ? -static_cast<HashValue>(h) : static_cast<HashValue>(h);
    return fix_minus_one(s);
}

HashValue hash_rational(const BigInt& numerator, const BigInt& denominator)
{
    // hash = |n| * inverse(d) mod P, with inverse(d) = d**(P-2) (Fermat).
    uint64_t d = bigint_mod_p(denominator);
    uint64_t h;
    if (d == 0) {
        h = static_cast<uint64_t>(hash_inf);
    } else {
        uint64_t inv = 1;
        uint64_t base = d;
        uint64_t e = hash_modulus - 2;
        while (e) {
            if (e & 1)
                inv = mulmod(inv, base);
            base = mulmod(base, base);
            e >>= 1;
        }
        h = mulmod(bigint_mod_p(numerator), inv);
    }
    HashValue s = numerator.sign() < 0 ? -static_cast<HashValue>(h) : static_cast<HashValue>(h);
    return fix_minus_one(s);
}

HashValue hash_complex(HashValue real_hash, HashValue imag_hash)
{
    uint64_t combined = static_cast<uint64_t>(real_hash) + hash_imag * static_cast<uint64_t>(imag_hash);
    return fix_minus_one(static_cast<HashValue>(combined));
}

HashValue hash_pointer(const void* pointer)
{
    // _Py_HashPointerRaw: rotate by 4 so the alignment zeros do not cluster buckets.
    uint64_t y = reinterpret_cast<uintptr_t>(pointer);
    y = (y >> 4) | (y << 60);
    return fix_minus_one(static_cast<HashValue>(y));
}

HashKey hash_key_from_seed(uint32_t seed)
{
    HashKey key;
    if (seed == 0)
        return key;
    // CPython's lcg_urandom: the MSVC rand() LCG, one byte per step.
    unsigned char buffer[16];
    uint32_t x = seed;
    for (unsigned char& b : buffer) {
        x = x * 214013u + 2531011u;
        b = static_cast<unsigned char>((x >> 16) & 0xff);
    }
    std::memcpy(&key.k0, buffer, 8);
    std::memcpy(&key.k1, buffer + 8, 8);
    return key;
}

uint64_t siphash13(const HashKey& key, const void* data, size_t size)
{
    return adder::siphash13(key.k0, key.k1, data, size);
}

HashValue hash_bytes(const HashKey& key, std::string_view bytes)
{
    if (bytes.empty())
        return 0;
    return fix_minus_one(static_cast<HashValue>(siphash13(key, bytes.data(), bytes.size())));
}

HashValue hash_str(const HashKey& key, std::string_view text)
{
    if (text.empty())
        return 0;
    // Only the inline decoder of text/utf8.h is used: adder_numeric does not link adder_text.
    bool ascii = true;
    for (char c : text)
        ascii &= static_cast<unsigned char>(c) < 0x80;
    if (ascii)
        return hash_bytes(key, text);
    // CPython hashes the str's storage: 1, 2 or 4 bytes per code point, by its widest code point.
    char32_t widest = 0;
    for (size_t i = 0; i < text.size();) {
        char32_t cp = text::decode_at(text, i);
        if (cp > widest)
            widest = cp;
    }
    unsigned width = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
    SipStream stream(key);
    for (size_t i = 0; i < text.size();) {
        char32_t cp = text::decode_at(text, i);
        for (unsigned k = 0; k < width; ++k)
            stream.byte(static_cast<uint8_t>(cp >> (8 * k)));
    }
    return fix_minus_one(static_cast<HashValue>(stream.finish()));
}

} // namespace adder::numeric
