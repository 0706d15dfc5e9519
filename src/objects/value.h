// Value: the 64-bit word every Python value travels in.
//
// Layout (decided once; keep it behind this API):
//   bits == 0            null: "no value" (CPython's NULL: unbound local,
//                        the NULL pushed by PUSH_NULL, an absent argument).
//   bit 0 == 1           a small int, the other 63 bits hold it (arithmetic
//                        shift). Every int in [small_min, small_max] is
//                        ALWAYS stored this way (normalized); only larger
//                        magnitudes live in heap `Int` objects (GMP).
//   otherwise            a pointer to an `Object` (a gc::Cell, 16-aligned).
// bool, None, float, ... are heap objects (singletons where CPython has them),
// so `is` compares the words.
#pragma once

#include <cstdint>

namespace adder {

class Object;
class Type;

class Value {
public:
    static constexpr int64_t small_min = -(int64_t(1) << 62);
    static constexpr int64_t small_max = (int64_t(1) << 62) - 1;

    constexpr Value() : m_bits(0) {}
    Value(Object* object) : m_bits(reinterpret_cast<uint64_t>(object)) {}
    template<typename T>
    Value(T* object) requires(!__is_same(T, Object)) : m_bits(reinterpret_cast<uint64_t>(static_cast<Object*>(object))) {}

    // A small int; `v` must be within [small_min, small_max].
    static constexpr Value small(int64_t v) { return Value(static_cast<uint64_t>(v) << 1 | 1, 0); }
    static constexpr bool fits_small(int64_t v) { return v >= small_min && v <= small_max; }

    bool is_null() const { return m_bits == 0; }
    explicit operator bool() const { return m_bits != 0; }
    bool is_small_int() const { return m_bits & 1; }
    bool is_object() const { return m_bits != 0 && !(m_bits & 1); }
    int64_t small_int() const { return static_cast<int64_t>(m_bits) >> 1; }
    Object* as_object() const { return reinterpret_cast<Object*>(m_bits); }
    // The object, or nullptr for null and small ints.
    Object* object_or_null() const { return (m_bits & 1) ? nullptr : reinterpret_cast<Object*>(m_bits); }
    uint64_t bits() const { return m_bits; }
    static Value from_bits(uint64_t bits) { return Value(bits, 0); }

    // Identity (`is`).
    bool is(Value other) const { return m_bits == other.m_bits; }
    bool operator==(const Value& other) const { return m_bits == other.m_bits; }

    // type(v); defined in object.h. Never call on null.
    inline Type* type() const;

private:
    constexpr Value(uint64_t bits, int) : m_bits(bits) {}
    uint64_t m_bits;
};

} // namespace adder
