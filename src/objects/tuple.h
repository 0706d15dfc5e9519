// tuple and list: a fixed array of Values and a growable one.
#pragma once

#include <initializer_list>
#include <span>
#include <vector>

#include "objects/object.h"

namespace adder {

class Tuple : public Object {
public:
    Tuple(Type* type, std::span<const Value> items);
    Tuple(Type* type, const std::vector<Value>& items) : Tuple(type, std::span<const Value>(items)) {}
    ~Tuple() override;
    Tuple(const Tuple&) = delete;
    Tuple& operator=(const Tuple&) = delete;
    // A new tuple holding `items` (the empty tuple is shared).
    static Tuple* create(std::span<const Value> items);
    static Tuple* create(std::initializer_list<Value> items);
    static Tuple* create(std::vector<Value>&& items);
    static Tuple* empty();
    void visit_edges(gc::Visitor& v) override;

    size_t size() const { return m_size; }
    Value at(size_t i) const { return m_items[i]; }
    Value operator[](size_t i) const { return m_items[i]; }
    const Value* data() const { return m_items; }
    std::span<const Value> items() const { return { m_items, m_size }; }
    // Only for freshly created tuples not yet visible to Python code.
    void set(size_t i, Value v) { m_items[i] = v; }

private:
    // Small tuples (pairs from dict.items(), enumerate, zip...) keep their
    // items in the cell itself: no malloc/free per tuple.
    static constexpr size_t inline_capacity = 3;
    Value* m_items; // m_inline or a new[]'ed array
    size_t m_size;
    Value m_inline[inline_capacity];
};

class List : public Object {
public:
    explicit List(Type* type) : Object(type) {}
    static List* create();
    static List* create(std::span<const Value> items);
    void visit_edges(gc::Visitor& v) override;

    size_t size() const { return m_items.size(); }
    Value at(size_t i) const { return m_items[i]; }
    void append(Value v) { m_items.push_back(v); }
    std::vector<Value>& items() { return m_items; }

private:
    std::vector<Value> m_items;
};

inline Tuple* as_tuple(Value v) { return static_cast<Tuple*>(v.as_object()); }
inline List* as_list(Value v) { return static_cast<List*>(v.as_object()); }

// Items of any iterable as a vector (fast path for list/tuple). The vector
// must be rooted by the caller (MarkedVector) if it outlives allocation.
Status collect_iterable(Value iterable, gc::MarkedVector& out);
// list.sort core: stable sort of `items` by `key` (may be null) and `reverse`.
Status sort_values(std::vector<Value>& items, Value key, bool reverse);

} // namespace adder
