// SipHash-1-3: one compression round, three finalisation rounds (the variant
// CPython 3.11 uses both for hash(str)/hash(bytes) and for the source hash of
// hash-based pycs, PEP 552). One implementation serves both users.
#pragma once

#include <cstddef>
#include <cstdint>

namespace adder {

// Incremental SipHash-1-3 state, for callers that produce the 8-byte blocks
// themselves (hash(str) feeds code units without building an array).
class SipHash13 {
public:
    SipHash13(uint64_t k0, uint64_t k1)
        : v0(k0 ^ 0x736f6d6570736575ULL)
        , v1(k1 ^ 0x646f72616e646f6dULL)
        , v2(k0 ^ 0x6c7967656e657261ULL)
        , v3(k1 ^ 0x7465646279746573ULL)
    {
    }
    // Absorbs one little-endian 8-byte block `m`.
    void block(uint64_t m)
    {
        v3 ^= m;
        round(); // the "1" of SipHash-1-3
        v0 ^= m;
    }
    // Absorbs the final block `last` (the 0-7 leftover bytes with the total
    // length mod 256 in the top byte) and returns the hash.
    uint64_t finish(uint64_t last)
    {
        block(last);
        v2 ^= 0xff;
        round(); // the "3" of SipHash-1-3
        round();
        round();
        return v0 ^ v1 ^ v2 ^ v3;
    }

private:
    static uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }
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
    uint64_t v0, v1, v2, v3;
};

// SipHash-1-3 of the `size` bytes at `data` with the 128-bit key (`k0`, `k1`);
// matches CPython 3.11's Python/pyhash.c siphash13.
uint64_t siphash13(uint64_t k0, uint64_t k1, const void* data, size_t size);

} // namespace adder
