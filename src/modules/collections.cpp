// The _collections module: deque (a double-ended queue with optional maxlen,
// Modules/_collectionsmodule.c semantics and messages), its forward and
// reverse iterators (which detect mutation during iteration), defaultdict (a
// dict subclass whose __missing__ calls default_factory) and
// _count_elements (Counter's fast path). OrderedDict comes from the
// pure-Python collections package.
#include <algorithm>
#include <deque>
#include <string>

#include "import/import.h"
#include "modules/stdlib_modules.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

Result<int64_t> hash_not_implemented(Value v); // objects/dict.cpp

static Type* g_deque_type;
static Type* g_deque_iter_type;
static Type* g_deque_reviter_type;
static Type* g_defaultdict_type;

class Deque : public Object {
public:
    explicit Deque(Type* t) : Object(t) {}
    void visit_edges(gc::Visitor& v) override
    {
        Object::visit_edges(v);
        for (Value x : m_items)
            v.visit(x);
    }
    std::deque<Value> m_items;
    int64_t m_maxlen = -1;   // -1: unbounded
    uint64_t m_state = 0;    // bumped on every structural change (iterator invalidation)
};

class DequeIter : public Object {
public:
    DequeIter(Type* t, Deque* d) : Object(t), m_deque(d), m_state(d->m_state) {}
    void visit_edges(gc::Visitor& v) override
    {
        Object::visit_edges(v);
        v.visit(m_deque);
    }
    Deque* m_deque;
    size_t m_index = 0;
    uint64_t m_state;
};

class DefaultDict : public Dict {
public:
    explicit DefaultDict(Type* t) : Dict(t) {}
    void visit_edges(gc::Visitor& v) override
    {
        Dict::visit_edges(v);
        v.visit(m_factory);
    }
    Value m_factory;   // null = None
};

static Deque* as_deque(Value v) { return static_cast<Deque*>(v.as_object()); }
static bool is_deque(Value v) { return v.is_object() && v.type()->is_subtype_of(g_deque_type); }

// --- deque core ---------------------------------------------------------------

static void deque_push_back(Deque* d, Value v)
{
    if (d->m_maxlen == 0)
        return;
    if (d->m_maxlen > 0 && int64_t(d->m_items.size()) >= d->m_maxlen)
        d->m_items.pop_front();
    d->m_items.push_back(v);
    d->m_state++;
}

static void deque_push_front(Deque* d, Value v)
{
    if (d->m_maxlen == 0)
        return;
    if (d->m_maxlen > 0 && int64_t(d->m_items.size()) >= d->m_maxlen)
        d->m_items.pop_back();
    d->m_items.push_front(v);
    d->m_state++;
}

static Status deque_extend_impl(Deque* d, Value iterable, bool left)
{
    if (iterable.is(Value(d))) {
        // Extending with itself: snapshot first (CPython copies to a list).
        gc::MarkedVector snap;
        for (Value x : d->m_items)
            snap.push_back(x);
        for (Value x : snap.items())
            left ? deque_push_front(d, x) : deque_push_back(d, x);
        return ok();
    }
    if (is_list(iterable) || is_tuple(iterable)) {
        gc::MarkedVector snap;
        TRY(collect_iterable(iterable, snap));
        for (Value x : snap.items())
            left ? deque_push_front(d, x) : deque_push_back(d, x);
        return ok();
    }
    Value it = TRY(get_iter(iterable));
    for (;;) {
        Value x = TRY(iter_next(it));
        if (!x)
            return ok();
        left ? deque_push_front(d, x) : deque_push_back(d, x);
    }
}

static Result<Value> deque_new(Type* type, CallArgs) { return Value(make<Deque>(type)); }

