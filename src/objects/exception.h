// BaseException instances and traceback objects. The hierarchy itself is
// builtins/exceptions.def; family-specific attributes (StopIteration.value,
// OSError.errno, SyntaxError.lineno, ...) are set by the family __init__ in
// src/builtins/exceptions.cpp and stored in the instance dict.
#pragma once

#include <span>
#include <string>

#include "objects/object.h"

namespace adder {

class Tuple;

class ExceptionObject : public Object {
public:
    explicit ExceptionObject(Type* type);
    void visit_edges(gc::Visitor& v) override;

    Tuple* m_args;
    Value m_traceback;  // Traceback or null
    Value m_context;
    Value m_cause;
    bool m_suppress_context = false;
    Value m_notes;
};

// One traceback entry (tb_next chain from the outermost frame to where it was raised).
class Traceback : public Object {
public:
    Traceback(Type* type) : Object(type) {}
    void visit_edges(gc::Visitor& v) override;
    Value m_next;        // Traceback or null
    Value m_code;        // Code object of the frame
    Value m_frame;       // frame object (tb_frame), or null
    Value m_globals;     // the frame's globals and builtins (NameError suggestions)
    Value m_builtins;
    int m_lasti = 0;     // instruction index
    int m_lineno = 0;
};

inline ExceptionObject* as_exception(Value v) { return static_cast<ExceptionObject*>(v.as_object()); }

// Creates an instance of exception type `type` with `args` without running
// Python code when `type` is a builtin exception (calls the type otherwise).
Result<Value> make_exception(Type* type, std::span<const Value> args);
// The exception's args[0] as the message, or str(exc).
Result<std::string> exception_str(Value exc);
// Sets __context__ of `exc` to `context` unless that would create a cycle (CPython's _PyErr_SetObject rules).
void exception_set_context(Value exc, Value context);
// Prepends a traceback entry for (code, lasti, lineno) to the exception's traceback.
// `frame` is the frame object (tb_frame), or null.
void exception_add_traceback(Value exc, Value code, int lasti, int lineno, Value globals = Value(), Value builtins = Value(),
                             Value frame = Value());

} // namespace adder
