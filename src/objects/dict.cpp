// dict: a compact insertion-ordered hash table (index array probed with
// CPython's perturbation scheme + dense entries), its Python-visible methods
// and the keys/values/items views. Every mutation takes a fresh version number
// from a global counter, so (dict, version) pairs are unique and LOAD_GLOBAL
// can cache lookups.
#include "objects/dict.h"

#include <algorithm>

#include "objects/errors.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/range.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

namespace {
uint64_t g_dict_version = 0;
constexpr int32_t ix_empty = -1;
constexpr int32_t ix_dummy = -2;
} // namespace

bool repr_enter(Value v);
void repr_leave(Value v);
Result<int64_t> hash_not_implemented(Value v);

Dict::Dict(Type* type) : Object(type), m_version(++g_dict_version) {}

Dict* Dict::create() { return make<Dict>(g_dict_type); }

void Dict::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    for (auto& e : m_entries) {
        v.visit(e.key);
        v.visit(e.value);
    }
}

void Dict::build_index()
{
    size_t size = 8;
    while (size * 2 < m_entries.size() * 3 + 3)
        size <<= 1;
    m_index.assign(size, ix_empty);
    size_t mask = size - 1;
    for (size_t n = 0; n < m_entries.size(); ++n) {
        uint64_t h = uint64_t(m_entries[n].hash);
        size_t i = h & mask;
        uint64_t perturb = h;
        while (m_index[i] != ix_empty) {
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        m_index[i] = int32_t(n);
    }
}

void Dict::resize(size_t min_used)
{
    std::vector<Entry> live;
    live.reserve(min_used);
    for (auto& e : m_entries)
        if (e.key)
            live.push_back(e);
    m_entries = std::move(live);
    size_t size = 8;
    while (size * 2 < min_used * 3 + 3)
        size <<= 1;
    m_index.assign(size, ix_empty);
    size_t mask = size - 1;
    for (size_t n = 0; n < m_entries.size(); ++n) {
        uint64_t h = uint64_t(m_entries[n].hash);
        size_t i = h & mask;
        uint64_t perturb = h;
        while (m_index[i] != ix_empty) {
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        m_index[i] = int32_t(n);
    }
}

void Dict::reserve(size_t n)
{
    // insert_new resizes once (entries + 1) * 3 >= index size * 2.
    if (n > m_used && (m_index.empty() || n * 3 >= m_index.size() * 2))
        resize(n);
}

// find_str() when some entry on the probe path has `key`'s hash but is
// another object: probes again from the start, comparing contents. Kept out
// of line so the common pointer-only probe needs no saved registers (this is
// the hottest lookup of every import and class body).
[[gnu::noinline]] static int64_t find_str_by_content(const std::vector<int32_t>& index,
    const std::vector<Dict::Entry>& entries, Str* key, int64_t hash)
{
    size_t mask = index.size() - 1;
    size_t i = uint64_t(hash) & mask;
    uint64_t perturb = uint64_t(hash);
    for (;;) {
        int32_t ix = index[i];
        if (ix == ix_empty)
            return -1;
        if (ix >= 0) {
            const Dict::Entry& e = entries[size_t(ix)];
            if (e.key.as_object() == key)
                return ix;
            if (e.hash == hash && is_str(e.key) && as_str(e.key)->view() == key->view())
                return ix;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// The probe loop of find_str(), inlined into the str fast paths below.
[[gnu::always_inline]] static inline int64_t find_str_inline(const std::vector<int32_t>& index_v,
    const std::vector<Dict::Entry>& entries_v, Str* key, int64_t hash)
{
    if (index_v.empty())
        return -1;
    const int32_t* index = index_v.data();
    const Dict::Entry* entries = entries_v.data();
    size_t mask = index_v.size() - 1;
    size_t i = uint64_t(hash) & mask;
    uint64_t perturb = uint64_t(hash);
    for (;;) {
        int32_t ix = index[i];
        if (ix == ix_empty)
            return -1;
        if (ix >= 0) {
            const Dict::Entry& e = entries[size_t(ix)];
            if (e.key.as_object() == key)
                return ix;
            if (e.hash == hash) [[unlikely]]
                return find_str_by_content(index_v, entries_v, key, hash);
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

int64_t Dict::find_str(Str* key, int64_t hash) const { return find_str_inline(m_index, m_entries, key, hash); }

Result<int64_t> Dict::find(Value key, int64_t hash)
{
restart:
    if (m_index.empty())
        return int64_t(-1);
    size_t mask = m_index.size() - 1;
    size_t i = uint64_t(hash) & mask;
    uint64_t perturb = uint64_t(hash);
    for (;;) {
        int32_t ix = m_index[i];
        if (ix == ix_empty)
            return int64_t(-1);
        if (ix >= 0) {
            Entry e = m_entries[size_t(ix)];
            if (e.key.is(key))
                return int64_t(ix);
            if (e.hash == hash) {
                if (e.key.is_small_int() || key.is_small_int()) {
                    // A small int equals only an equal int (or a float/bool of equal value).
                    if (e.key.is_small_int() && key.is_small_int()) {
                    } else {
                        uint64_t version = m_version;
                        bool eq = TRY(equals(e.key, key));
                        if (version != m_version)
                            goto restart;
                        if (eq)
                            return int64_t(ix);
                    }
                } else if (is_str(e.key) && is_str(key)) {
                    if (as_str(e.key)->view() == as_str(key)->view())
                        return int64_t(ix);
                } else {
                    uint64_t version = m_version;
                    bool eq = TRY(equals(e.key, key));
                    if (version != m_version)
                        goto restart;
                    if (eq)
                        return int64_t(ix);
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

void Dict::insert_new(int64_t hash, Value key, Value value)
{
    if (m_index.empty() || (m_entries.size() + 1) * 3 >= m_index.size() * 2)
        resize(m_used < 5 ? 5 : m_used * 2);
    size_t mask = m_index.size() - 1;
    size_t i = uint64_t(hash) & mask;
    uint64_t perturb = uint64_t(hash);
    while (m_index[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    m_index[i] = int32_t(m_entries.size());
    m_entries.push_back({ hash, key, value });
    ++m_used;
    m_version = ++g_dict_version;
}

Result<Value> Dict::get(Value key)
{
    if (is_str(key) && key.type() == g_str_type) {
        int64_t ix = find_str_inline(m_index, m_entries, as_str(key), as_str(key)->hash());
        return ix < 0 ? Value() : m_entries[size_t(ix)].value;
    }
    int64_t h = TRY(adder::hash(key));
    int64_t ix = TRY(find(key, h));
    return ix < 0 ? Value() : m_entries[size_t(ix)].value;
}

Status Dict::set(Value key, Value value)
{
    if (is_str(key) && key.type() == g_str_type) {
        set_str(as_str(key), value);
        return ok();
    }
    int64_t h = TRY(adder::hash(key));
    int64_t ix = TRY(find(key, h));
    if (ix >= 0) {
        m_entries[size_t(ix)].value = value;
        m_version = ++g_dict_version;
        return ok();
    }
    insert_new(h, key, value);
    return ok();
}

Result<Value> Dict::pop(Value key)
{
    int64_t h = TRY(adder::hash(key));
    int64_t ix = TRY(find(key, h));
    if (ix < 0)
        return Value();
    Value old = m_entries[size_t(ix)].value;
    // Find the index slot pointing at ix and mark it dummy.
    size_t mask = m_index.size() - 1;
    size_t i = uint64_t(h) & mask;
    uint64_t perturb = uint64_t(h);
    while (m_index[i] != int32_t(ix)) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    m_index[i] = ix_dummy;
    m_entries[size_t(ix)].key = Value();
    m_entries[size_t(ix)].value = Value();
    --m_used;
    m_version = ++g_dict_version;
    // Trailing deleted entries can be dropped cheaply.
    while (!m_entries.empty() && !m_entries.back().key && m_entries.size() > 0) {
        // Only safe if no index slot still points at it: dummy slots hold -2, so yes.
        m_entries.pop_back();
    }
    return old;
}

Value Dict::get_str(Str* key)
{
    int64_t ix = find_str_inline(m_index, m_entries, key, key->hash());
    return ix < 0 ? Value() : m_entries[size_t(ix)].value;
}

Value Dict::get_str(std::string_view key) { return get_str(Str::intern(key)); }

void Dict::set_str(Str* key, Value value)
{
    int64_t h = key->hash();
    int64_t ix = find_str_inline(m_index, m_entries, key, h);
    if (ix >= 0) {
        m_entries[size_t(ix)].value = value;
        m_version = ++g_dict_version;
        return;
    }
    insert_new(h, Value(key), value);
}

void Dict::set_str(std::string_view key, Value value) { set_str(Str::intern(key), value); }

bool Dict::del_str(Str* key)
{
    if (find_str(key, key->hash()) < 0)
        return false;
    MUST(pop(Value(key)));
    return true;
}

void Dict::clear()
{
    m_entries.clear();
    m_index.clear();
    m_used = 0;
    m_version = ++g_dict_version;
}

bool Dict::next_entry(size_t& pos, Entry& out) const
{
    while (pos < m_entries.size()) {
        const Entry& e = m_entries[pos++];
        if (e.key) {
            out = e;
            return true;
        }
    }
    return false;
}

Dict* Dict::copy() const
{
    Dict* d = Dict::create();
    for (auto& e : m_entries)
        if (e.key)
            d->m_entries.push_back(e);
    d->m_used = d->m_entries.size();
    d->build_index();
    d->m_version = ++g_dict_version;
    return d;
}

Status Dict::update(Dict* other)
{
    if (other == this)
        return ok();
    Entry e;
    for (size_t pos = 0; other->next_entry(pos, e);) {
        int64_t ix = TRY(find(e.key, e.hash));
        if (ix >= 0) {
            m_entries[size_t(ix)].value = e.value;
            m_version = ++g_dict_version;
        } else {
            insert_new(e.hash, e.key, e.value);
        }
    }
    return ok();
}

// --- slots ------------------------------------------------------------------------

static Result<Value> dict_repr(Value self)
{
    Dict* d = as_dict(self);
    if (d->size() == 0)
        return Value(Str::create("{}"));
    if (repr_enter(self))
        return Value(Str::create("{...}"));
    std::string out = "{";
    gc::MarkedVector items;
    Dict::Entry e;
    for (size_t pos = 0; d->next_entry(pos, e);) {
        items.push_back(e.key);
        items.push_back(e.value);
    }
    for (size_t i = 0; i < items.size(); i += 2) {
        if (i)
            out += ", ";
        Result<std::string> k = repr_text(items[i]);
        if (k.is_error()) {
            repr_leave(self);
            return pending;
        }
        Result<std::string> v = repr_text(items[i + 1]);
        if (v.is_error()) {
            repr_leave(self);
            return pending;
        }
        out += k.value() + ": " + v.value();
    }
    repr_leave(self);
    out += "}";
    return Value(Str::create(out));
}

static Result<int64_t> dict_len(Value self) { return int64_t(as_dict(self)->size()); }

static Result<Value> dict_subscript(Value self, Value key)
{
    Value v = TRY(as_dict(self)->get(key));
    if (v)
        return v;
    if (self.type() != g_dict_type) {
        Value missing = type_lookup(self.type(), "__missing__");
        if (missing)
            return call_method(self, "__missing__", { key });
    }
    return throw_error_value(g_KeyError, key);
}

static Status dict_ass_sub(Value self, Value key, Value value)
{
    if (value)
        return as_dict(self)->set(key, value);
    Value old = TRY(as_dict(self)->pop(key));
    if (!old)
        return throw_error_value(g_KeyError, key);
    return ok();
}

static Result<bool> dict_contains(Value self, Value key)
{
    Value v = TRY(as_dict(self)->get(key));
    return bool(v);
}

static Result<Value> dict_iter(Value self)
{
    Value it = make_index_iterator(IterKind::DictKeys, self);
    static_cast<IndexIterator*>(it.as_object())->m_expected_size = as_dict(self)->size();
    return it;
}

static Result<Value> dict_richcompare(Value a, Value b, CompareOp op)
{
    if (!is_dict(b) || (op != CompareOp::Eq && op != CompareOp::Ne))
        return Value(g_notimplemented);
    Dict* x = as_dict(a);
    Dict* y = as_dict(b);
    bool eq = x->size() == y->size();
    if (eq) {
        gc::MarkedVector items;
        Dict::Entry e;
        for (size_t pos = 0; x->next_entry(pos, e);) {
            items.push_back(e.key);
            items.push_back(e.value);
        }
        for (size_t i = 0; i < items.size() && eq; i += 2) {
            Value other = TRY(y->get(items[i]));
            if (!other) {
                eq = false;
                break;
            }
            eq = TRY(equals(items[i + 1], other));
        }
    }
    return py_bool(op == CompareOp::Eq ? eq : !eq);
}

// dict.update / dict(...) argument handling (PyDict_Merge + keys()/pairs fallback).
static Status dict_merge_from(Dict* d, Value other)
{
    if (is_dict(other) && type_lookup(other.type(), "keys") == type_lookup(g_dict_type, "keys"))
        return d->update(as_dict(other));
    Value keys = TRY(get_attr_optional(other, Str::intern("keys")));
    if (keys) {
        Value ks = TRY(call(keys, std::span<const Value>()));
        gc::MarkedVector key_list;
        TRY(collect_iterable(ks, key_list));
        for (Value k : key_list) {
            Value v = TRY(get_item(other, k));
            TRY(d->set(k, v));
        }
        return ok();
    }
    Value it = TRY(get_iter(other));
    for (int64_t n = 0;; ++n) {
        Value item = TRY(iter_next(it));
        if (!item)
            break;
        gc::MarkedVector pair;
        Result<Value> pit = get_iter(item);
        if (pit.is_error()) {
            if (pending_matches(g_TypeError)) {
                take_pending();
                return throw_error(g_TypeError, "cannot convert dictionary update sequence element #%ld to a sequence", long(n));
            }
            return pending;
        }
        TRY(collect_iterable(item, pair));
        if (pair.size() != 2)
            return throw_error(g_ValueError, "dictionary update sequence element #%ld has length %zu; 2 is required", long(n),
                               pair.size());
        TRY(d->set(pair[0], pair[1]));
    }
    return ok();
}

static Status dict_update_common(Dict* d, CallArgs args, const char* fname)
{
    if (args.nargs > 1)
        return throw_error(g_TypeError, "%s expected at most 1 argument, got %zu", fname, args.nargs);
    if (args.nargs == 1)
        TRY(dict_merge_from(d, args[0]));
    for (size_t i = 0; i < args.nkw(); ++i)
        TRY(d->set(args.kwnames->at(i), args.kw_value(i)));
    return ok();
}

static Result<Value> dict_new(Type* type, CallArgs) { return Value(make<Dict>(type)); }

static Status dict_init(Value self, CallArgs args) { return dict_update_common(as_dict(self), args, "dict"); }

static Result<Value> dict_update(Value self, CallArgs args)
{
    TRY(dict_update_common(as_dict(self), args, "update"));
    return none();
}

static Result<Value> dict_get(Value self, CallArgs args)
{
    TRY(check_arity(args, "get", 1, 2));
    Value v = TRY(as_dict(self)->get(args[0]));
    if (v)
        return v;
    return args.nargs > 1 ? args[1] : none();
}

static Result<Value> dict_setdefault(Value self, CallArgs args)
{
    TRY(check_arity(args, "setdefault", 1, 2));
    Value v = TRY(as_dict(self)->get(args[0]));
    if (v)
        return v;
    Value def = args.nargs > 1 ? args[1] : none();
    TRY(as_dict(self)->set(args[0], def));
    return def;
}

static Result<Value> dict_pop(Value self, CallArgs args)
{
    TRY(check_arity(args, "pop", 1, 2));
    Value v = TRY(as_dict(self)->pop(args[0]));
    if (v)
        return v;
    if (args.nargs > 1)
        return args[1];
    return throw_error_value(g_KeyError, args[0]);
}

static Result<Value> dict_popitem(Value self, CallArgs args)
{
    TRY(check_arity(args, "popitem", 0, 0));
    Dict* d = as_dict(self);
    if (d->size() == 0)
        return throw_error(g_KeyError, "popitem(): dictionary is empty");
    const auto& entries = d->entries();
    for (size_t i = entries.size(); i-- > 0;) {
        if (entries[i].key) {
            Value k = entries[i].key, v = entries[i].value;
            TRY(d->pop(k));
            return Value(Tuple::create({ k, v }));
        }
    }
    return none();
}

static Result<Value> dict_clear(Value self, CallArgs)
{
    as_dict(self)->clear();
    return none();
}

static Result<Value> dict_copy(Value self, CallArgs)
{
    Dict* c = as_dict(self)->copy();
    return Value(c);
}

static Result<Value> dict_fromkeys(Value cls, CallArgs args)
{
    TRY(check_arity(args, "fromkeys", 1, 2));
    Value d = TRY(call(cls, std::span<const Value>()));
    Value value = args.nargs > 1 ? args[1] : none();
    gc::MarkedVector keys;
    TRY(collect_iterable(args[0], keys));
    for (Value k : keys)
        TRY(set_item(d, k, value));
    return d;
}

static Result<Value> dict_or(Value a, Value b)
{
    if (!is_dict(a) || !is_dict(b))
        return Value(g_notimplemented);
    Dict* d = as_dict(a)->copy();
    TRY(d->update(as_dict(b)));
    return Value(d);
}

static Result<Value> dict_ior(Value a, Value b)
{
    TRY(dict_merge_from(as_dict(a), b));
    return a;
}

// --- views ----------------------------------------------------------------------------

Type* g_dict_keys_type;
Type* g_dict_values_type;
Type* g_dict_items_type;

class DictView : public Object {
public:
    DictView(Type* t, Dict* d) : Object(t), m_dict(d) {}
    void visit_edges(gc::Visitor& v) override
    {
        Object::visit_edges(v);
        v.visit(m_dict);
    }
    Dict* m_dict;
};

static Dict* view_dict(Value v) { return static_cast<DictView*>(v.as_object())->m_dict; }

static Result<Value> dict_keys(Value self, CallArgs) { return Value(make<DictView>(g_dict_keys_type, as_dict(self))); }
static Result<Value> dict_values(Value self, CallArgs) { return Value(make<DictView>(g_dict_values_type, as_dict(self))); }
static Result<Value> dict_items(Value self, CallArgs) { return Value(make<DictView>(g_dict_items_type, as_dict(self))); }

static Result<int64_t> view_len(Value self) { return int64_t(view_dict(self)->size()); }

static Result<Value> view_iter(Value self)
{
    IterKind kind = self.type() == g_dict_keys_type ? IterKind::DictKeys
                    : self.type() == g_dict_values_type ? IterKind::DictValues
                                                        : IterKind::DictItems;
    Value it = make_index_iterator(kind, Value(view_dict(self)));
    static_cast<IndexIterator*>(it.as_object())->m_expected_size = view_dict(self)->size();
    return it;
}

static Result<Value> view_repr(Value self)
{
    const char* name = self.type() == g_dict_keys_type ? "dict_keys" : self.type() == g_dict_values_type ? "dict_values" : "dict_items";
    if (repr_enter(self))
        return Value(Str::create("..."));
    gc::MarkedVector items;
    Result<Value> it = view_iter(self);
    if (it.is_ok()) {
        for (;;) {
            Result<Value> x = iter_next(it.value());
            if (x.is_error() || !x.value())
                break;
            items.push_back(x.value());
        }
    }
    Value list = Value(List::create(std::span<const Value>(items.data(), items.size())));
    Result<std::string> r = repr_text(list);
    repr_leave(self);
    if (r.is_error())
        return pending;
    return Value(Str::create(std::string(name) + "(" + r.value() + ")"));
}

static Result<bool> view_contains(Value self, Value x)
{
    Dict* d = view_dict(self);
    if (self.type() == g_dict_keys_type) {
        Value v = TRY(d->get(x));
        return bool(v);
    }
    if (self.type() == g_dict_items_type) {
        if (!is_tuple(x) || as_tuple(x)->size() != 2)
            return false;
        Value v = TRY(d->get(as_tuple(x)->at(0)));
        if (!v)
            return false;
        return equals(v, as_tuple(x)->at(1));
    }
    Dict::Entry e;
    for (size_t pos = 0; d->next_entry(pos, e);) {
        bool eq = TRY(equals(e.value, x));
        if (eq)
            return true;
    }
    return false;
}

Value set_from_iterable_raw(Value iterable, bool frozen, Result<Value>& status); // set.cpp
Result<Value> make_set_from(Value iterable);

static Result<Value> view_setop(Value a, Value b, int op)
{
    if (!(a.type() == g_dict_keys_type || a.type() == g_dict_items_type)) {
        // reflected: a is the other iterable
        Value s = TRY(make_set_from(a));
        return binary_op(s, b, op);
    }
    Value s = TRY(make_set_from(a));
    return binary_op(s, b, op);
}

static Result<Value> view_and(Value a, Value b) { return view_setop(a, b, NB_AND); }
static Result<Value> view_or(Value a, Value b) { return view_setop(a, b, NB_OR); }
static Result<Value> view_sub(Value a, Value b) { return view_setop(a, b, NB_SUBTRACT); }
static Result<Value> view_xor(Value a, Value b) { return view_setop(a, b, NB_XOR); }

static Result<Value> view_richcompare(Value a, Value b, CompareOp op)
{
    if (a.type() == g_dict_values_type)
        return Value(g_notimplemented);
    if (!(is_anyset(b) || b.type() == g_dict_keys_type || b.type() == g_dict_items_type))
        return Value(g_notimplemented);
    Value sa = TRY(make_set_from(a));
    Value sb = TRY(make_set_from(b));
    return rich_compare(sa, sb, op);
}

static Result<Value> dict_reversed(Value self, CallArgs)
{
    gc::MarkedVector keys;
    Dict::Entry e;
    for (size_t pos = 0; as_dict(self)->next_entry(pos, e);)
        keys.push_back(e.key);
    std::reverse(keys.begin(), keys.end());
    Value l = Value(List::create(std::span<const Value>(keys.data(), keys.size())));
    return make_index_iterator(IterKind::List, l);
}

static Result<Value> view_isdisjoint(Value self, CallArgs args)
{
    TRY(check_arity(args, "isdisjoint", 1, 1));
    Value it = TRY(get_iter(args[0]));
    for (;;) {
        Value x = TRY(iter_next(it));
        if (!x)
            return py_bool(true);
        bool in = TRY(view_contains(self, x));
        if (in)
            return py_bool(false);
    }
}

static Result<Value> view_mapping(Value self) { return Value(view_dict(self)); } // FIXME: mappingproxy

void init_dict_types()
{
    Type* t = g_dict_type;
    t->repr = dict_repr;
    t->hash = hash_not_implemented;
    t->len = dict_len;
    t->getitem = dict_subscript;
    t->setitem = dict_ass_sub;
    t->contains = dict_contains;
    t->iter = dict_iter;
    t->richcompare = dict_richcompare;
    t->new_ = dict_new;
    t->init = dict_init;
    t->nb[NB_OR] = dict_or;
    t->nb_inplace[NB_OR] = dict_ior;
    t->m_flags |= TF_IS_ABC_MAPPING;
    add_method(t, "keys", dict_keys);
    add_method(t, "values", dict_values);
    add_method(t, "items", dict_items);
    add_method(t, "get", dict_get);
    add_method(t, "setdefault", dict_setdefault);
    add_method(t, "pop", dict_pop);
    add_method(t, "popitem", dict_popitem);
    add_method(t, "update", dict_update);
    add_method(t, "clear", dict_clear);
    add_method(t, "copy", dict_copy);
    add_method(t, "fromkeys", dict_fromkeys, MethodKind::Class);
    add_method(t, "__reversed__", dict_reversed);
    add_method(t, "__class_getitem__", [](Value cls, CallArgs) -> Result<Value> { return cls; }, MethodKind::Class);

    g_dict_keys_type = new_builtin_type("dict_keys", g_object_type, Layout::DictView, 0);
    g_dict_values_type = new_builtin_type("dict_values", g_object_type, Layout::DictView, 0);
    g_dict_items_type = new_builtin_type("dict_items", g_object_type, Layout::DictView, 0);
    for (Type* v : { g_dict_keys_type, g_dict_values_type, g_dict_items_type }) {
        v->len = view_len;
        v->iter = view_iter;
        v->repr = view_repr;
        v->contains = view_contains;
        add_getset(v, "mapping", view_mapping);
        if (v != g_dict_values_type) {
            v->nb[NB_AND] = view_and;
            v->nb[NB_OR] = view_or;
            v->nb[NB_SUBTRACT] = view_sub;
            v->nb[NB_XOR] = view_xor;
            v->richcompare = view_richcompare;
            v->hash = hash_not_implemented;
            add_method(v, "isdisjoint", view_isdisjoint);
        }
        type_ready(v);
    }
}

} // namespace adder
