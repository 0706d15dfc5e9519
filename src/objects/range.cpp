// None, NotImplemented, Ellipsis, slice, range, and IndexIterator (the
// iterator behind list/tuple/str/bytes/range/dict/set iteration, the
// __getitem__ sequence protocol and the callable-sentinel form of iter()).
#include "objects/range.h"

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

Type* g_iterator_type;
bool set_next(Value set, size_t& pos, Value& key);
size_t set_size(Value set);
Value str_substring(Str* s, size_t start, size_t end);

void Slice::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_start);
    v.visit(m_stop);
    v.visit(m_step);
}

void Range::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_start);
    v.visit(m_stop);
    v.visit(m_step);
    v.visit(m_length);
}

void IndexIterator::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_seq);
    v.visit(m_sentinel);
}

bool is_slice(Value v) { return v.is_object() && v.type() == g_slice_type; }

Value make_slice(Value start, Value stop, Value step)
{
    return Value(make<Slice>(g_slice_type, start ? start : none(), stop ? stop : none(), step ? step : none()));
}

static Result<int64_t> slice_component(Value v)
{
    if (v.is_small_int())
        return v.small_int();
    if (!is_int(v) && !v.type()->index)
        return throw_error(g_TypeError, "slice indices must be integers or None or have an __index__ method");
    Value i = TRY(number_index(v));
    int64_t out;
    if (int_fits_i64(i, out))
        return out;
    return int_sign(i) < 0 ? INT64_MIN / 2 : INT64_MAX / 2; // clamped, as PySlice_Unpack
}

Status slice_indices(Value slice, int64_t length, int64_t& start, int64_t& stop, int64_t& step, int64_t& slicelength)
{
    auto* s = static_cast<Slice*>(slice.as_object());
    step = 1;
    if (!is_none(s->m_step)) {
        step = TRY(slice_component(s->m_step));
        if (step == 0)
            return throw_error(g_ValueError, "slice step cannot be zero");
    }
    if (is_none(s->m_start))
        start = step < 0 ? length - 1 : 0;
    else {
        start = TRY(slice_component(s->m_start));
        if (start < 0) {
            start += length;
            if (start < 0)
                start = step < 0 ? -1 : 0;
        } else if (start >= length)
            start = step < 0 ? length - 1 : length;
    }
    if (is_none(s->m_stop))
        stop = step < 0 ? -1 : length;
    else {
        stop = TRY(slice_component(s->m_stop));
        if (stop < 0) {
            stop += length;
            if (stop < 0)
                stop = step < 0 ? -1 : 0;
        } else if (stop >= length)
            stop = step < 0 ? length - 1 : length;
    }
    if (step < 0)
        slicelength = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    else
        slicelength = start < stop ? (stop - start - 1) / step + 1 : 0;
    return ok();
}

static Result<Value> slice_repr(Value self)
{
    auto* s = static_cast<Slice*>(self.as_object());
    std::string a = TRY(repr_text(s->m_start));
    std::string b = TRY(repr_text(s->m_stop));
    std::string c = TRY(repr_text(s->m_step));
    return Value(Str::create("slice(" + a + ", " + b + ", " + c + ")"));
}

static Result<Value> slice_new(Type*, CallArgs args)
{
    TRY(check_arity(args, "slice", 1, 3));
    if (args.nargs == 1)
        return make_slice(none(), args[0], none());
    return make_slice(args[0], args[1], args.nargs > 2 ? args[2] : none());
}

static Result<Value> slice_indices_method(Value self, CallArgs args)
{
    TRY(check_arity(args, "indices", 1, 1));
    int64_t len = TRY(index_as_i64(args[0]));
    if (len < 0)
        return throw_error(g_ValueError, "length should not be negative");
    int64_t start, stop, step, n;
    TRY(slice_indices(self, len, start, stop, step, n));
    return Value(Tuple::create({ int_from_i64(start), int_from_i64(stop), int_from_i64(step) }));
}

