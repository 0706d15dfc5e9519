// Registering Python-visible methods on builtin types and parsing their
// arguments.
//
// A native method has the signature
//     Result<Value> fn(Value self, CallArgs args)
// (self is the instance for methods, the type for classmethods, null for
// static functions). Register it before type_ready() or at any time after:
//     add_method(g_str_type, "upper", str_upper);
// Parse arguments with parse_args (CPython's argument-clinic messages):
//     Value sep, maxsplit;
//     TRY(parse_args(args, "split", {"sep", "maxsplit"}, 0, {&sep, &maxsplit}));
// Missing optional arguments stay null.
#pragma once

#include <initializer_list>
#include <string>

#include "objects/object.h"

namespace adder {

using NativeFn = Result<Value> (*)(Value self, CallArgs args);

enum class MethodKind : uint8_t { Instance, Class, Static };

// A builtin function or a method descriptor of a builtin type.
class NativeFunction : public Object {
public:
    using GcTriviallySweepable = NativeFunction; // owns no memory: the sweep skips ~NativeFunction
    NativeFunction(Type* type, Str* name, NativeFn fn, Value self, MethodKind kind, Type* owner)
        : Object(type), m_name(name), m_fn(fn), m_self(self), m_kind(kind), m_owner(owner) {}
    void visit_edges(gc::Visitor& v) override;

    Str* m_name;
    NativeFn m_fn;
    Value m_self;       // bound self (builtin functions: the module or null)
    MethodKind m_kind;
    Type* m_owner;      // the type of a method descriptor (null for functions)
    Str* m_doc = nullptr;
};

// Adds method `name` (instance method unless `kind` says otherwise) to `type`'s dict.
void add_method(Type* type, const char* name, NativeFn fn, MethodKind kind = MethodKind::Instance);
// Adds a read-only (setter null) or read-write attribute computed by C++.
using GetterFn = Result<Value> (*)(Value self);
using SetterFn = Status (*)(Value self, Value value); // value null = delete
void add_getset(Type* type, const char* name, GetterFn getter, SetterFn setter = nullptr);
// A builtin function object (module-level function) named `name`.
NativeFunction* make_native_function(const char* name, NativeFn fn, Value self = Value());

// Binds `args` to `names` (positional or keyword; the first `posonly` names are
// positional-only); the first `required` are mandatory. Writes each into *outs[i]
// (null when not given). Raises TypeError with CPython's messages on misuse.
Status parse_args(CallArgs args, const char* fname, std::initializer_list<const char*> names, size_t required,
                  std::initializer_list<Value*> outs, size_t posonly = 0);
// Raises "f() takes no keyword arguments" if any keyword was passed.
Status no_keywords(CallArgs args, const char* fname);
// Checks a positional-only arity range: "f expected at most N arguments, got M".
Status check_arity_slow(CallArgs args, const char* fname, size_t min, size_t max);
// Inline so that the common, valid call costs two compares.
inline Status check_arity(CallArgs args, const char* fname, size_t min, size_t max)
{
    if (!args.kwnames && args.nargs >= min && args.nargs <= max) [[likely]]
        return ok();
    return check_arity_slow(args, fname, min, max);
}

} // namespace adder
