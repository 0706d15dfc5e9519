// See module_spec.h. The classes are ordinary heap types made with
// type_new (so instances have a __dict__ and print as CPython's do), with
// native methods added afterwards.
#include "import/module_spec.h"

#include <map>

#include "cache/file_system.h"
#include "import/import.h"
#include "modules/cache_modules.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/interp.h"

namespace adder::imp {

namespace {

std::map<std::string, Type*>& classes()
{
    static auto* m = new std::map<std::string, Type*>;
    return *m;
}

struct SpecRoots : gc::RootSource {
    void visit_roots(gc::Visitor& v) override
    {
        for (auto& [name, t] : classes())
            v.visit(t);
    }
};

Result<std::string> attr_text(Value self, const char* name)
{
    Value v = TRY(get_attr(self, name));
    if (!is_str(v))
        return throw_error(g_TypeError, "%s must be a str", name);
    return as_str(v)->data();
}

// loader.get_filename(name=None)
Result<Value> loader_get_filename(Value self, CallArgs args)
{
    TRY(check_arity(args, "get_filename", 0, 1));
    return get_attr(self, "path");
}

// loader.get_data(path): the bytes of `path`.
Result<Value> loader_get_data(Value, CallArgs args)
{
    TRY(check_arity(args, "get_data", 1, 1));
    std::string path = TRY(cachemod::str_arg(args[0], "get_data"));
    std::string data;
    if (int err = cache::default_file_system().read_file(path, &data))
        return cachemod::raise_errno(err, path);
    return Value(Bytes::create(data));
}

// SourceFileLoader.get_source(name): the decoded source text.
Result<Value> source_get_source(Value self, CallArgs args)
{
    TRY(check_arity(args, "get_source", 0, 1));
    std::string path = TRY(attr_text(self, "path"));
    std::string data;
    if (int err = cache::default_file_system().read_file(path, &data)) {
        (void)cachemod::raise_errno(err, path);
        Value cause = take_pending();
        throw_error(g_ImportError, "source not available through get_data()");
        if (Value exc = pending_exception())
            (void)set_attr(exc, Str::intern("__cause__"), cause);
        return pending;
    }
    // FIXME: PEP 263 coding cookies are not honoured here (UTF-8 assumed).
    return Value(Str::create(data));
}

// SourcelessFileLoader / NamespaceLoader get_source: None.
Result<Value> no_source(Value, CallArgs args)
{
    TRY(check_arity(args, "get_source", 0, 1));
    return none();
}

// is_package(name): the file stem is __init__.
Result<Value> loader_is_package(Value self, CallArgs args)
{
    TRY(check_arity(args, "is_package", 0, 1));
    std::string path = TRY(attr_text(self, "path"));
    size_t slash = path.rfind('/');
    std::string file = path.substr(slash == std::string::npos ? 0 : slash + 1);
    return py_bool(file.rfind("__init__.", 0) == 0);
}

// loader.exec_module(module): runs the module's code (through the bytecode
// cache) in its namespace.
Result<Value> loader_exec_module(Value self, CallArgs args)
{
    TRY(check_arity(args, "exec_module", 1, 1));
    Value module = args[0];
    if (!module.is_object() || !module.type()->is_subtype_of(g_module_type))
        return throw_error(g_TypeError, "exec_module() argument must be a module");
    std::string path = TRY(attr_text(self, "path"));
    std::string name = TRY(attr_text(self, "name"));
    Code* code = TRY(load_module_code(path, name));
    TRY(vm::run_code(code, static_cast<Module*>(module.as_object())->dict(), Value()));
    return none();
}

Result<Value> namespace_is_package(Value, CallArgs args)
{
    TRY(check_arity(args, "is_package", 0, 1));
    return py_bool(true);
}

// ModuleSpec.__repr__, as importlib._bootstrap.ModuleSpec's.
Result<Value> spec_repr(Value self, CallArgs args)
{
    TRY(check_arity(args, "__repr__", 0, 0));
    std::string out = "ModuleSpec(name=" + TRY(repr_text(TRY(get_attr(self, "name"))));
    out += ", loader=" + TRY(repr_text(TRY(get_attr(self, "loader"))));
    Value origin = TRY(get_attr(self, "origin"));
    if (!is_none(origin))
        out += ", origin=" + TRY(repr_text(origin));
    Value locations = TRY(get_attr(self, "submodule_search_locations"));
    if (!is_none(locations))
        out += ", submodule_search_locations=" + TRY(repr_text(locations));
    return Value(Str::create(out + ")"));
}

Type* make_class(const char* name)
{
    Dict* ns = Dict::create();
    // The modules CPython's classes report (reprs like "<_frozen_importlib_external.SourceFileLoader object ...>").
    ns->set_str("__module__",
        Value(Str::create(std::string(name) == "ModuleSpec" ? "_frozen_importlib" : "_frozen_importlib_external")));
    Result<Value> t = type_new(g_type_type, Str::create(name), Tuple::create({ Value(g_object_type) }), ns);
    if (t.is_error()) {
        take_pending();
        return nullptr;
    }
    return static_cast<Type*>(t.value().as_object());
}

bool ensure_classes()
{
    if (!classes().empty())
        return classes().size() == 4;
    gc::heap().add_root_source(new SpecRoots);
    for (const char* n : { "ModuleSpec", "SourceFileLoader", "SourcelessFileLoader", "NamespaceLoader" }) {
        Type* t = make_class(n);
        if (!t)
            return false;
        classes()[n] = t;
    }
    Type* src = classes()["SourceFileLoader"];
    Type* pyc = classes()["SourcelessFileLoader"];
    Type* nsl = classes()["NamespaceLoader"];
    for (Type* t : { src, pyc }) {
        add_method(t, "get_filename", loader_get_filename);
        add_method(t, "get_data", loader_get_data);
        add_method(t, "is_package", loader_is_package);
        add_method(t, "exec_module", loader_exec_module);
    }
    add_method(src, "get_source", source_get_source);
    add_method(pyc, "get_source", no_source);
    add_method(nsl, "get_source", no_source);
    add_method(nsl, "is_package", namespace_is_package);
    add_method(classes()["ModuleSpec"], "__repr__", spec_repr);
    type_update_slots(classes()["ModuleSpec"]);
    return true;
}

Result<Value> instance_of(const char* cls)
{
    if (!ensure_classes())
        return throw_error(g_ImportError, "importlib.machinery classes are unavailable");
    return call(Value(classes()[cls]), std::initializer_list<Value> {});
}

// Gives a fresh spec or loader its __dict__ sized for the `n` attributes
// about to be set, instead of letting it grow through several resizes.
void presize_dict(Value obj, size_t n)
{
    Object* o = obj.as_object();
    if (o->dict() || !(o->type()->m_flags & TF_HAS_DICT))
        return;
    Dict* d = Dict::create();
    d->reserve(n);
    o->set_dict(d);
}

// The attribute names set on every spec and loader, interned once: each
// import sets nine of them, and Str::intern of a literal hashes it again.
// Interned strings are never freed, so the pointers stay valid.
struct AttrNames {
    Str* name = Str::intern("name");
    Str* path = Str::intern("path");
    Str* loader = Str::intern("loader");
    Str* origin = Str::intern("origin");
    Str* loader_state = Str::intern("loader_state");
    Str* locations = Str::intern("submodule_search_locations");
    Str* cached = Str::intern("cached");
    Str* parent = Str::intern("parent");
    Str* has_location = Str::intern("has_location");
};

const AttrNames& attr_names()
{
    static const AttrNames* s_names = new AttrNames;
    return *s_names;
}

} // namespace

Result<Value> make_loader(LoaderKind kind, Str* name, Str* path)
{
    const char* cls = kind == LoaderKind::Source ? "SourceFileLoader"
        : kind == LoaderKind::Sourceless         ? "SourcelessFileLoader"
                                                 : "NamespaceLoader";
    Value loader = TRY(instance_of(cls));
    if (loader.is_object())
        presize_dict(loader, 2);
    const AttrNames& n = attr_names();
    TRY(set_attr(loader, n.name, Value(name)));
    if (kind != LoaderKind::Namespace)
        TRY(set_attr(loader, n.path, Value(path)));
    return loader;
}

Result<Value> make_loader(LoaderKind kind, const std::string& name, const std::string& path)
{
    Str* name_s = Str::create(name);
    Str* path_s = kind == LoaderKind::Namespace ? nullptr : Str::create(path);
    return make_loader(kind, name_s, path_s);
}

Result<Value> make_module_spec(Str* name, Value loader, Str* origin,
    const std::optional<std::vector<std::string>>& search_locations, Str* cached)
{
    Value spec = TRY(instance_of("ModuleSpec"));
    if (spec.is_object())
        presize_dict(spec, 8);
    const AttrNames& n = attr_names();
    TRY(set_attr(spec, n.name, Value(name)));
    TRY(set_attr(spec, n.loader, loader ? loader : none()));
    TRY(set_attr(spec, n.origin, origin ? Value(origin) : none()));
    TRY(set_attr(spec, n.loader_state, none()));
    Value locations = none();
    if (search_locations) {
        List* l = List::create();
        for (const std::string& d : *search_locations)
            l->append(Value(Str::create(d)));
        locations = Value(l);
    }
    TRY(set_attr(spec, n.locations, locations));
    TRY(set_attr(spec, n.cached, cached ? Value(cached) : none()));
    // ModuleSpec.parent: the package itself for a package, else the name up to its last dot.
    std::string_view nv = name->view();
    size_t dot = nv.rfind('.');
    Str* parent = search_locations ? name : Str::create(nv.substr(0, dot == std::string_view::npos ? 0 : dot));
    TRY(set_attr(spec, n.parent, Value(parent)));
    TRY(set_attr(spec, n.has_location, py_bool(origin != nullptr)));
    return spec;
}

Result<Value> make_module_spec(const std::string& name, Value loader, const std::optional<std::string>& origin,
    const std::optional<std::vector<std::string>>& search_locations, const std::optional<std::string>& cached)
{
    Str* name_s = Str::create(name);
    Str* origin_s = origin ? Str::create(*origin) : nullptr;
    Str* cached_s = cached ? Str::create(*cached) : nullptr;
    return make_module_spec(name_s, loader, origin_s, search_locations, cached_s);
}

Value spec_class(const char* name)
{
    if (!ensure_classes())
        return Value();
    auto it = classes().find(name);
    return it == classes().end() ? Value() : Value(it->second);
}

} // namespace adder::imp