static Status deque_init(Value self, CallArgs args)
{
    Value iterable, maxlen;
    if (args.nargs > 2)
        return throw_error(g_TypeError, "deque() takes at most 2 arguments (%zu given)", args.nargs);
    TRY(parse_args(args, "deque", { "iterable", "maxlen" }, 0, { &iterable, &maxlen }));
    Deque* d = as_deque(self);
    int64_t m = -1;
    if (maxlen && !is_none(maxlen)) {
        if (!is_int(maxlen))
            return throw_error(g_TypeError, "an integer is required");
        m = TRY(index_as_i64(maxlen));
        if (m < 0)
            return throw_error(g_ValueError, "maxlen must be non-negative");
    }
    d->m_maxlen = m;
    if (!d->m_items.empty()) {
        d->m_items.clear();
        d->m_state++;
    }
    if (iterable)
        TRY(deque_extend_impl(d, iterable, false));
    return ok();
}

static Result<Value> deque_append(Value self, CallArgs args)
{
    TRY(check_arity(args, "append", 1, 1));
    deque_push_back(as_deque(self), args[0]);
    return none();
}

static Result<Value> deque_appendleft(Value self, CallArgs args)
{
    TRY(check_arity(args, "appendleft", 1, 1));
    deque_push_front(as_deque(self), args[0]);
    return none();
}

static Result<Value> deque_pop(Value self, CallArgs args)
{
    TRY(check_arity(args, "pop", 0, 0));
    Deque* d = as_deque(self);
    if (d->m_items.empty())
        return throw_error(g_IndexError, "pop from an empty deque");
    Value v = d->m_items.back();
    d->m_items.pop_back();
    d->m_state++;
    return v;
}

static Result<Value> deque_popleft(Value self, CallArgs args)
{
    TRY(check_arity(args, "popleft", 0, 0));
    Deque* d = as_deque(self);
    if (d->m_items.empty())
        return throw_error(g_IndexError, "pop from an empty deque");
    Value v = d->m_items.front();
    d->m_items.pop_front();
    d->m_state++;
    return v;
}

static Result<Value> deque_extend(Value self, CallArgs args)
{
    TRY(check_arity(args, "extend", 1, 1));
    TRY(deque_extend_impl(as_deque(self), args[0], false));
    return none();
}

static Result<Value> deque_extendleft(Value self, CallArgs args)
{
    TRY(check_arity(args, "extendleft", 1, 1));
    TRY(deque_extend_impl(as_deque(self), args[0], true));
    return none();
}

static Result<Value> deque_clear(Value self, CallArgs args)
{
    TRY(check_arity(args, "clear", 0, 0));
    as_deque(self)->m_items.clear();
    as_deque(self)->m_state++;
    return none();
}

static Result<Value> deque_copy_of(Value self)
{
    Deque* d = as_deque(self);
    if (self.type() == g_deque_type) {
        Deque* c = make<Deque>(g_deque_type);
        c->m_items = d->m_items;
        c->m_maxlen = d->m_maxlen;
        return Value(c);
    }
    // Subclasses: type(d)(d, maxlen) as CPython does.
    Value maxlen = d->m_maxlen < 0 ? none() : int_from_i64(d->m_maxlen);
    return call(Value(self.type()), { self, maxlen });
}

static Result<Value> deque_copy(Value self, CallArgs args)
{
    TRY(check_arity(args, "copy", 0, 0));
    return deque_copy_of(self);
}

static Result<Value> deque_count(Value self, CallArgs args)
{
    TRY(check_arity(args, "count", 1, 1));
    Deque* d = as_deque(self);
    uint64_t state = d->m_state;
    int64_t n = 0;
    for (size_t i = 0; i < d->m_items.size(); ++i) {
        Value item = d->m_items[i];
        bool eq = TRY(equals(item, args[0]));
        if (state != d->m_state)
            return throw_error(g_RuntimeError, "deque mutated during iteration");
        n += eq;
    }
    return int_from_i64(n);
}

// Clamps a start/stop index as CPython's deque.index (negative counts from the end).
static int64_t clamp_index(int64_t i, int64_t n)
{
    if (i < 0) {
        i += n;
        if (i < 0)
            i = 0;
    }
    return std::min(i, n);
}