static Result<Value> slice_richcompare(Value a, Value b, CompareOp op)
{
    if (!is_slice(b))
        return Value(g_notimplemented);
    auto* x = static_cast<Slice*>(a.as_object());
    auto* y = static_cast<Slice*>(b.as_object());
    Tuple* ta = Tuple::create({ x->m_start, x->m_stop, x->m_step });
    Tuple* tb = Tuple::create({ y->m_start, y->m_stop, y->m_step });
    return rich_compare(Value(ta), Value(tb), op);
}

// --- range ------------------------------------------------------------------------

static Range* as_range(Value v) { return static_cast<Range*>(v.as_object()); }

static Result<Value> compute_range_length(Value start, Value stop, Value step)
{
    // len = max(0, (stop - start + step - sign(step)) // step)
    int sign = int_sign(step);
    Value diff = TRY(int_sub(stop, start));
    if ((sign > 0 && int_sign(diff) <= 0) || (sign < 0 && int_sign(diff) >= 0))
        return Value::small(0);
    Value adj = TRY(int_add(diff, TRY(int_sub(step, Value::small(sign)))));
    return int_floordiv(adj, step);
}

static Result<Value> range_new(Type*, CallArgs args)
{
    TRY(no_keywords(args, "range"));
    if (args.nargs == 0)
        return throw_error(g_TypeError, "range expected at least 1 argument, got 0");
    if (args.nargs > 3)
        return throw_error(g_TypeError, "range expected at most 3 arguments, got %zu", args.nargs);
    Value start = Value::small(0), stop, step = Value::small(1);
    if (args.nargs == 1)
        stop = TRY(number_index(args[0]));
    else {
        start = TRY(number_index(args[0]));
        stop = TRY(number_index(args[1]));
        if (args.nargs == 3)
            step = TRY(number_index(args[2]));
    }
    if (int_sign(step) == 0)
        return throw_error(g_ValueError, "range() arg 3 must not be zero");
    Value len = TRY(compute_range_length(start, stop, step));
    return Value(make<Range>(g_range_type, start, stop, step, len));
}

static Result<Value> range_repr(Value self)
{
    Range* r = as_range(self);
    std::string out = "range(" + int_to_string(r->m_start) + ", " + int_to_string(r->m_stop);
    if (!(r->m_step.is_small_int() && r->m_step.small_int() == 1))
        out += ", " + int_to_string(r->m_step);
    return Value(Str::create(out + ")"));
}

static Result<int64_t> range_len(Value self)
{
    int64_t n;
    if (!int_fits_i64(as_range(self)->m_length, n))
        return throw_error(g_OverflowError, "Python int too large to convert to C ssize_t");
    return n;
}

static Result<Value> range_item(Range* r, Value i)
{
    Value off = TRY(int_mul(i, r->m_step));
    return int_add(r->m_start, off);
}

static Result<Value> range_getitem(Value self, Value key)
{
    Range* r = as_range(self);
    if (is_slice(key)) {
        int64_t len = TRY(range_len(self));
        int64_t start, stop, step, n;
        TRY(slice_indices(key, len, start, stop, step, n));
        Value nstart = TRY(range_item(r, int_from_i64(start)));
        Value nstep = TRY(int_mul(r->m_step, int_from_i64(step)));
        Value nstop = TRY(range_item(r, int_from_i64(stop)));
        return Value(make<Range>(g_range_type, nstart, nstop, nstep, int_from_i64(n)));
    }
    if (!is_int(key) && !key.type()->index)
        return throw_error(g_TypeError, "range indices must be integers or slices, not %s", key.type()->m_name.c_str());
    Value i = TRY(number_index(key));
    if (int_sign(i) < 0)
        i = TRY(int_add(i, r->m_length));
    if (int_sign(i) < 0 || int_compare(i, r->m_length) >= 0)
        return throw_error(g_IndexError, "range object index out of range");
    return range_item(r, i);
}

static Result<bool> range_contains_int(Range* r, Value x)
{
    int sign = int_sign(r->m_step);
    if (sign > 0) {
        if (int_compare(x, r->m_start) < 0 || int_compare(x, r->m_stop) >= 0)
            return false;
    } else {
        if (int_compare(x, r->m_start) > 0 || int_compare(x, r->m_stop) <= 0)
            return false;
    }
    Value diff = TRY(int_sub(x, r->m_start));
    Value m = TRY(int_mod(diff, r->m_step));
    return int_sign(m) == 0;
}

