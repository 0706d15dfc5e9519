// tuple and list: creation, repr (with the recursion guard), hashing
// (3.11's xxHash-based tuplehash), comparison, concatenation, repetition,
// indexing and slicing (including slice assignment), iteration, and the
// list methods with a stable merge sort (matches listobject.c's list.sort
// observable behaviour: stable, key called once per item, reverse keeps
// stability).
#include "objects/tuple.h"

#include <algorithm>
#include <unordered_set>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/range.h"
#include "objects/str.h"

namespace adder {

Result<int64_t> hash_not_implemented(Value v)
{
    return throw_error(g_TypeError, "unhashable type: '%s'", v.type()->m_name.c_str());
}

// Py_ReprEnter/Py_ReprLeave: detects recursive containers during repr.
static std::unordered_set<Object*> g_repr_active;
bool repr_enter(Value v) { return !g_repr_active.insert(v.as_object()).second; }
void repr_leave(Value v) { g_repr_active.erase(v.as_object()); }

Tuple::Tuple(Type* type, std::span<const Value> items)
    : Object(type)
    , m_items(items.size() <= inline_capacity ? m_inline : new Value[items.size()])
    , m_size(items.size())
{
    std::copy(items.begin(), items.end(), m_items);
}

Tuple::~Tuple()
{
    if (m_items != m_inline)
        delete[] m_items;
}

Tuple* Tuple::empty()
{
    static Tuple* s_empty = [] {
        Tuple* t = make<Tuple>(g_tuple_type, std::span<const Value>());
        static struct Root : gc::RootSource {
            Tuple* t;
            void visit_roots(gc::Visitor& v) override { v.visit(t); }
        } root;
        root.t = t;
        gc::heap().add_root_source(&root);
        return t;
    }();
    return s_empty;
}

Tuple* Tuple::create(std::span<const Value> items)
{
    if (items.empty() && g_tuple_type)
        return empty();
    return make<Tuple>(g_tuple_type, items);
}

Tuple* Tuple::create(std::initializer_list<Value> items) { return create(std::span<const Value>(items.begin(), items.size())); }

Tuple* Tuple::create(std::vector<Value>&& items)
{
    if (items.empty())
        return empty();
    return make<Tuple>(g_tuple_type, std::span<const Value>(items));
}

void Tuple::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    for (Value x : items())
        v.visit(x);
}

List* List::create() { return make<List>(g_list_type); }

List* List::create(std::span<const Value> items)
{
    List* l = make<List>(g_list_type);
    l->m_items.assign(items.begin(), items.end());
    return l;
}

void List::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    for (Value x : m_items)
        v.visit(x);
}

Status collect_iterable(Value iterable, gc::MarkedVector& out)
{
    if (iterable.is_object()) {
        Type* t = iterable.type();
        if (t == g_list_type || t == g_tuple_type) {
            std::span<const Value> items = t == g_list_type ? std::span<const Value>(as_list(iterable)->items())
                                                            : as_tuple(iterable)->items();
            out.items().insert(out.items().end(), items.begin(), items.end());
            return ok();
        }
    }
    Value it = TRY(get_iter(iterable));
    for (;;) {
        Value x = TRY(iter_next(it));
        if (!x)
            return ok();
        out.push_back(x);
    }
}

// --- shared sequence helpers -------------------------------------------------------------

static std::span<const Value> seq_items(Value v)
{
    if (is_list(v))
        return as_list(v)->items();
    return as_tuple(v)->items();
}

