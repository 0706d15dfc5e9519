// The hot itertools types in C++ (count, repeat, islice, chain): the
// itertools prelude (itertools.cpp) defines the rest in Python and this
// file's types replace its names. Same reprs and messages as CPython 3.11.
#include <climits>

#include "import/import.h"
#include "modules/stdlib_modules.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

Result<int64_t> hash_not_implemented(Value v); // objects/dict.cpp

// Shared layout of the native itertools iterators; each type uses the fields it needs.
class ItObject : public Object {
public:
    explicit ItObject(Type* t) : Object(t) {}
    void visit_edges(gc::Visitor& v) override
    {
        Object::visit_edges(v);
        v.visit(m_a);
        v.visit(m_b);
    }
    Value m_a, m_b;           // count: current, step; repeat: object; islice: iterator; chain: source, active
    int64_t m_i = 0, m_j = 0, m_k = 0, m_l = 0;
};

static Type* g_count_type;
static Type* g_repeat_type;
static Type* g_islice_type;
static Type* g_chain_type;

static ItObject* as_it(Value v) { return static_cast<ItObject*>(v.as_object()); }
static Result<Value> it_self(Value self) { return self; }

// --- count ---------------------------------------------------------------------------

static bool is_number(Value v)
{
    if (is_int(v) || is_float(v) || (v.is_object() && layout_of(v) == Layout::Complex))
        return true;
    Type* t = v.type();
    return type_lookup(t, "__index__") || type_lookup(t, "__int__") || type_lookup(t, "__float__");
}

static Result<Value> count_new(Type* type, CallArgs args)
{
    Value start, step;
    TRY(parse_args(args, "count", { "start", "step" }, 0, { &start, &step }));
    if (!start)
        start = Value::small(0);
    if (!step)
        step = Value::small(1);
    if (!is_number(start) || !is_number(step))
        return throw_error(g_TypeError, "a number is required");
    ItObject* c = make<ItObject>(type);
    c->m_a = start;
    c->m_b = step;
    return Value(c);
}

static Result<Value> count_next(Value self)
{
    ItObject* c = as_it(self);
    Value cur = c->m_a;
    if (cur.is_small_int() && c->m_b.is_small_int()) {
        int64_t n = cur.small_int() + c->m_b.small_int(); // both within 62 bits: no overflow
        c->m_a = int_from_i64(n);
    } else {
        c->m_a = TRY(binary_op(cur, c->m_b, NB_ADD));
    }
    return cur;
}

static Result<Value> count_repr(Value self)
{
    ItObject* c = as_it(self);
    std::string out = type_name(self.type()) + "(" + TRY(repr_text(c->m_a));
    if (!(c->m_b.is_small_int() && c->m_b.small_int() == 1))
        out += ", " + TRY(repr_text(c->m_b));
    return Value(Str::create(out + ")"));
}

// --- repeat ----------------------------------------------------------------------------

static Result<Value> repeat_new(Type* type, CallArgs args)
{
    Value object, times;
    TRY(parse_args(args, "repeat", { "object", "times" }, 1, { &object, &times }));
    ItObject* r = make<ItObject>(type);
    r->m_a = object;
    r->m_i = -1;
    if (times) {
        int64_t n = TRY(index_as_i64(times));
        r->m_i = n < 0 ? 0 : n;
    }
    return Value(r);
}

static Result<Value> repeat_next(Value self)
{
    ItObject* r = as_it(self);
    if (r->m_i == 0)
        return Value();
    if (r->m_i > 0)
        r->m_i--;
    return r->m_a;
}

static Result<Value> repeat_repr(Value self)
{
    ItObject* r = as_it(self);
    std::string out = type_name(self.type()) + "(" + TRY(repr_text(r->m_a));
    if (r->m_i >= 0)
        out += ", " + std::to_string(r->m_i);
    return Value(Str::create(out + ")"));
}

static Result<Value> repeat_length_hint(Value self, CallArgs)
{
    ItObject* r = as_it(self);
    if (r->m_i < 0)
        return throw_error(g_TypeError, "len() of unsized object");
    return int_from_i64(r->m_i);
}

// --- islice ----------------------------------------------------------------------------
// m_a iterator (null when exhausted), m_i next index, m_j stop (-1 none), m_k step, m_l count.

static Result<int64_t> islice_arg(Value v, const char* message)
{
    if (is_none(v))
        return int64_t(-1);
    if (!is_int(v) && (is_float(v) || !type_lookup(v.type(), "__index__")))
        return throw_error(g_ValueError, "%s", message);
    Value n = TRY(number_index(v));
    int64_t x;
    if (!int_fits_i64(n, x) || x < 0)
        return throw_error(g_ValueError, "%s", message);
    return x;
}

