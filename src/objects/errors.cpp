// Raising exceptions from C++: printf-style messages, the pending exception in
// the thread state, and the standard TypeError/AttributeError wordings.
#include "objects/errors.h"

#include <cstdarg>
#include <cstdio>

#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/thread_state.h"
#include "objects/tuple.h"

namespace adder {

#define ADDER_EXCEPTION(name, base, extra) Type* g_##name;
#include "builtins/exceptions.def"
#undef ADDER_EXCEPTION

void set_pending(Value exc)
{
    ThreadState& ts = thread();
    // Implicit chaining, as CPython's _PyErr_SetObject: the exception being
    // handled becomes the new exception's __context__.
    if (ts.handled && is_exception(exc) && !ts.handled.is(exc))
        exception_set_context(exc, ts.handled);
    ts.pending = exc;
}

void restore_pending(Value exc) { thread().pending = exc; }

Value pending_exception() { return thread().pending; }
bool has_pending() { return bool(thread().pending); }

Value take_pending()
{
    Value v = thread().pending;
    thread().pending = Value();
    return v;
}

bool pending_matches(Type* type)
{
    Value p = thread().pending;
    return p && p.type()->is_subtype_of(type);
}

Value handled_exception() { return thread().handled; }

Pending throw_error_value(Type* type, Value arg)
{
    Result<Value> exc = arg ? make_exception(type, std::span<const Value>(&arg, 1)) : make_exception(type, {});
    if (exc.is_error())
        return pending;
    set_pending(exc.release_value());
    return pending;
}

Pending throw_error(Type* type, const char* format, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, format);
    int n = std::vsnprintf(buf, sizeof buf, format, ap);
    va_end(ap);
    std::string msg;
    if (n >= int(sizeof buf)) {
        msg.resize(size_t(n) + 1);
        va_start(ap, format);
        std::vsnprintf(msg.data(), msg.size(), format, ap);
        va_end(ap);
        msg.resize(size_t(n));
    } else {
        msg.assign(buf, n < 0 ? 0 : size_t(n));
    }
    return throw_error_value(type, Value(Str::create(msg)));
}

Pending throw_exception(Value exc)
{
    if (is_type(exc)) {
        Type* t = as_type(exc);
        if (!t->is_subtype_of(g_BaseException))
            return throw_error(g_TypeError, "exceptions must derive from BaseException");
        Value inst = TRY(call(exc, std::span<const Value>()));
        if (!is_exception(inst))
            return throw_error(g_TypeError, "calling %s should have returned an instance of BaseException, not %s",
                               t->m_name.c_str(), inst.type()->m_name.c_str());
        set_pending(inst);
        return pending;
    }
    if (!is_exception(exc))
        return throw_error(g_TypeError, "exceptions must derive from BaseException");
    set_pending(exc);
    return pending;
}

Pending throw_type_not(Value obj, const char* what)
{
    return throw_error(g_TypeError, "'%s' object is not %s", obj.type()->m_name.c_str(), what);
}

Pending throw_attribute_error(Value obj, Str* name)
{
    Pending p;
    if (is_type(obj))
        p = throw_error(g_AttributeError, "type object '%s' has no attribute '%s'", as_type(obj)->m_name.c_str(), name->c_str());
    else if (obj.type()->m_layout == Layout::Module) {
        extern std::string module_name_of(Value m);
        p = throw_error(g_AttributeError, "module '%s' has no attribute '%s'", module_name_of(obj).c_str(), name->c_str());
    } else
        p = throw_error(g_AttributeError, "'%s' object has no attribute '%s'", obj.type()->m_name.c_str(), name->c_str());
    Value exc = pending_exception();
    if (exc && exc.is_object() && exc.as_object()->dict()) {
        exc.as_object()->dict()->set_str("name", Value(name));
        exc.as_object()->dict()->set_str("obj", obj);
    }
    return p;
}

} // namespace adder