static Result<Value> deque_index(Value self, CallArgs args)
{
    TRY(check_arity(args, "index", 1, 3));
    Deque* d = as_deque(self);
    int64_t n = int64_t(d->m_items.size());
    int64_t start = args.nargs > 1 ? clamp_index(TRY(index_as_i64(args[1])), n) : 0;
    int64_t stop = args.nargs > 2 ? clamp_index(TRY(index_as_i64(args[2])), n) : n;
    uint64_t state = d->m_state;
    for (int64_t i = start; i < stop && i < int64_t(d->m_items.size()); ++i) {
        bool eq = TRY(equals(d->m_items[size_t(i)], args[0]));
        if (state != d->m_state)
            return throw_error(g_RuntimeError, "deque mutated during iteration");
        if (eq)
            return int_from_i64(i);
    }
    std::string r = TRY(repr_text(args[0]));
    return throw_error(g_ValueError, "%s is not in deque", r.c_str());
}

static Result<Value> deque_insert(Value self, CallArgs args)
{
    TRY(check_arity(args, "insert", 2, 2));
    Deque* d = as_deque(self);
    int64_t i = TRY(index_as_i64(args[0]));
    int64_t n = int64_t(d->m_items.size());
    if (d->m_maxlen >= 0 && n >= d->m_maxlen)
        return throw_error(g_IndexError, "deque already at its maximum size");
    d->m_items.insert(d->m_items.begin() + clamp_index(i, n), args[1]);
    d->m_state++;
    return none();
}

static Result<Value> deque_remove(Value self, CallArgs args)
{
    TRY(check_arity(args, "remove", 1, 1));
    Deque* d = as_deque(self);
    uint64_t state = d->m_state;
    for (size_t i = 0; i < d->m_items.size(); ++i) {
        bool eq = TRY(equals(d->m_items[i], args[0]));
        if (state != d->m_state)
            return throw_error(g_IndexError, "deque mutated during remove().");
        if (eq) {
            d->m_items.erase(d->m_items.begin() + int64_t(i));
            d->m_state++;
            return none();
        }
    }
    std::string r = TRY(repr_text(args[0]));
    return throw_error(g_ValueError, "%s is not in deque", r.c_str());
}

static Result<Value> deque_reverse(Value self, CallArgs args)
{
    TRY(check_arity(args, "reverse", 0, 0));
    Deque* d = as_deque(self);
    std::reverse(d->m_items.begin(), d->m_items.end());
    d->m_state++;
    return none();
}

static Result<Value> deque_rotate(Value self, CallArgs args)
{
    TRY(check_arity(args, "rotate", 0, 1));
    Deque* d = as_deque(self);
    int64_t k = 1;
    if (args.nargs == 1) {
        if (is_float(args[0]) || !TRY(get_attr_optional(Value(args[0].type()), Str::intern("__index__"))))
            return throw_error(g_TypeError, "'%s' object cannot be interpreted as an integer", args[0].type()->m_name.c_str());
        k = TRY(index_as_i64(args[0]));
    }
    int64_t n = int64_t(d->m_items.size());
    if (n <= 1)
        return none();
    k %= n;
    if (k < 0)
        k += n;
    std::rotate(d->m_items.begin(), d->m_items.begin() + (n - k), d->m_items.end());
    d->m_state++;
    return none();
}

static Result<Value> deque_get_maxlen(Value self)
{
    int64_t m = as_deque(self)->m_maxlen;
    return m < 0 ? none() : int_from_i64(m);
}

static Result<int64_t> deque_len(Value self) { return int64_t(as_deque(self)->m_items.size()); }
static Result<bool> deque_bool(Value self) { return !as_deque(self)->m_items.empty(); }