static Result<Value> islice_new(Type* type, CallArgs args)
{
    if (type == g_islice_type && args.kwnames && args.nkw())
        return throw_error(g_TypeError, "islice() takes no keyword arguments");
    if (args.nargs < 2)
        return throw_error(g_TypeError, "islice expected at least 2 arguments, got %zu", args.nargs);
    if (args.nargs > 4)
        return throw_error(g_TypeError, "islice expected at most 4 arguments, got %zu", args.nargs);
    static const char* stop_msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    static const char* idx_msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    int64_t start = 0, stop = -1, step = 1;
    if (args.nargs == 2) {
        stop = TRY(islice_arg(args[1], stop_msg));
    } else {
        if (!is_none(args[1]))
            start = TRY(islice_arg(args[1], idx_msg));
        if (!is_none(args[2]))
            stop = TRY(islice_arg(args[2], stop_msg));
        if (args.nargs == 4 && !is_none(args[3])) {
            Result<int64_t> s = islice_arg(args[3], "Step for islice() must be a positive integer or None.");
            if (s.is_error() || s.value() < 1) {
                if (s.is_error())
                    take_pending();
                return throw_error(g_ValueError, "Step for islice() must be a positive integer or None.");
            }
            step = s.value();
        }
    }
    Value it = TRY(get_iter(args[0]));
    ItObject* s = make<ItObject>(type);
    s->m_a = it;
    s->m_i = start;
    s->m_j = stop;
    s->m_k = step;
    s->m_l = 0;
    return Value(s);
}

static Result<Value> islice_next(Value self)
{
    ItObject* s = as_it(self);
    Value it = s->m_a;
    if (!it)
        return Value();
    while (s->m_l < s->m_i) {
        Value skipped = TRY(iter_next(it));
        if (!skipped) {
            s->m_a = Value();
            return Value();
        }
        s->m_l++;
    }
    if (s->m_j >= 0 && s->m_l >= s->m_j) {
        s->m_a = Value();
        return Value();
    }
    Value item = TRY(iter_next(it));
    if (!item) {
        s->m_a = Value();
        return Value();
    }
    s->m_l++;
    s->m_i += s->m_k;
    if (s->m_j >= 0 && s->m_i > s->m_j)
        s->m_i = s->m_j;
    return item;
}

// --- chain -----------------------------------------------------------------------------
// m_a: iterator over the iterables (null when done), m_b: the active iterator.

static Result<Value> chain_new(Type* type, CallArgs args)
{
    if (type == g_chain_type && args.kwnames && args.nkw())
        return throw_error(g_TypeError, "chain() takes no keyword arguments");
    Tuple* t = Tuple::create(std::span<const Value>(args.items, args.nargs));
    ItObject* c = make<ItObject>(type);
    c->m_a = TRY(get_iter(Value(t)));
    return Value(c);
}

static Result<Value> chain_from_iterable(Value cls, CallArgs args)
{
    TRY(check_arity(args, "from_iterable", 1, 1));
    Value source = TRY(get_iter(args[0]));
    ItObject* c = make<ItObject>(as_type(cls));
    c->m_a = source;
    return Value(c);
}

static Result<Value> chain_next(Value self)
{
    ItObject* c = as_it(self);
    while (c->m_a) {
        if (!c->m_b) {
            Value iterable = TRY(iter_next(c->m_a));
            if (!iterable) {
                c->m_a = Value();
                return Value();
            }
            c->m_b = TRY(get_iter(iterable));
        }
        Value item = TRY(iter_next(c->m_b));
        if (item)
            return item;
        c->m_b = Value();
    }
    return Value();
}

static Result<Value> generic_alias(Value cls, CallArgs args)
{
    TRY(check_arity(args, "__class_getitem__", 1, 1));
    Value types = TRY(imp::import_module("types"));
    Value ga = TRY(get_attr(types, "GenericAlias"));
    return call(ga, { cls, args[0] });
}

static Type* it_type(const char* name, NewFn new_, IterNextFn next)
{
    Type* t = new_builtin_type(name, g_object_type, Layout::Other);
    t->new_ = new_;
    t->iter = it_self;
    t->iternext = next;
    return t;
}

// Adds the native count/repeat/islice/chain to the itertools module `m`.
void add_native_itertools(Module* m)
{
    if (!g_count_type) {
        g_count_type = it_type("count", count_new, count_next);
        g_count_type->repr = count_repr;
        g_repeat_type = it_type("repeat", repeat_new, repeat_next);
        g_repeat_type->repr = repeat_repr;
        add_method(g_repeat_type, "__length_hint__", repeat_length_hint);
        g_islice_type = it_type("islice", islice_new, islice_next);
        g_chain_type = it_type("chain", chain_new, chain_next);
        add_method(g_chain_type, "from_iterable", chain_from_iterable, MethodKind::Class);
        add_method(g_chain_type, "__class_getitem__", generic_alias, MethodKind::Class);
        for (Type* t : { g_count_type, g_repeat_type, g_islice_type, g_chain_type }) {
            type_ready(t);
            t->dict()->set_str("__module__", Value(Str::intern("itertools")));
        }
    }
    Dict* d = m->dict();
    d->set_str("count", Value(g_count_type));
    d->set_str("repeat", Value(g_repeat_type));
    d->set_str("islice", Value(g_islice_type));
    d->set_str("chain", Value(g_chain_type));
}

} // namespace adder
