// The objects importlib attaches to a module: `__spec__` (a ModuleSpec with
// name, loader, origin, submodule_search_locations, cached, parent,
// has_location) and `__loader__` (a SourceFileLoader or SourcelessFileLoader
// with name, path and the get_filename / get_data / get_source / is_package
// methods that linecache, inspect and pkgutil-style code use). Native classes
// created once, shown as importlib.machinery.ModuleSpec and friends.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "objects/object.h"

namespace adder::imp {

enum class LoaderKind { Source, Sourceless, Namespace };

// A loader instance for module `name` at `path` (empty path for Namespace).
Result<Value> make_loader(LoaderKind kind, const std::string& name, const std::string& path);

// A ModuleSpec. `origin` nullopt = None; `search_locations` set for
// packages; `cached` nullopt = None.
Result<Value> make_module_spec(const std::string& name, Value loader, const std::optional<std::string>& origin,
    const std::optional<std::vector<std::string>>& search_locations, const std::optional<std::string>& cached);

// The same with the strings already made (null `origin` / `cached` = None),
// so one import's loader, spec and __cached__ share them as CPython's do.
Result<Value> make_loader(LoaderKind kind, Str* name, Str* path);
Result<Value> make_module_spec(Str* name, Value loader, Str* origin,
    const std::optional<std::vector<std::string>>& search_locations, Str* cached);

// The classes (for importlib.machinery): "ModuleSpec", "SourceFileLoader",
// "SourcelessFileLoader", "NamespaceLoader". Null if creation failed.
Value spec_class(const char* name);

} // namespace adder::imp
