// The sys module: argv, flags, version info, implementation, path, modules,
// standard streams, exit, recursion limit, exc_info, intern, getsizeof, and
// the interpreter-facing accessors (sys_dict, sys_modules).
#include <algorithm>
#include <climits>
#include <unistd.h>

#include "adder/adder.h"
#include "builtins/builtins.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/thread_state.h"
#include "objects/tuple.h"
#include "modules/io.h"
#include "vm/interp.h"

namespace adder {

extern int g_int_max_str_digits;

namespace {
Module* g_sys_module;
List* g_audit_hooks = nullptr; // sys.addaudithook's hooks, called in order by sys.audit

struct SysRoot : gc::RootSource {
    void visit_roots(gc::Visitor& v) override
    {
        v.visit(g_sys_module);
        v.visit(g_audit_hooks);
    }
};
} // namespace

Dict* sys_dict() { return g_sys_module ? g_sys_module->dict() : nullptr; }

Dict* sys_modules()
{
    if (!g_sys_module)
        return nullptr;
    Value m = g_sys_module->dict()->get_str("modules");
    return m && is_dict(m) ? as_dict(m) : nullptr;
}

Module* sys_module() { return g_sys_module; }

// A simple named-tuple-like type (sys.flags, sys.version_info, ...): a tuple
// subclass whose fields are read-only properties by index.
static Type* make_struct_seq_type(const char* name, std::initializer_list<const char*> fields)
{
    Type* t = new_builtin_type(name, g_tuple_type, Layout::Tuple, 0);
    size_t i = 0;
    for (const char* f : fields) {
        Str* fname = Str::intern(f);
        auto* d = make<MemberDescriptor>(g_method_descriptor_type, t, fname);
        extern Type* g_getset_descriptor_type;
        d->set_type(g_getset_descriptor_type);
        d->m_slot_index = -1;
        // Index stored in the high bits of the getter table below.
        static GetterFn getters[32];
        (void)getters;
        t->dict()->set_str(fname, Value(Value::small(int64_t(i))));
        ++i;
    }
    t->repr = [](Value self) -> Result<Value> {
        Tuple* tup = as_tuple(self);
        Type* tt = self.type();
        std::string out = "sys." + tt->m_name + "(";
        // Field names in definition order are stored as ints in the type dict.
        std::vector<std::string> names(tup->size());
        Dict::Entry e;
        for (size_t pos = 0; tt->dict()->next_entry(pos, e);)
            if (e.value.is_small_int() && size_t(e.value.small_int()) < names.size() && is_str(e.key))
                names[size_t(e.value.small_int())] = as_str(e.key)->data();
        for (size_t k = 0; k < tup->size(); ++k) {
            if (k)
                out += ", ";
            std::string r = TRY(repr_text(tup->at(k)));
            out += names[k] + "=" + r;
        }
        return Value(Str::create(out + ")"));
    };
    t->getattro = [](Value self, Str* n) -> Result<Value> {
        Value idx = self.type()->dict()->get_str(n);
        if (idx && idx.is_small_int() && size_t(idx.small_int()) < as_tuple(self)->size())
            return as_tuple(self)->at(size_t(idx.small_int()));
        return generic_getattr(self, n);
    };
    type_ready(t);
    t->dict()->set_str("__module__", Value(Str::intern("sys")));
    return t;
}

static Value make_struct_seq(Type* t, std::initializer_list<Value> values)
{
    return Value(make<Tuple>(t, std::vector<Value>(values)));
}

static Result<Value> sys_exit(Value, CallArgs args)
{
    TRY(check_arity(args, "exit", 0, 1));
    return throw_error_value(g_SystemExit, args.nargs ? args[0] : Value());
}

static Result<Value> sys_getrecursionlimit(Value, CallArgs) { return int_from_i64(thread().recursion_limit); }

static Result<Value> sys_setrecursionlimit(Value, CallArgs args)
{
    TRY(check_arity(args, "setrecursionlimit", 1, 1));
    if (is_float(args[0]))
        return throw_error(g_TypeError, "'float' object cannot be interpreted as an integer");
    int64_t n = TRY(index_as_i64(args[0]));
    if (n < 1)
        return throw_error(g_ValueError, "recursion limit must be greater or equal than 1");
    if (n <= thread().depth)
        return throw_error(g_RecursionError, "cannot set the recursion limit to %ld at the recursion depth %d: the limit is too low",
                           long(n), thread().depth);
    thread().recursion_limit = int(std::min<int64_t>(n, INT_MAX));
    return none();
}

// sys.audit(event, *args): calls every hook with (event, args), as PySys_Audit
// does; an exception from a hook propagates to the caller.
static Result<Value> sys_audit(Value, CallArgs args)
{
    if (args.kwnames && args.nkw())
        return throw_error(g_TypeError, "audit() takes no keyword arguments");
    if (args.nargs < 1)
        return throw_error(g_TypeError, "audit() missing 1 required positional argument: 'event'");
    if (!is_str(args[0]))
        return throw_error(g_TypeError, "expected str for argument 'event', not %s", args[0].type()->name().c_str());
    if (!g_audit_hooks || g_audit_hooks->items().empty())
        return none();
    Value event_args = Value(Tuple::create(std::vector<Value>(args.items + 1, args.items + args.nargs)));
    for (Value hook : std::vector<Value>(g_audit_hooks->items().begin(), g_audit_hooks->items().end())) {
        Value call_args[2] = { args[0], event_args };
        TRY(call(hook, std::span<const Value>(call_args, 2)));
    }
    return none();
}

static Result<Value> sys_addaudithook(Value, CallArgs args)
{
    Value hook;
    TRY(parse_args(args, "addaudithook", { "hook" }, 1, { &hook }));
    if (!g_audit_hooks)
        g_audit_hooks = List::create();
    g_audit_hooks->append(hook);
    return none();
}

static Result<Value> sys_exc_info(Value, CallArgs)
{
    Value h = thread().handled;
    if (!h)
        return Value(Tuple::create({ none(), none(), none() }));
    Value tb = as_exception(h)->m_traceback;
    return Value(Tuple::create({ Value(h.type()), h, tb ? tb : none() }));
}

static Result<Value> sys_exception(Value, CallArgs)
{
    Value h = thread().handled;
    return h ? h : none();
}

static Result<Value> sys_intern(Value, CallArgs args)
{
    TRY(check_arity(args, "intern", 1, 1));
    if (!is_str(args[0]) || args[0].type() != g_str_type)
        return throw_error(g_TypeError, "intern() argument must be str, not %s", args[0].type()->m_name.c_str());
    return Value(Str::intern(as_str(args[0])));
}

static Result<Value> sys_getsizeof(Value, CallArgs args)
{
    TRY(check_arity(args, "getsizeof", 1, 2));
    Value v = args[0];
    // Approximations of CPython's sizes (64-bit).
    int64_t size = 16;
    if (is_int(v)) {
        int64_t n;
        size = int_fits_i64(v, n) ? (n == 0 ? 24 : 28) : 28 + 4 * int64_t(int_to_string(v, 16).size() / 7);
    } else if (is_str(v))
        size = 49 + int64_t(as_str(v)->byte_size());
    else if (is_list(v))
        size = 56 + 8 * int64_t(as_list(v)->size());
    else if (is_tuple(v))
        size = 40 + 8 * int64_t(as_tuple(v)->size());
    else if (is_dict(v))
        size = 64 + 24 * int64_t(as_dict(v)->size());
    else if (is_float(v))
        size = 24;
    return int_from_i64(size);
}

static Result<Value> sys_get_int_max_str_digits(Value, CallArgs) { return int_from_i64(g_int_max_str_digits); }
static Result<Value> sys_set_int_max_str_digits(Value, CallArgs args)
{
    Value n;
    TRY(parse_args(args, "set_int_max_str_digits", { "maxdigits" }, 1, { &n }));
    int64_t v = TRY(index_as_i64(n));
    if (v != 0 && v < 640)
        return throw_error(g_ValueError, "maxdigits must be 0 or larger than 640");
    g_int_max_str_digits = int(v);
    return none();
}

static Result<Value> sys_getdefaultencoding(Value, CallArgs) { return Value(Str::intern("utf-8")); }

static Result<Value> sys_getframe(Value, CallArgs args)
{
    TRY(check_arity(args, "_getframe", 0, 1));
    int64_t depth = args.nargs ? TRY(index_as_i64(args[0])) : 0;
    vm::FrameObject* f = vm::get_frame(depth);
    if (!f)
        return pending;
    return Value(f);
}

static Result<Value> sys_displayhook(Value, CallArgs args)
{
    TRY(check_arity(args, "displayhook", 1, 1));
    Value v = args[0];
    if (is_none(v))
        return none();
    Dict* b = vm::builtins_dict();
    b->set_str("_", none());
    std::string r = TRY(repr_text(v));
    Value out = sys_stdout();
    if (out)
        TRY(write_to_file(out, r + "\n"));
    b->set_str("_", v);
    return none();
}

Status print_exception(Value exc); // runtime/traceback.cpp

static Result<Value> sys_excepthook(Value, CallArgs args)
{
    TRY(check_arity(args, "excepthook", 3, 3));
    TRY(print_exception(args[1]));
    return none();
}

Module* create_sys_module(const Config& config, const std::string& executable)
{
    const std::vector<std::string> argv = config.argv.empty() ? std::vector<std::string> { "" } : config.argv;
    const bool unbuffered = config.unbuffered;
    Module* m = Module::create("sys");
    g_sys_module = m;
    gc::heap().add_root_source(new SysRoot);
    Dict* d = m->dict();
    auto def = [&](const char* name, NativeFn fn) { d->set_str(name, make_native_function(name, fn, Value(m))); };
    List* av = List::create();
    for (auto& a : argv)
        av->append(Value(Str::create(a)));
    d->set_str("argv", Value(av));
    List* orig = List::create(av->items());
    d->set_str("orig_argv", Value(orig));
    d->set_str("modules", Value(Dict::create()));
    d->set_str("path", Value(List::create()));
    d->set_str("meta_path", Value(List::create()));
    d->set_str("path_hooks", Value(List::create()));
    d->set_str("path_importer_cache", Value(Dict::create()));
    d->set_str("executable", Value(Str::create(executable)));
    d->set_str("_base_executable", Value(Str::create(executable)));
    d->set_str("platform", Value(Str::intern("linux")));
    d->set_str("byteorder", Value(Str::intern("little")));
    d->set_str("maxsize", int_from_i64(INT64_MAX));
    d->set_str("maxunicode", Value::small(0x10FFFF));
    d->set_str("version", Value(Str::create("3.11.7 (main, Adder 0.1) [GCC]")));
    d->set_str("hexversion", Value::small(0x030B07F0));
    d->set_str("api_version", Value::small(1013));
    d->set_str("copyright", Value(Str::create("Copyright (c) Adder authors.")));
    d->set_str("prefix", Value(Str::create("/usr/local")));
    d->set_str("exec_prefix", Value(Str::create("/usr/local")));
    d->set_str("base_prefix", Value(Str::create("/usr/local")));
    d->set_str("base_exec_prefix", Value(Str::create("/usr/local")));
    d->set_str("platlibdir", Value(Str::intern("lib")));
    d->set_str("dont_write_bytecode", py_bool(config.dont_write_bytecode));
    d->set_str("pycache_prefix", none());
    List* warnoptions = List::create();
    for (auto& w : config.warnoptions)
        warnoptions->append(Value(Str::create(w)));
    d->set_str("warnoptions", Value(warnoptions));
    // -X NAME=VALUE gives {NAME: VALUE}; a bare -X NAME gives {NAME: True}.
    Dict* xoptions = Dict::create();
    for (auto& x : config.xoptions) {
        size_t eq = x.find('=');
        if (eq == std::string::npos)
            MUST(xoptions->set(Value(Str::create(x)), py_bool(true)));
        else
            MUST(xoptions->set(Value(Str::create(x.substr(0, eq))), Value(Str::create(x.substr(eq + 1)))));
    }
    d->set_str("_xoptions", Value(xoptions));
    d->set_str("float_repr_style", Value(Str::intern("short")));
    d->set_str("abiflags", Value(Str::intern("")));
    {
        std::vector<Value> names;
        for (const char* n : { "_abc", "_ast", "_codecs", "_collections", "_functools", "_imp", "_io", "_operator", "_signal",
                               "_sre", "_stat", "_string", "_thread", "_warnings", "_weakref", "atexit", "builtins", "errno",
                               "itertools", "marshal", "math", "posix", "sys", "time" })
            names.push_back(Value(Str::intern(n)));
        d->set_str("builtin_module_names", Value(Tuple::create(std::move(names))));
    }

    Type* vi_type = make_struct_seq_type("version_info", { "major", "minor", "micro", "releaselevel", "serial" });
    d->set_str("version_info", make_struct_seq(vi_type, { Value::small(3), Value::small(11), Value::small(7),
                                                          Value(Str::intern("final")), Value::small(0) }));
    Type* flags_type = make_struct_seq_type("flags", { "debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
                                                       "no_user_site", "no_site", "ignore_environment", "verbose",
                                                       "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
                                                       "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits" });
    const char* seed = getenv("PYTHONHASHSEED");
    bool hash_random = !(seed && *seed && std::string(seed) == "0");
    bool dev_mode = std::find(config.xoptions.begin(), config.xoptions.end(), "dev") != config.xoptions.end();
    d->set_str("flags", make_struct_seq(flags_type, { Value::small(0), Value::small(config.inspect), Value::small(config.interactive),
                                                      Value::small(config.optimize), Value::small(config.dont_write_bytecode),
                                                      Value::small(config.no_user_site), Value::small(config.no_site),
                                                      Value::small(config.ignore_environment), Value::small(config.verbose),
                                                      Value::small(config.bytes_warning), Value::small(config.quiet),
                                                      Value::small(hash_random), Value::small(config.isolated), py_bool(dev_mode),
                                                      Value::small(0), Value::small(0), py_bool(config.safe_path), Value::small(-1) }));
    Type* impl_type = new_builtin_type("SimpleNamespace", g_object_type, Layout::Instance, TF_HAS_DICT);
    impl_type->repr = [](Value self) -> Result<Value> {
        std::string out = "namespace(";
        Dict* dd = self.as_object()->dict();
        Dict::Entry e;
        bool first = true;
        for (size_t pos = 0; dd && dd->next_entry(pos, e);) {
            if (!first)
                out += ", ";
            first = false;
            std::string r = TRY(repr_text(e.value));
            out += as_str(e.key)->data() + "=" + r;
        }
        return Value(Str::create(out + ")"));
    };
    type_ready(impl_type);
    auto* impl = make<Instance>(impl_type);
    impl->set_dict(Dict::create());
    impl->dict()->set_str("name", Value(Str::intern("adder")));
    impl->dict()->set_str("cache_tag", Value(Str::intern("adder-311")));
    impl->dict()->set_str("version", make_struct_seq(vi_type, { Value::small(0), Value::small(1), Value::small(0),
                                                                Value(Str::intern("alpha")), Value::small(0) }));
    impl->dict()->set_str("hexversion", Value::small(0x000100A0));
    impl->dict()->set_str("_multiarch", Value(Str::intern("x86_64-linux-gnu")));
    d->set_str("implementation", Value(impl));
    Type* hash_type = make_struct_seq_type("hash_info", { "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits",
                                                          "seed_bits", "cutoff" });
    d->set_str("hash_info", make_struct_seq(hash_type, { Value::small(64), int_from_i64((int64_t(1) << 61) - 1), Value::small(314159),
                                                         Value::small(0), Value::small(1000003), Value(Str::intern("siphash13")),
                                                         Value::small(64), Value::small(128), Value::small(0) }));
    Type* ii_type = make_struct_seq_type("int_info", { "bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                                       "str_digits_check_threshold" });
    d->set_str("int_info", make_struct_seq(ii_type, { Value::small(30), Value::small(4), Value::small(4300), Value::small(640) }));
    Type* fi_type = make_struct_seq_type("float_info", { "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
                                                         "mant_dig", "epsilon", "radix", "rounds" });
    extern Value float_value(double);
    d->set_str("float_info", make_struct_seq(fi_type, { float_value(1.7976931348623157e308), Value::small(1024), Value::small(308),
                                                        float_value(2.2250738585072014e-308), Value::small(-1021),
                                                        Value::small(-307), Value::small(15), Value::small(53),
                                                        float_value(2.220446049250313e-16), Value::small(2), Value::small(1) }));

    // Standard streams: stdout line-buffered on a tty, block-buffered otherwise; stderr line-buffered.
    bool tty_out = ::isatty(1);
    FileObject* in = make_file(0, "<stdin>", "r", false, false);
    in->m_readable = true;
    in->m_closefd = false;
    FileObject* out = make_file(1, "<stdout>", "w", false, tty_out);
    out->m_writable = true;
    out->m_closefd = false;
    out->m_write_through = unbuffered;
    FileObject* err = make_file(2, "<stderr>", "w", false, true);
    err->m_writable = true;
    err->m_closefd = false;
    err->m_errors = "backslashreplace";
    err->m_write_through = unbuffered;
    for (auto [name, f] : { std::pair<const char*, FileObject*> { "stdin", in }, { "stdout", out }, { "stderr", err } }) {
        d->set_str(name, Value(f));
        d->set_str((std::string("__") + name + "__").c_str(), Value(f));
    }

    def("exit", sys_exit);
    def("audit", sys_audit);
    def("addaudithook", sys_addaudithook);
    def("getrecursionlimit", sys_getrecursionlimit);
    def("setrecursionlimit", sys_setrecursionlimit);
    def("exc_info", sys_exc_info);
    def("exception", sys_exception);
    def("intern", sys_intern);
    def("getsizeof", sys_getsizeof);
    def("get_int_max_str_digits", sys_get_int_max_str_digits);
    def("set_int_max_str_digits", sys_set_int_max_str_digits);
    def("getdefaultencoding", sys_getdefaultencoding);
    def("getfilesystemencoding", sys_getdefaultencoding);
    def("getfilesystemencodeerrors", [](Value, CallArgs) -> Result<Value> { return Value(Str::intern("surrogateescape")); });
    def("_getframe", sys_getframe);
    def("displayhook", sys_displayhook);
    def("excepthook", sys_excepthook);
    d->set_str("__displayhook__", d->get_str("displayhook"));
    d->set_str("__excepthook__", d->get_str("excepthook"));
    return m;
}

} // namespace adder

namespace adder::vm {
Status display_hook(Value v)
{
    Dict* d = sys_dict();
    Value hook = d ? d->get_str("displayhook") : Value();
    if (!hook)
        return throw_error(g_RuntimeError, "lost sys.displayhook");
    TRY(call(hook, { v }));
    return ok();
}
} // namespace adder::vm