static Result<Value> seq_repr(Value self, const char* open, const char* close, bool one_comma)
{
    std::span<const Value> items = seq_items(self);
    if (items.empty())
        return Value(Str::create(std::string(open) + close));
    if (repr_enter(self))
        return Value(Str::create(std::string(open) + "..." + close));
    std::string out = open;
    // Copy: the list may change while element reprs run Python code.
    gc::MarkedVector copy;
    copy.items().assign(items.begin(), items.end());
    for (size_t i = 0; i < copy.size(); ++i) {
        if (i)
            out += ", ";
        Result<std::string> r = repr_text(copy[i]);
        if (r.is_error()) {
            repr_leave(self);
            return pending;
        }
        out += r.value();
    }
    repr_leave(self);
    if (one_comma && copy.size() == 1)
        out += ",";
    out += close;
    return Value(Str::create(out));
}

static Result<Value> seq_compare(std::span<const Value> a, std::span<const Value> b, CompareOp op)
{
    if ((op == CompareOp::Eq || op == CompareOp::Ne) && a.size() != b.size())
        return py_bool(op == CompareOp::Ne);
    size_t i = 0;
    for (; i < a.size() && i < b.size(); ++i) {
        bool eq = TRY(equals(a[i], b[i]));
        if (!eq)
            break;
    }
    if (i >= a.size() || i >= b.size()) {
        int64_t x = int64_t(a.size()), y = int64_t(b.size());
        bool r = false;
        switch (op) {
        case CompareOp::Lt: r = x < y; break;
        case CompareOp::Le: r = x <= y; break;
        case CompareOp::Eq: r = x == y; break;
        case CompareOp::Ne: r = x != y; break;
        case CompareOp::Gt: r = x > y; break;
        case CompareOp::Ge: r = x >= y; break;
        }
        return py_bool(r);
    }
    if (op == CompareOp::Eq)
        return py_bool(false);
    if (op == CompareOp::Ne)
        return py_bool(true);
    return rich_compare(a[i], b[i], op);
}

static Result<bool> seq_contains(std::span<const Value> items, Value x)
{
    for (size_t i = 0; i < items.size(); ++i) {
        bool eq = TRY(equals(items[i], x));
        if (eq)
            return true;
    }
    return false;
}

static Result<Value> seq_index(Value self, CallArgs args, const char* tname)
{
    Value x, start_v, stop_v;
    TRY(parse_args(args, "index", { "value", "start", "stop" }, 1, { &x, &start_v, &stop_v }, 3));
    std::span<const Value> items = seq_items(self);
    int64_t len = int64_t(items.size());
    int64_t start = 0, stop = len;
    if (start_v) {
        start = TRY(index_as_i64(start_v));
        if (start < 0)
            start = std::max<int64_t>(0, start + len);
    }
    if (stop_v) {
        stop = TRY(index_as_i64(stop_v));
        if (stop < 0)
            stop = std::max<int64_t>(0, stop + len);
    }
    for (int64_t i = start; i < stop && i < int64_t(seq_items(self).size()); ++i) {
        bool eq = TRY(equals(seq_items(self)[size_t(i)], x));
        if (eq)
            return int_from_i64(i);
    }
    if (is_list(self))
        return throw_error(g_ValueError, "%s is not in list", TRY(repr_text(x)).c_str());
    return throw_error(g_ValueError, "%s.index(x): x not in %s", tname, tname);
}

static Result<Value> seq_count(Value self, CallArgs args)
{
    TRY(check_arity(args, "count", 1, 1));
    int64_t n = 0;
    for (size_t i = 0; i < seq_items(self).size(); ++i) {
        bool eq = TRY(equals(seq_items(self)[i], args[0]));
        n += eq;
    }
    return int_from_i64(n);
}

// --- tuple slots ---------------------------------------------------------------------------

static Result<Value> tuple_repr(Value self) { return seq_repr(self, "(", ")", true); }

