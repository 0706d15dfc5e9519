// Raising and inspecting Python exceptions from C++.
//
// A raised exception is stored as "pending" in the thread state and the
// raising function returns `pending` (which converts to any Result):
//     return throw_error(g_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(t).c_str());
// The message is printf-formatted. Exception type globals (g_TypeError, ...)
// come from src/builtins/exceptions.def.
#pragma once

#include <string>

#include "objects/object.h"

namespace adder {

#define ADDER_EXCEPTION(name, base, layout_fields) extern Type* g_##name;
#include "builtins/exceptions.def"
#undef ADDER_EXCEPTION

// Raises `type(message)` with a printf-style message. Returns `pending`.
Pending throw_error(Type* type, const char* format, ...) __attribute__((format(printf, 2, 3)));
// Raises `type(arg)` (any single argument, e.g. KeyError(key)).
Pending throw_error_value(Type* type, Value arg);
// Raises exception instance or class `exc` (as the `raise` statement does, without a cause).
Pending throw_exception(Value exc);
// Raises exception instance `exc`: sets its __context__ from the exception
// being handled (implicit chaining) and makes it pending.
void set_pending(Value exc);
// Makes `exc` pending again without touching its context (re-raise).
void restore_pending(Value exc);

// The pending exception (null if none).
Value pending_exception();
bool has_pending();
// Clears and returns the pending exception.
Value take_pending();
// True if the pending exception is an instance of `type` (or a subclass).
bool pending_matches(Type* type);

// TypeError "'X' object is not Y" helpers with CPython's wording.
Pending throw_type_not(Value obj, const char* what); // "'%s' object is not %s"
Pending throw_attribute_error(Value obj, Str* name);  // "'X' object has no attribute 'name'"
// "'X' object has no attribute 'name'" or "type object 'X' has no attribute 'name'" for types.

// The current "handled" exception (sys.exc_info()[1]), maintained by the VM.
Value handled_exception();

} // namespace adder
