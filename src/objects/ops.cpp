// The abstract object protocol (CPython 3.11 Objects/abstract.c, object.c):
// dispatch through type slots, NotImplemented handling for binary operators
// and rich comparisons, attribute access, item access, calls, iteration.
#include "objects/ops.h"

#include <cstring>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/format.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/thread_state.h"
#include "objects/tuple.h"

namespace adder {

size_t CallArgs::nkw() const { return kwnames ? kwnames->size() : 0; }

Result<Value> repr(Value v)
{
    UnaryFn fn = v.type()->repr;
    TRY(enter_call(" while getting the repr of an object"));
    Result<Value> r = fn(v);
    leave_call();
    return r;
}

Result<Value> to_str(Value v)
{
    if (v.is_object() && v.type() == g_str_type)
        return v;
    UnaryFn fn = v.type()->str;
    TRY(enter_call(" while getting the str of an object"));
    Result<Value> r = fn(v);
    leave_call();
    return r;
}

Result<std::string> repr_text(Value v)
{
    Value r = TRY(repr(v));
    return as_str(r)->data();
}

Result<std::string> str_text(Value v)
{
    Value r = TRY(to_str(v));
    return as_str(r)->data();
}

Result<Value> ascii(Value v)
{
    Value r = TRY(repr(v));
    Str* s = as_str(r);
    if (s->is_ascii())
        return r;
    std::string out;
    const char* p = s->c_str();
    const char* end = p + s->byte_size();
    while (p < end) {
        uint32_t cp = decode_utf8(p);
        char buf[16];
        if (cp < 0x80)
            out += char(cp);
        else if (cp < 0x100) {
            std::snprintf(buf, sizeof buf, "\\x%02x", cp);
            out += buf;
        } else if (cp < 0x10000) {
            std::snprintf(buf, sizeof buf, "\\u%04x", cp);
            out += buf;
        } else {
            std::snprintf(buf, sizeof buf, "\\U%08x", cp);
            out += buf;
        }
    }
    return Value(Str::create(out));
}

Result<int64_t> hash(Value v)
{
    if (v.is_small_int())
        return int_hash(v);
    Type* t = v.type();
    if (t == g_str_type)
        return as_str(v)->hash();
    if (!t->hash)
        return throw_error(g_TypeError, "unhashable type: '%s'", t->m_name.c_str());
    return t->hash(v);
}

static const char* const s_compare_symbols[] = { "<", "<=", "==", "!=", ">", ">=" };
static const CompareOp s_swapped[] = { CompareOp::Gt, CompareOp::Ge, CompareOp::Eq, CompareOp::Ne, CompareOp::Lt, CompareOp::Le };

Result<Value> rich_compare(Value a, Value b, CompareOp op)
{
    if (a.is_small_int() && b.is_small_int()) {
        int64_t x = a.small_int(), y = b.small_int();
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
    TRY(enter_call(" in comparison"));
    Type* ta = a.type();
    Type* tb = b.type();
    bool checked_reverse = false;
    Result<Value> out = pending;
    if (ta != tb && tb->is_subtype_of(ta) && tb->richcompare) {
        checked_reverse = true;
        Result<Value> r = tb->richcompare(b, a, s_swapped[int(op)]);
        if (r.is_error() || !r.value().is(g_notimplemented)) {
            leave_call();
            return r;
        }
    }
    if (ta->richcompare) {
        Result<Value> r = ta->richcompare(a, b, op);
        if (r.is_error() || !r.value().is(g_notimplemented)) {
            leave_call();
            return r;
        }
    }
    if (!checked_reverse && tb->richcompare) {
        Result<Value> r = tb->richcompare(b, a, s_swapped[int(op)]);
        if (r.is_error() || !r.value().is(g_notimplemented)) {
            leave_call();
            return r;
        }
    }
    leave_call();
    switch (op) {
    case CompareOp::Eq:
        return py_bool(a.is(b));
    case CompareOp::Ne:
        return py_bool(!a.is(b));
    default:
        return throw_error(g_TypeError, "'%s' not supported between instances of '%s' and '%s'", s_compare_symbols[int(op)],
                           ta->m_name.c_str(), tb->m_name.c_str());
    }
}

Result<bool> rich_compare_bool(Value a, Value b, CompareOp op)
{
    if (a.is(b)) {
        if (op == CompareOp::Eq)
            return true;
        if (op == CompareOp::Ne)
            return false;
    }
    Value r = TRY(rich_compare(a, b, op));
    if (r.is(g_true))
        return true;
    if (r.is(g_false))
        return false;
    return truthy(r);
}

Result<bool> truthy(Value v)
{
    if (v.is_small_int())
        return v.small_int() != 0;
    Object* o = v.as_object();
    if (o == g_true)
        return true;
    if (o == g_false || o == g_none)
        return false;
    Type* t = o->type();
    if (t->boolean)
        return t->boolean(v);
    if (t->len) {
        int64_t n = TRY(t->len(v));
        return n != 0;
    }
    return true;
}

static const char* const s_op_symbols[] = { "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
                                            "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=" };

const char* binary_op_symbol(int op) { return s_op_symbols[op]; }

// CPython's binary_op1: the left operand's slot, the right's (first when it is a subclass).
static Result<Value> binary_op1(Value a, Value b, int op)
{
    Type* ta = a.type();
    Type* tb = b.type();
    BinaryFn slotv = ta->nb[op];
    BinaryFn slotw = nullptr;
    if (tb != ta) {
        slotw = tb->nb[op];
        if (slotw == slotv)
            slotw = nullptr;
    }
    if (slotv) {
        if (slotw && tb->is_subtype_of(ta)) {
            Value x = TRY(slotw(a, b));
            if (!x.is(g_notimplemented))
                return x;
            slotw = nullptr;
        }
        Value x = TRY(slotv(a, b));
        if (!x.is(g_notimplemented))
            return x;
    }
    if (slotw)
        return slotw(a, b);
    return Value(g_notimplemented);
}

Result<Value> binary_op(Value a, Value b, int op)
{
    if (a.is_small_int() && b.is_small_int()) {
        int64_t x = a.small_int(), y = b.small_int();
        switch (op) {
        case NB_ADD: case NB_INPLACE_ADD:
            return int_from_i64(x + y); // 63-bit operands cannot overflow int64
        case NB_SUBTRACT: case NB_SUBTRACT + 13:
            return int_from_i64(x - y);
        case NB_AND: case NB_AND + 13:
            return Value::small(x & y);
        case NB_OR: case NB_OR + 13:
            return Value::small(x | y);
        case NB_XOR: case NB_XOR + 13:
            return Value::small(x ^ y);
        default:
            break;
        }
    }
    TRY(enter_call(""));
    Result<Value> r = pending;
    if (op >= NB_INPLACE_ADD) {
        int base = op - NB_INPLACE_ADD;
        if (BinaryFn ip = a.type()->nb_inplace[base]) {
            r = ip(a, b);
            if (r.is_error() || !r.value().is(g_notimplemented)) {
                leave_call();
                return r;
            }
        }
        r = binary_op1(a, b, base);
    } else {
        r = binary_op1(a, b, op);
    }
    leave_call();
    if (r.is_error() || !r.value().is(g_notimplemented))
        return r;
    int base = op >= NB_INPLACE_ADD ? op - NB_INPLACE_ADD : op;
    // Sequence repetition/concatenation fallbacks live in the sequence types' nb slots.
    if (base == NB_POWER && op < NB_INPLACE_ADD)
        return throw_error(g_TypeError, "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                           a.type()->m_name.c_str(), b.type()->m_name.c_str());
    if (base == NB_POWER)
        return throw_error(g_TypeError, "unsupported operand type(s) for **=: '%s' and '%s'", a.type()->m_name.c_str(),
                           b.type()->m_name.c_str());
    if (base == NB_ADD && op < NB_INPLACE_ADD && is_str(a))
        return throw_error(g_TypeError, "can only concatenate str (not \"%s\") to str", b.type()->m_name.c_str());
    if (base == NB_ADD && is_list(a))
        return throw_error(g_TypeError, "can only concatenate list (not \"%s\") to list", b.type()->m_name.c_str());
    if (base == NB_ADD && is_tuple(a))
        return throw_error(g_TypeError, "can only concatenate tuple (not \"%s\") to tuple", b.type()->m_name.c_str());
    if (base == NB_MULTIPLY && (is_str(a) || is_list(a) || is_tuple(a) || is_bytes(a) || is_str(b) || is_list(b) || is_tuple(b) || is_bytes(b)))
        return throw_error(g_TypeError, "can't multiply sequence by non-int of type '%s'",
                           (is_str(a) || is_list(a) || is_tuple(a) || is_bytes(a)) ? b.type()->m_name.c_str() : a.type()->m_name.c_str());
    return throw_error(g_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", s_op_symbols[op],
                       a.type()->m_name.c_str(), b.type()->m_name.c_str());
}

Result<Value> number_power(Value a, Value b, Value m)
{
    if (!m || is_none(m))
        return binary_op(a, b, NB_POWER);
    if (is_int(a) && is_int(b) && is_int(m))
        return int_pow(a, b, m);
    // FIXME: three-argument __pow__ for user types.
    if ((is_int(a) || is_float(a)) && (is_int(b) || is_float(b)))
        return throw_error(g_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return throw_error(g_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", a.type()->m_name.c_str(),
                       b.type()->m_name.c_str(), m.type()->m_name.c_str());
}

#define UNARY(fname, field, sym)                                                                                   \
    Result<Value> fname(Value v)                                                                                   \
    {                                                                                                              \
        if (UnaryFn fn = v.type()->field)                                                                          \
            return fn(v);                                                                                          \
        return throw_error(g_TypeError, "bad operand type for " sym ": '%s'", v.type()->m_name.c_str());           \
    }
UNARY(unary_negative, neg, "unary -")
UNARY(unary_positive, pos, "unary +")
UNARY(unary_invert, invert, "unary ~")
UNARY(number_absolute, abs, "abs()")
#undef UNARY

// --- attributes ----------------------------------------------------------------

Result<Value> get_attr(Value obj, Str* name)
{
    GetAttrFn fn = obj.type()->getattro;
    return fn(obj, name);
}

Result<Value> get_attr(Value obj, std::string_view name) { return get_attr(obj, Str::intern(name)); }

Result<Value> get_attr_optional(Value obj, Str* name)
{
    Result<Value> r = get_attr(obj, name);
    if (r.is_error() && pending_matches(g_AttributeError)) {
        take_pending();
        return Value();
    }
    return r;
}

Status set_attr(Value obj, Str* name, Value value)
{
    SetAttrFn fn = obj.type()->setattro;
    if (!fn) {
        if (value)
            return throw_error(g_AttributeError, "'%s' object has no attribute '%s'", obj.type()->m_name.c_str(), name->c_str());
        return throw_error(g_AttributeError, "'%s' object has no attribute '%s'", obj.type()->m_name.c_str(), name->c_str());
    }
    return fn(obj, name, value);
}

Status del_attr(Value obj, Str* name) { return set_attr(obj, name, Value()); }

Result<Value> get_method(Value obj, Str* name, bool& is_method)
{
    is_method = false;
    Type* tp = obj.type();
    if (tp->getattro != generic_getattr)
        return get_attr(obj, name);
    Value descr = type_lookup(tp, name);
    if (descr) {
        Type* dt = descr.type();
        if (dt == g_function_type || dt == g_method_descriptor_type || dt == g_wrapper_descriptor_type) {
            // A plain method unless the instance dict shadows it.
            Dict* d = obj.is_object() ? obj.as_object()->dict() : nullptr;
            if (!d || !d->get_str(name)) {
                is_method = true;
                return descr;
            }
        }
    }
    return generic_getattr(obj, name);
}

Result<Value> call_method(Value obj, Str* name, std::span<const Value> args)
{
    bool is_method;
    Value f = TRY(get_method(obj, name, is_method));
    if (!is_method)
        return call(f, args);
    Value stack_buf[8];
    std::vector<Value> heap_buf;
    Value* buf = stack_buf;
    if (args.size() + 1 > 8) {
        heap_buf.resize(args.size() + 1);
        buf = heap_buf.data();
    }
    buf[0] = obj;
    for (size_t i = 0; i < args.size(); ++i)
        buf[i + 1] = args[i];
    return call(f, std::span<const Value>(buf, args.size() + 1));
}

Result<Value> call_method(Value obj, std::string_view name, std::initializer_list<Value> args)
{
    return call_method(obj, Str::intern(name), std::span<const Value>(args.begin(), args.size()));
}

// --- items ---------------------------------------------------------------------

Result<Value> get_item(Value container, Value key)
{
    Type* t = container.type();
    if (t->getitem)
        return t->getitem(container, key);
    if (is_type(container)) {
        Value f = type_lookup(as_type(container), Str::intern("__class_getitem__"));
        if (f) {
            if (DescrGetFn get = f.type()->descr_get)
                f = TRY(get(f, Value(), container));
            return call(f, { key });
        }
        return throw_error(g_TypeError, "type '%s' is not subscriptable", as_type(container)->m_name.c_str());
    }
    return throw_error(g_TypeError, "'%s' object is not subscriptable", t->m_name.c_str());
}

Status set_item(Value container, Value key, Value value)
{
    Type* t = container.type();
    if (t->setitem)
        return t->setitem(container, key, value);
    return throw_error(g_TypeError, "'%s' object does not support item assignment", t->m_name.c_str());
}

Status del_item(Value container, Value key)
{
    Type* t = container.type();
    if (t->setitem)
        return t->setitem(container, key, Value());
    return throw_error(g_TypeError, "'%s' object does not support item deletion", t->m_name.c_str());
}

Result<bool> contains(Value container, Value item)
{
    Type* t = container.type();
    if (t->contains)
        return t->contains(container, item);
    if (!t->iter && !t->getitem)
        return throw_error(g_TypeError, "argument of type '%s' is not iterable", t->m_name.c_str());
    Value it = TRY(get_iter(container));
    for (;;) {
        Value x = TRY(iter_next(it));
        if (!x)
            return false;
        bool eq = TRY(equals(x, item));
        if (eq)
            return true;
    }
}

Result<int64_t> length(Value v)
{
    Type* t = v.type();
    if (t->len)
        return t->len(v);
    return throw_error(g_TypeError, "object of type '%s' has no len()", t->m_name.c_str());
}

// --- calls ---------------------------------------------------------------------

Result<Value> call(Value callable, CallArgs args)
{
    CallFn fn = callable.type()->call;
    if (!fn) [[unlikely]]
        return throw_type_not(callable, "callable");
    if (callable.type() == g_function_type)
        return fn(callable, args); // eval_frame accounts for the depth
    TRY(enter_call(" while calling a Python object"));
    Result<Value> r = fn(callable, args);
    leave_call();
    return r;
}

Result<Value> call(Value callable, std::span<const Value> args, Tuple* kwnames)
{
    size_t nkw = kwnames ? kwnames->size() : 0;
    return call(callable, CallArgs { args.data(), args.size() - nkw, kwnames });
}

Result<Value> call(Value callable, std::initializer_list<Value> args)
{
    return call(callable, CallArgs { args.begin(), args.size(), nullptr });
}

Result<Value> call_tuple_dict(Value callable, Tuple* args, Dict* kwargs)
{
    if (!kwargs || kwargs->size() == 0)
        return call(callable, CallArgs { args->data(), args->size(), nullptr });
    gc::MarkedVector buf;
    for (Value v : args->items())
        buf.push_back(v);
    std::vector<Value> names;
    Dict::Entry e;
    for (size_t pos = 0; kwargs->next_entry(pos, e);) {
        if (!is_str(e.key))
            return throw_error(g_TypeError, "keywords must be strings");
        names.push_back(Value(Str::intern(as_str(e.key))));
        buf.push_back(e.value);
    }
    Tuple* kwnames = Tuple::create(std::move(names));
    return call(callable, CallArgs { buf.data(), args->size(), kwnames });
}

bool is_callable(Value v) { return v.type()->call != nullptr; }

// --- iteration -----------------------------------------------------------------

Result<Value> seq_iter_new(Value seq); // iterator over __getitem__ (iterators.cpp)

Result<Value> get_iter(Value v)
{
    Type* t = v.type();
    if (t->iter) {
        Value it = TRY(t->iter(v));
        if (!it.type()->iternext)
            return throw_error(g_TypeError, "iter() returned non-iterator of type '%s'", it.type()->m_name.c_str());
        return it;
    }
    if (t->getitem && !is_dict(v))
        return seq_iter_new(v);
    return throw_type_not(v, "iterable");
}

Result<Value> iter_next(Value it)
{
    IterNextFn fn = it.type()->iternext;
    if (!fn)
        return throw_error(g_TypeError, "'%s' object is not an iterator", it.type()->m_name.c_str());
    return fn(it);
}

// --- isinstance / issubclass ----------------------------------------------------

static Result<bool> abstract_issubclass(Value derived, Value cls)
{
    if (is_type(derived) && is_type(cls))
        return as_type(derived)->is_subtype_of(as_type(cls));
    Value bases = TRY(get_attr_optional(derived, Str::intern("__bases__")));
    if (!bases || !is_tuple(bases))
        return throw_error(g_TypeError, "issubclass() arg 1 must be a class");
    if (derived.is(cls))
        return true;
    for (Value b : as_tuple(bases)->items()) {
        bool r = TRY(abstract_issubclass(b, cls));
        if (r)
            return true;
    }
    return false;
}

extern Type* g_union_type;

Result<bool> is_instance(Value obj, Value cls)
{
    if (cls.is_object() && cls.type() == g_union_type)
        cls = TRY(get_attr(cls, Str::intern("__args__")));
    if (is_type(cls) && obj.type() == as_type(cls))
        return true;
    if (is_tuple(cls)) {
        for (Value c : as_tuple(cls)->items()) {
            bool r = TRY(is_instance(obj, c));
            if (r)
                return true;
        }
        return false;
    }
    if (is_type(cls)) {
        Type* meta = cls.type();
        if (meta == g_type_type)
            return obj.type()->is_subtype_of(as_type(cls));
        Value check = type_lookup(meta, Str::intern("__instancecheck__"));
        if (check && check.type() != g_method_descriptor_type) {
            Value r = TRY(call(check, { cls, obj }));
            return truthy(r);
        }
        if (obj.type()->is_subtype_of(as_type(cls)))
            return true;
        Value c = TRY(get_attr_optional(obj, Str::intern("__class__")));
        if (c && is_type(c) && !c.is(Value(obj.type())))
            return as_type(c)->is_subtype_of(as_type(cls));
        return false;
    }
    Value check = TRY(get_attr_optional(cls, Str::intern("__instancecheck__")));
    if (check) {
        Value r = TRY(call(check, { obj }));
        return truthy(r);
    }
    return throw_error(g_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

Result<bool> is_subclass(Value derived, Value cls)
{
    if (cls.is_object() && cls.type() == g_union_type)
        cls = TRY(get_attr(cls, Str::intern("__args__")));
    if (is_tuple(cls)) {
        for (Value c : as_tuple(cls)->items()) {
            bool r = TRY(is_subclass(derived, c));
            if (r)
                return true;
        }
        return false;
    }
    if (is_type(cls)) {
        Type* meta = cls.type();
        if (meta != g_type_type) {
            Value check = type_lookup(meta, Str::intern("__subclasscheck__"));
            if (check && check.type() != g_method_descriptor_type) {
                Value r = TRY(call(check, { cls, derived }));
                return truthy(r);
            }
        }
        if (!is_type(derived))
            return abstract_issubclass(derived, cls);
        return as_type(derived)->is_subtype_of(as_type(cls));
    }
    Value check = TRY(get_attr_optional(cls, Str::intern("__subclasscheck__")));
    if (check) {
        Value r = TRY(call(check, { derived }));
        return truthy(r);
    }
    return throw_error(g_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

Result<Value> format(Value v, Value spec)
{
    if (!spec || (is_str(spec) && as_str(spec)->length() == 0)) {
        if (is_str(v) && v.type() == g_str_type)
            return v;
        if (v.is_small_int() || v.type() == g_int_type || v.type() == g_float_type)
            return to_str(v);
    } else if (is_str(spec)) {
        // Built-in types whose __format__ is format_builtin: skip the method lookup and call.
        Type* t = v.type();
        if (v.is_small_int() || t == g_int_type || t == g_float_type || t == g_str_type)
            return format_builtin(v, as_str(spec));
    }
    Value s = spec ? spec : Value(Str::empty());
    Value r = TRY(call_method(v, "__format__", { s }));
    if (!is_str(r))
        return throw_error(g_TypeError, "__format__ must return a str, not %s", r.type()->m_name.c_str());
    return r;
}

} // namespace adder
