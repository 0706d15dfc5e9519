// Hashes of source text stored in cache headers: CPython 3.11's keyed
// SipHash-1-3 (importlib.util.source_hash, PEP 552 hash-based pycs) and a
// fast unkeyed XXH3 content hash that Adder's header extension uses to
// re-check sources whose stat data cannot be trusted (spec §14 K1/K2).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace adder::cache {

// SipHash-1-3 of `data` with the 128-bit key (`k0`, `k1`): one compression
// round per 8-byte block, three finalisation rounds, standard constants and
// padding (the last block carries the length mod 256 in its top byte).
// Matches CPython 3.11 Python/pyhash.c siphash13.
uint64_t siphash13(uint64_t k0, uint64_t k1, std::span<const uint8_t> data);

// The 8 bytes CPython 3.11 stores in a hash-based pyc for `source`:
// SipHash-1-3 keyed with (`raw_magic`, 0), little-endian. `raw_magic` is the
// 4-byte magic read as a u32 LE (0x0A0D0DA7 for CPython 3.11).
std::array<uint8_t, 8> source_hash_with_key(uint32_t raw_magic, std::span<const uint8_t> source);

// importlib.util.source_hash of CPython 3.11 (magic 3495), for tools and tests.
std::array<uint8_t, 8> source_hash(std::span<const uint8_t> source);

// source_hash_with_key() keyed with Adder's own magic: what Adder writes in
// bytes 8-15 of its hash-based cache files.
std::array<uint8_t, 8> adder_source_hash(std::span<const uint8_t> source);

// XXH3-64 of `source`: the content hash of Adder's header extension.
uint64_t content_hash(std::span<const uint8_t> source);

// Convenience overloads over text held in a string.
inline std::span<const uint8_t> as_bytes(std::string_view s)
{
    return { reinterpret_cast<const uint8_t*>(s.data()), s.size() };
}

} // namespace adder::cache
