// Slow paths of the eval loop: name lookups in mapping namespaces, container
// building helpers, unpacking, f-string conversion, raise, calls with
// */** arguments, imports, exception matching (including except*), with,
// generators' SEND, and structural pattern matching (match_keys, match_class).
#include "vm/ops.h"

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/thread_state.h"
#include "objects/tuple.h"
#include "vm/interp.h"

namespace adder {
Dict* sys_modules();
Result<bool> set_contains_key(Value set, Value key);
Status exception_group_split(Value self, Value cond, Value& match, Value& rest, bool want_rest);
bool set_next(Value set, size_t& pos, Value& key);
Result<Value> make_set_from(Value iterable);
}

namespace adder::vm {

static Result<Value> mapping_get(Value mapping, Str* name)
{
    if (is_dict(mapping) && mapping.type() == g_dict_type)
        return as_dict(mapping)->get_str(name);
    Result<Value> r = get_item(mapping, Value(name));
    if (r.is_error() && pending_matches(g_KeyError)) {
        take_pending();
        return Value();
    }
    return r;
}

void set_name_error_name(Str* name)
{
    Value exc = pending_exception();
    if (exc && is_exception(exc)) {
        if (!exc.as_object()->dict())
            exc.as_object()->set_dict(Dict::create());
        exc.as_object()->dict()->set_str("name", Value(name));
    }
}

Result<Value> load_name(Frame* f, Str* name)
{
    if (!f->locals)
        return throw_error(g_SystemError, "no locals when loading '%s'", name->c_str());
    Value v = TRY(mapping_get(f->locals, name));
    if (v)
        return v;
    v = f->globals->get_str(name);
    if (v)
        return v;
    v = f->builtins->get_str(name);
    if (v)
        return v;
    throw_error(g_NameError, "name '%s' is not defined", name->c_str());
    set_name_error_name(name);
    return pending;
}

Status store_name(Frame* f, Str* name, Value v)
{
    if (!f->locals)
        return throw_error(g_SystemError, "no locals found when storing '%s'", name->c_str());
    if (is_dict(f->locals) && f->locals.type() == g_dict_type) {
        if (v) {
            as_dict(f->locals)->set_str(name, v);
            return ok();
        }
        if (!as_dict(f->locals)->del_str(name)) {
            throw_error(g_NameError, "name '%s' is not defined", name->c_str());
            set_name_error_name(name);
            return pending;
        }
        return ok();
    }
    if (v)
        return set_item(f->locals, Value(name), v);
    Status st = del_item(f->locals, Value(name));
    if (st.is_error() && pending_matches(g_KeyError)) {
        take_pending();
        throw_error(g_NameError, "name '%s' is not defined", name->c_str());
        set_name_error_name(name);
        return pending;
    }
    return st;
}

void raise_unbound_deref(Code* code, uint32_t index)
{
    Str* name = code->m_localsplusnames[index];
    if (code->m_unit->localspluskinds[index] & bytecode::CO_FAST_FREE)
        throw_error(g_NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                    name->c_str());
    else
        throw_error(g_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
                    name->c_str());
}

Result<Value> load_classderef(Frame* f, uint32_t index)
{
    Str* name = f->code->m_localsplusnames[index];
    if (f->locals) {
        Value v = TRY(mapping_get(f->locals, name));
        if (v)
            return v;
    }
    Value v = static_cast<CellObject*>(f->localsplus()[index].as_object())->m_value;
    if (!v) {
        raise_unbound_deref(f->code, index);
        return pending;
    }
    return v;
}

Status list_extend_op(Value list, Value iterable)
{
    if (!iterable.type()->iter && !iterable.type()->getitem)
        return throw_error(g_TypeError, "Value after * must be an iterable, not %s", iterable.type()->m_name.c_str());
    gc::MarkedVector items;
    TRY(collect_iterable(iterable, items));
    auto& dst = as_list(list)->items();
    dst.insert(dst.end(), items.begin(), items.end());
    return ok();
}

Status set_update_op(Value set, Value iterable)
{
    gc::MarkedVector items;
    TRY(collect_iterable(iterable, items));
    for (Value v : items)
        TRY(set_add(set, v));
    return ok();
}

Status dict_update_op(Value dict, Value update)
{
    if (is_dict(update))
        return as_dict(dict)->update(as_dict(update));
    Value keys = TRY(get_attr_optional(update, Str::intern("keys")));
    if (!keys)
        return throw_error(g_TypeError, "'%s' object is not a mapping", update.type()->m_name.c_str());
    Value ks = TRY(call(keys, std::span<const Value>()));
    gc::MarkedVector key_list;
    TRY(collect_iterable(ks, key_list));
    for (Value k : key_list) {
        Value v = TRY(get_item(update, k));
        TRY(as_dict(dict)->set(k, v));
    }
    return ok();
}

// _PyObject_FunctionStr: "module.qualname()" (no module for builtins).
static std::string func_desc(Value func)
{
    Result<Value> qn = get_attr_optional(func, Str::intern("__qualname__"));
    if (qn.is_ok() && qn.value() && is_str(qn.value())) {
        Result<Value> mod = get_attr_optional(func, Str::intern("__module__"));
        if (mod.is_error())
            take_pending();
        else if (mod.value() && is_str(mod.value()) && as_str(mod.value())->view() != "builtins")
            return as_str(mod.value())->data() + "." + as_str(qn.value())->data() + "()";
        return as_str(qn.value())->data() + "()";
    }
    if (qn.is_error())
        take_pending();
    return func.type()->m_name + " object";
}

Status dict_merge_op(Value dict, Value update, Value func)
{
    Dict* d = as_dict(dict);
    gc::MarkedVector keys, values;
    if (is_dict(update)) {
        Dict::Entry e;
        for (size_t pos = 0; as_dict(update)->next_entry(pos, e);) {
            keys.push_back(e.key);
            values.push_back(e.value);
        }
    } else {
        Value kf = TRY(get_attr_optional(update, Str::intern("keys")));
        if (!kf)
            return throw_error(g_TypeError, "%s argument after ** must be a mapping, not %s", func_desc(func).c_str(),
                               update.type()->m_name.c_str());
        Value ks = TRY(call(kf, std::span<const Value>()));
        TRY(collect_iterable(ks, keys));
        for (Value k : keys) {
            Value v = TRY(get_item(update, k));
            values.push_back(v);
        }
    }
    for (size_t i = 0; i < keys.size(); ++i) {
        if (!is_str(keys[i]))
            return throw_error(g_TypeError, "keywords must be strings");
        Value existing = TRY(d->get(keys[i]));
        if (existing)
            return throw_error(g_TypeError, "%s got multiple values for keyword argument '%s'", func_desc(func).c_str(),
                               as_str(keys[i])->c_str());
        TRY(d->set(keys[i], values[i]));
    }
    return ok();
}

Status unpack_iterable(Value seq, int before, int after, Value* out)
{
    if (!seq.type()->iter && !seq.type()->getitem)
        return throw_error(g_TypeError, "cannot unpack non-iterable %s object", seq.type()->m_name.c_str());
    Value it = TRY(get_iter(seq));
    gc::MarkedVector items;
    for (int i = 0; i < before; ++i) {
        Value x = TRY(iter_next(it));
        if (!x) {
            if (after < 0)
                return throw_error(g_ValueError, "not enough values to unpack (expected %d, got %d)", before, i);
            return throw_error(g_ValueError, "not enough values to unpack (expected at least %d, got %d)", before + after, i);
        }
        items.push_back(x);
    }
    if (after < 0) {
        Value extra = TRY(iter_next(it));
        if (extra)
            return throw_error(g_ValueError, "too many values to unpack (expected %d)", before);
        for (int i = 0; i < before; ++i)
            out[i] = items[size_t(before - 1 - i)];
        return ok();
    }
    gc::MarkedVector rest;
    for (;;) {
        Value x = TRY(iter_next(it));
        if (!x)
            break;
        rest.push_back(x);
    }
    if (int(rest.size()) < after)
        return throw_error(g_ValueError, "not enough values to unpack (expected at least %d, got %d)", before + after,
                           before + int(rest.size()));
    // Stack order: the last "after" item deepest ... first item on top.
    int total = before + 1 + after;
    std::vector<Value> ordered(items.begin(), items.end());
    List* star = List::create(std::span<const Value>(rest.data(), rest.size() - size_t(after)));
    ordered.push_back(Value(star));
    for (size_t i = rest.size() - size_t(after); i < rest.size(); ++i)
        ordered.push_back(rest[i]);
    for (int i = 0; i < total; ++i)
        out[i] = ordered[size_t(total - 1 - i)];
    return ok();
}

Result<Value> format_value_op(Value v, int conversion, Value spec)
{
    if (conversion == 1)
        v = TRY(to_str(v));
    else if (conversion == 2)
        v = TRY(repr(v));
    else if (conversion == 3)
        v = TRY(ascii(v));
    if (!spec && is_str(v) && v.type() == g_str_type)
        return v;
    return format(v, spec);
}

bool do_raise(Value exc, Value cause, bool has_cause)
{
    ThreadState& ts = thread();
    if (!exc) {
        if (!ts.handled) {
            throw_error(g_RuntimeError, "No active exception to reraise");
            return false;
        }
        restore_pending(ts.handled);
        return true;
    }
    Value value;
    if (is_type(exc)) {
        if (!as_type(exc)->is_subtype_of(g_BaseException)) {
            throw_error(g_TypeError, "exceptions must derive from BaseException");
            return false;
        }
        Result<Value> inst = call(exc, std::span<const Value>());
        if (inst.is_error())
            return false;
        value = inst.value();
        if (!is_exception(value)) {
            throw_error(g_TypeError, "calling %s should have returned an instance of BaseException, not %s",
                        as_type(exc)->m_name.c_str(), value.type()->m_name.c_str());
            return false;
        }
    } else if (is_exception(exc)) {
        value = exc;
    } else {
        throw_error(g_TypeError, "exceptions must derive from BaseException");
        return false;
    }
    if (has_cause) {
        Value fixed;
        if (is_type(cause)) {
            if (!as_type(cause)->is_subtype_of(g_BaseException)) {
                throw_error(g_TypeError, "exception causes must derive from BaseException");
                return false;
            }
            Result<Value> inst = call(cause, std::span<const Value>());
            if (inst.is_error())
                return false;
            fixed = inst.value();
        } else if (is_exception(cause)) {
            fixed = cause;
        } else if (is_none(cause)) {
            fixed = Value();
        } else {
            throw_error(g_TypeError, "exception causes must derive from BaseException");
            return false;
        }
        as_exception(value)->m_cause = fixed;
        as_exception(value)->m_suppress_context = true;
    }
    set_pending(value);
    return false;
}

Result<Value> call_function_ex(Value func, Value args, Value kwargs)
{
    Tuple* targs;
    if (is_tuple(args))
        targs = as_tuple(args);
    else {
        if (!args.type()->iter && !args.type()->getitem)
            return throw_error(g_TypeError, "%s argument after * must be an iterable, not %s", func_desc(func).c_str(),
                               args.type()->m_name.c_str());
        gc::MarkedVector items;
        TRY(collect_iterable(args, items));
        targs = Tuple::create(std::span<const Value>(items.data(), items.size()));
    }
    Dict* kw = nullptr;
    if (kwargs) {
        if (is_dict(kwargs))
            kw = as_dict(kwargs);
        else {
            kw = Dict::create();
            TRY(dict_merge_op(Value(kw), kwargs, func));
        }
    }
    return call_tuple_dict(func, targs, kw);
}

Status setup_annotations(Frame* f)
{
    Str* name = Str::intern("__annotations__");
    Value v = TRY(mapping_get(f->locals, name));
    if (!v)
        TRY(store_name(f, name, Value(Dict::create())));
    return ok();
}

Result<Value> import_name_op(Frame* f, Str* name, Value fromlist, Value level)
{
    Value import_fn = f->builtins->get_str("__import__");
    if (!import_fn)
        return throw_error(g_ImportError, "__import__ not found");
    int64_t lvl = TRY(int_as_i64(level));
    // The default __import__ goes straight to the import system.
    if (import_fn.type() == g_builtin_function_type && import_hook())
        return import_hook()(name, Value(f->globals), f->locals ? f->locals : none(), fromlist, int(lvl));
    Value args[5] = { Value(name), Value(f->globals), f->locals ? f->locals : none(), fromlist, level };
    return call(import_fn, std::span<const Value>(args, 5));
}

Result<Value> import_from_op(Value module, Str* name)
{
    Result<Value> r = get_attr(module, name);
    if (r.is_ok() || !pending_matches(g_AttributeError))
        return r;
    take_pending();
    // A submodule imported by a circular import may not be bound yet.
    Value pkgname = TRY(get_attr_optional(module, Str::intern("__name__")));
    if (pkgname && is_str(pkgname)) {
        std::string full = as_str(pkgname)->data() + "." + name->data();
        if (Dict* mods = sys_modules()) {
            Value m = mods->get_str(Str::create(full));
            if (m)
                return m;
        }
    }
    std::string mod = pkgname && is_str(pkgname) ? as_str(pkgname)->data() : "<unknown module name>";
    Value file = TRY(get_attr_optional(module, Str::intern("__file__")));
    Value exc;
    if (file && is_str(file))
        throw_error(g_ImportError, "cannot import name '%s' from '%s' (%s)", name->c_str(), mod.c_str(), as_str(file)->c_str());
    else
        throw_error(g_ImportError, "cannot import name '%s' from '%s' (unknown location)", name->c_str(), mod.c_str());
    exc = pending_exception();
    if (exc && exc.as_object()->dict()) {
        exc.as_object()->dict()->set_str("name", pkgname ? pkgname : none());
        exc.as_object()->dict()->set_str("path", file ? file : none());
    }
    return pending;
}

Status import_star_op(Frame* f, Value module)
{
    Value all = TRY(get_attr_optional(module, Str::intern("__all__")));
    gc::MarkedVector names;
    bool skip_private = false;
    if (all) {
        TRY(collect_iterable(all, names));
    } else {
        Value d = TRY(get_attr_optional(module, Str::intern("__dict__")));
        if (!d || !is_dict(d))
            return throw_error(g_ImportError, "from-import-* object has no __dict__ and no __all__");
        Dict::Entry e;
        for (size_t pos = 0; as_dict(d)->next_entry(pos, e);)
            names.push_back(e.key);
        skip_private = true;
    }
    for (Value n : names) {
        if (!is_str(n))
            return throw_error(g_TypeError, "Item in %s.__all__ must be str, not %s", "module", n.type()->m_name.c_str());
        Str* s = Str::intern(as_str(n));
        if (skip_private && s->view().starts_with("_"))
            continue;
        Value v = TRY(get_attr(module, s));
        TRY(store_name(f, s, v));
    }
    return ok();
}

static Status check_except_type_valid(Value type)
{
    if (is_tuple(type)) {
        for (Value t : as_tuple(type)->items())
            if (!is_type(t) || !as_type(t)->is_subtype_of(g_BaseException))
                return throw_error(g_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return ok();
    }
    if (!is_type(type) || !as_type(type)->is_subtype_of(g_BaseException))
        return throw_error(g_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return ok();
}

Result<bool> exception_matches(Value exc, Value type)
{
    TRY(check_except_type_valid(type));
    if (is_tuple(type)) {
        for (Value t : as_tuple(type)->items())
            if (exc.type()->is_subtype_of(as_type(t)))
                return true;
        return false;
    }
    return exc.type()->is_subtype_of(as_type(type));
}

Status check_eg_match(Value eg, Value type, Value& match, Value& rest)
{
    TRY(check_except_type_valid(type));
    bool is_group = eg.type()->is_subtype_of(g_BaseExceptionGroup);
    if (is_tuple(type)) {
        for (Value t : as_tuple(type)->items())
            if (as_type(t)->is_subtype_of(g_BaseExceptionGroup))
                return throw_error(g_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    } else if (as_type(type)->is_subtype_of(g_BaseExceptionGroup)) {
        return throw_error(g_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    }
    bool direct = TRY(exception_matches(eg, type));
    if (direct) {
        if (is_group) {
            match = eg;
        } else {
            // A naked exception is wrapped in an ExceptionGroup('', [exc]).
            Value excs = Value(Tuple::create({ eg }));
            Value args[2] = { Value(Str::empty()), excs };
            match = TRY(call(Value(g_BaseExceptionGroup), std::span<const Value>(args, 2)));
            as_exception(match)->m_traceback = as_exception(eg)->m_traceback;
        }
        rest = none();
        thread().handled = match;
        return ok();
    }
    if (!is_group) {
        match = none();
        rest = eg;
        return ok();
    }
    Value m, r;
    TRY(exception_group_split(eg, type, m, r, true));
    match = m ? m : none();
    rest = r ? r : none();
    if (m)
        thread().handled = m;
    return ok();
}

// Simplified _PyExc_PrepReraiseStar: raised exceptions that are not the
// original's leaves are kept as new; re-raised ones are grouped back.
Result<Value> prep_reraise_star(Value orig, Value list)
{
    gc::MarkedVector raised;
    for (Value v : as_list(list)->items())
        if (!is_none(v))
            raised.push_back(v);
    if (raised.size() == 0)
        return none();
    if (!orig.type()->is_subtype_of(g_BaseExceptionGroup)) {
        return raised[0];
    }
    if (raised.size() == 1 && raised[0].is(orig))
        return orig;
    Value args[2] = { Value(Str::empty()), Value(List::create(std::span<const Value>(raised.data(), raised.size()))) };
    // Re-raised parts of orig keep orig's message.
    bool all_from_orig = true;
    for (Value r : raised)
        if (!r.type()->is_subtype_of(g_BaseExceptionGroup) || as_exception(r)->m_traceback != as_exception(orig)->m_traceback)
            all_from_orig = false;
    if (raised.size() == 1)
        return raised[0];
    if (all_from_orig) {
        Value excs = Value(List::create());
        for (Value r : raised) {
            Value sub = TRY(get_attr(r, Str::intern("exceptions")));
            gc::MarkedVector items;
            TRY(collect_iterable(sub, items));
            for (Value x : items)
                as_list(excs)->append(x);
        }
        return call_method(orig, "derive", { excs });
    }
    return call(Value(g_BaseExceptionGroup), std::span<const Value>(args, 2));
}

Status before_with(Value mgr, Value& exit_fn, Value& enter_res, bool async)
{
    Type* t = mgr.type();
    Str* enter_name = Str::intern(async ? "__aenter__" : "__enter__");
    Str* exit_name = Str::intern(async ? "__aexit__" : "__exit__");
    Value enter = type_lookup(t, enter_name);
    if (!enter)
        return throw_error(g_TypeError,
                           async ? "'%s' object does not support the asynchronous context manager protocol"
                                 : "'%s' object does not support the context manager protocol",
                           t->m_name.c_str());
    Value exit = type_lookup(t, exit_name);
    if (!exit)
        return throw_error(g_TypeError,
                           async ? "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
                                 : "'%s' object does not support the context manager protocol (missed __exit__ method)",
                           t->m_name.c_str());
    if (DescrGetFn get = exit.type()->descr_get)
        exit = TRY(get(exit, mgr, Value(t)));
    exit_fn = exit;
    if (DescrGetFn get = enter.type()->descr_get)
        enter = TRY(get(enter, mgr, Value(t)));
    enter_res = TRY(call(enter, std::span<const Value>()));
    if (async)
        enter_res = TRY(get_awaitable(enter_res, 1));
    return ok();
}

Result<Value> get_yield_from_iter(Frame* f, Value v)
{
    if (v.type() == g_coroutine_type) {
        if (!(f->code->m_flags & (bytecode::CO_COROUTINE | bytecode::CO_ITERABLE_COROUTINE)))
            return throw_error(g_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        return v;
    }
    if (v.type() == g_generator_type)
        return v;
    return get_iter(v);
}

Result<Value> send_op(Value receiver, Value v, bool& returned)
{
    returned = false;
    Type* t = receiver.type();
    if (t == g_generator_type || t == g_coroutine_type) {
        return gen_send_ex(static_cast<Generator*>(receiver.as_object()), v, returned);
    }
    Result<Value> r = pending;
    if (is_none(v) && t->iternext) {
        r = t->iternext(receiver);
        if (r.is_ok() && !r.value()) {
            returned = true;
            return none();
        }
    } else {
        r = call_method(receiver, "send", { v });
    }
    if (r.is_error() && pending_matches(g_StopIteration)) {
        Value exc = take_pending();
        Tuple* args = as_exception(exc)->m_args;
        returned = true;
        return args && args->size() ? args->at(0) : none();
    }
    return r;
}

Result<Value> match_keys(Value subject, Value keys)
{
    Tuple* kt = as_tuple(keys);
    if (kt->size() == 0)
        return Value(Tuple::empty());
    Value get = TRY(get_attr(subject, Str::intern("get")));
    Value dummy = Value(make<Object>(g_object_type));
    gc::MarkedVector values;
    Value seen = TRY(make_set_from(Value(Tuple::empty())));
    for (Value k : kt->items()) {
        bool dup = TRY(set_contains_key(seen, k));
        if (dup) {
            std::string r = TRY(repr_text(k));
            return throw_error(g_ValueError, "mapping pattern checks duplicate key (%s)", r.c_str());
        }
        TRY(set_add(seen, k));
        Value v = TRY(call(get, { k, dummy }));
        if (v.is(dummy))
            return none();
        values.push_back(v);
    }
    return Value(Tuple::create(std::span<const Value>(values.data(), values.size())));
}

static Result<Value> match_class_attr(Value subject, Type* type, Value name, Value seen)
{
    bool dup = TRY(set_contains_key(seen, name));
    if (dup)
        return throw_error(g_TypeError, "%s() got multiple sub-patterns for attribute %s", type->m_name.c_str(),
                           TRY(repr_text(name)).c_str());
    TRY(set_add(seen, name));
    return get_attr_optional(subject, Str::intern(as_str(name)));
}

Result<Value> match_class(Value subject, Value cls, int nargs, Value kwargs)
{
    if (!is_type(cls))
        return throw_error(g_TypeError, "called match pattern must be a class");
    Type* type = as_type(cls);
    bool inst = TRY(is_instance(subject, cls));
    if (!inst)
        return none();
    gc::MarkedVector attrs;
    Value seen = TRY(make_set_from(Value(Tuple::empty())));
    bool match_self = false;
    if (nargs) {
        Value match_args = TRY(get_attr_optional(cls, Str::intern("__match_args__")));
        if (match_args) {
            if (!is_tuple(match_args))
                return throw_error(g_TypeError, "%s.__match_args__ must be a tuple (got %s)", type->m_name.c_str(),
                                   match_args.type()->m_name.c_str());
        } else {
            // Builtins that match themselves (bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple).
            for (Type* t : { g_bool_type, g_bytearray_type, g_bytes_type, g_dict_type, g_float_type, g_frozenset_type, g_int_type,
                             g_list_type, g_set_type, g_str_type, g_tuple_type })
                if (type->is_subtype_of(t))
                    match_self = true;
            match_args = Value(Tuple::empty());
        }
        size_t allowed = match_self ? 1 : as_tuple(match_args)->size();
        if (size_t(nargs) > allowed)
            return throw_error(g_TypeError, "%s() accepts %zu positional sub-pattern%s (%d given)", type->m_name.c_str(), allowed,
                               allowed == 1 ? "" : "s", nargs);
        if (match_self)
            attrs.push_back(subject);
        else {
            for (int i = 0; i < nargs; ++i) {
                Value name = as_tuple(match_args)->at(size_t(i));
                if (!is_str(name))
                    return throw_error(g_TypeError, "__match_args__ elements must be strings (got %s)", name.type()->m_name.c_str());
                Value v = TRY(match_class_attr(subject, type, name, seen));
                if (!v)
                    return none();
                attrs.push_back(v);
            }
        }
    }
    for (Value name : as_tuple(kwargs)->items()) {
        Value v = TRY(match_class_attr(subject, type, name, seen));
        if (!v)
            return none();
        attrs.push_back(v);
    }
    return Value(Tuple::create(std::span<const Value>(attrs.data(), attrs.size())));
}

} // namespace adder::vm
