// Flat hash indexes for the compiler's small string tables (co_names,
// varnames, a scope's symbols, str constants). The keys live in the caller's
// own array (entry i of the table is element i of that array); the index only
// stores (hash, position) pairs in one open-addressing array, so a lookup is
// one hash of the probe and usually one comparison, an insert never copies a
// string, and clearing keeps the memory. It replaces std::unordered_map<
// std::string, ...>, whose node allocations, key copies and out-of-line
// hashing were a visible share of compile() time. Internal to src/compiler.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace adder::compiler {

// A cheap, inline hash of short strings (identifiers, constants): multiply-
// xorshift over 8-byte words. Output never depends on it (tables are looked
// up, not iterated), so it only has to spread well.
inline uint64_t hash_string(std::string_view s)
{
    const char* p = s.data();
    size_t n = s.size();
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xFF51AFD7ED558CCDull);
    while (n >= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    uint64_t w = 0;
    if (n >= 4) {
        uint32_t a, b;
        std::memcpy(&a, p, 4);
        std::memcpy(&b, p + n - 4, 4);
        w = (uint64_t(a) << 32) | b;
    } else if (n > 0) {
        w = (uint64_t(uint8_t(p[0])) << 16) | (uint64_t(uint8_t(p[n >> 1])) << 8) | uint8_t(p[n - 1]);
    }
    h = (h ^ w) * 0x94D049BB133111EBull;
    return h ^ (h >> 31);
}

// a == b for names: sizes first, then short keys (most identifiers) as two
// overlapping 8-byte loads instead of a memcmp call.
inline bool same_name(std::string_view a, std::string_view b)
{
    size_t n = a.size();
    if (n != b.size())
        return false;
    const char* p = a.data();
    const char* q = b.data();
    if (n >= 8 && n <= 16) {
        uint64_t x0, y0, x1, y1;
        std::memcpy(&x0, p, 8);
        std::memcpy(&y0, q, 8);
        std::memcpy(&x1, p + n - 8, 8);
        std::memcpy(&y1, q + n - 8, 8);
        return x0 == y0 && x1 == y1;
    }
    if (n >= 4 && n < 8) {
        uint32_t x0, y0, x1, y1;
        std::memcpy(&x0, p, 4);
        std::memcpy(&y0, q, 4);
        std::memcpy(&x1, p + n - 4, 4);
        std::memcpy(&y1, q + n - 4, 4);
        return x0 == y0 && x1 == y1;
    }
    if (n < 4) {
        for (size_t i = 0; i < n; ++i)
            if (p[i] != q[i])
                return false;
        return true;
    }
    return std::memcmp(p, q, n) == 0;
}

// Positions 0..n-1 of an external array, found by hash and an equality
// predicate on the position. Load factor <= 3/4, linear probing.
class FlatIndex {
public:
    // The position whose key `eq(position)` accepts among those stored with
    // hash `h`, or -1.
    template <typename Eq>
    int32_t find(uint64_t h, Eq eq) const
    {
        if (m_slots.empty())
            return -1;
        uint32_t mask = static_cast<uint32_t>(m_slots.size() - 1);
        uint32_t h32 = static_cast<uint32_t>(h);
        for (uint32_t i = h32 & mask;; i = (i + 1) & mask) {
            const Slot& s = m_slots[i];
            if (s.pos_plus1 == 0)
                return -1;
            if (s.hash == h32 && eq(s.pos_plus1 - 1))
                return static_cast<int32_t>(s.pos_plus1 - 1);
        }
    }

    // Records position `pos` under hash `h` (the caller checked it is absent).
    void insert(uint64_t h, uint32_t pos)
    {
        if ((m_count + 1) * 4 > m_slots.size() * 3)
            grow();
        place(static_cast<uint32_t>(h), pos + 1);
        ++m_count;
    }

    void clear()
    {
        if (m_count == 0)
            return;
        std::fill(m_slots.begin(), m_slots.end(), Slot {});
        m_count = 0;
    }
    // clear(), but a large slot array is released rather than wiped (a
    // recycled table should not pay for a big module's size forever).
    void reset()
    {
        if (m_slots.size() > 256) {
            m_slots = {};
            m_count = 0;
            return;
        }
        clear();
    }

private:
    struct Slot {
        uint32_t hash = 0;
        uint32_t pos_plus1 = 0; // 0 = empty
    };
    std::vector<Slot> m_slots; // empty or a power of two
    size_t m_count = 0;

    void place(uint32_t h32, uint32_t pos_plus1)
    {
        uint32_t mask = static_cast<uint32_t>(m_slots.size() - 1);
        uint32_t i = h32 & mask;
        while (m_slots[i].pos_plus1 != 0)
            i = (i + 1) & mask;
        m_slots[i] = Slot { h32, pos_plus1 };
    }

    void grow()
    {
        std::vector<Slot> old;
        old.swap(m_slots);
        m_slots.assign(old.empty() ? 16 : old.size() * 2, Slot {});
        for (const Slot& s : old)
            if (s.pos_plus1)
                place(s.hash, s.pos_plus1);
    }
};

// An insertion-ordered list of distinct strings with a FlatIndex over it
// (co_names, varnames).
class NameTable {
public:
    // Position of `name`, or -1.
    int32_t find(std::string_view name) const { return find(name, hash_string(name)); }
    int32_t find(std::string_view name, uint64_t h) const
    {
        return m_index.find(h, [&](uint32_t i) { return same_name(m_names[i], name); });
    }
    // Position of `name`, appending it first when absent.
    uint32_t add(std::string_view name) { return add(name, hash_string(name)); }
    uint32_t add(std::string_view name, uint64_t h)
    {
        int32_t i = find(name, h);
        if (i >= 0)
            return static_cast<uint32_t>(i);
        return push(name, h);
    }
    // Appends `name` unconditionally; indexes it unless already present
    // (the first occurrence wins lookups).
    uint32_t append(std::string_view name)
    {
        uint64_t h = hash_string(name);
        if (find(name, h) >= 0) {
            m_names.emplace_back(name);
            return static_cast<uint32_t>(m_names.size() - 1);
        }
        return push(name, h);
    }
    size_t size() const { return m_names.size(); }
    const std::string& operator[](size_t i) const { return m_names[i]; }
    const std::vector<std::string>& names() const { return m_names; }
    // Moves the strings out; the table must not be used afterwards (until reset()).
    // The result is sized exactly (it lives on in a CodeUnit); this table's
    // own vector keeps its capacity for the next unit.
    // `extra`: room reserved for names the caller appends.
    std::vector<std::string> take(size_t extra = 0)
    {
        std::vector<std::string> out;
        out.reserve(m_names.size() + extra);
        for (std::string& n : m_names)
            out.push_back(std::move(n));
        m_names.clear();
        return out;
    }
    // Empties the table for reuse.
    void reset()
    {
        m_names.clear();
        m_index.reset();
    }

private:
    std::vector<std::string> m_names;
    FlatIndex m_index;

    uint32_t push(std::string_view name, uint64_t h)
    {
        uint32_t i = static_cast<uint32_t>(m_names.size());
        m_names.emplace_back(name);
        m_index.insert(h, i);
        return i;
    }
};

} // namespace adder::compiler