static Result<size_t> deque_norm_index(Deque* d, Value key)
{
    if (!is_int(key) && (is_float(key) || !TRY(get_attr_optional(Value(key.type()), Str::intern("__index__")))))
        return throw_error(g_TypeError, "sequence index must be integer, not '%s'", key.type()->m_name.c_str());
    int64_t i = TRY(index_as_i64(key));
    int64_t n = int64_t(d->m_items.size());
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return throw_error(g_IndexError, "deque index out of range");
    return size_t(i);
}

static Result<Value> deque_getitem(Value self, Value key)
{
    Deque* d = as_deque(self);
    size_t i = TRY(deque_norm_index(d, key));
    return d->m_items[i];
}

static Status deque_setitem(Value self, Value key, Value value)
{
    Deque* d = as_deque(self);
    size_t i = TRY(deque_norm_index(d, key));
    if (value) {
        d->m_items[i] = value;
    } else {
        d->m_items.erase(d->m_items.begin() + int64_t(i));
        d->m_state++;
    }
    return ok();
}

static Result<bool> deque_contains(Value self, Value item)
{
    Deque* d = as_deque(self);
    uint64_t state = d->m_state;
    for (size_t i = 0; i < d->m_items.size(); ++i) {
        bool eq = TRY(equals(d->m_items[i], item));
        if (state != d->m_state)
            return throw_error(g_RuntimeError, "deque mutated during iteration");
        if (eq)
            return true;
    }
    return false;
}

// Objects whose repr is in progress (CPython's Py_ReprEnter): "[...]" on recursion.
static std::vector<Object*>& repr_stack()
{
    static std::vector<Object*> s;
    return s;
}

static Result<Value> deque_repr(Value self)
{
    Deque* d = as_deque(self);
    auto& stack = repr_stack();
    if (std::find(stack.begin(), stack.end(), d) != stack.end())
        return Value(Str::create("[...]"));
    stack.push_back(d);
    std::string out = type_name(self.type()) + "([";
    for (size_t i = 0; i < d->m_items.size(); ++i) {
        if (i)
            out += ", ";
        Result<std::string> r = repr_text(d->m_items[i]);
        if (r.is_error()) {
            stack.pop_back();
            return pending;
        }
        out += r.value();
    }
    stack.pop_back();
    out += "]";
    if (d->m_maxlen >= 0)
        out += ", maxlen=" + std::to_string(d->m_maxlen);
    out += ")";
    return Value(Str::create(out));
}

static Result<Value> deque_richcompare(Value a, Value b, CompareOp op)
{
    if (!is_deque(a) || !is_deque(b))
        return Value(g_notimplemented);
    // Compare as lists (snapshots: comparisons may run Python code).
    List* la = List::create();
    for (Value x : as_deque(a)->m_items)
        la->append(x);
    List* lb = List::create();
    for (Value x : as_deque(b)->m_items)
        lb->append(x);
    return rich_compare(Value(la), Value(lb), op);
}

static Result<Value> deque_add(Value a, Value b)
{
    if (!is_deque(a))
        return Value(g_notimplemented);
    if (!is_deque(b))
        return throw_error(g_TypeError, "can only concatenate deque (not \"%s\") to deque", b.type()->m_name.c_str());
    Value c = TRY(deque_copy_of(a));
    TRY(deque_extend_impl(as_deque(c), b, false));
    return c;
}

static Result<Value> deque_iadd(Value a, Value b)
{
    TRY(deque_extend_impl(as_deque(a), b, false));
    return a;
}

static Status deque_repeat_inplace(Deque* d, Value count)
{
    int64_t n = TRY(index_as_i64(count));
    if (n <= 0 || d->m_items.empty()) {
        d->m_items.clear();
        d->m_state++;
        return ok();
    }
    size_t size = d->m_items.size();
    size_t limit = d->m_maxlen >= 0 ? size_t(d->m_maxlen) : SIZE_MAX;
    for (int64_t k = 1; k < n && d->m_items.size() < limit + size; ++k)
        for (size_t i = 0; i < size; ++i)
            deque_push_back(d, d->m_items[d->m_maxlen >= 0 && d->m_items.size() >= limit ? d->m_items.size() - size : i]);
    return ok();
}

