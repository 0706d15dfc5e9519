// Builtin functions and method descriptors (NativeFunction), getset/member
// descriptors, and the argument parser used by every native method.
#include "objects/methods.h"

#include <cstring>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/function.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

Type* g_member_descriptor_type;
Type* g_getset_descriptor_type;

void NativeFunction::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_name);
    v.visit(m_self);
    v.visit(m_owner);
    v.visit(m_doc);
}

void add_method(Type* type, const char* name, NativeFn fn, MethodKind kind)
{
    Str* key = Str::intern(name);
    Type* t = kind == MethodKind::Class ? g_classmethod_descriptor_type : g_method_descriptor_type;
    if (kind == MethodKind::Static)
        t = g_builtin_function_type;
    auto* f = make<NativeFunction>(t, key, fn, Value(), kind, type);
    if (kind == MethodKind::Static)
        type->dict()->set_str(key, make<MethodWrapperObject>(g_staticmethod_type, f));
    else
        type->dict()->set_str(key, f);
    extern void invalidate_type_caches();
    invalidate_type_caches();
}

void add_getset(Type* type, const char* name, GetterFn getter, SetterFn setter)
{
    Str* key = Str::intern(name);
    auto* d = make<MemberDescriptor>(g_getset_descriptor_type, type, key);
    d->m_getter = getter;
    d->m_setter = setter;
    type->dict()->set_str(key, d);
}

NativeFunction* make_native_function(const char* name, NativeFn fn, Value self)
{
    return make<NativeFunction>(g_builtin_function_type, Str::intern(name), fn, self, MethodKind::Static, nullptr);
}

Status no_keywords(CallArgs args, const char* fname)
{
    if (args.nkw())
        return throw_error(g_TypeError, "%s() takes no keyword arguments", fname);
    return ok();
}

Status check_arity_slow(CallArgs args, const char* fname, size_t min, size_t max)
{
    TRY(no_keywords(args, fname));
    if (args.nargs < min || args.nargs > max) {
        if (min == max) {
            if (min == 0)
                return throw_error(g_TypeError, "%s() takes no arguments (%zu given)", fname, args.nargs);
            if (min == 1)
                return throw_error(g_TypeError, "%s() takes exactly one argument (%zu given)", fname, args.nargs);
            return throw_error(g_TypeError, "%s expected %zu arguments, got %zu", fname, min, args.nargs);
        }
        if (args.nargs < min)
            return throw_error(g_TypeError, "%s expected at least %zu argument%s, got %zu", fname, min, min == 1 ? "" : "s",
                               args.nargs);
        return throw_error(g_TypeError, "%s expected at most %zu argument%s, got %zu", fname, max, max == 1 ? "" : "s",
                           args.nargs);
    }
    return ok();
}

Status parse_args(CallArgs args, const char* fname, std::initializer_list<const char*> names, size_t required,
                  std::initializer_list<Value*> outs, size_t posonly)
{
    size_t n = names.size();
    auto name_at = [&](size_t i) { return names.begin()[i]; };
    auto out_at = [&](size_t i) { return outs.begin()[i]; };
    for (size_t i = 0; i < n; ++i)
        *out_at(i) = Value();
    if (args.nargs > n) {
        if (n == 0)
            return throw_error(g_TypeError, "%s() takes no arguments (%zu given)", fname, args.nargs);
        return throw_error(g_TypeError, "%s() takes at most %zu argument%s (%zu given)", fname, n, n == 1 ? "" : "s",
                           args.nargs);
    }
    for (size_t i = 0; i < args.nargs; ++i)
        *out_at(i) = args[i];
    for (size_t k = 0; k < args.nkw(); ++k) {
        Str* kn = as_str(args.kwnames->at(k));
        size_t i = 0;
        for (; i < n; ++i)
            if (kn->view() == name_at(i))
                break;
        if (i == n || i < posonly) {
            if (i < posonly && i < n)
                return throw_error(g_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                                   fname, kn->c_str());
            return throw_error(g_TypeError, "%s() got an unexpected keyword argument '%s'", fname, kn->c_str());
        }
        if (*out_at(i))
            return throw_error(g_TypeError, "argument for %s() given by name ('%s') and position (%zu)", fname, kn->c_str(),
                               i + 1);
        *out_at(i) = args.kw_value(k);
    }
    for (size_t i = 0; i < required; ++i)
        if (!*out_at(i)) {
            if (i < args.nargs || args.nkw() || i >= posonly)
                return throw_error(g_TypeError, "%s() missing required argument '%s' (pos %zu)", fname, name_at(i), i + 1);
            return throw_error(g_TypeError, "%s() takes at least %zu positional argument%s (%zu given)", fname, required,
                               required == 1 ? "" : "s", args.nargs);
        }
    return ok();
}

