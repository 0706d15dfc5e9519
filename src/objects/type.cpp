// Type machinery: builtin type creation and readying (slot inheritance, slot
// wrappers), C3 MRO, attribute lookup along the MRO (with a global cache keyed
// by interned name), generic getattr/setattr (descriptor protocol), the `type`
// type itself (type_call, type_new, type_getattro/setattro), and the generic
// "slot dispatchers" that let Python classes override dunders.
#include <algorithm>
#include <array>
#include <cstring>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/thread_state.h"
#include "objects/tuple.h"

namespace adder {

// Exposed through type_cache_epoch() (object.h) so the VM can validate its
// per-instruction attribute caches with one load and compare.
uint64_t g_type_cache_epoch = 1;

namespace {

// Attribute lookup cache (CPython's method cache): direct-mapped on
// (type, interned name); invalidated wholesale by bumping g_type_cache_epoch whenever
// any type's dict or bases change after creation, or a type is freed (~Type:
// a new type may reuse its address). Creating a class changes no lookup.
// Default member initializers make g_cache constant-initialized (.bss):
// without them the compiler emitted a start-up loop writing all 128 KiB.
struct CacheEntry {
    const Type* type = nullptr;
    const Str* name = nullptr;
    uint64_t epoch = 0;
    Value value;
};
constexpr size_t cache_size = 4096;
CacheEntry g_cache[cache_size];

// Builtin (static) types are immortal, like CPython's static types.
std::vector<Type*> g_builtin_types;

struct CacheRoots : gc::RootSource {
    void visit_roots(gc::Visitor& v) override
    {
        for (auto& e : g_cache)
            if (e.epoch == g_type_cache_epoch)
                v.visit(e.value);
        for (Type* t : g_builtin_types)
            v.visit(t);
    }
};

} // namespace

void invalidate_type_caches() { ++g_type_cache_epoch; }

// Lookup caches key on the type's address: a freed type's entries must not
// be found by a new type allocated at the same place.
Type::~Type() { invalidate_type_caches(); }

bool Type::is_subtype_of(const Type* other) const
{
    if (this == other)
        return true;
    if (m_mro) {
        for (Value t : m_mro->items())
            if (t.as_object() == other)
                return true;
        return false;
    }
    for (const Type* t = m_base; t; t = t->m_base)
        if (t == other)
            return true;
    return false;
}

void Type::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_qualname);
    v.visit(m_base);
    v.visit(m_bases);
    v.visit(m_mro);
    for (Str* s : m_slot_names)
        v.visit(s);
    for (Type* t : m_subclasses)
        v.visit(t);
}

Type* new_builtin_type(const char* name, Type* base, Layout layout, uint32_t flags)
{
    static bool s_roots = [] {
        gc::heap().add_root_source(new CacheRoots);
        return true;
    }();
    (void)s_roots;
    Type* t = make<Type>(g_type_type);
    g_builtin_types.push_back(t);
    t->m_name = name;
    t->m_base = base;
    t->m_layout = layout;
    t->m_flags = flags;
    t->set_dict(Dict::create());
    return t;
}

static Value lookup_uncached(const Type* type, Str* name)
{
    if (!type->m_mro) {
        for (const Type* t = type; t; t = t->m_base)
            if (Value v = t->dict()->get_str(name))
                return v;
        return Value();
    }
    for (Value t : type->m_mro->items())
        if (Value v = static_cast<Type*>(t.as_object())->dict()->get_str(name))
            return v;
    return Value();
}

Value type_lookup(Type* type, Str* name)
{
    if (!name->is_interned())
        return lookup_uncached(type, name);
    size_t h = ((reinterpret_cast<uintptr_t>(type) >> 4) ^ (reinterpret_cast<uintptr_t>(name) >> 3)) & (cache_size - 1);
    CacheEntry& e = g_cache[h];
    if (e.type == type && e.name == name && e.epoch == g_type_cache_epoch)
        return e.value;
    Value v = lookup_uncached(type, name);
    e = { type, name, g_type_cache_epoch, v };
    return v;
}

Value type_lookup(Type* type, std::string_view name) { return type_lookup(type, Str::intern(name)); }

std::string type_name(const Type* t) { return t->m_name; }
std::string type_qualname(const Type* t) { return t->m_qualname ? t->m_qualname->data() : t->m_name; }

// --- slot wrappers ----------------------------------------------------------

static const char* const s_slot_names[] = {
#define ADDER_SLOT(id, name) name,
#include "objects/slots.def"
#undef ADDER_SLOT
};

struct BinaryNames {
    int op;
    const char* name;
    const char* rname;
    const char* iname;
};
static const BinaryNames s_binary_names[] = {
#define ADDER_SLOT(id, name)
#define ADDER_BINARY_SLOT(op, name, rname, iname) { op, name, rname, iname },
#include "objects/slots.def"
#undef ADDER_BINARY_SLOT
#undef ADDER_SLOT
};

Str* slot_name(SlotId id) { return Str::intern(s_slot_names[int(id)]); }

static const BinaryNames& binary_names(int op)
{
    for (auto& b : s_binary_names)
        if (b.op == op)
            return b;
    VERIFY(false);
}

static void add_wrapper(Type* t, const char* name, int slot)
{
    Str* key = Str::intern(name);
    if (t->dict()->get_str(key))
        return;
    t->dict()->set_str(key, make<SlotWrapper>(g_wrapper_descriptor_type, t, slot, key));
}

// Adds wrappers for the slots `t` defines itself (differs from its base's).
static void add_slot_wrappers(Type* t)
{
    Type* b = t->m_base;
#define DEFINES(field) (t->field && (!b || b->field != t->field))
    if (DEFINES(repr)) add_wrapper(t, "__repr__", int(SlotId::REPR));
    if (DEFINES(str)) add_wrapper(t, "__str__", int(SlotId::STR));
    if (DEFINES(hash)) add_wrapper(t, "__hash__", int(SlotId::HASH));
    if (DEFINES(richcompare)) {
        add_wrapper(t, "__lt__", int(SlotId::LT));
        add_wrapper(t, "__le__", int(SlotId::LE));
        add_wrapper(t, "__eq__", int(SlotId::EQ));
        add_wrapper(t, "__ne__", int(SlotId::NE));
        add_wrapper(t, "__gt__", int(SlotId::GT));
        add_wrapper(t, "__ge__", int(SlotId::GE));
    }
    if (DEFINES(getattro)) add_wrapper(t, "__getattribute__", int(SlotId::GETATTRIBUTE));
    if (DEFINES(setattro)) {
        add_wrapper(t, "__setattr__", int(SlotId::SETATTR));
        add_wrapper(t, "__delattr__", int(SlotId::DELATTR));
    }
    if (DEFINES(call)) add_wrapper(t, "__call__", int(SlotId::CALL));
    if (DEFINES(iter)) add_wrapper(t, "__iter__", int(SlotId::ITER));
    if (DEFINES(iternext)) add_wrapper(t, "__next__", int(SlotId::NEXT));
    if (DEFINES(len)) add_wrapper(t, "__len__", int(SlotId::LEN));
    if (DEFINES(getitem)) add_wrapper(t, "__getitem__", int(SlotId::GETITEM));
    if (DEFINES(setitem)) {
        add_wrapper(t, "__setitem__", int(SlotId::SETITEM));
        add_wrapper(t, "__delitem__", int(SlotId::DELITEM));
    }
    if (DEFINES(contains)) add_wrapper(t, "__contains__", int(SlotId::CONTAINS));
    if (DEFINES(boolean)) add_wrapper(t, "__bool__", int(SlotId::BOOL));
    if (DEFINES(neg)) add_wrapper(t, "__neg__", int(SlotId::NEG));
    if (DEFINES(pos)) add_wrapper(t, "__pos__", int(SlotId::POS));
    if (DEFINES(invert)) add_wrapper(t, "__invert__", int(SlotId::INVERT));
    if (DEFINES(abs)) add_wrapper(t, "__abs__", int(SlotId::ABS));
    if (DEFINES(index)) add_wrapper(t, "__index__", int(SlotId::INDEX));
    if (DEFINES(to_int)) add_wrapper(t, "__int__", int(SlotId::INT));
    if (DEFINES(to_float)) add_wrapper(t, "__float__", int(SlotId::FLOAT));
    if (DEFINES(descr_get)) add_wrapper(t, "__get__", int(SlotId::GET));
    if (DEFINES(descr_set)) {
        add_wrapper(t, "__set__", int(SlotId::SET));
        add_wrapper(t, "__delete__", int(SlotId::DELETE));
    }
    if (DEFINES(init)) add_wrapper(t, "__init__", int(SlotId::INIT));
    if (DEFINES(new_)) add_wrapper(t, "__new__", int(SlotId::NEW));
    for (auto& bn : s_binary_names) {
        if (DEFINES(nb[bn.op])) {
            add_wrapper(t, bn.name, 100 + bn.op);
            add_wrapper(t, bn.rname, 200 + bn.op);
        }
        if (DEFINES(nb_inplace[bn.op]))
            add_wrapper(t, bn.iname, 300 + bn.op);
    }
#undef DEFINES
}