static Result<int64_t> tuple_hash(Value self)
{
    constexpr uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL, P5 = 2870177450012600261ULL;
    uint64_t acc = P5;
    Tuple* t = as_tuple(self);
    for (Value item : t->items()) {
        int64_t lane = TRY(hash(item));
        acc += uint64_t(lane) * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += t->size() ^ (P5 ^ 3527539UL);
    if (acc == uint64_t(-1))
        return 1546275796;
    return int64_t(acc);
}

static Result<Value> tuple_richcompare(Value a, Value b, CompareOp op)
{
    if (!is_tuple(b))
        return Value(g_notimplemented);
    return seq_compare(as_tuple(a)->items(), as_tuple(b)->items(), op);
}

static Result<int64_t> tuple_len(Value self) { return int64_t(as_tuple(self)->size()); }

static Result<Value> tuple_getitem(Value self, Value key)
{
    Tuple* t = as_tuple(self);
    int64_t len = int64_t(t->size());
    if (key.is_small_int()) {
        int64_t i = key.small_int();
        if (!normalize_index(i, len))
            return throw_error(g_IndexError, "tuple index out of range");
        return t->at(size_t(i));
    }
    if (is_slice(key)) {
        int64_t start, stop, step, n;
        TRY(slice_indices(key, len, start, stop, step, n));
        if (step == 1 && n == len && t->type() == g_tuple_type)
            return self;
        if (step == 1) // contiguous: copied straight into the new tuple
            return Value(Tuple::create(t->items().subspan(size_t(start), size_t(std::max<int64_t>(n, 0)))));
        std::vector<Value> out;
        for (int64_t i = 0, j = start; i < n; ++i, j += step)
            out.push_back(t->at(size_t(j)));
        return Value(Tuple::create(std::move(out)));
    }
    if (!is_int(key) && !key.type()->index)
        return throw_error(g_TypeError, "tuple indices must be integers or slices, not %s", key.type()->m_name.c_str());
    int64_t i = TRY(index_as_i64(key));
    if (!normalize_index(i, len))
        return throw_error(g_IndexError, "tuple index out of range");
    return t->at(size_t(i));
}

static Result<bool> tuple_contains(Value self, Value x) { return seq_contains(as_tuple(self)->items(), x); }
static Result<Value> tuple_iter(Value self) { return make_index_iterator(IterKind::Tuple, self); }

static Result<Value> tuple_concat(Value a, Value b)
{
    if (!is_tuple(a) || !is_tuple(b))
        return Value(g_notimplemented);
    std::vector<Value> out(as_tuple(a)->items().begin(), as_tuple(a)->items().end());
    out.insert(out.end(), as_tuple(b)->items().begin(), as_tuple(b)->items().end());
    return Value(Tuple::create(std::move(out)));
}

static Result<Value> seq_repeat_items(std::span<const Value> items, Value n, std::vector<Value>& out)
{
    int64_t count = TRY(index_as_i64(n));
    if (count > 0 && items.size() * size_t(count) > (size_t(1) << 32))
        return throw_error(g_MemoryError, "%s", "");
    for (int64_t i = 0; i < count; ++i)
        out.insert(out.end(), items.begin(), items.end());
    return none();
}

static Result<Value> tuple_repeat(Value a, Value b)
{
    Value s = a, n = b;
    if (!is_tuple(s))
        std::swap(s, n);
    if (!is_tuple(s) || !(is_int(n) || n.type()->index))
        return Value(g_notimplemented);
    std::vector<Value> out;
    TRY(seq_repeat_items(as_tuple(s)->items(), n, out));
    return Value(Tuple::create(std::move(out)));
}

static Result<Value> tuple_new(Type* type, CallArgs args)
{
    TRY(no_keywords(args, "tuple"));
    TRY(check_arity(args, "tuple", 0, 1));
    Tuple* t;
    if (args.nargs == 0)
        t = Tuple::empty();
    else if (args[0].is_object() && args[0].type() == g_tuple_type && type == g_tuple_type)
        return args[0];
    else {
        gc::MarkedVector items;
        TRY(collect_iterable(args[0], items));
        t = Tuple::create(std::span<const Value>(items.data(), items.size()));
    }
    if (type == g_tuple_type)
        return Value(t);
    return Value(make<Tuple>(type, t->items()));
}

static Result<Value> tuple_index(Value self, CallArgs args) { return seq_index(self, args, "tuple"); }
static Result<Value> tuple_getnewargs(Value self, CallArgs) { return Value(Tuple::create({ Value(Tuple::create(as_tuple(self)->items())) })); }

// --- list slots ---------------------------------------------------------------------------

static Result<Value> list_repr(Value self) { return seq_repr(self, "[", "]", false); }

static Result<Value> list_richcompare(Value a, Value b, CompareOp op)
{
    if (!is_list(b))
        return Value(g_notimplemented);
    gc::MarkedVector x, y;
    x.items() = as_list(a)->items();
    y.items() = as_list(b)->items();
    return seq_compare(x.items(), y.items(), op);
}

static Result<int64_t> list_len(Value self) { return int64_t(as_list(self)->size()); }

static Result<Value> list_getitem(Value self, Value key)
{
    List* l = as_list(self);
    int64_t len = int64_t(l->size());
    if (key.is_small_int()) {
        int64_t i = key.small_int();
        if (!normalize_index(i, len))
            return throw_error(g_IndexError, "list index out of range");
        return l->at(size_t(i));
    }
    if (is_slice(key)) {
        int64_t start, stop, step, n;
        TRY(slice_indices(key, len, start, stop, step, n));
        List* out = List::create();
        if (step == 1 && n > 0) {
            auto first = l->items().begin() + start;
            out->items().assign(first, first + n);
            return Value(out);
        }
        out->items().reserve(size_t(std::max<int64_t>(n, 0)));
        for (int64_t i = 0, j = start; i < n; ++i, j += step)
            out->append(l->at(size_t(j)));
        return Value(out);
    }
    if (!is_int(key) && !key.type()->index)
        return throw_error(g_TypeError, "list indices must be integers or slices, not %s", key.type()->m_name.c_str());
    int64_t i = TRY(index_as_i64(key));
    if (!normalize_index(i, len))
        return throw_error(g_IndexError, "list index out of range");
    return l->at(size_t(i));
}

static Status list_setitem(Value self, Value key, Value value)
{
    List* l = as_list(self);
    auto& items = l->items();
    int64_t len = int64_t(items.size());
    if (is_slice(key)) {
        int64_t start, stop, step, n;
        TRY(slice_indices(key, len, start, stop, step, n));
        if (value && !value.is(self) && (value.type() == g_list_type || value.type() == g_tuple_type)) {
            // Replacement from another list or tuple: copy straight from its
            // items (no temporary vector, no Python code can run).
            std::span<const Value> src = value.type() == g_list_type ? std::span<const Value>(as_list(value)->items())
                                                                      : as_tuple(value)->items();
            if (step == 1) {
                if (stop < start)
                    stop = start;
                size_t old_n = size_t(stop - start);
                if (src.size() == old_n) {
                    std::copy(src.begin(), src.end(), items.begin() + start);
                } else {
                    items.erase(items.begin() + start, items.begin() + stop);
                    items.insert(items.begin() + start, src.begin(), src.end());
                }
                return ok();
            }
            if (int64_t(src.size()) != n)
                return throw_error(g_ValueError, "attempt to assign sequence of size %zu to extended slice of size %ld",
                                   src.size(), long(n));
            for (int64_t i = 0, j = start; i < n; ++i, j += step)
                items[size_t(j)] = src[size_t(i)];
            return ok();
        }
        gc::MarkedVector repl;
        if (value)
            TRY(collect_iterable(value, repl));
        if (step == 1) {
            if (stop < start)
                stop = start;
            items.erase(items.begin() + start, items.begin() + stop);
            items.insert(items.begin() + start, repl.begin(), repl.end());
            return ok();
        }
        if (!value) {
            std::vector<Value> out;
            for (int64_t i = 0; i < len; ++i) {
                bool removed = step > 0 ? (i >= start && i < stop && (i - start) % step == 0)
                                        : (i <= start && i > stop && (start - i) % (-step) == 0);
                if (!removed)
                    out.push_back(items[size_t(i)]);
            }
            items = std::move(out);
            return ok();
        }
        if (int64_t(repl.size()) != n)
            return throw_error(g_ValueError, "attempt to assign sequence of size %zu to extended slice of size %ld", repl.size(),
                               long(n));
        for (int64_t i = 0, j = start; i < n; ++i, j += step)
            items[size_t(j)] = repl[size_t(i)];
        return ok();
    }
    if (!is_int(key) && !key.type()->index)
        return throw_error(g_TypeError, "list indices must be integers or slices, not %s", key.type()->m_name.c_str());
    int64_t i = TRY(index_as_i64(key));
    if (!normalize_index(i, len))
        return throw_error(g_IndexError, value ? "list assignment index out of range" : "list assignment index out of range");
    if (value)
        items[size_t(i)] = value;
    else
        items.erase(items.begin() + i);
    return ok();
}

static Result<bool> list_contains(Value self, Value x)
{
    List* l = as_list(self);
    for (size_t i = 0; i < l->size(); ++i) {
        bool eq = TRY(equals(l->at(i), x));
        if (eq)
            return true;
    }
    return false;
}

static Result<Value> list_iter(Value self) { return make_index_iterator(IterKind::List, self); }

static Result<Value> list_concat(Value a, Value b)
{
    if (!is_list(a) || !is_list(b))
        return Value(g_notimplemented);
    List* out = List::create(as_list(a)->items());
    out->items().insert(out->items().end(), as_list(b)->items().begin(), as_list(b)->items().end());
    return Value(out);
}

static Result<Value> list_repeat(Value a, Value b)
{
    Value s = a, n = b;
    if (!is_list(s))
        std::swap(s, n);
    if (!is_list(s) || !(is_int(n) || n.type()->index))
        return Value(g_notimplemented);
    List* out = List::create();
    TRY(seq_repeat_items(as_list(s)->items(), n, out->items()));
    return Value(out);
}

static Result<Value> list_iconcat(Value a, Value b)
{
    gc::MarkedVector more;
    TRY(collect_iterable(b, more));
    as_list(a)->items().insert(as_list(a)->items().end(), more.begin(), more.end());
    return a;
}

static Result<Value> list_irepeat(Value a, Value b)
{
    if (!is_int(b) && !b.type()->index)
        return Value(g_notimplemented);
    std::vector<Value> copy = as_list(a)->items();
    std::vector<Value> out;
    TRY(seq_repeat_items(copy, b, out));
    as_list(a)->items() = std::move(out);
    return a;
}

static Result<Value> list_new(Type* type, CallArgs) { return Value(make<List>(type)); }

static Status list_init(Value self, CallArgs args)
{
    TRY(no_keywords(args, "list"));
    TRY(check_arity(args, "list", 0, 1));
    as_list(self)->items().clear();
    if (args.nargs == 1) {
        gc::MarkedVector items;
        TRY(collect_iterable(args[0], items));
        as_list(self)->items() = items.items();
    }
    return ok();
}

static Result<Value> list_append(Value self, CallArgs args)
{
    if (args.nargs != 1 || args.nkw())
        TRY(check_arity(args, "list.append", 1, 1));
    as_list(self)->append(args[0]);
    return none();
}

static Result<Value> list_extend(Value self, CallArgs args)
{
    TRY(check_arity(args, "extend", 1, 1));
    TRY(list_iconcat(self, args[0]));
    return none();
}

static Result<Value> list_insert(Value self, CallArgs args)
{
    TRY(check_arity(args, "insert", 2, 2));
    int64_t i = TRY(index_as_i64(args[0]));
    auto& items = as_list(self)->items();
    int64_t len = int64_t(items.size());
    if (i < 0)
        i = std::max<int64_t>(0, i + len);
    if (i > len)
        i = len;
    items.insert(items.begin() + i, args[1]);
    return none();
}

static Result<Value> list_pop(Value self, CallArgs args)
{
    TRY(check_arity(args, "pop", 0, 1));
    auto& items = as_list(self)->items();
    if (items.empty())
        return throw_error(g_IndexError, "pop from empty list");
    int64_t i = int64_t(items.size()) - 1;
    if (args.nargs)
        i = TRY(index_as_i64(args[0]));
    if (!normalize_index(i, int64_t(items.size())))
        return throw_error(g_IndexError, "pop index out of range");
    Value v = items[size_t(i)];
    items.erase(items.begin() + i);
    return v;
}

static Result<Value> list_remove(Value self, CallArgs args)
{
    TRY(check_arity(args, "remove", 1, 1));
    auto& items = as_list(self)->items();
    for (size_t i = 0; i < items.size(); ++i) {
        bool eq = TRY(equals(items[i], args[0]));
        if (eq) {
            if (i < items.size())
                items.erase(items.begin() + int64_t(i));
            return none();
        }
    }
    return throw_error(g_ValueError, "list.remove(x): x not in list");
}

static Result<Value> list_index(Value self, CallArgs args) { return seq_index(self, args, "list"); }

static Result<Value> list_clear(Value self, CallArgs args)
{
    TRY(check_arity(args, "clear", 0, 0));
    as_list(self)->items().clear();
    return none();
}

static Result<Value> list_copy(Value self, CallArgs args)
{
    TRY(check_arity(args, "copy", 0, 0));
    return Value(List::create(as_list(self)->items()));
}

static Result<Value> list_reverse(Value self, CallArgs args)
{
    TRY(check_arity(args, "reverse", 0, 0));
    std::reverse(as_list(self)->items().begin(), as_list(self)->items().end());
    return none();
}

// a < b for sorting, with fast paths for ints, floats and strs.
static Result<bool> sort_less(Value a, Value b)
{
    if (a.is_small_int() && b.is_small_int())
        return a.small_int() < b.small_int();
    if (is_str(a) && is_str(b) && a.type() == g_str_type && b.type() == g_str_type)
        return as_str(a)->view() < as_str(b)->view();
    return rich_compare_bool(a, b, CompareOp::Lt);
}

// Stable bottom-up merge sort of `idx` by keys[idx]; fails if a comparison raises.
static Status merge_sort(std::vector<size_t>& idx, const std::vector<Value>& keys)
{
    size_t n = idx.size();
    // Insertion sort runs of 16 first (stable).
    const size_t run = 16;
    for (size_t lo = 0; lo < n; lo += run) {
        size_t hi = std::min(n, lo + run);
        for (size_t i = lo + 1; i < hi; ++i) {
            size_t x = idx[i];
            size_t j = i;
            while (j > lo) {
                bool lt = TRY(sort_less(keys[x], keys[idx[j - 1]]));
                if (!lt)
                    break;
                idx[j] = idx[j - 1];
                --j;
            }
            idx[j] = x;
        }
    }
    std::vector<size_t> tmp(n);
    for (size_t width = run; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = std::min(n, lo + width), hi = std::min(n, lo + 2 * width);
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                bool lt = TRY(sort_less(keys[idx[j]], keys[idx[i]]));
                tmp[k++] = lt ? idx[j++] : idx[i++];
            }
            while (i < mid)
                tmp[k++] = idx[i++];
            while (j < hi)
                tmp[k++] = idx[j++];
        }
        idx.swap(tmp);
    }
    return ok();
}