// --- NativeFunction calls and binding -------------------------------------------

static Result<Value> native_call(Value callable, CallArgs args)
{
    auto* f = static_cast<NativeFunction*>(callable.as_object());
    if (f->type() == g_builtin_function_type)
        return f->m_fn(f->m_self, args);
    // An unbound method descriptor: the first argument is self.
    if (args.nargs < 1)
        return throw_error(g_TypeError, "unbound method %s.%s() needs an argument", f->m_owner->m_name.c_str(), f->m_name->c_str());
    Value self = args[0];
    if (f->m_kind == MethodKind::Class) {
        if (!is_type(self) || !as_type(self)->is_subtype_of(f->m_owner))
            return throw_error(g_TypeError, "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 0", f->m_name->c_str(),
                               f->m_owner->m_name.c_str(), self.type()->m_name.c_str());
    } else if (self.type() != f->m_owner && !self.type()->is_subtype_of(f->m_owner)) {
        return throw_error(g_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", f->m_name->c_str(),
                           f->m_owner->m_name.c_str(), self.type()->m_name.c_str());
    }
    return f->m_fn(self, CallArgs { args.items + 1, args.nargs - 1, args.kwnames });
}

static Result<Value> method_descriptor_get(Value descr, Value obj, Value type)
{
    auto* f = static_cast<NativeFunction*>(descr.as_object());
    if (!obj)
        return descr;
    if (!obj.type()->is_subtype_of(f->m_owner))
        return throw_error(g_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", f->m_name->c_str(),
                           f->m_owner->m_name.c_str(), obj.type()->m_name.c_str());
    return Value(make<NativeFunction>(g_builtin_function_type, f->m_name, f->m_fn, obj, MethodKind::Instance, f->m_owner));
}

static Result<Value> classmethod_descriptor_get(Value descr, Value obj, Value type)
{
    auto* f = static_cast<NativeFunction*>(descr.as_object());
    Value cls = type ? type : Value(obj.type());
    return Value(make<NativeFunction>(g_builtin_function_type, f->m_name, f->m_fn, cls, MethodKind::Class, f->m_owner));
}

static Result<Value> native_repr(Value self)
{
    auto* f = static_cast<NativeFunction*>(self.as_object());
    std::string out;
    if (f->type() == g_builtin_function_type) {
        if (!f->m_self || f->m_self.type()->m_layout == Layout::Module || f->m_kind == MethodKind::Static)
            out = "<built-in function " + f->m_name->data() + ">";
        else {
            char buf[64];
            std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(f->m_self.object_or_null()));
            std::string owner = is_type(f->m_self) ? as_type(f->m_self)->m_name : f->m_self.type()->m_name;
            if (is_type(f->m_self))
                out = "<built-in method " + f->m_name->data() + " of type object at " + std::string(buf + 11);
            else
                out = "<built-in method " + f->m_name->data() + " of " + owner + buf;
        }
    } else {
        out = "<method '" + f->m_name->data() + "' of '" + f->m_owner->m_name + "' objects>";
    }
    return Value(Str::create(out));
}

static Result<Value> native_get_name(Value self) { return Value(static_cast<NativeFunction*>(self.as_object())->m_name); }
static Result<Value> native_get_qualname(Value self)
{
    auto* f = static_cast<NativeFunction*>(self.as_object());
    if (f->m_owner)
        return Value(Str::create(f->m_owner->m_name + "." + f->m_name->data()));
    return Value(f->m_name);
}
static Result<Value> native_get_self(Value self)
{
    auto* f = static_cast<NativeFunction*>(self.as_object());
    return f->m_self ? f->m_self : none();
}
static Result<Value> native_get_doc(Value self)
{
    auto* f = static_cast<NativeFunction*>(self.as_object());
    return f->m_doc ? Value(f->m_doc) : none();
}
static Result<Value> native_get_module(Value self)
{
    auto* f = static_cast<NativeFunction*>(self.as_object());
    if (f->type() == g_builtin_function_type && !f->m_owner)
        return Value(Str::intern("builtins"));
    return none();
}

// --- member / getset descriptors --------------------------------------------------

