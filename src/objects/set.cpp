// set and frozenset, reproducing CPython 3.11's Objects/setobject.c table
// (open addressing with LINEAR_PROBES=9 and perturbation shift 5, dummy
// entries, resize policy fill*5 >= mask*3 -> used*4 (or *2 past 50000), the
// set_merge fast paths) so that iteration order, and therefore print
// output, matches CPython for the same hashes.
#include <algorithm>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/range.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

bool repr_enter(Value v);
void repr_leave(Value v);
Result<int64_t> hash_not_implemented(Value v);

namespace {
constexpr size_t linear_probes = 9;
constexpr int perturb_shift = 5;
constexpr size_t min_size = 8;
} // namespace

class SetObject : public Object {
public:
    struct Entry {
        // Live: key set. Deleted ("dummy"): null key, hash -1. Unused: null
        // key, hash 0. No separate flag keeps entries 16 bytes, as in CPython.
        Value key;
        int64_t hash = 0;
        bool dummy() const { return !key && hash == -1; }
    };
    explicit SetObject(Type* t) : Object(t), m_table(min_size) {}
    void visit_edges(gc::Visitor& v) override
    {
        Object::visit_edges(v);
        for (auto& e : m_table)
            v.visit(e.key);
    }
    std::vector<Entry> m_table;
    size_t m_fill = 0;
    size_t m_used = 0;
    size_t m_finger = 0;
    int64_t m_hash = -1;
    size_t mask() const { return m_table.size() - 1; }
};

static SetObject* as_set(Value v) { return static_cast<SetObject*>(v.as_object()); }

static bool entry_unused(const SetObject::Entry& e) { return !e.key && e.hash != -1; }

