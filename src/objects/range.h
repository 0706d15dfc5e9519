// slice, range and the simple iterator objects shared by the sequence types.
#pragma once

#include "objects/object.h"

namespace adder {

class Slice : public Object {
public:
    using GcTriviallySweepable = Slice; // owns no memory: the sweep skips ~Slice
    Slice(Type* type, Value start, Value stop, Value step) : Object(type), m_start(start), m_stop(stop), m_step(step) {}
    void visit_edges(gc::Visitor& v) override;
    Value m_start, m_stop, m_step;
};

class Range : public Object {
public:
    using GcTriviallySweepable = Range; // owns no memory: the sweep skips ~Range
    Range(Type* type, Value start, Value stop, Value step, Value length)
        : Object(type), m_start(start), m_stop(stop), m_step(step), m_length(length) {}
    void visit_edges(gc::Visitor& v) override;
    Value m_start, m_stop, m_step, m_length; // ints
};

// Iterator kinds handled by IndexIterator::next.
enum class IterKind : uint8_t { List, Tuple, Str, Bytes, ByteArray, Range, Sequence, ListReversed, Callable, DictKeys, DictValues, DictItems, Set };

// An iterator that walks a container by index (or calls a callable until a sentinel).
class IndexIterator : public Object {
public:
    using GcTriviallySweepable = IndexIterator; // owns no memory: the sweep skips ~IndexIterator
    IndexIterator(Type* type, IterKind kind, Value seq) : Object(type), m_kind(kind), m_seq(seq) {}
    void visit_edges(gc::Visitor& v) override;
    IterKind m_kind;
    Value m_seq;        // container (null once exhausted)
    Value m_sentinel;   // Callable kind
    int64_t m_index = 0;
    int64_t m_start = 0, m_step = 1, m_count = 0; // Range kind (small ranges)
    size_t m_byte_pos = 0;  // Str kind: byte offset of m_index
    size_t m_expected_size = 0; // dict/set iteration: size when created
};

bool is_slice(Value v);
Value make_slice(Value start, Value stop, Value step);
// Computes start/stop/step and the slice length for a sequence of `length`
// (CPython's PySlice_Unpack + PySlice_AdjustIndices).
Status slice_indices(Value slice, int64_t length, int64_t& start, int64_t& stop, int64_t& step, int64_t& slicelength);
// A new iterator of `kind` over `seq`.
Value make_index_iterator(IterKind kind, Value seq);
extern Type* g_iterator_type;
// Normalizes index `i` against `length` (negative from the end). False if out of range.
inline bool normalize_index(int64_t& i, int64_t length)
{
    if (i < 0)
        i += length;
    return i >= 0 && i < length;
}

} // namespace adder
