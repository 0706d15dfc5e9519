// dict: CPython's compact, insertion-ordered hash table (an index table
// probed with perturbation plus a dense entry array; deleted entries are
// tombstones compacted on resize). Lookups may run Python __eq__/__hash__,
// hence Result. Fast paths for interned str keys.
#pragma once

#include <vector>

#include "objects/object.h"

namespace adder {

class Dict : public Object {
public:
    struct Entry {
        int64_t hash;
        Value key;   // null for a deleted entry
        Value value;
    };

    explicit Dict(Type* type);
    static Dict* create();
    void visit_edges(gc::Visitor& v) override;

    // d[key] or null if absent (exception only from __hash__/__eq__).
    Result<Value> get(Value key);
    Status set(Value key, Value value);
    // Removes `key`; returns the old value or null if absent (no KeyError raised).
    Result<Value> pop(Value key);
    // Str-keyed fast paths: no Python code can run.
    Value get_str(Str* key);
    Value get_str(std::string_view key);
    void set_str(Str* key, Value value);
    void set_str(std::string_view key, Value value);
    bool del_str(Str* key);

    size_t size() const { return m_used; }
    // Makes room for `n` live entries in all, so the next inserts up to that
    // count do not resize (the import sizes a module's namespace this way).
    void reserve(size_t n);
    void clear();
    // Iteration over live entries: `for (size_t i = 0; d->next_entry(i, e);)`.
    bool next_entry(size_t& pos, Entry& out) const;
    const std::vector<Entry>& entries() const { return m_entries; }
    uint64_t version() const { return m_version; }
    Dict* copy() const;
    // Copies `other`'s items into this dict (dict.update from a dict).
    Status update(Dict* other);

private:
    Result<int64_t> find(Value key, int64_t hash); // entry index or -1
    int64_t find_str(Str* key, int64_t hash) const;
    void insert_new(int64_t hash, Value key, Value value);
    void resize(size_t min_used);
    void build_index();

    std::vector<Entry> m_entries;
    std::vector<int32_t> m_index; // -1 empty, -2 dummy, else entry index
    size_t m_used = 0;
    uint64_t m_version = 0;
};

inline Dict* as_dict(Value v) { return static_cast<Dict*>(v.as_object()); }

} // namespace adder
