// tuple and list: a fixed array of Values and a growable one.
#pragma once

#include <initializer_list>
#include <span>
#include <vector>

#include "objects/object.h"

namespace adder {

class Tuple : public Object {
public:
    Tuple(Type* type, std::vector<Value> items) : Object(type), m_items(std::move(items)) {}
    // A new tuple holding `items` (the empty tuple is shared).
    static Tuple* create(std::span<const Value> items);
    static Tuple* create(std::initializer_list<Value> items);
    static Tuple* create(std::vector<Value>&& items);
    static Tuple* empty();
    void visit_edges(gc::Visitor& v) override;

    size_t size() const { return m_items.size(); }
    Value at(size_t i) const { return m_items[i]; }
    Value operator[](size_t i) const { return m_items[i]; }
    const Value* data() const { return m_items.data(); }
    std::span<const Value> items() const { return m_items; }
    // Only for freshly created tuples not yet visible to Python code.
    void set(size_t i, Value v) { m_items[i] = v; }

private:
    std::vector<Value> m_items;
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
