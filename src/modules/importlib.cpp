// The importlib package, natively: import_module, reload and
// invalidate_caches, with the submodules importlib.util (cache_from_source,
// source_from_cache, source_hash, MAGIC_NUMBER) and importlib.machinery (the
// suffix lists). Both submodules are put into sys.modules when importlib is
// created, so `import importlib.util` finds them there.
// FIXME: find_spec covers imported modules and top-level names only; the
// machinery classes cannot be instantiated usefully from Python.
#include "modules/cache_modules.h"

#include <unistd.h>

#include "cache/magic.h"
#include "cache/paths.h"
#include "cache/source_hash.h"
#include "import/import.h"
#include "import/module_spec.h"
#include "import/source_loader.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/interp.h"

namespace adder {
Dict* sys_dict();
Dict* sys_modules();
} // namespace adder

namespace adder::cachemod {

namespace {

// importlib._bootstrap._resolve_name.
Result<std::string> resolve_name(const std::string& name, Value package)
{
    size_t level = 0;
    while (level < name.size() && name[level] == '.')
        ++level;
    if (level == 0)
        return name;
    if (!package || is_none(package))
        return throw_error(g_TypeError,
            "the 'package' argument is required to perform a relative import for '%s'", name.c_str());
    std::string base = TRY(str_arg(package, "import_module"));
    for (size_t i = 1; i < level; ++i) {
        size_t dot = base.rfind('.');
        if (dot == std::string::npos)
            return throw_error(g_ImportError, "attempted relative import beyond top-level package");
        base.resize(dot);
    }
    std::string rest = name.substr(level);
    return rest.empty() ? base : base + "." + rest;
}

Result<Value> importlib_import_module(Value, CallArgs args)
{
    Value name, package;
    TRY(parse_args(args, "import_module", { "name", "package" }, 1, { &name, &package }));
    std::string n = TRY(str_arg(name, "import_module"));
    std::string full = TRY(resolve_name(n, package));
    return imp::import_module(full);
}

// importlib.reload: re-executes the module's code (from the cache when it
// is fresh) in its existing namespace.
Result<Value> importlib_reload(Value, CallArgs args)
{
    TRY(check_arity(args, "reload", 1, 1));
    Value module = args[0];
    if (!module.is_object() || !module.type()->is_subtype_of(g_module_type))
        return throw_error(g_TypeError, "reload() argument must be a module");
    Dict* d = static_cast<Module*>(module.as_object())->dict();
    Value name = d->get_str("__name__");
    if (!name || !is_str(name))
        return throw_error(g_TypeError, "reload() argument must be a module");
    Value in_modules = sys_modules()->get_str(as_str(name));
    if (!in_modules || in_modules.as_object() != module.as_object())
        return throw_error(g_ImportError, "module %s not in sys.modules", as_str(name)->c_str());
    Value file = d->get_str("__file__");
    if (!file || !is_str(file))
        return module; // FIXME: native modules are not re-initialised
    std::string path = as_str(file)->data();
    Code* code = TRY(imp::load_module_code(path, as_str(name)->view()));
    if (std::optional<std::string> cached = imp::cached_for(path))
        d->set_str("__cached__", Value(Str::create(*cached)));
    TRY(vm::run_code(code, d, Value()));
    return module;
}

// Adder's finder keeps no directory caches, so there is nothing to drop.
Result<Value> importlib_invalidate_caches(Value, CallArgs args)
{
    TRY(check_arity(args, "invalidate_caches", 0, 0));
    return none();
}

std::string current_cwd()
{
    char buf[4096];
    return ::getcwd(buf, sizeof buf) ? std::string(buf) : std::string();
}

int sys_optimize()
{
    Dict* sd = sys_dict();
    Value flags = sd ? sd->get_str("flags") : Value();
    if (!flags)
        return 0;
    Result<Value> o = get_attr(flags, "optimize");
    if (o.is_error()) {
        take_pending();
        return 0;
    }
    return o.value().is_small_int() ? int(o.value().small_int()) : 0;
}

// importlib.util.cache_from_source(path, debug_override=None, *, optimization=None)
Result<Value> util_cache_from_source(Value, CallArgs args)
{
    Value path, debug_override, optimization;
    TRY(parse_args(args, "cache_from_source", { "path", "debug_override", "optimization" }, 1,
        { &path, &debug_override, &optimization }));
    std::string p = TRY(str_arg(path, "cache_from_source"));
    std::string opt;
    if (debug_override && !is_none(debug_override)) {
        if (optimization && !is_none(optimization))
            return throw_error(g_TypeError, "debug_override or optimization must be set to None");
        bool d = TRY(truthy(debug_override));
        opt = d ? "" : "1";
    } else if (!optimization || is_none(optimization)) {
        opt = cache::optimization_for_level(sys_optimize());
    } else {
        Value s = TRY(to_str(optimization));
        opt = as_str(s)->data();
    }
    cache::PathResult r = cache::cache_from_source(p, opt, imp::pyc_cache().options().pycache_prefix, current_cwd());
    if (!r.ok)
        return throw_error(g_ValueError, "%s", r.error.c_str());
    return Value(Str::create(r.path));
}

Result<Value> util_source_from_cache(Value, CallArgs args)
{
    Value path;
    TRY(parse_args(args, "source_from_cache", { "path" }, 1, { &path }));
    std::string p = TRY(str_arg(path, "source_from_cache"));
    cache::PathResult r = cache::source_from_cache(p, imp::pyc_cache().options().pycache_prefix);
    if (!r.ok)
        return throw_error(g_ValueError, "%s", r.error.c_str());
    return Value(Str::create(r.path));
}

Result<Value> util_source_hash(Value, CallArgs args)
{
    Value data;
    TRY(parse_args(args, "source_hash", { "source_bytes" }, 1, { &data }));
    if (!is_bytes(data))
        return throw_error(g_TypeError, "a bytes-like object is required, not '%s'", data.type()->m_name.c_str());
    std::array<uint8_t, 8> h = cache::adder_source_hash(cache::as_bytes(as_bytes(data)->view()));
    return Value(Bytes::create(std::string_view(reinterpret_cast<const char*>(h.data()), h.size())));
}

// importlib.util.spec_from_file_location(name, location): the spec a
// path-based finder would give (source, or sourceless for a .pyc).
Result<Value> util_spec_from_file_location(Value, CallArgs args)
{
    Value name, location, loader, search;
    TRY(parse_args(args, "spec_from_file_location", { "name", "location", "loader", "submodule_search_locations" }, 1,
        { &name, &location, &loader, &search }));
    std::string n = TRY(str_arg(name, "spec_from_file_location"));
    if (!location || is_none(location))
        return throw_error(g_TypeError, "spec_from_file_location() needs a location"); // FIXME: loader.get_filename
    std::string path = imp::absolute_path(TRY(str_arg(location, "spec_from_file_location")));
    if (!loader || is_none(loader))
        loader = TRY(imp::make_loader(imp::is_sourceless_path(path) ? imp::LoaderKind::Sourceless : imp::LoaderKind::Source,
            n, path));
    std::optional<std::vector<std::string>> locations;
    bool is_pkg = path.ends_with("/__init__.py") || path.ends_with("/__init__.pyc");
    if ((search && !is_none(search)) || is_pkg)
        locations = std::vector<std::string> { path.substr(0, path.rfind('/')) };
    return imp::make_module_spec(n, loader, path, locations, imp::cached_for(path));
}

// importlib.util.module_from_spec(spec): a new module with the spec's attributes.
Result<Value> util_module_from_spec(Value, CallArgs args)
{
    TRY(check_arity(args, "module_from_spec", 1, 1));
    Value spec = args[0];
    Value name = TRY(get_attr(spec, "name"));
    std::string n = TRY(str_arg(name, "module_from_spec"));
    Module* m = Module::create(n);
    Dict* d = m->dict();
    Value loader = TRY(get_attr(spec, "loader"));
    d->set_str("__spec__", spec);
    d->set_str("__loader__", loader);
    d->set_str("__package__", TRY(get_attr(spec, "parent")));
    Value locations = TRY(get_attr(spec, "submodule_search_locations"));
    if (!is_none(locations))
        d->set_str("__path__", locations);
    Value has_location = TRY(get_attr(spec, "has_location"));
    if (TRY(truthy(has_location))) {
        d->set_str("__file__", TRY(get_attr(spec, "origin")));
        Value cached = TRY(get_attr(spec, "cached"));
        if (!is_none(cached))
            d->set_str("__cached__", cached);
    }
    return Value(m);
}

// importlib.util.find_spec(name, package=None): the spec of an imported
// module, or of a top-level module found on sys.path, else None.
// FIXME: submodules that are not imported yet give None.
Result<Value> util_find_spec(Value, CallArgs args)
{
    Value name, package;
    TRY(parse_args(args, "find_spec", { "name", "package" }, 1, { &name, &package }));
    std::string full = TRY(resolve_name(TRY(str_arg(name, "find_spec")), package));
    if (Value m = sys_modules()->get_str(Str::create(full))) {
        Value spec = TRY(get_attr_optional(m, Str::intern("__spec__")));
        if (spec && !is_none(spec))
            return spec;
        Value file = TRY(get_attr_optional(m, Str::intern("__file__")));
        if (file)
            return throw_error(g_ValueError, "%s.__spec__ is None", full.c_str());
        // A native module: the spec CPython gives built-in modules.
        // FIXME: the loader should be a BuiltinImporter class, not None.
        Value spec_v = TRY(imp::make_module_spec(full, none(), std::string("built-in"), std::nullopt, std::nullopt));
        TRY(set_attr(spec_v, Str::intern("has_location"), py_bool(false)));
        return spec_v;
    }
    if (full.find('.') != std::string::npos)
        return none();
    bool is_package = false;
    std::string path = imp::find_module_source(full, is_package);
    if (path.empty())
        return none();
    Value loader = TRY(imp::make_loader(imp::is_sourceless_path(path) ? imp::LoaderKind::Sourceless : imp::LoaderKind::Source,
        full, path));
    std::optional<std::vector<std::string>> locations;
    if (is_package)
        locations = std::vector<std::string> { path.substr(0, path.rfind('/')) };
    return imp::make_module_spec(full, loader, path, locations, imp::cached_for(path));
}

List* str_list(std::initializer_list<const char*> items)
{
    List* l = List::create();
    for (const char* s : items)
        l->append(Value(Str::create(s)));
    return l;
}

Module* create_util(Module* parent)
{
    Module* m = Module::create("importlib.util");
    add_function(m, "cache_from_source", util_cache_from_source);
    add_function(m, "source_from_cache", util_source_from_cache);
    add_function(m, "source_hash", util_source_hash);
    add_function(m, "spec_from_file_location", util_spec_from_file_location);
    add_function(m, "module_from_spec", util_module_from_spec);
    add_function(m, "find_spec", util_find_spec);
    m->dict()->set_str("MAGIC_NUMBER",
        Value(Bytes::create(std::string_view(reinterpret_cast<const char*>(cache::magic_bytes), 4))));
    m->dict()->set_str("import_module", parent->dict()->get_str("import_module"));
    return m;
}

Module* create_machinery()
{
    Module* m = Module::create("importlib.machinery");
    m->dict()->set_str("SOURCE_SUFFIXES", Value(str_list({ ".py" })));
    m->dict()->set_str("BYTECODE_SUFFIXES", Value(str_list({ ".pyc" })));
    m->dict()->set_str("DEBUG_BYTECODE_SUFFIXES", Value(str_list({ ".pyc" })));
    m->dict()->set_str("OPTIMIZED_BYTECODE_SUFFIXES", Value(str_list({ ".pyc" })));
    m->dict()->set_str("EXTENSION_SUFFIXES", Value(List::create()));
    for (const char* cls : { "ModuleSpec", "SourceFileLoader", "SourcelessFileLoader", "NamespaceLoader" })
        if (Value c = imp::spec_class(cls))
            m->dict()->set_str(cls, c);
    return m;
}

} // namespace

Module* create_importlib_module()
{
    Module* m = Module::create("importlib");
    add_function(m, "import_module", importlib_import_module);
    add_function(m, "reload", importlib_reload);
    add_function(m, "invalidate_caches", importlib_invalidate_caches);
    // A package, so that `import importlib.util` is accepted.
    m->dict()->set_str("__path__", Value(List::create()));
    m->dict()->set_str("__package__", Value(Str::create("importlib")));
    Module* util = create_util(m);
    Module* machinery = create_machinery();
    m->dict()->set_str("util", Value(util));
    m->dict()->set_str("machinery", Value(machinery));
    sys_modules()->set_str("importlib.util", Value(util));
    sys_modules()->set_str("importlib.machinery", Value(machinery));
    return m;
}

} // namespace adder::cachemod