static Result<bool> range_contains(Value self, Value x)
{
    if (is_int(x) && (x.is_small_int() || x.type() == g_int_type || x.type() == g_bool_type))
        return range_contains_int(as_range(self), x);
    Value it = TRY(get_iter(self));
    for (;;) {
        Value y = TRY(iter_next(it));
        if (!y)
            return false;
        bool eq = TRY(equals(x, y));
        if (eq)
            return true;
    }
}

static Result<Value> range_iter(Value self)
{
    Range* r = as_range(self);
    int64_t start, step, count;
    if (int_fits_i64(r->m_start, start) && int_fits_i64(r->m_step, step) && int_fits_i64(r->m_length, count) &&
        Value::fits_small(start) && Value::fits_small(start + (count ? (count - 1) : 0) * step)) {
        auto* it = make<IndexIterator>(g_iterator_type, IterKind::Range, self);
        it->m_start = start;
        it->m_step = step;
        it->m_count = count;
        return Value(it);
    }
    // FIXME: huge ranges iterate via __getitem__.
    return make_index_iterator(IterKind::Sequence, self);
}

static Result<Value> range_reversed(Value self, CallArgs)
{
    Range* r = as_range(self);
    Value last = r->m_start;
    if (int_sign(r->m_length) > 0) {
        Value n1 = TRY(int_sub(r->m_length, Value::small(1)));
        last = TRY(range_item(r, n1));
    }
    Value nstep = TRY(int_sub(Value::small(0), r->m_step));
    Value nstop = TRY(int_sub(last, r->m_step));
    (void)nstop;
    Value stop = TRY(int_add(last, TRY(int_mul(nstep, r->m_length))));
    Range* rr = make<Range>(g_range_type, last, stop, nstep, r->m_length);
    return range_iter(Value(rr));
}

static Result<Value> range_richcompare(Value a, Value b, CompareOp op)
{
    if (b.type() != g_range_type || (op != CompareOp::Eq && op != CompareOp::Ne))
        return Value(g_notimplemented);
    Range* x = as_range(a);
    Range* y = as_range(b);
    bool eq;
    if (int_compare(x->m_length, y->m_length) != 0)
        eq = false;
    else if (int_sign(x->m_length) == 0)
        eq = true;
    else if (int_compare(x->m_start, y->m_start) != 0)
        eq = false;
    else if (int_compare(x->m_length, Value::small(1)) == 0)
        eq = true;
    else
        eq = int_compare(x->m_step, y->m_step) == 0;
    return py_bool(op == CompareOp::Eq ? eq : !eq);
}

static Result<int64_t> range_hash(Value self)
{
    Range* r = as_range(self);
    Value t;
    if (int_sign(r->m_length) == 0)
        t = Value(Tuple::create({ r->m_length, none(), none() }));
    else if (int_compare(r->m_length, Value::small(1)) == 0)
        t = Value(Tuple::create({ r->m_length, r->m_start, none() }));
    else
        t = Value(Tuple::create({ r->m_length, r->m_start, r->m_step }));
    return hash(t);
}

static Result<Value> range_index(Value self, CallArgs args)
{
    TRY(check_arity(args, "index", 1, 1));
    Range* r = as_range(self);
    if (is_int(args[0])) {
        bool in = TRY(range_contains_int(r, args[0]));
        if (in) {
            Value diff = TRY(int_sub(args[0], r->m_start));
            return int_floordiv(diff, r->m_step);
        }
    }
    std::string rep = TRY(repr_text(args[0]));
    return throw_error(g_ValueError, "%s is not in range", rep.c_str());
}

static Result<Value> range_count(Value self, CallArgs args)
{
    TRY(check_arity(args, "count", 1, 1));
    bool in = TRY(range_contains(self, args[0]));
    return Value::small(in ? 1 : 0);
}

static Result<bool> range_bool(Value self) { return int_sign(as_range(self)->m_length) != 0; }