static void insert_clean(std::vector<SetObject::Entry>& table, Value key, int64_t hash)
{
    size_t mask = table.size() - 1;
    uint64_t perturb = uint64_t(hash);
    size_t i = size_t(hash) & mask;
    for (;;) {
        if (!table[i].key) {
            table[i] = { key, hash };
            return;
        }
        if (i + linear_probes <= mask) {
            for (size_t j = 1; j <= linear_probes; ++j)
                if (!table[i + j].key) {
                    table[i + j] = { key, hash };
                    return;
                }
        }
        perturb >>= perturb_shift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static void table_resize(SetObject* so, size_t minused)
{
    size_t newsize = min_size;
    while (newsize <= minused)
        newsize <<= 1;
    std::vector<SetObject::Entry> old = std::move(so->m_table);
    so->m_table.assign(newsize, {});
    so->m_fill = so->m_used;
    for (auto& e : old)
        if (e.key)
            insert_clean(so->m_table, e.key, e.hash);
}

static Result<bool> keys_equal(Value a, Value b)
{
    if (is_str(a) && is_str(b) && a.type() == g_str_type && b.type() == g_str_type)
        return as_str(a)->view() == as_str(b)->view();
    return equals(a, b);
}

// Rich comparison of a probed entry with `key`, kept out of line so the
// probe loop stays small. Returns 1 equal, 0 unequal, 2 table mutated (restart).
[[gnu::noinline]] static Result<int> set_probe_compare(SetObject* so, size_t j, Value key)
{
    Value startkey = so->m_table[j].key;
    size_t table_size = so->m_table.size();
    bool eq = TRY(keys_equal(startkey, key));
    if (table_size != so->m_table.size() || !so->m_table[j].key.is(startkey))
        return 2;
    return eq ? 1 : 0;
}

// Returns the index of the entry holding `key`, or -1.
static Result<int64_t> set_lookkey(SetObject* so, Value key, int64_t hash)
{
restart:
    size_t mask = so->mask();
    uint64_t perturb = uint64_t(hash);
    size_t i = size_t(hash) & mask;
    for (;;) {
        size_t probes = (i + linear_probes <= mask) ? linear_probes : 0;
        size_t j = i;
        for (;;) {
            auto& e = so->m_table[j];
            if (entry_unused(e))
                return int64_t(-1);
            if (e.key && e.hash == hash) {
                if (e.key.is(key))
                    return int64_t(j);
                int r = TRY(set_probe_compare(so, j, key));
                if (r == 2)
                    goto restart;
                if (r == 1)
                    return int64_t(j);
            }
            if (probes-- == 0)
                break;
            ++j;
        }
        perturb >>= perturb_shift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static Status set_add_entry(SetObject* so, Value key, int64_t hash)
{
restart:
    size_t mask = so->mask();
    size_t i = size_t(hash) & mask;
    int64_t freeslot = -1;
    uint64_t perturb = uint64_t(hash);
    for (;;) {
        size_t probes = (i + linear_probes <= mask) ? linear_probes : 0;
        size_t j = i;
        for (;;) {
            auto& e = so->m_table[j];
            if (entry_unused(e)) {
                if (freeslot < 0) {
                    so->m_fill++;
                    so->m_used++;
                    e = { key, hash };
                    if (so->m_fill * 5 < mask * 3)
                        return ok();
                    table_resize(so, so->m_used > 50000 ? so->m_used * 2 : so->m_used * 4);
                    return ok();
                }
                so->m_used++;
                so->m_table[size_t(freeslot)] = { key, hash };
                return ok();
            }
            if (e.key && e.hash == hash) {
                if (e.key.is(key))
                    return ok();
                Value startkey = e.key;
                size_t table_size = so->m_table.size();
                bool eq = TRY(keys_equal(startkey, key));
                if (table_size != so->m_table.size() || !so->m_table[j].key.is(startkey))
                    goto restart;
                if (eq)
                    return ok();
            } else if (freeslot < 0 && e.dummy()) {
                freeslot = int64_t(j);
            }
            if (probes-- == 0)
                break;
            ++j;
        }
        perturb >>= perturb_shift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

Status set_add(Value set, Value key)
{
    int64_t h = TRY(hash(key));
    return set_add_entry(as_set(set), key, h);
}

Result<bool> set_contains_key(Value set, Value key)
{
    Result<int64_t> h = hash(key);
    if (h.is_error()) {
        // A set used as a key is looked up as a frozenset (CPython's set_contains).
        if (is_anyset(key) && pending_matches(g_TypeError)) {
            take_pending();
            int64_t hh = 0;
            extern Result<int64_t> frozenset_hash_value(Value);
            hh = TRY(frozenset_hash_value(key));
            int64_t ix = TRY(set_lookkey(as_set(set), key, hh));
            return ix >= 0;
        }
        return pending;
    }
    int64_t ix = TRY(set_lookkey(as_set(set), key, h.value()));
    return ix >= 0;
}

// Removes `key`; returns true if it was present.
static Result<bool> set_discard_key(SetObject* so, Value key)
{
    int64_t h = TRY(hash(key));
    int64_t ix = TRY(set_lookkey(so, key, h));
    if (ix < 0)
        return false;
    auto& e = so->m_table[size_t(ix)];
    e.key = Value();
    e.hash = -1;
    so->m_used--;
    return true;
}

static void set_clear_internal(SetObject* so)
{
    so->m_table.assign(min_size, {});
    so->m_fill = so->m_used = 0;
}

static Status set_merge(SetObject* so, SetObject* other)
{
    if (so == other || other->m_used == 0)
        return ok();
    if ((so->m_fill + other->m_used) * 5 >= so->mask() * 3)
        table_resize(so, (so->m_used + other->m_used) * 2);
    if (so->m_fill == 0 && so->mask() == other->mask() && other->m_fill == other->m_used) {
        for (size_t i = 0; i < other->m_table.size(); ++i)
            if (other->m_table[i].key)
                so->m_table[i] = other->m_table[i];
        so->m_fill = other->m_fill;
        so->m_used = other->m_used;
        return ok();
    }
    if (so->m_fill == 0) {
        so->m_fill = other->m_used;
        so->m_used = other->m_used;
        for (auto& e : other->m_table)
            if (e.key)
                insert_clean(so->m_table, e.key, e.hash);
        return ok();
    }
    std::vector<SetObject::Entry> copy = other->m_table;
    for (auto& e : copy)
        if (e.key)
            TRY(set_add_entry(so, e.key, e.hash));
    return ok();
}

static Status set_update_internal(SetObject* so, Value other)
{
    if (is_anyset(other))
        return set_merge(so, as_set(other));
    if (is_dict(other) && other.type() == g_dict_type) {
        Dict* d = as_dict(other);
        if ((so->m_fill + d->size()) * 5 >= so->mask() * 3)
            table_resize(so, (so->m_used + d->size()) * 2);
        Dict::Entry e;
        for (size_t pos = 0; d->next_entry(pos, e);)
            TRY(set_add_entry(so, e.key, e.hash));
        return ok();
    }
    Value it = TRY(get_iter(other));
    for (;;) {
        Value x = TRY(iter_next(it));
        if (!x)
            return ok();
        int64_t h = TRY(hash(x));
        TRY(set_add_entry(so, x, h));
    }
}

static SetObject* new_set(Type* type) { return make<SetObject>(type); }

static Type* base_type_of(Value v) { return v.type()->is_subtype_of(g_frozenset_type) ? g_frozenset_type : g_set_type; }

static Result<Value> make_new_set(Type* type, Value iterable)
{
    SetObject* so = new_set(type);
    if (iterable)
        TRY(set_update_internal(so, iterable));
    return Value(so);
}

Result<Value> make_set_from(Value iterable) { return make_new_set(g_set_type, iterable); }

Value frozenset_from_values(std::span<const Value> items)
{
    SetObject* so = new_set(g_frozenset_type);
    for (Value v : items)
        MUST(set_add(Value(so), v));
    return Value(so);
}

Value new_empty_set() { return Value(new_set(g_set_type)); }

// Iteration over live entries in table order.
bool set_next(Value set, size_t& pos, Value& key)
{
    SetObject* so = as_set(set);
    while (pos < so->m_table.size()) {
        auto& e = so->m_table[pos++];
        if (e.key) {
            key = e.key;
            return true;
        }
    }
    return false;
}

size_t set_size(Value set) { return as_set(set)->m_used; }

// --- slots --------------------------------------------------------------------------

static Result<Value> set_repr(Value self)
{
    SetObject* so = as_set(self);
    Type* t = self.type();
    std::string tname = t->m_name;
    if (so->m_used == 0)
        return Value(Str::create(tname + "()"));
    if (repr_enter(self))
        return Value(Str::create(tname + "(...)"));
    gc::MarkedVector keys;
    size_t pos = 0;
    Value k;
    while (set_next(self, pos, k))
        keys.push_back(k);
    std::string out;
    for (size_t i = 0; i < keys.size(); ++i) {
        Result<std::string> r = repr_text(keys[i]);
        if (r.is_error()) {
            repr_leave(self);
            return pending;
        }
        if (i)
            out += ", ";
        out += r.value();
    }
    repr_leave(self);
    if (t == g_set_type)
        return Value(Str::create("{" + out + "}"));
    return Value(Str::create(tname + "({" + out + "})"));
}

static Result<int64_t> set_len(Value self) { return int64_t(as_set(self)->m_used); }
static Result<bool> set_contains_slot(Value self, Value key) { return set_contains_key(self, key); }

static Result<Value> set_iter(Value self)
{
    Value it = make_index_iterator(IterKind::Set, self);
    static_cast<IndexIterator*>(it.as_object())->m_expected_size = as_set(self)->m_used;
    return it;
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

Result<int64_t> frozenset_hash_value(Value self)
{
    SetObject* so = as_set(self);
    if (so->m_hash != -1)
        return so->m_hash;
    uint64_t h = 0;
    for (auto& e : so->m_table)
        h ^= shuffle_bits(uint64_t(e.hash));
    // The loop above xored every slot including unused (hash 0) and dummy (-1)
    // slots, which is what CPython's loop does too; its two corrections then
    // remove those contributions again.
    if ((so->m_table.size() - so->m_fill) & 1)
        h ^= shuffle_bits(0);
    if ((so->m_fill - so->m_used) & 1)
        h ^= shuffle_bits(uint64_t(-1));
    h ^= (uint64_t(so->m_used) + 1) * 1927868237UL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923UL;
    if (h == uint64_t(-1))
        h = 590923713UL;
    so->m_hash = int64_t(h);
    return so->m_hash;
}

static Result<bool> set_issubset_internal(Value a, Value b)
{
    if (set_size(a) > set_size(b))
        return false;
    size_t pos = 0;
    Value k;
    while (set_next(a, pos, k)) {
        bool in = TRY(set_contains_key(b, k));
        if (!in)
            return false;
    }
    return true;
}

static Result<Value> set_richcompare(Value a, Value b, CompareOp op)
{
    if (!is_anyset(b))
        return Value(g_notimplemented);
    size_t la = set_size(a), lb = set_size(b);
    switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne: {
        bool eq = la == lb && TRY(set_issubset_internal(a, b));
        return py_bool(op == CompareOp::Eq ? eq : !eq);
    }
    case CompareOp::Le: return py_bool(TRY(set_issubset_internal(a, b)));
    case CompareOp::Ge: return py_bool(TRY(set_issubset_internal(b, a)));
    case CompareOp::Lt: return py_bool(la < lb && TRY(set_issubset_internal(a, b)));
    case CompareOp::Gt: return py_bool(la > lb && TRY(set_issubset_internal(b, a)));
    }
    return Value(g_notimplemented);
}

static Result<Value> set_copy_of(Value self) { return make_new_set(base_type_of(self), self); }

static Result<Value> set_intersection2(Value so, Value other)
{
    if (so.is(other))
        return set_copy_of(so);
    SetObject* result = new_set(base_type_of(so));
    if (is_anyset(other)) {
        Value a = so, b = other;
        if (set_size(b) > set_size(a))
            std::swap(a, b);
        std::vector<SetObject::Entry> entries = as_set(b)->m_table;
        for (auto& e : entries) {
            if (!e.key)
                continue;
            int64_t ix = TRY(set_lookkey(as_set(a), e.key, e.hash));
            if (ix >= 0)
                TRY(set_add_entry(result, e.key, e.hash));
        }
        return Value(result);
    }
    Value it = TRY(get_iter(other));
    for (;;) {
        Value x = TRY(iter_next(it));
        if (!x)
            break;
        int64_t h = TRY(hash(x));
        int64_t ix = TRY(set_lookkey(as_set(so), x, h));
        if (ix >= 0)
            TRY(set_add_entry(result, x, h));
    }
    return Value(result);
}

static Status set_difference_update_internal(SetObject* so, Value other)
{
    if (Value(so).is(other)) {
        set_clear_internal(so);
        return ok();
    }
    if (is_anyset(other)) {
        size_t pos = 0;
        Value k;
        gc::MarkedVector keys;
        while (set_next(other, pos, k))
            keys.push_back(k);
        for (Value key : keys)
            TRY(set_discard_key(so, key));
        return ok();
    }
    Value it = TRY(get_iter(other));
    for (;;) {
        Value x = TRY(iter_next(it));
        if (!x)
            return ok();
        TRY(set_discard_key(so, x));
    }
}

static Result<Value> set_difference2(Value so, Value other)
{
    size_t other_size;
    if (is_anyset(other))
        other_size = set_size(other);
    else if (is_dict(other))
        other_size = as_dict(other)->size();
    else {
        Value r = TRY(set_copy_of(so));
        TRY(set_difference_update_internal(as_set(r), other));
        return r;
    }
    if ((set_size(so) >> 2) > other_size) {
        Value r = TRY(set_copy_of(so));
        TRY(set_difference_update_internal(as_set(r), other));
        return r;
    }
    SetObject* result = new_set(base_type_of(so));
    std::vector<SetObject::Entry> entries = as_set(so)->m_table;
    for (auto& e : entries) {
        if (!e.key)
            continue;
        bool in;
        if (is_dict(other)) {
            Value v = TRY(as_dict(other)->get(e.key));
            in = bool(v);
        } else {
            int64_t ix = TRY(set_lookkey(as_set(other), e.key, e.hash));
            in = ix >= 0;
        }
        if (!in)
            TRY(set_add_entry(result, e.key, e.hash));
    }
    return Value(result);
}

static Status set_symmetric_difference_update_internal(SetObject* so, Value other)
{
    if (Value(so).is(other)) {
        set_clear_internal(so);
        return ok();
    }
    Value otherset = other;
    if (!is_anyset(other))
        otherset = TRY(make_new_set(so->type()->is_subtype_of(g_frozenset_type) ? g_frozenset_type : g_set_type, other));
    std::vector<SetObject::Entry> entries = as_set(otherset)->m_table;
    for (auto& e : entries) {
        if (!e.key)
            continue;
        int64_t ix = TRY(set_lookkey(so, e.key, e.hash));
        if (ix >= 0) {
            auto& se = so->m_table[size_t(ix)];
            se.key = Value();
            se.hash = -1;
            so->m_used--;
        } else {
            TRY(set_add_entry(so, e.key, e.hash));
        }
    }
    return ok();
}

static Result<Value> set_symmetric_difference2(Value so, Value other)
{
    Value otherset = TRY(make_new_set(base_type_of(so), other));
    TRY(set_symmetric_difference_update_internal(as_set(otherset), so));
    return otherset;
}

static Result<Value> set_union2(Value so, Value other)
{
    Value r = TRY(set_copy_of(so));
    TRY(set_update_internal(as_set(r), other));
    return r;
}

#define SET_BINOP(name, fn)                                   \
    static Result<Value> name(Value a, Value b)               \
    {                                                         \
        if (!is_anyset(a) || !is_anyset(b))                   \
            return Value(g_notimplemented);                   \
        return fn(a, b);                                      \
    }
SET_BINOP(set_or, set_union2)
SET_BINOP(set_and, set_intersection2)
SET_BINOP(set_sub, set_difference2)
SET_BINOP(set_xor, set_symmetric_difference2)
#undef SET_BINOP

static Result<Value> set_ior(Value a, Value b)
{
    if (!is_anyset(b))
        return Value(g_notimplemented);
    TRY(set_update_internal(as_set(a), b));
    return a;
}
static Result<Value> set_iand(Value a, Value b)
{
    if (!is_anyset(b))
        return Value(g_notimplemented);
    Value r = TRY(set_intersection2(a, b));
    std::swap(as_set(a)->m_table, as_set(r)->m_table);
    as_set(a)->m_fill = as_set(r)->m_fill;
    as_set(a)->m_used = as_set(r)->m_used;
    return a;
}
static Result<Value> set_isub(Value a, Value b)
{
    if (!is_anyset(b))
        return Value(g_notimplemented);
    TRY(set_difference_update_internal(as_set(a), b));
    return a;
}
static Result<Value> set_ixor(Value a, Value b)
{
    if (!is_anyset(b))
        return Value(g_notimplemented);
    TRY(set_symmetric_difference_update_internal(as_set(a), b));
    return a;
}

// --- methods --------------------------------------------------------------------------

static Result<Value> set_new(Type* type, CallArgs args)
{
    if (type == g_frozenset_type || type->is_subtype_of(g_frozenset_type)) {
        TRY(no_keywords(args, type->m_name.c_str()));
        TRY(check_arity(args, type->m_name.c_str(), 0, 1));
        if (args.nargs == 1 && type == g_frozenset_type && args[0].is_object() && args[0].type() == g_frozenset_type)
            return args[0];
        return make_new_set(type, args.nargs ? args[0] : Value());
    }
    return Value(new_set(type));
}

static Status set_init(Value self, CallArgs args)
{
    TRY(no_keywords(args, "set"));
    TRY(check_arity(args, "set", 0, 1));
    set_clear_internal(as_set(self));
    if (args.nargs)
        TRY(set_update_internal(as_set(self), args[0]));
    return ok();
}

static Result<Value> set_add_method(Value self, CallArgs args)
{
    TRY(check_arity(args, "set.add", 1, 1));
    TRY(set_add(self, args[0]));
    return none();
}

static Result<Value> set_discard_method(Value self, CallArgs args)
{
    TRY(check_arity(args, "set.discard", 1, 1));
    TRY(set_discard_key(as_set(self), args[0]));
    return none();
}

static Result<Value> set_remove_method(Value self, CallArgs args)
{
    TRY(check_arity(args, "set.remove", 1, 1));
    bool found = TRY(set_discard_key(as_set(self), args[0]));
    if (!found)
        return throw_error_value(g_KeyError, args[0]);
    return none();
}

static Result<Value> set_pop_method(Value self, CallArgs args)
{
    TRY(check_arity(args, "pop", 0, 0));
    SetObject* so = as_set(self);
    if (so->m_used == 0)
        return throw_error(g_KeyError, "pop from an empty set");
    size_t i = so->m_finger & so->mask();
    while (!so->m_table[i].key) {
        ++i;
        if (i > so->mask())
            i = 0;
    }
    Value key = so->m_table[i].key;
    so->m_table[i] = { Value(), -1 };
    so->m_used--;
    so->m_finger = i + 1;
    return key;
}

static Result<Value> set_clear_method(Value self, CallArgs)
{
    set_clear_internal(as_set(self));
    return none();
}

static Result<Value> set_copy_method(Value self, CallArgs)
{
    if (self.type() == g_frozenset_type)
        return self;
    return set_copy_of(self);
}

static Result<Value> set_union_method(Value self, CallArgs args)
{
    Value r = TRY(set_copy_of(self));
    for (size_t i = 0; i < args.nargs; ++i)
        TRY(set_update_internal(as_set(r), args[i]));
    return r;
}

static Result<Value> set_update_method(Value self, CallArgs args)
{
    for (size_t i = 0; i < args.nargs; ++i)
        TRY(set_update_internal(as_set(self), args[i]));
    return none();
}

static Result<Value> set_intersection_method(Value self, CallArgs args)
{
    if (args.nargs == 0)
        return set_copy_of(self);
    Value r = self;
    for (size_t i = 0; i < args.nargs; ++i)
        r = TRY(set_intersection2(r, args[i]));
    return r;
}

static Result<Value> set_intersection_update_method(Value self, CallArgs args)
{
    Value r = TRY(set_intersection_method(self, args));
    std::swap(as_set(self)->m_table, as_set(r)->m_table);
    as_set(self)->m_fill = as_set(r)->m_fill;
    as_set(self)->m_used = as_set(r)->m_used;
    return none();
}

static Result<Value> set_difference_method(Value self, CallArgs args)
{
    if (args.nargs == 0)
        return set_copy_of(self);
    Value r = TRY(set_difference2(self, args[0]));
    for (size_t i = 1; i < args.nargs; ++i)
        TRY(set_difference_update_internal(as_set(r), args[i]));
    return r;
}

static Result<Value> set_difference_update_method(Value self, CallArgs args)
{
    for (size_t i = 0; i < args.nargs; ++i)
        TRY(set_difference_update_internal(as_set(self), args[i]));
    return none();
}

static Result<Value> set_symmetric_difference_method(Value self, CallArgs args)
{
    TRY(check_arity(args, "symmetric_difference", 1, 1));
    return set_symmetric_difference2(self, args[0]);
}

static Result<Value> set_symmetric_difference_update_method(Value self, CallArgs args)
{
    TRY(check_arity(args, "symmetric_difference_update", 1, 1));
    TRY(set_symmetric_difference_update_internal(as_set(self), args[0]));
    return none();
}

static Result<Value> set_issubset_method(Value self, CallArgs args)
{
    TRY(check_arity(args, "issubset", 1, 1));
    Value other = args[0];
    if (!is_anyset(other))
        other = TRY(make_new_set(g_set_type, other));
    return py_bool(TRY(set_issubset_internal(self, other)));
}

static Result<Value> set_issuperset_method(Value self, CallArgs args)
{
    TRY(check_arity(args, "issuperset", 1, 1));
    Value other = args[0];
    if (!is_anyset(other))
        other = TRY(make_new_set(g_set_type, other));
    return py_bool(TRY(set_issubset_internal(other, self)));
}

static Result<Value> set_isdisjoint_method(Value self, CallArgs args)
{
    TRY(check_arity(args, "isdisjoint", 1, 1));
    Value it = TRY(get_iter(args[0]));
    for (;;) {
        Value x = TRY(iter_next(it));
        if (!x)
            return py_bool(true);
        bool in = TRY(set_contains_key(self, x));
        if (in)
            return py_bool(false);
    }
}

void init_set_types()
{
    for (Type* t : { g_set_type, g_frozenset_type }) {
        t->repr = set_repr;
        t->len = set_len;
        t->contains = set_contains_slot;
        t->iter = set_iter;
        t->richcompare = set_richcompare;
        t->nb[NB_OR] = set_or;
        t->nb[NB_AND] = set_and;
        t->nb[NB_SUBTRACT] = set_sub;
        t->nb[NB_XOR] = set_xor;
        t->new_ = set_new;
        add_method(t, "copy", set_copy_method);
        add_method(t, "union", set_union_method);
        add_method(t, "intersection", set_intersection_method);
        add_method(t, "difference", set_difference_method);
        add_method(t, "symmetric_difference", set_symmetric_difference_method);
        add_method(t, "issubset", set_issubset_method);
        add_method(t, "issuperset", set_issuperset_method);
        add_method(t, "isdisjoint", set_isdisjoint_method);
        add_method(t, "__class_getitem__", [](Value cls, CallArgs) -> Result<Value> { return cls; }, MethodKind::Class);
    }
    Type* s = g_set_type;
    s->hash = hash_not_implemented;
    s->init = set_init;
    s->nb_inplace[NB_OR] = set_ior;
    s->nb_inplace[NB_AND] = set_iand;
    s->nb_inplace[NB_SUBTRACT] = set_isub;
    s->nb_inplace[NB_XOR] = set_ixor;
    add_method(s, "add", set_add_method);
    add_method(s, "discard", set_discard_method);
    add_method(s, "remove", set_remove_method);
    add_method(s, "pop", set_pop_method);
    add_method(s, "clear", set_clear_method);
    add_method(s, "update", set_update_method);
    add_method(s, "intersection_update", set_intersection_update_method);
    add_method(s, "difference_update", set_difference_update_method);
    add_method(s, "symmetric_difference_update", set_symmetric_difference_update_method);
    g_frozenset_type->hash = frozenset_hash_value;
}

} // namespace adder
