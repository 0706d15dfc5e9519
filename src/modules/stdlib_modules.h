// The native standard-library modules (time, errno, _thread, _weakref,
// itertools, _collections, posix, ...) that the pure-Python stdlib imports.
// Each module lives in its own src/modules/<name>.cpp and exposes a
// `Module* create_<name>_module()`; register_stdlib_modules() registers them
// all. Shared helpers used by those files are declared here too.
#pragma once

#include "objects/function.h"
#include "objects/methods.h"
#include "objects/object.h"

namespace adder {

// Registers every module of this family with imp::register_native_module.
// Called once at startup by the runtime.
void register_stdlib_modules();

namespace stdmod {

// Adds builtin function `name` to module `m`.
void def(Module* m, const char* name, NativeFn fn);
// Executes Python `source` in `m`'s namespace (a prelude holding the parts of
// a module that are simplest and exact enough in Python). Returns pending on error.
Status run_prelude(Module* m, const char* source);
// Raises the OSError subclass CPython picks for errno `err` (FileNotFoundError,
// ...), with strerror text and optional `filename` (null = none).
Pending raise_os_error(int err, Value filename = Value(), Value filename2 = Value());
// Makes the global `*slot` a GC root (for Values a module caches in a C++ global).
void root(Value* slot);

} // namespace stdmod
} // namespace adder