Status sort_values(std::vector<Value>& items, Value key, bool reverse)
{
    gc::MarkedVector original, keys;
    original.items() = items;
    if (reverse)
        std::reverse(original.begin(), original.end());
    if (key && !is_none(key)) {
        for (Value v : original) {
            Value k = TRY(call(key, { v }));
            keys.push_back(k);
        }
    } else {
        keys.items() = original.items();
    }
    std::vector<size_t> idx(original.size());
    for (size_t i = 0; i < idx.size(); ++i)
        idx[i] = i;
    TRY(merge_sort(idx, keys.items()));
    std::vector<Value> out(idx.size());
    for (size_t i = 0; i < idx.size(); ++i)
        out[i] = original[idx[i]];
    if (reverse)
        std::reverse(out.begin(), out.end());
    items = std::move(out);
    return ok();
}

static Result<Value> list_sort(Value self, CallArgs args)
{
    if (args.nargs)
        return throw_error(g_TypeError, "sort() takes no positional arguments");
    Value key, reverse;
    TRY(parse_args(args, "sort", { "key", "reverse" }, 0, { &key, &reverse }));
    bool rev = false;
    if (reverse)
        rev = TRY(truthy(reverse));
    std::vector<Value> items = as_list(self)->items();
    as_list(self)->items().clear();
    Status st = sort_values(items, key, rev);
    bool modified = !as_list(self)->items().empty();
    as_list(self)->items() = std::move(items);
    if (st.is_error())
        return pending;
    if (modified)
        return throw_error(g_ValueError, "list modified during sort");
    return none();
}