// --- IndexIterator ---------------------------------------------------------------------

Value make_index_iterator(IterKind kind, Value seq) { return Value(make<IndexIterator>(g_iterator_type, kind, seq)); }

Result<Value> seq_iter_new(Value seq) { return make_index_iterator(IterKind::Sequence, seq); }

static Result<Value> iterator_next(Value self)
{
    auto* it = static_cast<IndexIterator*>(self.as_object());
    Value seq = it->m_seq;
    if (!seq)
        return Value();
    switch (it->m_kind) {
    case IterKind::List: {
        List* l = as_list(seq);
        if (size_t(it->m_index) < l->size())
            return l->at(size_t(it->m_index++));
        break;
    }
    case IterKind::ListReversed: {
        List* l = as_list(seq);
        if (it->m_index >= 0 && size_t(it->m_index) < l->size())
            return l->at(size_t(it->m_index--));
        break;
    }
    case IterKind::Tuple: {
        Tuple* t = as_tuple(seq);
        if (size_t(it->m_index) < t->size())
            return t->at(size_t(it->m_index++));
        break;
    }
    case IterKind::Str: {
        Str* s = as_str(seq);
        if (it->m_byte_pos < s->byte_size()) {
            const char* p = s->c_str() + it->m_byte_pos;
            const char* start = p;
            decode_utf8(p);
            it->m_byte_pos += size_t(p - start);
            return Value(Str::create(std::string_view(start, size_t(p - start))));
        }
        break;
    }
    case IterKind::Bytes:
    case IterKind::ByteArray: {
        std::string_view d;
        bytes_like_view(seq, d);
        if (size_t(it->m_index) < d.size())
            return Value::small(static_cast<unsigned char>(d[size_t(it->m_index++)]));
        break;
    }
    case IterKind::Range:
        if (it->m_index < it->m_count)
            return Value::small(it->m_start + it->m_step * it->m_index++);
        break;
    case IterKind::Sequence: {
        Result<Value> r = get_item(seq, int_from_i64(it->m_index));
        if (r.is_error()) {
            if (pending_matches(g_IndexError) || pending_matches(g_StopIteration)) {
                take_pending();
                break;
            }
            return pending;
        }
        ++it->m_index;
        return r;
    }
    case IterKind::Callable: {
        Value v = TRY(call(seq, std::span<const Value>()));
        bool eq = TRY(equals(v, it->m_sentinel));
        if (!eq)
            return v;
        break;
    }
    case IterKind::DictKeys:
    case IterKind::DictValues:
    case IterKind::DictItems: {
        Dict* d = as_dict(seq);
        if (d->size() != it->m_expected_size) {
            it->m_expected_size = size_t(-1);
            return throw_error(g_RuntimeError, "dictionary changed size during iteration");
        }
        size_t pos = size_t(it->m_index);
        Dict::Entry e;
        if (d->next_entry(pos, e)) {
            it->m_index = int64_t(pos);
            if (it->m_kind == IterKind::DictKeys)
                return e.key;
            if (it->m_kind == IterKind::DictValues)
                return e.value;
            return Value(Tuple::create({ e.key, e.value }));
        }
        break;
    }
    case IterKind::Set: {
        if (set_size(seq) != it->m_expected_size) {
            it->m_expected_size = size_t(-1);
            return throw_error(g_RuntimeError, "Set changed size during iteration");
        }
        size_t pos = size_t(it->m_index);
        Value key;
        if (set_next(seq, pos, key)) {
            it->m_index = int64_t(pos);
            return key;
        }
        break;
    }
    }
    it->m_seq = Value();
    return Value();
}

static Result<Value> iterator_iter(Value self) { return self; }

static Result<Value> iterator_length_hint(Value self, CallArgs)
{
    auto* it = static_cast<IndexIterator*>(self.as_object());
    if (!it->m_seq)
        return Value::small(0);
    switch (it->m_kind) {
    case IterKind::List: return int_from_i64(std::max<int64_t>(0, int64_t(as_list(it->m_seq)->size()) - it->m_index));
    case IterKind::Tuple: return int_from_i64(std::max<int64_t>(0, int64_t(as_tuple(it->m_seq)->size()) - it->m_index));
    case IterKind::Range: return int_from_i64(it->m_count - it->m_index);
    default: return Value(g_notimplemented);
    }
}

