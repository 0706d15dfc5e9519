// The code-loading half of the import system with the bytecode cache plugged
// in (spec pycache.md §1, §4-§7): SourceFileLoader.get_code and
// SourcelessFileLoader.get_code. One PycCache per interpreter; its switches
// come from the Config at startup and, for the ones a program may change at
// run time (sys.dont_write_bytecode, sys.pycache_prefix), from `sys` at every
// load. `-v` lines go to sys.stderr in CPython's shapes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adder/adder.h"
#include "cache/pyc_cache.h"
#include "objects/function.h"
#include "objects/object.h"

namespace adder::imp {

// Records the start-up switches (optimize, verbose, check_hash_based_pycs,
// the initial dont_write_bytecode / pycache_prefix). Called once by
// runtime::startup after sys exists.
void configure_cache(const Config& config);

// The interpreter's cache, with the run-time switches re-read from `sys`.
cache::PycCache& pyc_cache();

// Verbosity (-v count) given at start-up.
int verbose_level();

// Writes `line` plus a newline to sys.stderr (or the C stderr when sys.stderr
// is missing); errors while writing are swallowed, as CPython's
// _verbose_message does.
void verbose_message(std::string_view line);

// The value for `__cached__` of a module loaded from `path`: the cache path
// under the current options for a source, `path` itself for a legacy .pyc,
// nullopt when no cache path exists (C16).
std::optional<std::string> cached_for(const std::string& path);

// True when `path` names a legacy cache file (ends in ".pyc").
bool is_sourceless_path(std::string_view path);

// What one import learnt about its cache file while setting __cached__,
// handed on to load_code_cached() so it is not worked out twice (nothing
// runs in between that could change sys.implementation or the options).
struct CachedPath {
    bool no_tag = false;              // cache_tag_is_none()
    std::optional<std::string> path;  // cached_for(path)
};

// Loads the code of module `module_name` from `path` (a source file or a
// legacy .pyc): on a source, a cache hit is returned lazily (only the
// module's own code is decoded; nested code on first use, with a silent
// recompile if a record is bad: objects/function.h), a miss compiles
// the source and writes the cache file before returning (rule C17). Raises
// SyntaxError, ImportError (sourceless problems, unreadable source) or
// OSError and returns pending on failure.
// `found_stat`, if not null, is the finder's stat of `path` taken just
// before (used instead of stat()ing the source again). `known`, if not
// null, is set_module_spec_attrs()'s CachedPath for the same path.
Result<Code*> load_code_cached(const std::string& path, std::string_view module_name,
    const cache::FileStat* found_stat = nullptr, const CachedPath* known = nullptr);

// Sets `__cached__`, `__loader__` and `__spec__` in the namespace `d` of
// module `spec_name` loaded from `path` (a source or a legacy .pyc);
// `search_locations` is the package's __path__ (nullopt for a module).
// __file__, __path__ and __package__ are the caller's. `out` (optional)
// receives the cache path worked out, for load_code_cached().
Status set_module_spec_attrs(Dict* d, const std::string& spec_name, const std::string& path,
    const std::optional<std::vector<std::string>>& search_locations, CachedPath* out = nullptr);

// Spec S7: `adder FILE` runs FILE as bytecode when its name ends in ".pyc"
// or its first two bytes are the low 16 bits of Adder's magic.
bool is_pyc_script(const std::string& path, std::string_view data);

// The code of cache file `path` run as a script (S7). Raises RuntimeError
// "Bad magic number in .pyc file" or "Bad code object in .pyc file".
Result<Code*> load_pyc_script(const std::string& path);

// True when sys.implementation.cache_tag is None: caching is off (C16).
bool cache_tag_is_none();

// Makes `path` absolute the way importlib's _path_abspath does: prefixes the
// cwd and a '/' to a relative path, no normalisation.
std::string absolute_path(const std::string& path);

} // namespace adder::imp