static bool is_index_like(Value v) { return is_int(v) || (!is_float(v) && type_lookup(v.type(), "__index__")); }

static Result<Value> deque_mul(Value a, Value b)
{
    Value seq = is_deque(a) ? a : b;
    Value count = is_deque(a) ? b : a;
    if (!is_index_like(count))
        return throw_error(g_TypeError, "can't multiply sequence by non-int of type '%s'", count.type()->m_name.c_str());
    Value c = TRY(deque_copy_of(seq));
    TRY(deque_repeat_inplace(as_deque(c), count));
    return c;
}

static Result<Value> deque_imul(Value a, Value b)
{
    if (!is_index_like(b))
        return throw_error(g_TypeError, "can't multiply sequence by non-int of type '%s'", b.type()->m_name.c_str());
    TRY(deque_repeat_inplace(as_deque(a), b));
    return a;
}

static Result<Value> deque_iter(Value self) { return Value(make<DequeIter>(g_deque_iter_type, as_deque(self))); }

static Result<Value> deque_reversed(Value self, CallArgs args)
{
    TRY(check_arity(args, "__reversed__", 0, 0));
    return Value(make<DequeIter>(g_deque_reviter_type, as_deque(self)));
}

static Result<Value> dequeiter_next(Value self)
{
    DequeIter* it = static_cast<DequeIter*>(self.as_object());
    Deque* d = it->m_deque;
    if (it->m_state != d->m_state) {
        it->m_index = SIZE_MAX / 2;
        return throw_error(g_RuntimeError, "deque mutated during iteration");
    }
    if (it->m_index >= d->m_items.size())
        return Value();
    size_t i = it->m_index++;
    if (self.type() == g_deque_reviter_type)
        i = d->m_items.size() - 1 - i;
    return d->m_items[i];
}

static Result<Value> dequeiter_length_hint(Value self, CallArgs)
{
    DequeIter* it = static_cast<DequeIter*>(self.as_object());
    size_t n = it->m_deque->m_items.size();
    return int_from_i64(it->m_index >= n ? 0 : int64_t(n - it->m_index));
}

static Result<Value> iter_self(Value self) { return self; }

// The instance __dict__ as pickle state, or None (object.__getstate__ for these types).
static Value instance_state(Value self)
{
    Dict* d = self.as_object()->dict();
    return d && d->size() ? Value(d) : none();
}

// object.__reduce_ex__ defers to an overridden __reduce__; spelled out here so
// copy/pickle find it whatever the core's object.__reduce_ex__ does.
static Result<Value> reduce_ex(Value self, CallArgs args)
{
    TRY(check_arity(args, "__reduce_ex__", 1, 1));
    return call_method(self, "__reduce__", {});
}

static Result<Value> deque_reduce(Value self, CallArgs args)
{
    TRY(check_arity(args, "__reduce__", 0, 0));
    Deque* d = as_deque(self);
    Value it = TRY(get_iter(self));
    Value ctor_args = d->m_maxlen < 0 ? Value(Tuple::empty())
                                      : Value(Tuple::create({ Value(Tuple::empty()), int_from_i64(d->m_maxlen) }));
    return Value(Tuple::create({ Value(self.type()), ctor_args, instance_state(self), it }));
}

// --- defaultdict ----------------------------------------------------------------

static DefaultDict* as_defaultdict(Value v) { return static_cast<DefaultDict*>(v.as_object()); }

static Result<Value> defaultdict_new(Type* type, CallArgs) { return Value(make<DefaultDict>(type)); }

static Status defaultdict_init(Value self, CallArgs args)
{
    Value factory;
    CallArgs rest = args;
    if (args.nargs >= 1) {
        factory = args[0];
        if (!is_none(factory) && !is_callable(factory))
            return throw_error(g_TypeError, "first argument must be callable or None");
        rest.items = args.items + 1;
        rest.nargs = args.nargs - 1;
    }
    as_defaultdict(self)->m_factory = factory && !is_none(factory) ? factory : Value();
    return g_dict_type->init(self, rest);
}

