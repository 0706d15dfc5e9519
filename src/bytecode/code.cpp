// Derived counts of a CodeUnit's localsplus array (CPython's co_nlocals,
// co_ncellvars, co_nfreevars), computed from the slot kinds, and the lazy
// decoding of a PositionTable.
#include "bytecode/code.h"

#include <limits>

namespace adder::bytecode {

int CodeUnit::nlocals() const
{
    int n = 0;
    for (uint8_t k : localspluskinds)
        if (k & CO_FAST_LOCAL)
            ++n;
    return n;
}

int CodeUnit::ncellvars() const
{
    int n = 0;
    for (uint8_t k : localspluskinds)
        if (k & CO_FAST_CELL)
            ++n;
    return n;
}

int CodeUnit::nfreevars() const
{
    int n = 0;
    for (uint8_t k : localspluskinds)
        if (k & CO_FAST_FREE)
            ++n;
    return n;
}

void PositionTable::set_packed(std::string bytes, size_t count, int32_t first_line)
{
    m_items.clear();
    m_packed = std::move(bytes);
    m_count = count;
    m_first_line = first_line;
    if (m_packed.empty())
        m_items.resize(count); // count 0, or a malformed call: never lose the size
}

// Decodes the serialize.h position encoding (per word: svarint line delta,
// end line - line, col, end col - col). The deserializer has checked only
// that the bytes hold `m_count` * 4 varints; values outside int32 become -1.
void PositionTable::unpack() const
{
    const auto* p = reinterpret_cast<const uint8_t*>(m_packed.data());
    const auto* end = p + m_packed.size();
    auto next = [&]() -> int64_t {
        uint64_t v = 0;
        for (int shift = 0; p < end && shift < 64; shift += 7) {
            uint8_t b = *p++;
            v |= uint64_t(b & 0x7F) << shift;
            if (!(b & 0x80))
                break;
        }
        return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
    };
    constexpr int64_t lo = std::numeric_limits<int32_t>::min();
    constexpr int64_t hi = std::numeric_limits<int32_t>::max();
    auto fit = [&](int64_t v) { return (v < lo || v > hi) ? -1 : static_cast<int32_t>(v); };
    std::vector<Position> out(m_count);
    // Wrapping arithmetic (uint64) keeps hostile deltas free of signed overflow.
    int64_t line = m_first_line;
    for (Position& pos : out) {
        line = static_cast<int64_t>(static_cast<uint64_t>(line) + static_cast<uint64_t>(next()));
        int64_t end_line = static_cast<int64_t>(static_cast<uint64_t>(line) + static_cast<uint64_t>(next()));
        int64_t col = next();
        int64_t end_col = static_cast<int64_t>(static_cast<uint64_t>(col) + static_cast<uint64_t>(next()));
        pos = { fit(line), fit(end_line), fit(col), fit(end_col) };
    }
    m_items = std::move(out);
    std::string().swap(m_packed);
}

} // namespace adder::bytecode
