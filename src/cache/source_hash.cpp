// SipHash-1-3 (written from the SipHash paper's description, with the round
// count CPython 3.11 uses for its keyed source hash) and the XXH3 wrapper.
#include "cache/source_hash.h"

#include "cache/magic.h"

#include <xxhash.h>

namespace adder::cache {

namespace {

inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

struct SipState {
    uint64_t v0, v1, v2, v3;

    void round()
    {
        v0 += v1;
        v1 = rotl(v1, 13);
        v1 ^= v0;
        v0 = rotl(v0, 32);
        v2 += v3;
        v3 = rotl(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = rotl(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = rotl(v1, 17);
        v1 ^= v2;
        v2 = rotl(v2, 32);
    }

    void compress(uint64_t m)
    {
        v3 ^= m;
        round(); // the "1" of SipHash-1-3
        v0 ^= m;
    }
};

uint64_t load_le64(const uint8_t* p, size_t n)
{
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i)
        v |= uint64_t(p[i]) << (8 * i);
    return v;
}

} // namespace

uint64_t siphash13(uint64_t k0, uint64_t k1, std::span<const uint8_t> data)
{
    SipState s { 0x736f6d6570736575ULL ^ k0, 0x646f72616e646f6dULL ^ k1, 0x6c7967656e657261ULL ^ k0,
        0x7465646279746573ULL ^ k1 };
    size_t n = data.size();
    size_t full = n & ~size_t(7);
    for (size_t i = 0; i < full; i += 8)
        s.compress(load_le64(data.data() + i, 8));
    uint64_t last = (uint64_t(n) << 56) | load_le64(data.data() + full, n - full);
    s.compress(last);
    s.v2 ^= 0xff;
    for (int i = 0; i < 3; ++i) // the "3" of SipHash-1-3
        s.round();
    return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

std::array<uint8_t, 8> source_hash_with_key(uint32_t raw_magic, std::span<const uint8_t> source)
{
    uint64_t h = siphash13(raw_magic, 0, source);
    std::array<uint8_t, 8> out;
    for (int i = 0; i < 8; ++i)
        out[i] = static_cast<uint8_t>(h >> (8 * i));
    return out;
}

std::array<uint8_t, 8> source_hash(std::span<const uint8_t> source)
{
    return source_hash_with_key(cpython311_raw_magic, source);
}

std::array<uint8_t, 8> adder_source_hash(std::span<const uint8_t> source)
{
    return source_hash_with_key(raw_magic, source);
}

uint64_t content_hash(std::span<const uint8_t> source)
{
    return XXH3_64bits(source.data(), source.size());
}

} // namespace adder::cache
