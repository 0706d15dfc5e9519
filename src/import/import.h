// The import system (minimal, CPython's importlib._bootstrap semantics):
// native module registry, sys.path search for NAME.py and NAME/__init__.py,
// packages and relative imports, fromlist handling, and the error messages.
// Source loading goes through load_module_code() so the bytecode cache can
// plug in there.
#pragma once

#include <string>

#include "cache/file_system.h"
#include "objects/function.h"
#include "objects/object.h"

namespace adder::imp {

struct CachedPath; // source_loader.h

using NativeModuleInit = Module* (*)();
// Registers a native module created on first import by `init`.
void register_native_module(const char* name, NativeModuleInit init);
// __import__(name, globals, locals, fromlist, level).
Result<Value> import_module_level(Str* name, Value globals, Value locals, Value fromlist, int level);
// Imports absolute dotted `name` and returns the module itself (not the top package).
Result<Value> import_module(std::string_view name);
// Finds `name` (a top-level module) on sys.path: returns the path of its
// source file (NAME.py or NAME/__init__.py) or empty; `is_package` set.
std::string find_module_source(std::string_view name, bool& is_package);
// The code of module `module_name` at `path` (a source, or a legacy .pyc),
// through the bytecode cache: see source_loader.h (load_code_cached).
// `found_stat`: the finder's stat of `path` taken just before, if any (saves
// a second stat of the source). `known`: the CachedPath set_module_spec_attrs
// worked out for `path`, if any.
Result<Code*> load_module_code(const std::string& path, std::string_view module_name,
    const cache::FileStat* found_stat = nullptr, const CachedPath* known = nullptr);
// Installs the import hook into the VM.
void init_import();

} // namespace adder::imp
