// The native modules around the bytecode cache: importlib (with .util and
// .machinery), py_compile, compileall, dis and pycache (Adder's cache
// inspector/cleaner), plus the small helpers they share. Each create_*
// function builds a fresh module object; register_cache_modules() makes them
// importable by name (called once at start-up by imp::configure_cache).
#pragma once

#include <string>
#include <string_view>

#include "objects/function.h"
#include "objects/object.h"

namespace adder::cachemod {

void register_cache_modules();

Module* create_importlib_module();
Module* create_py_compile_module();
Module* create_compileall_module();
Module* create_dis_module();
Module* create_pycache_module();

// Raises the OSError subclass CPython picks for `err` (FileNotFoundError,
// PermissionError, IsADirectoryError, NotADirectoryError, FileExistsError,
// else OSError) as OSError(err, strerror(err), filename).
Pending raise_errno(int err, const std::string& filename);
// The text of a str argument `v`, or TypeError "NAME: expected str, got T".
Result<std::string> str_arg(Value v, const char* what);
// Writes `text` to sys.stdout / sys.stderr (the C streams if missing).
Status write_stdout(std::string_view text);
Status write_stderr(std::string_view text);
// Flushes sys.<name> ("stdout" / "stderr") if it exists.
Status flush_stream(const char* name);
// Raises SystemExit(code).
Pending system_exit(int code);
// sys.argv[1:] as strings (non-str items are skipped).
std::vector<std::string> script_args();
// Adds native function `name` to module `m`.
void add_function(Module* m, const char* name, NativeFn fn);

} // namespace adder::cachemod