static void inherit_slots(Type* t, const Type* b)
{
#define INHERIT(field) \
    if (!t->field)     \
        t->field = b->field;
    INHERIT(repr) INHERIT(str) INHERIT(hash) INHERIT(richcompare) INHERIT(getattro) INHERIT(setattro)
    INHERIT(call) INHERIT(iter) INHERIT(iternext) INHERIT(len) INHERIT(getitem) INHERIT(setitem)
    INHERIT(contains) INHERIT(boolean) INHERIT(neg) INHERIT(pos) INHERIT(invert) INHERIT(abs) INHERIT(index)
    INHERIT(to_int) INHERIT(to_float) INHERIT(descr_get) INHERIT(descr_set) INHERIT(init) INHERIT(new_)
    for (int i = 0; i < NB_BINARY_COUNT; ++i) {
        INHERIT(nb[i]) INHERIT(nb_inplace[i])
    }
#undef INHERIT
}

void type_ready(Type* t)
{
    if (t->m_flags & TF_READY)
        return;
    if (t->type() == nullptr)
        t->set_type(g_type_type);
    if (t->m_base && !(t->m_base->m_flags & TF_READY))
        type_ready(t->m_base);
    if (!t->m_bases)
        t->m_bases = t->m_base ? Tuple::create({ Value(t->m_base) }) : Tuple::empty();
    if (!t->m_mro) {
        std::vector<Value> mro { Value(t) };
        if (t->m_base)
            for (Value v : t->m_base->m_mro->items())
                mro.push_back(v);
        t->m_mro = Tuple::create(std::move(mro));
    }
    add_slot_wrappers(t);
    if (t->m_base)
        inherit_slots(t, t->m_base);
    if (!t->dict()->get_str("__doc__"))
        t->dict()->set_str("__doc__", none());
    t->m_flags |= TF_READY;
    invalidate_type_caches();
}

// --- slot wrapper calls -------------------------------------------------------

static Result<Value> call_slot_wrapper(SlotWrapper* w, Value self, CallArgs args);

Result<Value> slot_wrapper_invoke(Value wrapper, Value self, CallArgs args)
{
    return call_slot_wrapper(static_cast<SlotWrapper*>(wrapper.as_object()), self, args);
}