static Result<Value> member_get(Value descr, Value obj, Value type)
{
    auto* d = static_cast<MemberDescriptor*>(descr.as_object());
    if (!obj)
        return descr;
    if (!obj.type()->is_subtype_of(d->m_owner))
        return throw_error(g_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d->m_name->c_str(),
                           d->m_owner->m_name.c_str(), obj.type()->m_name.c_str());
    if (d->m_getter)
        return d->m_getter(obj);
    if (obj.type()->m_layout != Layout::Instance) {
        // __slots__ of a builtin subclass live in the (hidden) instance dict.
        Dict* dict = obj.as_object()->dict();
        Value v = dict ? dict->get_str(d->m_name) : Value();
        if (!v)
            return throw_error(g_AttributeError, "'%s' object has no attribute '%s'", obj.type()->m_name.c_str(), d->m_name->c_str());
        return v;
    }
    auto* inst = static_cast<Instance*>(obj.as_object());
    Value v = size_t(d->m_slot_index) < inst->m_slots.size() ? inst->m_slots[d->m_slot_index] : Value();
    if (!v)
        return throw_error(g_AttributeError, "'%s' object has no attribute '%s'", obj.type()->m_name.c_str(), d->m_name->c_str());
    return v;
}

static Status member_set(Value descr, Value obj, Value value)
{
    auto* d = static_cast<MemberDescriptor*>(descr.as_object());
    if (!obj.type()->is_subtype_of(d->m_owner))
        return throw_error(g_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d->m_name->c_str(),
                           d->m_owner->m_name.c_str(), obj.type()->m_name.c_str());
    if (d->m_slot_index < 0) {
        if (!d->m_setter)
            return throw_error(g_AttributeError, "attribute '%s' of '%s' objects is not writable", d->m_name->c_str(),
                               d->m_owner->m_name.c_str());
        return d->m_setter(obj, value);
    }
    if (obj.type()->m_layout != Layout::Instance) {
        Dict* dict = obj.as_object()->dict();
        if (!dict) {
            dict = Dict::create();
            obj.as_object()->set_dict(dict);
        }
        if (value)
            dict->set_str(d->m_name, value);
        else if (!dict->del_str(d->m_name))
            return throw_error(g_AttributeError, "'%s' object has no attribute '%s'", obj.type()->m_name.c_str(), d->m_name->c_str());
        return ok();
    }
    auto* inst = static_cast<Instance*>(obj.as_object());
    if (size_t(d->m_slot_index) >= inst->m_slots.size())
        inst->m_slots.resize(d->m_slot_index + 1);
    if (!value && !inst->m_slots[d->m_slot_index])
        return throw_error(g_AttributeError, "'%s' object has no attribute '%s'", obj.type()->m_name.c_str(), d->m_name->c_str());
    inst->m_slots[d->m_slot_index] = value;
    return ok();
}

static Result<Value> member_repr(Value self)
{
    auto* d = static_cast<MemberDescriptor*>(self.as_object());
    const char* kind = d->m_slot_index >= 0 ? "member" : "attribute";
    return Value(Str::create(std::string("<") + kind + " '" + d->m_name->data() + "' of '" + d->m_owner->m_name + "' objects>"));
}

void MemberDescriptor::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_owner);
    v.visit(m_name);
}

void init_native_function_types()
{
    g_builtin_function_type->call = native_call;
    g_builtin_function_type->repr = native_repr;
    g_method_descriptor_type->call = native_call;
    g_method_descriptor_type->descr_get = method_descriptor_get;
    g_method_descriptor_type->repr = native_repr;
    g_classmethod_descriptor_type->call = native_call;
    g_classmethod_descriptor_type->descr_get = classmethod_descriptor_get;
    g_classmethod_descriptor_type->repr = native_repr;
    for (Type* t : { g_builtin_function_type, g_method_descriptor_type, g_classmethod_descriptor_type }) {
        add_getset(t, "__name__", native_get_name);
        add_getset(t, "__qualname__", native_get_qualname);
        add_getset(t, "__self__", native_get_self);
        add_getset(t, "__doc__", native_get_doc);
        add_getset(t, "__module__", native_get_module);
    }
    g_member_descriptor_type->descr_get = member_get;
    g_member_descriptor_type->descr_set = member_set;
    g_member_descriptor_type->repr = member_repr;
    g_getset_descriptor_type->descr_get = member_get;
    g_getset_descriptor_type->descr_set = member_set;
    g_getset_descriptor_type->repr = member_repr;
}

} // namespace adder
