// Import system: see import.h. Follows importlib._bootstrap's
// _find_and_load / _handle_fromlist / _calc___package__ logic and messages.
#include "import/import.h"
#include "import/module_spec.h"
#include "import/source_loader.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>

#include "compiler/compiler.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/interp.h"

namespace adder {
Dict* sys_modules();
Dict* sys_dict();
Value make_syntax_error(const parser::SyntaxErrorInfo& info);
}

namespace adder::imp {

// Str::intern(LITERAL) computed once per call site: every import asks for
// the same few names, and interning a literal hashes it each time.
// Interned strings are never freed, so the cached pointer stays valid.
#define IMP_NAME(lit) ([]() -> Str* { static Str* const s_str = Str::intern(lit); return s_str; }())

static std::map<std::string, NativeModuleInit>& registry()
{
    static auto* r = new std::map<std::string, NativeModuleInit>;
    return *r;
}

void register_native_module(const char* name, NativeModuleInit init) { registry()[name] = init; }

// `out` (optional) receives the stat, which the import hands to the cache
// so the source is not stat()ed twice.
static bool is_file(const std::string& p, cache::FileStat* out = nullptr)
{
    cache::FileStat st;
    if (cache::default_file_system().stat(p, &st) != 0 || !st.is_regular)
        return false;
    if (out)
        *out = st;
    return true;
}

static bool is_dir(const std::string& p)
{
    struct stat st;
    return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

static Pending module_not_found(const std::string& name, const char* fmt = "No module named '%s'")
{
    throw_error(g_ModuleNotFoundError, fmt, name.c_str());
    Value exc = pending_exception();
    if (exc && exc.as_object()->dict())
        exc.as_object()->dict()->set_str("name", Value(Str::create(name)));
    return pending;
}

Result<Code*> load_module_code(const std::string& path, std::string_view module_name, const cache::FileStat* found_stat,
    const CachedPath* known)
{
    // The bytecode cache: see source_loader.h.
    return load_code_cached(path, module_name, found_stat, known);
}

// Searches `paths` (a list of directory strs) for `tail`. Directories named
// `tail` without an __init__ are collected in `namespace_dirs` (when not
// null): they make a namespace package if nothing else is found (spec C3).
static std::string search_paths(Value paths, const std::string& tail, bool& is_package,
    std::vector<std::string>* namespace_dirs = nullptr, cache::FileStat* found_stat = nullptr)
{
    if (!paths || !is_list(paths))
        return {};
    std::vector<Value> copy = as_list(paths)->items();
    for (Value p : copy) {
        if (!is_str(p))
            continue;
        // FileFinder makes its directory absolute ('' is the cwd), so
        // __file__ and __cached__ are absolute (spec P1).
        std::string dir = absolute_path(as_str(p)->data());
        std::string pkg = dir + "/" + tail;
        // Order per directory (spec S1): package (.py then legacy .pyc),
        // then module (.py then legacy .pyc). __pycache__ is never searched.
        // One stat of `pkg` serves both the package and the namespace test.
        bool portion = is_dir(pkg);
        if (portion) {
            for (const char* init : { "/__init__.py", "/__init__.pyc" }) {
                if (is_file(pkg + init, found_stat)) {
                    is_package = true;
                    return pkg + init;
                }
            }
        }
        for (const char* suffix : { ".py", ".pyc" }) {
            std::string mod = dir + "/" + tail + suffix;
            if (is_file(mod, found_stat)) {
                is_package = false;
                return mod;
            }
        }
        if (portion && namespace_dirs)
            namespace_dirs->push_back(pkg);
    }
    return {};
}

std::string find_module_source(std::string_view name, bool& is_package)
{
    Dict* sd = sys_dict();
    return search_paths(sd ? sd->get_str("path") : Value(), std::string(name), is_package);
}

// Loads `fullname` (whose parent, if any, is already imported).
static Result<Value> find_and_load(const std::string& fullname)
{
    Dict* modules = sys_modules();
    if (!modules)
        return throw_error(g_ImportError, "sys.modules is not available");
    if (Value m = modules->get_str(Str::create(fullname))) {
        if (is_none(m))
            return module_not_found(fullname, "import of %s halted; None in sys.modules");
        return m;
    }
    size_t dot = fullname.rfind('.');
    Value parent;
    Value search;
    std::string tail = fullname;
    if (dot != std::string::npos) {
        std::string parent_name = fullname.substr(0, dot);
        parent = TRY(find_and_load(parent_name));
        // Importing the parent may have imported us.
        if (Value m = modules->get_str(Str::create(fullname)))
            return m;
        search = TRY(get_attr_optional(parent, IMP_NAME("__path__")));
        if (!search) {
            std::string msg = "No module named '" + fullname + "'; '" + parent_name + "' is not a package";
            throw_error(g_ModuleNotFoundError, "%s", msg.c_str());
            Value exc = pending_exception();
            if (exc.as_object()->dict())
                exc.as_object()->dict()->set_str("name", Value(Str::create(fullname)));
            return pending;
        }
        tail = fullname.substr(dot + 1);
    } else {
        auto it = registry().find(fullname);
        if (it != registry().end()) {
            Module* m = it->second();
            if (!m)
                return pending;
            modules->set_str(Str::create(fullname), Value(m));
            return Value(m);
        }
        search = sys_dict()->get_str(IMP_NAME("path"));
    }
    bool is_package = false;
    std::vector<std::string> namespace_dirs;
    cache::FileStat found_stat;
    std::string path = search_paths(search, tail, is_package, &namespace_dirs, &found_stat);
    if (path.empty() && !namespace_dirs.empty()) {
        // A namespace package: no code, nothing cached, __file__ None (C3).
        Module* ns = Module::create(fullname);
        Str* ns_name = Str::create(fullname);
        List* pl = List::create();
        for (const std::string& dir : namespace_dirs)
            pl->append(Value(Str::create(dir)));
        ns->dict()->set_str("__file__", none());
        ns->dict()->set_str("__path__", Value(pl));
        ns->dict()->set_str("__package__", Value(ns_name));
        Value loader = TRY(make_loader(LoaderKind::Namespace, fullname, ""));
        ns->dict()->set_str("__loader__", loader);
        ns->dict()->set_str("__spec__", TRY(make_module_spec(fullname, loader, std::nullopt, namespace_dirs, std::nullopt)));
        modules->set_str(ns_name, Value(ns));
        if (parent)
            TRY(set_attr(parent, Str::intern(tail), Value(ns)));
        return Value(ns);
    }
    if (path.empty())
        return module_not_found(fullname);

    Module* m = Module::create(fullname);
    Dict* d = m->dict();
    Str* name_s = Str::create(fullname);
    d->set_str(IMP_NAME("__file__"), Value(Str::create(path)));
    d->set_str(IMP_NAME("__builtins__"), Value(vm::builtins_dict()));
    if (is_package) {
        std::string dir = path.substr(0, path.rfind('/'));
        List* pl = List::create();
        pl->append(Value(Str::create(dir)));
        d->set_str(IMP_NAME("__path__"), Value(pl));
        d->set_str(IMP_NAME("__package__"), Value(name_s));
    } else {
        d->set_str(IMP_NAME("__package__"), Value(Str::create(dot == std::string::npos ? std::string() : fullname.substr(0, dot))));
    }
    // __cached__, __loader__, __spec__ (source_loader.h).
    std::optional<std::vector<std::string>> locations;
    if (is_package)
        locations = std::vector<std::string> { path.substr(0, path.rfind('/')) };
    CachedPath cached;
    TRY(set_module_spec_attrs(d, fullname, path, locations, &cached));
    modules->set_str(name_s, Value(m));
    Result<Code*> code = load_module_code(path, fullname, &found_stat, &cached);
    // The body stores most of the names it uses as globals: size the
    // namespace once rather than growing it through a resize per doubling.
    if (code.is_ok())
        d->reserve(d->size() + std::min<size_t>(code.value()->m_names.size(), 1024));
    Result<Value> r = code.is_ok() ? vm::run_code(code.value(), d, Value()) : Result<Value>(pending);
    if (r.is_error()) {
        (void)modules->pop(Value(name_s));
        return pending;
    }
    if (verbose_level()) {
        // importlib's "import 'NAME' # LOADER" line (spec §7.1).
        Result<std::string> loader = repr_text(d->get_str("__loader__") ? d->get_str("__loader__") : none());
        if (loader.is_ok())
            verbose_message("import " + std::string(TRY(repr_text(Value(name_s)))) + " # " + loader.value());
        else
            take_pending();
    }
    // The module may have replaced itself in sys.modules.
    Value final_m = modules->get_str(name_s);
    if (!final_m)
        return module_not_found(fullname, "Loaded module %s not found in sys.modules");
    if (parent)
        TRY(set_attr(parent, Str::intern(tail), final_m));
    return final_m;
}

Result<Value> import_module(std::string_view name) { return find_and_load(std::string(name)); }

static Result<std::string> calc_package(Value globals)
{
    if (!globals || !is_dict(globals))
        return throw_error(g_KeyError, "'__name__' not in globals");
    Dict* g = as_dict(globals);
    Value package = g->get_str(IMP_NAME("__package__"));
    if (package && !is_none(package)) {
        if (!is_str(package))
            return throw_error(g_TypeError, "package must be a string");
        return as_str(package)->data();
    }
    Value name = g->get_str(IMP_NAME("__name__"));
    if (!name || !is_str(name))
        return throw_error(g_KeyError, "'__name__' not in globals");
    if (g->get_str(IMP_NAME("__path__")))
        return as_str(name)->data();
    std::string n = as_str(name)->data();
    size_t dot = n.rfind('.');
    return dot == std::string::npos ? std::string() : n.substr(0, dot);
}

static Status handle_fromlist(Value module, Value fromlist, bool recursive)
{
    gc::MarkedVector items;
    TRY(collect_iterable(fromlist, items));
    Value mname = TRY(get_attr(module, Str::intern("__name__")));
    for (Value x : items) {
        if (!is_str(x))
            return throw_error(g_TypeError, "Item in %s.__all__ must be str, not %s", as_str(mname)->c_str(), x.type()->m_name.c_str());
        std::string_view xs = as_str(x)->view();
        if (xs == "*") {
            if (!recursive) {
                Value all = TRY(get_attr_optional(module, Str::intern("__all__")));
                if (all)
                    TRY(handle_fromlist(module, all, true));
            }
            continue;
        }
        Value has = TRY(get_attr_optional(module, Str::intern(xs)));
        if (has)
            continue;
        std::string sub = as_str(mname)->data() + "." + std::string(xs);
        Result<Value> r = find_and_load(sub);
        if (r.is_error()) {
            Value exc = pending_exception();
            if (exc.type()->is_subtype_of(g_ModuleNotFoundError)) {
                Value n = exc.as_object()->dict() ? exc.as_object()->dict()->get_str("name") : Value();
                if (n && is_str(n) && as_str(n)->view() == sub) {
                    take_pending();
                    continue;
                }
            }
            return pending;
        }
    }
    return ok();
}

Result<Value> import_module_level(Str* name_s, Value globals, Value locals, Value fromlist, int level)
{
    std::string name = name_s->data();
    if (level > 0) {
        std::string package = TRY(calc_package(globals));
        if (package.empty())
            return throw_error(g_ImportError, "attempted relative import with no known parent package");
        std::string base = package;
        for (int i = 1; i < level; ++i) {
            size_t dot = base.rfind('.');
            if (dot == std::string::npos)
                return throw_error(g_ImportError, "attempted relative import beyond top-level package");
            base = base.substr(0, dot);
        }
        name = name.empty() ? base : base + "." + name;
    } else if (name.empty()) {
        return throw_error(g_ValueError, "Empty module name");
    }
    Value module = TRY(find_and_load(name));
    bool has_fromlist = false;
    if (fromlist && !is_none(fromlist)) {
        has_fromlist = TRY(truthy(fromlist));
    }
    if (!has_fromlist) {
        if (level == 0) {
            size_t dot = name.find('.');
            if (dot == std::string::npos)
                return module;
            return find_and_load(name.substr(0, dot));
        }
        if (name_s->length() == 0)
            return module;
        std::string first = name_s->data().substr(0, name_s->data().find('.'));
        std::string full = name;
        size_t cut = name_s->data().size() - first.size();
        return find_and_load(full.substr(0, full.size() - cut));
    }
    Value path = TRY(get_attr_optional(module, Str::intern("__path__")));
    if (path)
        TRY(handle_fromlist(module, fromlist, false));
    return module;
}

void init_import() { vm::set_import_hook(import_module_level); }

} // namespace adder::imp

namespace adder {
// For core code that needs a Python module (object.__reduce_ex__ -> copyreg).
Result<Value> import_module_by_name(std::string_view name) { return imp::import_module(name); }
}