static Result<Value> defaultdict_missing(Value self, CallArgs args)
{
    TRY(check_arity(args, "__missing__", 1, 1));
    Value factory = as_defaultdict(self)->m_factory;
    if (!factory)
        return throw_error_value(g_KeyError, args[0]);
    Value v = TRY(call(factory, std::span<const Value>()));
    TRY(set_item(self, args[0], v));
    return v;
}

static Result<Value> defaultdict_repr(Value self)
{
    auto& stack = repr_stack();
    Value factory = as_defaultdict(self)->m_factory;
    std::string f = "None";
    if (factory) {
        if (std::find(stack.begin(), stack.end(), self.as_object()) != stack.end()) {
            f = "...";
        } else {
            stack.push_back(self.as_object());
            Result<std::string> r = repr_text(factory);
            stack.pop_back();
            if (r.is_error())
                return pending;
            f = r.value();
        }
    }
    Value base = TRY(g_dict_type->repr(self));
    return Value(Str::create(type_name(self.type()) + "(" + f + ", " + as_str(base)->data() + ")"));
}

static Result<Value> defaultdict_copy(Value self, CallArgs args)
{
    TRY(check_arity(args, "copy", 0, 0));
    Value factory = as_defaultdict(self)->m_factory;
    return call(Value(self.type()), { factory ? factory : none(), self });
}

static Result<Value> defaultdict_reduce(Value self, CallArgs args)
{
    TRY(check_arity(args, "__reduce__", 0, 0));
    Value factory = as_defaultdict(self)->m_factory;
    Value ctor_args = factory ? Value(Tuple::create({ factory })) : Value(Tuple::empty());
    Value items = TRY(call_method(self, "items", {}));
    Value it = TRY(get_iter(items));
    return Value(Tuple::create({ Value(self.type()), ctor_args, none(), none(), it }));
}

static Result<Value> defaultdict_get_factory(Value self)
{
    Value f = as_defaultdict(self)->m_factory;
    return f ? f : none();
}

static Status defaultdict_set_factory(Value self, Value v)
{
    as_defaultdict(self)->m_factory = v && !is_none(v) ? v : Value();
    return ok();
}

static Result<Value> defaultdict_or(Value a, Value b)
{
    bool a_is = a.type()->is_subtype_of(g_defaultdict_type);
    if (!is_dict(a) || !is_dict(b))
        return Value(g_notimplemented);
    Value self = a_is ? a : b;
    Value other = a_is ? b : a;
    Value factory = as_defaultdict(self)->m_factory;
    Value result = TRY(call(Value(self.type()), { factory ? factory : none(), a_is ? self : other }));
    TRY(call_method(result, "update", { a_is ? other : self }));
    return result;
}

// --- _count_elements --------------------------------------------------------------

static Result<Value> count_elements(Value, CallArgs args)
{
    TRY(check_arity(args, "_count_elements", 2, 2));
    Value mapping = args[0];
    Value it = TRY(get_iter(args[1]));
    bool fast = mapping.type() == g_dict_type;
    Value get = fast ? Value() : TRY(get_attr(mapping, "get"));
    for (;;) {
        Value x = TRY(iter_next(it));
        if (!x)
            return none();
        Value old = fast ? TRY(as_dict(mapping)->get(x)) : TRY(call(get, { x, Value::small(0) }));
        if (!old)
            old = Value::small(0);
        Value n = TRY(binary_op(old, Value::small(1), NB_ADD));
        TRY(set_item(mapping, x, n));
    }
}

static Result<Value> class_getitem(Value cls, CallArgs args)
{
    TRY(check_arity(args, "__class_getitem__", 1, 1));
    Value types = TRY(imp::import_module("types"));
    Value ga = TRY(get_attr(types, "GenericAlias"));
    return call(ga, { cls, args[0] });
}