static Result<Value> iterator_repr(Value self)
{
    auto* it = static_cast<IndexIterator*>(self.as_object());
    const char* name = "iterator";
    switch (it->m_kind) {
    case IterKind::List: name = "list_iterator"; break;
    case IterKind::ListReversed: name = "list_reverseiterator"; break;
    case IterKind::Tuple: name = "tuple_iterator"; break;
    case IterKind::Str: name = "str_ascii_iterator"; break;
    case IterKind::Bytes: name = "bytes_iterator"; break;
    case IterKind::ByteArray: name = "bytearray_iterator"; break;
    case IterKind::Range: name = "range_iterator"; break;
    case IterKind::Callable: name = "callable_iterator"; break;
    case IterKind::DictKeys: name = "dict_keyiterator"; break;
    case IterKind::DictValues: name = "dict_valueiterator"; break;
    case IterKind::DictItems: name = "dict_itemiterator"; break;
    case IterKind::Set: name = "set_iterator"; break;
    default: break;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(it));
    return Value(Str::create(std::string("<") + name + buf));
}

// --- singletons ------------------------------------------------------------------------

static Result<Value> none_repr(Value) { return Value(Str::intern("None")); }
static Result<bool> none_bool(Value) { return false; }
static Result<Value> notimpl_repr(Value) { return Value(Str::intern("NotImplemented")); }
static Result<Value> ellipsis_repr(Value) { return Value(Str::intern("Ellipsis")); }
static Result<Value> none_new(Type*, CallArgs args)
{
    if (args.nargs || args.nkw())
        return throw_error(g_TypeError, "NoneType takes no arguments");
    return none();
}
static Result<bool> notimpl_bool(Value)
{
    // 3.11 warns (DeprecationWarning) but returns True.
    return true;
}

void init_misc_types()
{
    g_none_type->repr = none_repr;
    g_none_type->boolean = none_bool;
    g_none_type->new_ = none_new;
    g_notimplemented_type->repr = notimpl_repr;
    g_notimplemented_type->boolean = notimpl_bool;
    g_ellipsis_type->repr = ellipsis_repr;

    Type* s = g_slice_type;
    s->repr = slice_repr;
    s->new_ = slice_new;
    s->richcompare = slice_richcompare;
    s->hash = [](Value v) -> Result<int64_t> { return throw_error(g_TypeError, "unhashable type: 'slice'"); };
    add_method(s, "indices", slice_indices_method);
    add_getset(s, "start", [](Value v) -> Result<Value> { return static_cast<Slice*>(v.as_object())->m_start; });
    add_getset(s, "stop", [](Value v) -> Result<Value> { return static_cast<Slice*>(v.as_object())->m_stop; });
    add_getset(s, "step", [](Value v) -> Result<Value> { return static_cast<Slice*>(v.as_object())->m_step; });

    Type* r = g_range_type;
    r->new_ = range_new;
    r->repr = range_repr;
    r->len = range_len;
    r->getitem = range_getitem;
    r->contains = range_contains;
    r->iter = range_iter;
    r->richcompare = range_richcompare;
    r->hash = range_hash;
    r->boolean = range_bool;
    r->m_flags |= TF_IS_ABC_SEQUENCE;
    add_method(r, "__reversed__", range_reversed);
    add_method(r, "index", range_index);
    add_method(r, "count", range_count);
    add_getset(r, "start", [](Value v) -> Result<Value> { return as_range(v)->m_start; });
    add_getset(r, "stop", [](Value v) -> Result<Value> { return as_range(v)->m_stop; });
    add_getset(r, "step", [](Value v) -> Result<Value> { return as_range(v)->m_step; });

    Type* it = g_iterator_type;
    it->iter = iterator_iter;
    it->iternext = iterator_next;
    it->repr = iterator_repr;
    add_method(it, "__length_hint__", iterator_length_hint);
}

} // namespace adder