static Result<Value> list_reversed(Value self, CallArgs)
{
    Value it = make_index_iterator(IterKind::ListReversed, self);
    static_cast<IndexIterator*>(it.as_object())->m_index = int64_t(as_list(self)->size()) - 1;
    return it;
}

static Result<Value> list_class_getitem(Value cls, CallArgs) { return cls; } // FIXME: types.GenericAlias

void init_tuple_list_types()
{
    Type* t = g_tuple_type;
    t->repr = tuple_repr;
    t->hash = tuple_hash;
    t->richcompare = tuple_richcompare;
    t->len = tuple_len;
    t->getitem = tuple_getitem;
    t->contains = tuple_contains;
    t->iter = tuple_iter;
    t->nb[NB_ADD] = tuple_concat;
    t->nb[NB_MULTIPLY] = tuple_repeat;
    t->new_ = tuple_new;
    t->m_flags |= TF_IS_ABC_SEQUENCE;
    add_method(t, "index", tuple_index);
    add_method(t, "count", seq_count);
    add_method(t, "__getnewargs__", tuple_getnewargs);
    add_method(t, "__class_getitem__", list_class_getitem, MethodKind::Class);

    Type* l = g_list_type;
    l->repr = list_repr;
    l->hash = hash_not_implemented;
    l->richcompare = list_richcompare;
    l->len = list_len;
    l->getitem = list_getitem;
    l->setitem = list_setitem;
    l->contains = list_contains;
    l->iter = list_iter;
    l->nb[NB_ADD] = list_concat;
    l->nb[NB_MULTIPLY] = list_repeat;
    l->nb_inplace[NB_ADD] = list_iconcat;
    l->nb_inplace[NB_MULTIPLY] = list_irepeat;
    l->new_ = list_new;
    l->init = list_init;
    l->m_flags |= TF_IS_ABC_SEQUENCE;
    add_method(l, "append", list_append);
    add_method(l, "extend", list_extend);
    add_method(l, "insert", list_insert);
    add_method(l, "pop", list_pop);
    add_method(l, "remove", list_remove);
    add_method(l, "index", list_index);
    add_method(l, "count", seq_count);
    add_method(l, "clear", list_clear);
    add_method(l, "copy", list_copy);
    add_method(l, "reverse", list_reverse);
    add_method(l, "sort", list_sort);
    add_method(l, "__reversed__", list_reversed);
    add_method(l, "__class_getitem__", list_class_getitem, MethodKind::Class);
}

} // namespace adder