static void init_collections_types()
{
    Type* t = g_deque_type = new_builtin_type("deque", g_object_type, Layout::Other);
    t->new_ = deque_new;
    t->init = deque_init;
    t->repr = deque_repr;
    t->hash = hash_not_implemented;
    t->len = deque_len;
    t->boolean = deque_bool;
    t->getitem = deque_getitem;
    t->setitem = deque_setitem;
    t->contains = deque_contains;
    t->iter = deque_iter;
    t->richcompare = deque_richcompare;
    t->nb[NB_ADD] = deque_add;
    t->nb_inplace[NB_ADD] = deque_iadd;
    t->nb[NB_MULTIPLY] = deque_mul;
    t->nb_inplace[NB_MULTIPLY] = deque_imul;
    t->m_flags |= TF_IS_ABC_SEQUENCE;
    add_method(t, "append", deque_append);
    add_method(t, "appendleft", deque_appendleft);
    add_method(t, "pop", deque_pop);
    add_method(t, "popleft", deque_popleft);
    add_method(t, "extend", deque_extend);
    add_method(t, "extendleft", deque_extendleft);
    add_method(t, "clear", deque_clear);
    add_method(t, "copy", deque_copy);
    add_method(t, "__copy__", deque_copy);
    add_method(t, "count", deque_count);
    add_method(t, "index", deque_index);
    add_method(t, "insert", deque_insert);
    add_method(t, "remove", deque_remove);
    add_method(t, "reverse", deque_reverse);
    add_method(t, "rotate", deque_rotate);
    add_method(t, "__reversed__", deque_reversed);
    add_method(t, "__reduce__", deque_reduce);
    add_method(t, "__reduce_ex__", reduce_ex);
    add_method(t, "__class_getitem__", class_getitem, MethodKind::Class);
    add_getset(t, "maxlen", deque_get_maxlen);
    type_ready(t);
    t->dict()->set_str("__module__", Value(Str::intern("collections")));

    for (Type** slot : { &g_deque_iter_type, &g_deque_reviter_type }) {
        Type* it = *slot = new_builtin_type(slot == &g_deque_iter_type ? "_deque_iterator" : "_deque_reverse_iterator",
                                            g_object_type, Layout::Iterator, 0);
        it->iter = iter_self;
        it->iternext = dequeiter_next;
        add_method(it, "__length_hint__", dequeiter_length_hint);
        type_ready(it);
        it->dict()->set_str("__module__", Value(Str::intern("_collections")));
    }

    Type* dd = g_defaultdict_type = new_builtin_type("defaultdict", g_dict_type, Layout::Dict);
    dd->new_ = defaultdict_new;
    dd->init = defaultdict_init;
    dd->repr = defaultdict_repr;
    dd->nb[NB_OR] = defaultdict_or;
    add_method(dd, "__missing__", defaultdict_missing);
    add_method(dd, "copy", defaultdict_copy);
    add_method(dd, "__copy__", defaultdict_copy);
    add_method(dd, "__reduce__", defaultdict_reduce);
    add_method(dd, "__reduce_ex__", reduce_ex);
    add_getset(dd, "default_factory", defaultdict_get_factory, defaultdict_set_factory);
    type_ready(dd);
    dd->dict()->set_str("__module__", Value(Str::intern("collections")));
}

Module* create_collections_module()
{
    if (!g_deque_type)
        init_collections_types();
    Module* m = Module::create("_collections");
    Dict* d = m->dict();
    d->set_str("deque", Value(g_deque_type));
    d->set_str("_deque_iterator", Value(g_deque_iter_type));
    d->set_str("_deque_reverse_iterator", Value(g_deque_reviter_type));
    d->set_str("defaultdict", Value(g_defaultdict_type));
    stdmod::def(m, "_count_elements", count_elements);
    return m;
}

} // namespace adder