static Status expect_args(SlotWrapper* w, CallArgs args, size_t n)
{
    if (args.nkw())
        return throw_error(g_TypeError, "wrapper %s() takes no keyword arguments", w->m_name->c_str());
    if (args.nargs != n)
        return throw_error(g_TypeError, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s", args.nargs);
    return ok();
}

static Result<Value> call_slot_wrapper(SlotWrapper* w, Value self, CallArgs args)
{
    Type* o = w->m_owner;
    int slot = w->m_slot;
    if (slot != int(SlotId::NEW) && !self.type()->is_subtype_of(o))
        return throw_error(g_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", w->m_name->c_str(),
                           o->m_name.c_str(), self.type()->m_name.c_str());
    if (slot >= 100) {
        int op = slot % 100;
        TRY(expect_args(w, args, 1));
        if (slot >= 300)
            return o->nb_inplace[op](self, args[0]);
        if (slot >= 200)
            return o->nb[op](args[0], self);
        return o->nb[op](self, args[0]);
    }
    switch (SlotId(slot)) {
    case SlotId::REPR: TRY(expect_args(w, args, 0)); return o->repr(self);
    case SlotId::STR: TRY(expect_args(w, args, 0)); return o->str(self);
    case SlotId::HASH: {
        TRY(expect_args(w, args, 0));
        int64_t h = TRY(o->hash(self));
        return int_from_i64(h);
    }
    case SlotId::LT: TRY(expect_args(w, args, 1)); return o->richcompare(self, args[0], CompareOp::Lt);
    case SlotId::LE: TRY(expect_args(w, args, 1)); return o->richcompare(self, args[0], CompareOp::Le);
    case SlotId::EQ: TRY(expect_args(w, args, 1)); return o->richcompare(self, args[0], CompareOp::Eq);
    case SlotId::NE: TRY(expect_args(w, args, 1)); return o->richcompare(self, args[0], CompareOp::Ne);
    case SlotId::GT: TRY(expect_args(w, args, 1)); return o->richcompare(self, args[0], CompareOp::Gt);
    case SlotId::GE: TRY(expect_args(w, args, 1)); return o->richcompare(self, args[0], CompareOp::Ge);
    case SlotId::GETATTRIBUTE:
        TRY(expect_args(w, args, 1));
        if (!is_str(args[0]))
            return throw_error(g_TypeError, "attribute name must be string, not '%s'", args[0].type()->m_name.c_str());
        return o->getattro(self, Str::intern(as_str(args[0])));
    case SlotId::SETATTR:
        TRY(expect_args(w, args, 2));
        if (!is_str(args[0]))
            return throw_error(g_TypeError, "attribute name must be string, not '%s'", args[0].type()->m_name.c_str());
        TRY(o->setattro(self, Str::intern(as_str(args[0])), args[1]));
        return none();
    case SlotId::DELATTR:
        TRY(expect_args(w, args, 1));
        if (!is_str(args[0]))
            return throw_error(g_TypeError, "attribute name must be string, not '%s'", args[0].type()->m_name.c_str());
        TRY(o->setattro(self, Str::intern(as_str(args[0])), Value()));
        return none();
    case SlotId::CALL: return o->call(self, args);
    case SlotId::ITER: TRY(expect_args(w, args, 0)); return o->iter(self);
    case SlotId::NEXT: {
        TRY(expect_args(w, args, 0));
        Value v = TRY(o->iternext(self));
        if (!v)
            return throw_error_value(g_StopIteration, Value());
        return v;
    }
    case SlotId::LEN: {
        TRY(expect_args(w, args, 0));
        int64_t n = TRY(o->len(self));
        return int_from_i64(n);
    }
    case SlotId::GETITEM: TRY(expect_args(w, args, 1)); return o->getitem(self, args[0]);
    case SlotId::SETITEM: TRY(expect_args(w, args, 2)); TRY(o->setitem(self, args[0], args[1])); return none();
    case SlotId::DELITEM: TRY(expect_args(w, args, 1)); TRY(o->setitem(self, args[0], Value())); return none();
    case SlotId::CONTAINS: {
        TRY(expect_args(w, args, 1));
        bool b = TRY(o->contains(self, args[0]));
        return py_bool(b);
    }
    case SlotId::BOOL: {
        TRY(expect_args(w, args, 0));
        bool b = TRY(o->boolean(self));
        return py_bool(b);
    }
    case SlotId::NEG: TRY(expect_args(w, args, 0)); return o->neg(self);
    case SlotId::POS: TRY(expect_args(w, args, 0)); return o->pos(self);
    case SlotId::INVERT: TRY(expect_args(w, args, 0)); return o->invert(self);
    case SlotId::ABS: TRY(expect_args(w, args, 0)); return o->abs(self);
    case SlotId::INDEX: TRY(expect_args(w, args, 0)); return o->index(self);
    case SlotId::INT: TRY(expect_args(w, args, 0)); return o->to_int(self);
    case SlotId::FLOAT: TRY(expect_args(w, args, 0)); return o->to_float(self);
    case SlotId::GET: {
        if (args.nargs < 1 || args.nargs > 2)
            return throw_error(g_TypeError, "expected 1 or 2 arguments, got %zu", args.nargs);
        Value obj = is_none(args[0]) ? Value() : args[0];
        Value type = args.nargs > 1 ? args[1] : Value();
        if (!obj && (!type || is_none(type)))
            return throw_error(g_TypeError, "__get__(None, None) is invalid");
        return o->descr_get(self, obj, type);
    }
    case SlotId::SET: TRY(expect_args(w, args, 2)); TRY(o->descr_set(self, args[0], args[1])); return none();
    case SlotId::DELETE: TRY(expect_args(w, args, 1)); TRY(o->descr_set(self, args[0], Value())); return none();
    case SlotId::INIT: TRY(o->init(self, args)); return none();
    case SlotId::NEW: {
        // self is the first positional argument: the type to instantiate.
        if (!is_type(self))
            return throw_error(g_TypeError, "%s.__new__(X): X is not a type object (%s)", o->m_name.c_str(),
                               self.type()->m_name.c_str());
        Type* sub = as_type(self);
        if (!sub->is_subtype_of(o))
            return throw_error(g_TypeError, "%s.__new__(%s): %s is not a subtype of %s", o->m_name.c_str(),
                               sub->m_name.c_str(), sub->m_name.c_str(), o->m_name.c_str());
        return o->new_(sub, args);
    }
    default: break;
    }
    return throw_error(g_SystemError, "bad slot wrapper");
}

// --- generic attribute access ---------------------------------------------------

static Dict* instance_dict(Value obj, bool create)
{
    Object* o = obj.as_object();
    Dict* d = o->dict();
    if (!d && create && (o->type()->m_flags & TF_HAS_DICT)) {
        d = Dict::create();
        o->set_dict(d);
    }
    return d;
}

Result<Value> generic_getattr(Value obj, Str* name)
{
    Type* tp = obj.type();
    Value descr = type_lookup(tp, name);
    DescrGetFn get = nullptr;
    if (descr) {
        Type* dt = descr.type();
        get = dt->descr_get;
        if (get && dt->descr_set)
            return get(descr, obj, Value(tp));
    }
    if (obj.is_object()) {
        if (Dict* d = obj.as_object()->dict()) {
            if (Value v = d->get_str(name))
                return v;
        }
    }
    if (get)
        return get(descr, obj, Value(tp));
    if (descr)
        return descr;
    return throw_attribute_error(obj, name);
}

Status generic_setattr(Value obj, Str* name, Value value)
{
    Type* tp = obj.type();
    Value descr = type_lookup(tp, name);
    if (descr) {
        if (DescrSetFn set = descr.type()->descr_set)
            return set(descr, obj, value);
    }
    Dict* d = obj.is_object() ? instance_dict(obj, true) : nullptr;
    if (!d) {
        if (descr)
            return throw_error(g_AttributeError, "'%s' object attribute '%s' is read-only", tp->m_name.c_str(), name->c_str());
        return throw_error(g_AttributeError, "'%s' object has no attribute '%s'", tp->m_name.c_str(), name->c_str());
    }
    if (!value) {
        if (!d->del_str(name))
            return throw_error(g_AttributeError, "'%s' object has no attribute '%s'", tp->m_name.c_str(), name->c_str());
        return ok();
    }
    d->set_str(name, value);
    return ok();
}

// --- object ----------------------------------------------------------------

static bool excess_args(CallArgs args) { return args.nargs > 0 || args.nkw() > 0; }
static Status object_init(Value self, CallArgs args);

Result<Value> object_new(Type* type, CallArgs args)
{
    if (excess_args(args)) {
        if (type->new_ != object_new)
            return throw_error(g_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
        if (type->init == object_init)
            return throw_error(g_TypeError, "%s() takes no arguments", type->m_name.c_str());
    }
    if (type->m_flags & TF_ABSTRACT) {
        Value abstract = type->dict()->get_str("__abstractmethods__");
        std::string names;
        size_t count = 0;
        if (abstract) {
            gc::MarkedVector items;
            TRY(collect_iterable(abstract, items));
            std::vector<std::string> sorted;
            for (Value v : items)
                if (is_str(v))
                    sorted.push_back(as_str(v)->data());
            std::sort(sorted.begin(), sorted.end());
            for (auto& s : sorted) {
                if (count++)
                    names += ", ";
                names += s;
            }
        }
        if (count)
            return throw_error(g_TypeError, "Can't instantiate abstract class %s with abstract method%s %s",
                               type->m_name.c_str(), count == 1 ? "" : "s", names.c_str());
    }
    if (type->m_layout != Layout::Instance && type->m_layout != Layout::Object)
        return throw_error(g_TypeError, "object.__new__(%s) is not safe, use %s.__new__()", type->m_name.c_str(),
                           type->m_name.c_str());
    Instance* inst = make<Instance>(type);
    if (type->m_flags & TF_HAS_FINALIZER)
        gc::heap().register_finalizable(inst);
    if (!type->m_slot_names.empty())
        inst->m_slots.resize(type->m_slot_names.size());
    return Value(inst);
}

static Status object_init(Value self, CallArgs args)
{
    if (excess_args(args)) {
        Type* type = self.type();
        if (type->init != object_init)
            return throw_error(g_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
        if (type->new_ == object_new)
            return throw_error(g_TypeError, "%s() takes no arguments", type->m_name.c_str());
    }
    return ok();
}

static Result<Value> object_repr(Value self)
{
    Type* t = self.type();
    Value mod = t->is_heap() ? t->dict()->get_str("__module__") : Value();
    char buf[64];
    std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(self.as_object()));
    std::string out = "<";
    if (mod && is_str(mod) && as_str(mod)->view() != "builtins")
        out += as_str(mod)->data() + ".";
    out += type_qualname(t) + buf;
    return Value(Str::create(out));
}

static Result<Value> object_str(Value self)
{
    UnaryFn r = self.type()->repr;
    return r ? r(self) : object_repr(self);
}

static Result<int64_t> object_hash(Value self)
{
    // CPython's _Py_HashPointer: rotate by 4 bits.
    uint64_t y = self.bits();
    y = (y >> 4) | (y << 60);
    int64_t h = static_cast<int64_t>(y);
    return h == -1 ? -2 : h;
}

static Result<Value> object_richcompare(Value self, Value other, CompareOp op)
{
    switch (op) {
    case CompareOp::Eq:
        return self.is(other) ? py_bool(true) : Value(g_notimplemented);
    case CompareOp::Ne: {
        Type* t = self.type();
        if (!t->richcompare)
            return Value(g_notimplemented);
        Value r = TRY(t->richcompare(self, other, CompareOp::Eq));
        if (r.is(g_notimplemented))
            return r;
        bool b = TRY(truthy(r));
        return py_bool(!b);
    }
    default:
        return Value(g_notimplemented);
    }
}

static Result<Value> object_get_class(Value self) { return Value(self.type()); }

static Status object_set_class(Value self, Value value)
{
    if (!value)
        return throw_error(g_TypeError, "can't delete __class__ attribute");
    if (!is_type(value))
        return throw_error(g_TypeError, "__class__ must be set to a class, not '%s' object", value.type()->m_name.c_str());
    Type* nt = as_type(value);
    Type* ot = self.type();
    if (!self.is_object() || !nt->is_heap() || !ot->is_heap() || nt->m_layout != ot->m_layout)
        return throw_error(g_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    self.as_object()->set_type(nt);
    return ok();
}

static Result<Value> object_get_dict(Value self)
{
    if (!self.is_object() || !(self.type()->m_flags & TF_HAS_DICT))
        return throw_error(g_AttributeError, "'%s' object has no attribute '__dict__'", self.type()->m_name.c_str());
    return Value(instance_dict(self, true));
}

static Status object_set_dict(Value self, Value value)
{
    if (!self.is_object() || !(self.type()->m_flags & TF_HAS_DICT))
        return throw_error(g_AttributeError, "'%s' object has no attribute '__dict__'", self.type()->m_name.c_str());
    if (!value || !is_dict(value))
        return throw_error(g_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                           value ? value.type()->m_name.c_str() : "NULL");
    self.as_object()->set_dict(as_dict(value));
    return ok();
}

static Result<Value> object_format(Value self, CallArgs args)
{
    TRY(check_arity(args, "__format__", 1, 1));
    if (!is_str(args[0]))
        return throw_error(g_TypeError, "__format__() argument must be str, not %s", args[0].type()->m_name.c_str());
    if (as_str(args[0])->length() > 0)
        return throw_error(g_TypeError, "unsupported format string passed to %s.__format__", self.type()->m_name.c_str());
    return to_str(self);
}

static Result<Value> object_init_subclass(Value, CallArgs args)
{
    if (args.nargs || args.nkw())
        return throw_error(g_TypeError, "%s.__init_subclass__() takes no keyword arguments", "object");
    return none();
}

// object.__reduce_ex__ for protocol >= 2 (typeobject.c reduce_newobj), for
// plain instances: (copyreg.__newobj__, (cls,), state).
// FIXME: builtin subclasses (listitems/dictitems), __getnewargs__, protocols 0/1.
static Result<Value> object_reduce_ex(Value self, CallArgs)
{
    Type* t = self.type();
    if (t->m_layout != Layout::Instance)
        return throw_error(g_TypeError, "cannot pickle '%s' object", t->m_name.c_str());
    extern Result<Value> import_module_by_name(std::string_view name);
    Value copyreg = TRY(import_module_by_name("copyreg"));
    Value newobj = TRY(get_attr(copyreg, Str::intern("__newobj__")));
    Value state = none();
    Value getstate = type_lookup(t, "__getstate__");
    if (getstate && getstate.type() == g_function_type) {
        state = TRY(call(getstate, { self }));
    } else {
        Dict* d = self.as_object()->dict();
        if (d && d->size())
            state = Value(d->copy());
        auto* inst = static_cast<Instance*>(self.as_object());
        if (!t->m_slot_names.empty()) {
            Dict* slots = Dict::create();
            for (size_t i = 0; i < t->m_slot_names.size() && i < inst->m_slots.size(); ++i)
                if (inst->m_slots[i])
                    slots->set_str(t->m_slot_names[i], inst->m_slots[i]);
            if (slots->size())
                state = Value(Tuple::create({ state, Value(slots) }));
        }
    }
    return Value(Tuple::create({ newobj, Value(Tuple::create({ Value(t) })), state, none(), none() }));
}

static Result<Value> object_dir(Value self, CallArgs);

static Result<Value> object_subclasshook(Value, CallArgs) { return Value(g_notimplemented); }

// --- type --------------------------------------------------------------------

Result<Value> type_call(Value callable, CallArgs args)
{
    Type* type = as_type(callable);
    if (type == g_type_type && args.nargs == 1 && args.nkw() == 0)
        return Value(args[0].type());
    if (!type->new_)
        return throw_error(g_TypeError, "cannot create '%s' instances", type->m_name.c_str());
    Value obj = TRY(type->new_(type, args));
    if (type == g_type_type && args.nargs == 1)
        return obj;
    Type* ot = obj.type();
    if (!ot->is_subtype_of(type))
        return obj;
    if (ot->init)
        TRY(ot->init(obj, args));
    return obj;
}

static Result<Value> type_repr(Value self)
{
    Type* t = as_type(self);
    Value mod = t->dict()->get_str("__module__");
    std::string out = "<class '";
    if (t->is_heap() && mod && is_str(mod) && as_str(mod)->view() != "builtins")
        out += as_str(mod)->data() + ".";
    out += type_qualname(t) + "'>";
    return Value(Str::create(out));
}

Result<Value> type_getattro(Value self, Str* name)
{
    Type* type = as_type(self);
    Type* meta = type->type();
    Value meta_attr = type_lookup(meta, name);
    DescrGetFn meta_get = nullptr;
    if (meta_attr) {
        Type* mt = meta_attr.type();
        meta_get = mt->descr_get;
        if (meta_get && mt->descr_set)
            return meta_get(meta_attr, self, Value(meta));
    }
    Value attr = type_lookup(type, name);
    if (attr) {
        if (DescrGetFn get = attr.type()->descr_get)
            return get(attr, Value(), self);
        return attr;
    }
    if (meta_get)
        return meta_get(meta_attr, self, Value(meta));
    if (meta_attr)
        return meta_attr;
    return throw_error(g_AttributeError, "type object '%s' has no attribute '%s'", type->m_name.c_str(), name->c_str());
}

static bool is_dunder(std::string_view s) { return s.size() > 4 && s.substr(0, 2) == "__" && s.substr(s.size() - 2) == "__"; }

static Status type_setattro(Value self, Str* name, Value value)
{
    Type* type = as_type(self);
    if (!type->is_heap())
        return throw_error(g_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->c_str(), type->m_name.c_str());
    Type* meta = type->type();
    Value meta_attr = type_lookup(meta, name);
    if (meta_attr) {
        if (DescrSetFn set = meta_attr.type()->descr_set)
            return set(meta_attr, self, value);
    }
    name = Str::intern(name);
    if (!value) {
        if (!type->dict()->del_str(name))
            return throw_error(g_AttributeError, "type object '%s' has no attribute '%s'", type->m_name.c_str(), name->c_str());
    } else {
        type->dict()->set_str(name, value);
    }
    invalidate_type_caches();
    if (is_dunder(name->view()))
        type_update_slots(type);
    return ok();
}

static Result<Value> type_get_name(Value self) { return Value(Str::create(as_type(self)->m_name)); }
static Status type_set_name(Value self, Value v)
{
    if (!v || !is_str(v))
        return throw_error(g_TypeError, "can only assign string to %s.__name__, not '%s'", as_type(self)->m_name.c_str(),
                           v ? v.type()->m_name.c_str() : "NULL");
    as_type(self)->m_name = as_str(v)->data();
    return ok();
}
static Result<Value> type_get_qualname(Value self)
{
    Type* t = as_type(self);
    return t->m_qualname ? Value(t->m_qualname) : Value(Str::create(t->m_name));
}
static Status type_set_qualname(Value self, Value v)
{
    if (!v || !is_str(v))
        return throw_error(g_TypeError, "can only assign string to %s.__qualname__, not '%s'", as_type(self)->m_name.c_str(),
                           v ? v.type()->m_name.c_str() : "NULL");
    as_type(self)->m_qualname = as_str(v);
    return ok();
}
static Result<Value> type_get_mro(Value self) { return Value(as_type(self)->m_mro); }
static Result<Value> type_get_bases(Value self) { return Value(as_type(self)->m_bases); }
static Result<Value> type_get_base(Value self)
{
    Type* b = as_type(self)->m_base;
    return b ? Value(b) : none();
}
static Result<Value> type_get_dict(Value self) { return Value(as_type(self)->dict()); } // FIXME: mappingproxy
static Result<Value> type_get_module(Value self)
{
    Type* t = as_type(self);
    if (t->is_heap()) {
        Value m = t->dict()->get_str("__module__");
        if (m)
            return m;
        return throw_error(g_AttributeError, "__module__");
    }
    return Value(Str::intern("builtins"));
}
static Status type_set_module(Value self, Value v)
{
    as_type(self)->dict()->set_str("__module__", v ? v : none());
    return ok();
}
static Result<Value> type_get_doc(Value self)
{
    Value d = as_type(self)->dict()->get_str("__doc__");
    if (!d)
        return none();
    if (DescrGetFn get = d.type()->descr_get)
        return get(d, Value(), self);
    return d;
}
static Status type_set_doc(Value self, Value v)
{
    Type* t = as_type(self);
    if (!t->is_heap())
        return throw_error(g_TypeError, "cannot set '__doc__' attribute of immutable type '%s'", t->m_name.c_str());
    if (!v)
        return throw_error(g_TypeError, "cannot delete '__doc__' attribute of immutable type '%s'", t->m_name.c_str());
    t->dict()->set_str("__doc__", v);
    return ok();
}
static Result<Value> type_get_abstractmethods(Value self)
{
    Value v = as_type(self)->dict()->get_str("__abstractmethods__");
    if (!v || as_type(self) == g_type_type)
        return throw_error(g_AttributeError, "__abstractmethods__");
    return v;
}
static Status type_set_abstractmethods(Value self, Value v)
{
    Type* t = as_type(self);
    bool abstract = false;
    if (v) {
        abstract = TRY(truthy(v));
        t->dict()->set_str("__abstractmethods__", v);
    } else {
        t->dict()->del_str(Str::intern("__abstractmethods__"));
    }
    if (abstract)
        t->m_flags |= TF_ABSTRACT;
    else
        t->m_flags &= ~TF_ABSTRACT;
    invalidate_type_caches();
    return ok();
}

static Result<Value> type_mro_method(Value self, CallArgs)
{
    Tuple* mro = as_type(self)->m_mro;
    return Value(List::create(mro->items()));
}

static Result<Value> type_subclasses(Value self, CallArgs)
{
    List* out = List::create();
    for (Type* t : as_type(self)->m_subclasses)
        out->append(t);
    return Value(out);
}

static Result<Value> type_instancecheck(Value self, CallArgs args)
{
    TRY(check_arity(args, "__instancecheck__", 1, 1));
    return py_bool(args[0].type()->is_subtype_of(as_type(self)));
}

static Result<Value> type_subclasscheck(Value self, CallArgs args)
{
    TRY(check_arity(args, "__subclasscheck__", 1, 1));
    if (!is_type(args[0]))
        return throw_error(g_TypeError, "issubclass() arg 1 must be a class");
    return py_bool(as_type(args[0])->is_subtype_of(as_type(self)));
}

static Result<Value> type_prepare(Value, CallArgs) { return Value(Dict::create()); }

static Result<Value> type_or(Value a, Value b);

// type.__new__(meta, name, bases, dict, **kw) and type(x).
static Result<Value> type_new_slot(Type* meta, CallArgs args)
{
    if (meta == g_type_type && args.nargs == 1 && args.nkw() == 0)
        return Value(args[0].type());
    if (args.nargs != 3)
        return throw_error(g_TypeError, "type() takes 1 or 3 arguments");
    if (!is_str(args[0]))
        return throw_error(g_TypeError, "type.__new__() argument 1 must be str, not %s", args[0].type()->m_name.c_str());
    if (!is_tuple(args[1]))
        return throw_error(g_TypeError, "type.__new__() argument 2 must be tuple, not %s", args[1].type()->m_name.c_str());
    if (!is_dict(args[2]))
        return throw_error(g_TypeError, "type.__new__() argument 3 must be dict, not %s", args[2].type()->m_name.c_str());
    // The most derived metaclass wins (CPython's _PyType_CalculateMetaclass).
    Type* winner = meta;
    for (Value b : as_tuple(args[1])->items()) {
        Type* bt = b.type();
        if (winner->is_subtype_of(bt))
            continue;
        if (bt->is_subtype_of(winner)) {
            winner = bt;
            continue;
        }
        return throw_error(g_TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
    }
    if (winner != meta && winner->new_ != type_new_slot)
        return winner->new_(winner, args);
    meta = winner;
    return type_new(meta, as_str(args[0]), as_tuple(args[1]), as_dict(args[2]), args.kwnames, args.items + args.nargs);
}

static Status type_init(Value, CallArgs args)
{
    if (args.nargs != 1 && args.nargs != 3)
        return throw_error(g_TypeError, "type.__init__() takes 1 or 3 arguments");
    return ok();
}

// --- C3 linearization and type_new --------------------------------------------

static Result<Tuple*> compute_mro(Type* type, Tuple* bases)
{
    // One base (nearly every class): C3 gives [type] + the base's MRO.
    if (bases->size() == 1 && as_type(bases->at(0))->m_mro) {
        Tuple* bm = as_type(bases->at(0))->m_mro;
        std::vector<Value> result;
        result.reserve(bm->size() + 1);
        result.push_back(Value(type));
        for (Value m : bm->items())
            result.push_back(m);
        return Tuple::create(std::move(result));
    }
    for (size_t i = 0; i < bases->size(); ++i)
        for (size_t j = i + 1; j < bases->size(); ++j)
            if (bases->at(i).is(bases->at(j)))
                return throw_error(g_TypeError, "duplicate base class %s", as_type(bases->at(i))->m_name.c_str());
    std::vector<std::vector<Type*>> seqs;
    for (Value b : bases->items()) {
        std::vector<Type*> s;
        for (Value m : as_type(b)->m_mro->items())
            s.push_back(as_type(m));
        seqs.push_back(std::move(s));
    }
    std::vector<Type*> base_list;
    for (Value b : bases->items())
        base_list.push_back(as_type(b));
    seqs.push_back(base_list);
    std::vector<Value> result { Value(type) };
    for (;;) {
        bool all_empty = true;
        for (auto& s : seqs)
            if (!s.empty())
                all_empty = false;
        if (all_empty)
            break;
        Type* candidate = nullptr;
        for (auto& s : seqs) {
            if (s.empty())
                continue;
            Type* head = s.front();
            bool in_tail = false;
            for (auto& s2 : seqs)
                if (std::find(s2.begin() + (s2.empty() ? 0 : 1), s2.end(), head) != s2.end() && !s2.empty())
                    in_tail = true;
            if (!in_tail) {
                candidate = head;
                break;
            }
        }
        if (!candidate) {
            // CPython's set_mro_error: the heads still to merge, first occurrence order.
            std::vector<Type*> heads;
            for (auto& s : seqs)
                if (!s.empty() && std::find(heads.begin(), heads.end(), s.front()) == heads.end())
                    heads.push_back(s.front());
            std::string names;
            for (size_t i = 0; i < heads.size(); ++i) {
                if (i)
                    names += ", ";
                names += heads[i]->m_name;
            }
            return throw_error(g_TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                               names.c_str());
        }
        result.push_back(candidate);
        for (auto& s : seqs)
            if (!s.empty() && s.front() == candidate)
                s.erase(s.begin());
    }
    return Tuple::create(std::move(result));
}

static bool layout_is_trivial(Layout l) { return l == Layout::Object || l == Layout::Instance; }

Result<Value> call_function_value(Value f, std::initializer_list<Value> args);

static Str* interned_literal(const char* name);

Result<Value> type_new(Type* meta, Str* name, Tuple* bases, Dict* ns, Tuple* kwnames, const Value* kwvalues)
{
    if (bases->size() == 0)
        bases = Tuple::create({ Value(g_object_type) });
    // 1. The solid base: the base with the most derived non-trivial layout.
    Type* best = nullptr;
    for (Value b : bases->items()) {
        if (!is_type(b))
            return throw_error(g_TypeError, "bases must be types");
        Type* bt = as_type(b);
        if (!(bt->m_flags & TF_BASETYPE))
            return throw_error(g_TypeError, "type '%s' is not an acceptable base type", bt->m_name.c_str());
        if (!best) {
            best = bt;
            continue;
        }
        if (layout_is_trivial(bt->m_layout))
            continue;
        if (layout_is_trivial(best->m_layout) || bt->is_subtype_of(best))
            best = bt;
        else if (!best->is_subtype_of(bt) && bt->m_layout != best->m_layout)
            return throw_error(g_TypeError, "multiple bases have instance lay-out conflict");
    }
    // Prefer the first base when layouts agree (Python's __base__ is the "best" base).
    if (layout_is_trivial(best->m_layout))
        best = as_type(bases->at(0));
    for (Value b : bases->items())
        if (!layout_is_trivial(as_type(b)->m_layout) && !as_type(b)->is_subtype_of(best) && !best->is_subtype_of(as_type(b))) {
        }

    Type* t = make<Type>(meta);
    t->m_name = name->data();
    t->m_flags = TF_HEAP | TF_BASETYPE | TF_HAS_DICT;
    t->m_base = best;
    t->m_bases = bases;
    t->m_layout = layout_is_trivial(best->m_layout) ? Layout::Instance : best->m_layout;
    Dict* dict = ns->copy();
    dict->set_type(g_dict_type);
    t->set_dict(dict);
    t->m_mro = TRY(compute_mro(t, bases));

    // 2. __qualname__, __module__, __doc__.
    if (Value q = dict->get_str(interned_literal("__qualname__"))) {
        if (!is_str(q))
            return throw_error(g_TypeError, "type __qualname__ must be a str, not %s", q.type()->m_name.c_str());
        t->m_qualname = as_str(q);
        dict->del_str(Str::intern("__qualname__"));
    } else {
        t->m_qualname = name;
    }
    if (!dict->get_str(interned_literal("__module__"))) {
        // The module of the caller's globals (set by the class body normally).
        extern Value current_globals_name();
        if (Value m = current_globals_name())
            dict->set_str(interned_literal("__module__"), m);
    }
    // 3. __slots__ (conflicts are checked against the class body's namespace).
    for (Value b : t->m_mro->items()) {
        Type* bt = as_type(b);
        if (bt != t && !bt->m_slot_names.empty() && t->m_slot_names.empty())
            t->m_slot_names = bt->m_slot_names;
    }
    if (Value slots = dict->get_str(interned_literal("__slots__"))) {
        gc::MarkedVector names;
        if (is_str(slots))
            names.push_back(slots);
        else
            TRY(collect_iterable(slots, names));
        bool has_dict_slot = false;
        for (Value n : names) {
            if (!is_str(n))
                return throw_error(g_TypeError, "__slots__ items must be strings, not '%s'", n.type()->m_name.c_str());
            Str* sn = Str::intern(as_str(n));
            if (sn->view() == "__dict__") {
                has_dict_slot = true;
                continue;
            }
            if (sn->view() == "__weakref__")
                continue;
            if (std::find(t->m_slot_names.begin(), t->m_slot_names.end(), sn) != t->m_slot_names.end())
                continue; // repeated name (e.g. combined base __slots__): CPython accepts it
            if (ns->get_str(sn))
                return throw_error(g_ValueError, "'%s' in __slots__ conflicts with class variable", sn->c_str());
            auto* md = make<MemberDescriptor>(g_method_descriptor_type, t, sn);
            extern Type* g_member_descriptor_type;
            md->set_type(g_member_descriptor_type);
            md->m_slot_index = int(t->m_slot_names.size());
            t->m_slot_names.push_back(sn);
            dict->set_str(sn, md);
        }
        // Instances have a __dict__ only if some base had one or __dict__ is listed.
        bool base_has_dict = false;
        for (Value b : bases->items())
            if ((as_type(b)->m_flags & TF_HAS_DICT))
                base_has_dict = true;
        if (!has_dict_slot && !base_has_dict)
            t->m_flags &= ~TF_HAS_DICT;
    }

    if (!dict->get_str(interned_literal("__doc__")))
        dict->set_str(interned_literal("__doc__"), none());

    // 4. Implicit staticmethod/classmethod, __hash__ = None with __eq__.
    if (Value nw = dict->get_str(interned_literal("__new__")); nw && nw.type() == g_function_type)
        dict->set_str(interned_literal("__new__"), make<MethodWrapperObject>(g_staticmethod_type, nw));
    for (const char* cm : { "__init_subclass__", "__class_getitem__" })
        if (Value f = dict->get_str(interned_literal(cm)); f && f.type() == g_function_type)
            dict->set_str(interned_literal(cm), make<MethodWrapperObject>(g_classmethod_type, f));
    if (dict->get_str(interned_literal("__eq__")) && !dict->get_str(interned_literal("__hash__")))
        dict->set_str(interned_literal("__hash__"), none());

    // 5. Slots: inherit from the solid base, then point dunders defined in Python at dispatchers.
    inherit_slots(t, best);
    type_update_slots(t);
    t->m_flags |= TF_READY;
    for (Value b : bases->items())
        as_type(b)->m_subclasses.push_back(t);
    // No invalidate_type_caches() here: a new class changes no existing
    // type's lookups, and a type at a reused address is covered by ~Type.
    // (Bumping the epoch per class emptied every lookup cache once per
    // class statement, a cost paid again for each class of each import.)

    // 6. __set_name__ on attributes, then the parent's __init_subclass__.
    {
        gc::MarkedVector keys, values;
        Dict::Entry e;
        for (size_t pos = 0; dict->next_entry(pos, e);) {
            keys.push_back(e.key);
            values.push_back(e.value);
        }
        Str* set_name = interned_literal("__set_name__");
        for (size_t i = 0; i < keys.size(); ++i) {
            Value fn = type_lookup(values[i].type(), set_name);
            if (!fn)
                continue;
            bool is_method = false;
            Value m = TRY(get_method(values[i], set_name, is_method));
            if (is_method)
                TRY(call(m, { values[i], Value(t), keys[i] }));
            else
                TRY(call(m, { Value(t), keys[i] }));
        }
    }
    {
        Str* init_sub = interned_literal("__init_subclass__");
        Value fn;
        for (size_t i = 1; i < t->m_mro->size() && !fn; ++i)
            fn = as_type(t->m_mro->at(i))->dict()->get_str(init_sub);
        if (fn) {
            Value bound = fn;
            if (DescrGetFn get = fn.type()->descr_get)
                bound = TRY(get(fn, Value(), Value(t)));
            size_t nkw = kwnames ? kwnames->size() : 0;
            TRY(call(bound, std::span<const Value>(kwvalues, nkw), nkw ? kwnames : nullptr));
        }
    }
    return Value(t);
}

// --- heap-type slot dispatchers ----------------------------------------------------

static Result<Value> call_dunder(Value self, SlotId id, std::span<const Value> args)
{
    Value f = type_lookup(self.type(), slot_name(id));
    if (!f)
        return throw_attribute_error(self, slot_name(id));
    Value buf[4] = { self };
    for (size_t i = 0; i < args.size(); ++i)
        buf[i + 1] = args[i];
    if (f.type() == g_function_type || f.type() == g_wrapper_descriptor_type || f.type() == g_method_descriptor_type)
        return call(f, std::span<const Value>(buf, args.size() + 1));
    if (DescrGetFn get = f.type()->descr_get)
        f = TRY(get(f, self, Value(self.type())));
    return call(f, args);
}

static Result<Value> slot_repr(Value self)
{
    Value r = TRY(call_dunder(self, SlotId::REPR, {}));
    if (!is_str(r))
        return throw_error(g_TypeError, "__repr__ returned non-string (type %s)", r.type()->m_name.c_str());
    return r;
}

static Result<Value> slot_str(Value self)
{
    Value r = TRY(call_dunder(self, SlotId::STR, {}));
    if (!is_str(r))
        return throw_error(g_TypeError, "__str__ returned non-string (type %s)", r.type()->m_name.c_str());
    return r;
}

static Result<int64_t> slot_hash(Value self)
{
    Value f = type_lookup(self.type(), slot_name(SlotId::HASH));
    if (!f || is_none(f))
        return throw_error(g_TypeError, "unhashable type: '%s'", self.type()->m_name.c_str());
    Value r = TRY(call_dunder(self, SlotId::HASH, {}));
    if (!is_int(r))
        return throw_error(g_TypeError, "__hash__ method should return an integer");
    // As CPython: a result that fits a machine word is the hash itself (-1 is
    // reserved for errors and becomes -2); only larger ints are hashed again.
    int64_t h;
    if (int_fits_i64(r, h))
        return h == -1 ? int64_t(-2) : h;
    return int_hash(r);
}

static const SlotId s_compare_slots[] = { SlotId::LT, SlotId::LE, SlotId::EQ, SlotId::NE, SlotId::GT, SlotId::GE };

static Result<Value> slot_richcompare(Value self, Value other, CompareOp op)
{
    SlotId id = s_compare_slots[int(op)];
    Value f = type_lookup(self.type(), slot_name(id));
    if (!f || is_none(f))
        return Value(g_notimplemented);
    Value args[1] = { other };
    return call_dunder(self, id, args);
}

static Result<Value> slot_getattr_hook(Value self, Str* name)
{
    Type* tp = self.type();
    Value getattribute = type_lookup(tp, slot_name(SlotId::GETATTRIBUTE));
    Value getattr = type_lookup(tp, slot_name(SlotId::GETATTR));
    Result<Value> r = pending;
    if (getattribute && getattribute.type() == g_wrapper_descriptor_type &&
        static_cast<SlotWrapper*>(getattribute.as_object())->m_owner == g_object_type) {
        r = generic_getattr(self, name);
    } else if (getattribute) {
        Value args[1] = { Value(name) };
        r = call_dunder(self, SlotId::GETATTRIBUTE, args);
    } else {
        r = generic_getattr(self, name);
    }
    if (r.is_ok() || !getattr || !pending_matches(g_AttributeError))
        return r;
    take_pending();
    Value args[1] = { Value(name) };
    return call_dunder(self, SlotId::GETATTR, args);
}

static Status slot_setattro(Value self, Str* name, Value value)
{
    if (value) {
        Value args[2] = { Value(name), value };
        TRY(call_dunder(self, SlotId::SETATTR, args));
    } else {
        Value args[1] = { Value(name) };
        TRY(call_dunder(self, SlotId::DELATTR, args));
    }
    return ok();
}

static Result<Value> slot_call(Value self, CallArgs args)
{
    Value f = type_lookup(self.type(), slot_name(SlotId::CALL));
    if (!f)
        return throw_type_not(self, "callable");
    if (DescrGetFn get = f.type()->descr_get)
        f = TRY(get(f, self, Value(self.type())));
    return call(f, args);
}

static Result<Value> slot_iter(Value self)
{
    Value f = type_lookup(self.type(), slot_name(SlotId::ITER));
    if (!f || is_none(f))
        return throw_type_not(self, "iterable");
    return call_dunder(self, SlotId::ITER, {});
}

static Result<Value> slot_iternext(Value self)
{
    Result<Value> r = call_dunder(self, SlotId::NEXT, {});
    if (r.is_error() && pending_matches(g_StopIteration)) {
        take_pending();
        return Value();
    }
    return r;
}

static Result<int64_t> slot_len(Value self)
{
    Value r = TRY(call_dunder(self, SlotId::LEN, {}));
    if (!is_int(r))
        return throw_error(g_TypeError, "'%s' object cannot be interpreted as an integer", r.type()->m_name.c_str());
    if (int_sign(r) < 0)
        return throw_error(g_ValueError, "__len__() should return >= 0");
    int64_t n;
    if (!int_fits_i64(r, n))
        return throw_error(g_OverflowError, "cannot fit 'int' into an index-sized integer");
    return n;
}

static Result<Value> slot_getitem(Value self, Value key)
{
    Value args[1] = { key };
    return call_dunder(self, SlotId::GETITEM, args);
}

static Status slot_setitem(Value self, Value key, Value value)
{
    if (value) {
        Value args[2] = { key, value };
        TRY(call_dunder(self, SlotId::SETITEM, args));
    } else {
        Value args[1] = { key };
        TRY(call_dunder(self, SlotId::DELITEM, args));
    }
    return ok();
}

static Result<bool> slot_contains(Value self, Value item)
{
    Value f = type_lookup(self.type(), slot_name(SlotId::CONTAINS));
    if (!f || is_none(f))
        return throw_error(g_TypeError, "argument of type '%s' is not iterable", self.type()->m_name.c_str());
    Value args[1] = { item };
    Value r = TRY(call_dunder(self, SlotId::CONTAINS, args));
    return truthy(r);
}

static Result<bool> slot_bool(Value self)
{
    Value f = type_lookup(self.type(), slot_name(SlotId::BOOL));
    if (f) {
        Value r = TRY(call_dunder(self, SlotId::BOOL, {}));
        if (r.is_object() && r.type() == g_bool_type)
            return r.is(g_true);
        return throw_error(g_TypeError, "__bool__ should return bool, returned %s", r.type()->m_name.c_str());
    }
    int64_t n = TRY(slot_len(self));
    return n != 0;
}

#define UNARY_SLOT(fname, id)                     \
    static Result<Value> fname(Value self)        \
    {                                             \
        return call_dunder(self, SlotId::id, {}); \
    }
UNARY_SLOT(slot_neg, NEG)
UNARY_SLOT(slot_pos, POS)
UNARY_SLOT(slot_invert, INVERT)
UNARY_SLOT(slot_abs, ABS)
UNARY_SLOT(slot_int, INT)
UNARY_SLOT(slot_float, FLOAT)
#undef UNARY_SLOT

static Result<Value> slot_index(Value self)
{
    Value r = TRY(call_dunder(self, SlotId::INDEX, {}));
    if (!is_int(r))
        return throw_error(g_TypeError, "__index__ returned non-int (type %s)", r.type()->m_name.c_str());
    return r;
}

static Result<Value> slot_descr_get(Value self, Value obj, Value type)
{
    Value args[2] = { obj ? obj : none(), type ? type : none() };
    return call_dunder(self, SlotId::GET, args);
}

static Status slot_descr_set(Value self, Value obj, Value value)
{
    if (value) {
        Value args[2] = { obj, value };
        TRY(call_dunder(self, SlotId::SET, args));
    } else {
        Value args[1] = { obj };
        TRY(call_dunder(self, SlotId::DELETE, args));
    }
    return ok();
}

static Status slot_init(Value self, CallArgs args)
{
    Value f = type_lookup(self.type(), slot_name(SlotId::INIT));
    Value r;
    if (f.type() == g_function_type) {
        // Prepend self without allocating a bound method.
        size_t n = args.nargs + args.nkw();
        Value stack_buf[8];
        std::vector<Value> heap_buf;
        Value* buf = stack_buf;
        if (n + 1 > 8) {
            heap_buf.resize(n + 1);
            buf = heap_buf.data();
        }
        buf[0] = self;
        for (size_t i = 0; i < n; ++i)
            buf[i + 1] = args.items[i];
        r = TRY(call(f, CallArgs { buf, args.nargs + 1, args.kwnames }));
    } else {
        if (DescrGetFn get = f.type()->descr_get)
            f = TRY(get(f, self, Value(self.type())));
        r = TRY(call(f, args));
    }
    if (!is_none(r))
        return throw_error(g_TypeError, "__init__() should return None, not '%s'", r.type()->m_name.c_str());
    return ok();
}

static Result<Value> slot_new(Type* type, CallArgs args)
{
    Value f = type_lookup(type, slot_name(SlotId::NEW));
    if (DescrGetFn get = f.type()->descr_get; get && f.type() != g_staticmethod_type)
        f = TRY(get(f, Value(), Value(type)));
    else if (f.type() == g_staticmethod_type)
        f = static_cast<MethodWrapperObject*>(f.as_object())->m_callable;
    size_t n = args.nargs + args.nkw();
    std::vector<Value> buf(n + 1);
    buf[0] = Value(type);
    for (size_t i = 0; i < n; ++i)
        buf[i + 1] = args.items[i];
    return call(f, CallArgs { buf.data(), args.nargs + 1, args.kwnames });
}

// CPython's SLOT1BINFULL: __op__ on the left, __rop__ on the right, with the
// subclass-first rule.
template<int Op>
static Result<Value> slot_binary(Value a, Value b);

static bool is_generic_slot_binary(BinaryFn fn, int op);

static Result<Value> call_binary_dunder(Value self, const char* name, Value other, bool& found)
{
    Value f = type_lookup(self.type(), Str::intern(name));
    found = bool(f);
    if (!f)
        return Value(g_notimplemented);
    Value buf[2] = { self, other };
    if (f.type() == g_function_type || f.type() == g_wrapper_descriptor_type)
        return call(f, std::span<const Value>(buf, 2));
    if (DescrGetFn get = f.type()->descr_get)
        f = TRY(get(f, self, Value(self.type())));
    return call(f, std::span<const Value>(buf + 1, 1));
}

template<int Op>
static Result<Value> slot_binary(Value a, Value b)
{
    const BinaryNames& names = binary_names(Op);
    Type* ta = a.type();
    Type* tb = b.type();
    bool do_other = ta != tb && tb->nb[Op] == &slot_binary<Op>;
    bool found;
    if (ta->nb[Op] == &slot_binary<Op>) {
        if (do_other && tb->is_subtype_of(ta)) {
            Value ra = type_lookup(ta, Str::intern(names.rname));
            Value rb = type_lookup(tb, Str::intern(names.rname));
            if (rb && !ra.is(rb)) {
                Value r = TRY(call_binary_dunder(b, names.rname, a, found));
                if (!r.is(g_notimplemented))
                    return r;
                do_other = false;
            }
        }
        Value r = TRY(call_binary_dunder(a, names.name, b, found));
        if (!r.is(g_notimplemented) || ta == tb)
            return r;
    }
    if (do_other)
        return call_binary_dunder(b, names.rname, a, found);
    return Value(g_notimplemented);
}

template<int Op>
static Result<Value> slot_inplace(Value a, Value b)
{
    const BinaryNames& names = binary_names(Op);
    bool found;
    return call_binary_dunder(a, names.iname, b, found);
}

static BinaryFn s_binary_dispatchers[NB_BINARY_COUNT] = {
    slot_binary<0>, slot_binary<1>, slot_binary<2>, slot_binary<3>, slot_binary<4>, slot_binary<5>, slot_binary<6>,
    slot_binary<7>, slot_binary<8>, slot_binary<9>, slot_binary<10>, slot_binary<11>, slot_binary<12>,
};
static BinaryFn s_inplace_dispatchers[NB_BINARY_COUNT] = {
    slot_inplace<0>, slot_inplace<1>, slot_inplace<2>, slot_inplace<3>, slot_inplace<4>, slot_inplace<5>,
    slot_inplace<6>, slot_inplace<7>, slot_inplace<8>, slot_inplace<9>, slot_inplace<10>, slot_inplace<11>,
    slot_inplace<12>,
};

// What provides dunder `name` for `t`: a builtin slot wrapper (returns its
// owner through `owner`), a Python-level override (returns true), or nothing.
// Str::intern(name) memoized by the literal's address: type_update_slots
// asks about ~80 dunder names for every class created, and hashing each
// name every time showed up in import profiles. Interned strings live
// forever, so the cached pointers stay valid.
static Str* interned_literal(const char* name)
{
    struct Entry {
        const char* key;
        Str* str;
    };
    static Entry s_table[512];
    size_t i = (reinterpret_cast<uintptr_t>(name) >> 3) & 511;
    for (size_t probes = 0; probes < 512; ++probes, i = (i + 1) & 511) {
        if (s_table[i].key == name)
            return s_table[i].str;
        if (!s_table[i].key) {
            s_table[i] = { name, Str::intern(name) };
            return s_table[i].str;
        }
    }
    return Str::intern(name); // table full: cannot happen with the fixed name set
}

// The MRO lookups of one type_update_slots call. For a class with a single
// base whose MRO is [t] + the base's MRO (always so under C3), a name the
// class dict does not define resolves exactly as on the base, and the base's
// answers stay in the lookup cache from one class to the next; so only the
// few dunders the class dict itself defines are looked up in it (CPython's
// update_one_slot likewise starts from what the new type's dict holds).
// Without the shortcut every one of the ~80 names walked the whole MRO.
class SlotLookup {
public:
    explicit SlotLookup(Type* t) : m_type(t)
    {
        if (!t->m_bases || t->m_bases->size() != 1 || !t->m_mro)
            return;
        Type* base = as_type(t->m_bases->at(0));
        Tuple* bm = base->m_mro;
        if (!bm || t->m_mro->size() != bm->size() + 1 || t->m_mro->at(0).as_object() != t)
            return;
        for (size_t i = 0; i < bm->size(); ++i)
            if (!t->m_mro->at(i + 1).is(bm->at(i)))
                return;
        Dict::Entry e;
        for (size_t pos = 0; t->dict()->next_entry(pos, e);) {
            if (!is_str(e.key) || !is_dunder(as_str(e.key)->view()))
                continue;
            if (m_count == max_own)
                return; // many dunders: keep the plain MRO walk
            Str* k = as_str(e.key);
            m_own[m_count++] = { k, e.value };
            m_filter |= k->is_interned() ? filter_bit(k) : ~uint64_t(0);
        }
        m_base = base;
    }

    Value operator()(Str* name) const
    {
        if (!m_base)
            return type_lookup(m_type, name);
        if (!(m_filter & filter_bit(name))) // `name` (interned) is surely not an own key
            return type_lookup(m_base, name);
        for (size_t i = 0; i < m_count; ++i) {
            Str* k = m_own[i].key;
            if (k == name || (!k->is_interned() && k->view() == name->view()))
                return m_own[i].value;
        }
        return type_lookup(m_base, name);
    }

private:
    static constexpr size_t max_own = 24;
    // A one-word Bloom filter of the own keys' addresses (all bits set when
    // one is not interned and must be compared by content).
    static uint64_t filter_bit(const Str* s) { return uint64_t(1) << ((reinterpret_cast<uintptr_t>(s) >> 4) & 63); }
    struct Own {
        Str* key;
        Value value; // also held by the class dict, which nothing changes meanwhile
    };
    Type* m_type;
    Type* m_base = nullptr;
    Own m_own[max_own];
    size_t m_count = 0;
    uint64_t m_filter = 0;
};

// The interned name of dunder literal `lit`, looked up once per use site.
#define SLOT_KEY(lit) ([]() -> Str* { static Str* const s_key = interned_literal(lit); return s_key; }())

static bool python_override(const SlotLookup& lookup, Str* key, Type*& owner)
{
    Value v = lookup(key);
    owner = nullptr;
    if (!v)
        return false;
    if (v.type() == g_wrapper_descriptor_type) {
        auto* w = static_cast<SlotWrapper*>(v.as_object());
        // A wrapper of another slot (enum's `__str__ = int.__repr__`) must be
        // called through the generic dispatcher, not copied as this slot.
        // (Wrapper names are interned: the pointer test settles most cases.)
        if (w->m_name && w->m_name != key && w->m_name->view() != key->view())
            return true;
        owner = w->m_owner;
        return false;
    }
    return true;
}

void type_update_slots(Type* t)
{
    if (!t->is_heap())
        return;
    SlotLookup lookup(t);
    if (lookup(SLOT_KEY("__del__")))
        t->m_flags |= TF_HAS_FINALIZER;
    else
        t->m_flags &= ~uint32_t(TF_HAS_FINALIZER);
    Type* owner;
#define UPDATE(field, dunder, dispatcher)           \
    if (python_override(lookup, SLOT_KEY(dunder), owner))          \
        t->field = dispatcher;                      \
    else if (owner)                                 \
        t->field = owner->field;                    \
    else if (t->field == dispatcher)                \
        t->field = nullptr;
    UPDATE(repr, "__repr__", slot_repr)
    UPDATE(str, "__str__", slot_str)
    UPDATE(call, "__call__", slot_call)
    UPDATE(iter, "__iter__", slot_iter)
    UPDATE(iternext, "__next__", slot_iternext)
    UPDATE(getitem, "__getitem__", slot_getitem)
    UPDATE(contains, "__contains__", slot_contains)
    UPDATE(neg, "__neg__", slot_neg)
    UPDATE(pos, "__pos__", slot_pos)
    UPDATE(invert, "__invert__", slot_invert)
    UPDATE(abs, "__abs__", slot_abs)
    UPDATE(index, "__index__", slot_index)
    UPDATE(to_int, "__int__", slot_int)
    UPDATE(to_float, "__float__", slot_float)
    UPDATE(descr_get, "__get__", slot_descr_get)
    UPDATE(init, "__init__", slot_init)
    UPDATE(new_, "__new__", slot_new)
#undef UPDATE
    {
        Value h = lookup(SLOT_KEY("__hash__"));
        if (!h || is_none(h))
            t->hash = slot_hash; // raises unhashable
        else if (h.type() == g_wrapper_descriptor_type)
            t->hash = static_cast<SlotWrapper*>(h.as_object())->m_owner->hash;
        else
            t->hash = slot_hash;
    }
    {
        Type *o1, *o2;
        bool py = python_override(lookup, SLOT_KEY("__len__"), o1);
        t->len = py ? slot_len : (o1 ? o1->len : nullptr);
        py = python_override(lookup, SLOT_KEY("__bool__"), o2);
        t->boolean = py ? slot_bool : (o2 ? o2->boolean : (t->len == slot_len ? slot_bool : nullptr));
    }
    {
        bool any_py = false;
        Type* o = nullptr;
        static Str* const s_compare[] = { SLOT_KEY("__lt__"), SLOT_KEY("__le__"), SLOT_KEY("__eq__"),
            SLOT_KEY("__ne__"), SLOT_KEY("__gt__"), SLOT_KEY("__ge__") };
        for (Str* n : s_compare) {
            Type* ow;
            if (python_override(lookup, n, ow))
                any_py = true;
            else if (ow && !o)
                o = ow;
        }
        t->richcompare = any_py ? slot_richcompare : (o ? o->richcompare : nullptr);
    }
    {
        Type *o1, *o2;
        bool py = python_override(lookup, SLOT_KEY("__getattribute__"), o1) || python_override(lookup, SLOT_KEY("__getattr__"), o2);
        t->getattro = py ? slot_getattr_hook : (o1 ? o1->getattro : generic_getattr);
    }
    {
        Type *o1, *o2;
        bool py1 = python_override(lookup, SLOT_KEY("__setattr__"), o1);
        bool py2 = python_override(lookup, SLOT_KEY("__delattr__"), o2);
        t->setattro = (py1 || py2) ? slot_setattro : (o1 ? o1->setattro : generic_setattr);
    }
    {
        Type *o1, *o2;
        bool py1 = python_override(lookup, SLOT_KEY("__setitem__"), o1);
        bool py2 = python_override(lookup, SLOT_KEY("__delitem__"), o2);
        t->setitem = (py1 || py2) ? slot_setitem : (o1 ? o1->setitem : (o2 ? o2->setitem : nullptr));
        py1 = python_override(lookup, SLOT_KEY("__set__"), o1);
        py2 = python_override(lookup, SLOT_KEY("__delete__"), o2);
        t->descr_set = (py1 || py2) ? slot_descr_set : (o1 ? o1->descr_set : nullptr);
    }
    static const std::array<std::array<Str*, 3>, std::size(s_binary_names)> s_binary_keys = [] {
        std::array<std::array<Str*, 3>, std::size(s_binary_names)> keys;
        for (size_t i = 0; i < std::size(s_binary_names); ++i)
            keys[i] = { interned_literal(s_binary_names[i].name), interned_literal(s_binary_names[i].rname),
                interned_literal(s_binary_names[i].iname) };
        return keys;
    }();
    for (size_t i = 0; i < std::size(s_binary_names); ++i) {
        const BinaryNames& bn = s_binary_names[i];
        Type *o1, *o2, *o3;
        bool py1 = python_override(lookup, s_binary_keys[i][0], o1);
        bool py2 = python_override(lookup, s_binary_keys[i][1], o2);
        t->nb[bn.op] = (py1 || py2) ? s_binary_dispatchers[bn.op] : (o1 ? o1->nb[bn.op] : (o2 ? o2->nb[bn.op] : nullptr));
        bool py3 = python_override(lookup, s_binary_keys[i][2], o3);
        t->nb_inplace[bn.op] = py3 ? s_inplace_dispatchers[bn.op] : (o3 ? o3->nb_inplace[bn.op] : nullptr);
    }
    for (Type* sub : t->m_subclasses)
        type_update_slots(sub);
}

static bool is_generic_slot_binary(BinaryFn fn, int op) { return fn == s_binary_dispatchers[op]; }

// --- dir() support ---------------------------------------------------------------

static void merge_class_dict(Type* t, Dict* out)
{
    for (Value b : t->m_mro->items()) {
        Dict::Entry e;
        Dict* d = as_type(b)->dict();
        for (size_t pos = 0; d->next_entry(pos, e);)
            if (is_str(e.key))
                out->set_str(Str::intern(as_str(e.key)), none());
    }
}

static Result<Value> object_dir(Value self, CallArgs)
{
    Dict* names = Dict::create();
    if (self.is_object()) {
        if (Dict* d = self.as_object()->dict()) {
            Dict::Entry e;
            for (size_t pos = 0; d->next_entry(pos, e);)
                TRY(names->set(e.key, none()));
        }
    }
    merge_class_dict(self.type(), names);
    List* out = List::create();
    Dict::Entry e;
    for (size_t pos = 0; names->next_entry(pos, e);)
        out->append(e.key);
    return Value(out);
}

static Result<Value> type_dir(Value self, CallArgs)
{
    Dict* names = Dict::create();
    merge_class_dict(as_type(self), names);
    List* out = List::create();
    Dict::Entry e;
    for (size_t pos = 0; names->next_entry(pos, e);)
        out->append(e.key);
    return Value(out);
}

Result<Value> make_union(Value a, Value b); // genericalias.cpp

static Result<Value> type_or(Value a, Value b) { return make_union(a, b); }

void init_object_and_type()
{
    Type* obj = g_object_type;
    obj->new_ = object_new;
    obj->init = object_init;
    obj->repr = object_repr;
    obj->str = object_str;
    obj->hash = object_hash;
    obj->richcompare = object_richcompare;
    obj->getattro = generic_getattr;
    obj->setattro = generic_setattr;
    add_getset(obj, "__class__", object_get_class, object_set_class);
    add_getset(obj, "__dict__", object_get_dict, object_set_dict);
    add_method(obj, "__format__", object_format);
    add_method(obj, "__init_subclass__", object_init_subclass, MethodKind::Class);
    add_method(obj, "__subclasshook__", object_subclasshook, MethodKind::Class);
    add_method(obj, "__reduce_ex__", object_reduce_ex);
    add_method(obj, "__dir__", object_dir);

    Type* type = g_type_type;
    type->call = type_call;
    type->repr = type_repr;
    type->getattro = type_getattro;
    type->setattro = type_setattro;
    type->new_ = type_new_slot;
    type->init = type_init;
    type->nb[NB_OR] = type_or;
    add_getset(type, "__name__", type_get_name, type_set_name);
    add_getset(type, "__qualname__", type_get_qualname, type_set_qualname);
    add_getset(type, "__mro__", type_get_mro);
    add_getset(type, "__bases__", type_get_bases);
    add_getset(type, "__base__", type_get_base);
    add_getset(type, "__dict__", type_get_dict);
    add_getset(type, "__module__", type_get_module, type_set_module);
    add_getset(type, "__doc__", type_get_doc, type_set_doc);
    add_getset(type, "__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods);
    add_method(type, "mro", type_mro_method);
    add_method(type, "__subclasses__", type_subclasses);
    add_method(type, "__instancecheck__", type_instancecheck);
    add_method(type, "__subclasscheck__", type_subclasscheck);
    add_method(type, "__prepare__", type_prepare, MethodKind::Class);
    add_method(type, "__dir__", type_dir);
}

// __dict__ getset for classes whose instances have a dict (added in type_new for heap types).
void add_instance_dict_getset(Type* t) { add_getset(t, "__dict__", object_get_dict, object_set_dict); }

} // namespace adder
