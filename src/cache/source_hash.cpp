// The keyed source hash of hash-based pycs (SipHash-1-3, common/siphash.h) and
// the XXH3 content hash.
#include "cache/source_hash.h"

#include "cache/magic.h"
#include "common/siphash.h"

#include <xxhash.h>

namespace adder::cache {

uint64_t siphash13(uint64_t k0, uint64_t k1, std::span<const uint8_t> data)
{
    return adder::siphash13(k0, k1, data.data(), data.size());
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
