// One-shot SipHash-1-3 over a byte buffer (common/siphash.h).
#include "common/siphash.h"

#include <cstring>

namespace adder {

uint64_t siphash13(uint64_t k0, uint64_t k1, const void* data, size_t size)
{
    SipHash13 s(k0, k1);
    const auto* p = static_cast<const unsigned char*>(data);
    size_t blocks = size / 8;
    for (size_t i = 0; i < blocks; ++i) {
        uint64_t m;
        std::memcpy(&m, p + 8 * i, 8); // little-endian host assumed (x86-64, aarch64)
        s.block(m);
    }
    uint64_t last = static_cast<uint64_t>(size) << 56;
    for (size_t i = blocks * 8, k = 0; i < size; ++i, ++k)
        last |= static_cast<uint64_t>(p[i]) << (8 * k);
    return s.finish(last);
}

} // namespace adder
