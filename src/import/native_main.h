// `-m` entry points of native modules (py_compile, compileall, dis,
// pycache): runpy would run a module's source as __main__, but a native
// module has none, so run_module asks here first and, for these names,
// imports the module and calls its `_main()` callable instead. sys.argv is
// left as the CLI set it (argv[0] replaced by the module name).
#pragma once

#include <string_view>

#include "objects/object.h"

namespace adder::imp {

// True when `name` is a native module that provides a `_main` entry point.
bool is_native_main_module(std::string_view name);

// Imports native module `name` and calls its `_main()`. Returns its result,
// or pending (SystemExit carries the exit status).
Result<Value> run_native_main(std::string_view name);

} // namespace adder::imp
