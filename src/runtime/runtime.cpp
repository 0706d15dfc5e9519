// See runtime.h. Startup order: GC stack bounds, object model, VM slots,
// builtins, sys, import; sys.path = [script dir | '' | cwd] + PYTHONPATH +
// the library directory.
#include "runtime/runtime.h"

#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <pthread.h>
#include <sstream>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins/builtins.h"
#include "compiler/compiler.h"
#include "gc/heap.h"
#include "import/import.h"
#include "import/native_main.h"
#include "import/source_loader.h"
#include "modules/io.h"
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
#include "parser/parser.h"
#include "runtime/syntax_warnings.h"
#include "text/unicode_db.h"
#include "vm/interp.h"

namespace adder {
void init_types();
Module* create_sys_module(const Config& config, const std::string& executable); // modules/sys.cpp
Dict* sys_dict();
Dict* sys_modules();
Value make_syntax_error(const parser::SyntaxErrorInfo& info);
Status print_exception(Value exc);
Module* create_gc_module(); // gc_module.cpp
void register_math_module();
void register_stdlib_modules(); // src/modules/stdlib_modules.h
namespace vm {
extern volatile sig_atomic_t g_interrupt_pending;
void init_call_slots();
void init_generator_types();
}
} // namespace adder

namespace adder::runtime {

namespace {
Config g_config;
// True until the REPL starts when -i or PYTHONINSPECT asked to inspect after the program.
bool g_system_exit_is_error = false;
Module* g_builtins;
Module* g_main;
List* g_atexit;
struct RuntimeRoots : gc::RootSource {
    void visit_roots(gc::Visitor& v) override
    {
        v.visit(g_builtins);
        v.visit(g_main);
        v.visit(g_atexit);
    }
};

#ifndef ADDER_LIBDIR
#define ADDER_LIBDIR "/usr/lib/python3.11"
#endif

void on_sigint(int)
{
    vm::g_interrupt_pending = 1;
}

// The main thread's stack as [lowest usable address, top), computed without
// pthread_getattr_np, which opens and parses /proc/self/maps at every start:
// the kernel puts the executable's file name (AT_EXECFN) just below the top of
// the stack mapping, and the mapping may grow down to RLIMIT_STACK below its top.
bool main_stack_from_auxv(void*& addr, size_t& size)
{
    auto execfn = reinterpret_cast<const char*>(::getauxval(AT_EXECFN));
    struct rlimit limit;
    if (!execfn || ::getrlimit(RLIMIT_STACK, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return false;
    uintptr_t page = uintptr_t(::sysconf(_SC_PAGESIZE));
    uintptr_t top = (reinterpret_cast<uintptr_t>(execfn) + std::strlen(execfn) + 1 + sizeof(void*) + page - 1) & ~(page - 1);
    char probe;
    // Sanity: this frame lies in the stack and the limit leaves room below it.
    if (reinterpret_cast<uintptr_t>(&probe) >= top || limit.rlim_cur >= top ||
        top - limit.rlim_cur >= reinterpret_cast<uintptr_t>(&probe))
        return false;
    addr = reinterpret_cast<void*>(top - limit.rlim_cur);
    size = limit.rlim_cur;
    return true;
}

void set_stack_bounds()
{
    pthread_attr_t attr;
    void* addr = nullptr;
    size_t size = 0;
    if (main_stack_from_auxv(addr, size)) {
        // Found without touching /proc.
    } else if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        pthread_attr_getstack(&attr, &addr, &size);
        pthread_attr_destroy(&attr);
    }
    if (addr) {
        char* top = static_cast<char*>(addr) + size;
        gc::heap().set_stack_base(top);
        // Leave 256 KiB for native code below the deepest Python frame.
        thread().stack_limit = static_cast<char*>(addr) + 256 * 1024;
    } else {
        char probe;
        gc::heap().set_stack_base(&probe + 4096);
    }
}

Module* atexit_module();
} // namespace

} // namespace adder::runtime

namespace adder {
Module* sys_module();
}

namespace adder::runtime {
namespace {

Result<Value> atexit_register(Value, CallArgs args)
{
    if (args.nargs < 1)
        return throw_error(g_TypeError, "register() takes at least 1 argument (0 given)");
    if (!is_callable(args[0]))
        return throw_error(g_TypeError, "the first argument must be callable");
    // Store (func, args tuple, kwargs dict).
    Tuple* rest = Tuple::create(std::span<const Value>(args.items + 1, args.nargs - 1));
    Dict* kw = Dict::create();
    for (size_t i = 0; i < args.nkw(); ++i)
        TRY(kw->set(args.kwnames->at(i), args.kw_value(i)));
    g_atexit->append(Value(Tuple::create({ args[0], Value(rest), Value(kw) })));
    return args[0];
}

Result<Value> atexit_unregister(Value, CallArgs args)
{
    TRY(check_arity(args, "unregister", 1, 1));
    auto& items = g_atexit->items();
    for (size_t i = items.size(); i-- > 0;) {
        bool eq = TRY(equals(as_tuple(items[i])->at(0), args[0]));
        if (eq)
            items.erase(items.begin() + int64_t(i));
    }
    return none();
}

Module* atexit_module()
{
    Module* m = Module::create("atexit");
    m->dict()->set_str("register", Value(make_native_function("register", atexit_register, Value(m))));
    m->dict()->set_str("unregister", Value(make_native_function("unregister", atexit_unregister, Value(m))));
    return m;
}

std::string abs_dirname(const std::string& path)
{
    char buf[PATH_MAX];
    std::string abs = path;
    if (::realpath(path.c_str(), buf))
        abs = buf;
    size_t slash = abs.rfind('/');
    if (slash == std::string::npos)
        return ".";
    if (slash == 0)
        return "/";
    return abs.substr(0, slash);
}

void set_sys_path(const std::string& first)
{
    List* path = as_list(sys_dict()->get_str("path"));
    path->items().clear();
    if (!g_config.safe_path)
        path->append(Value(Str::create(first)));
    if (!g_config.ignore_environment) {
        if (const char* pp = std::getenv("PYTHONPATH")) {
            std::string s = pp;
            size_t start = 0;
            while (start <= s.size()) {
                size_t colon = s.find(':', start);
                if (colon == std::string::npos)
                    colon = s.size();
                std::string entry = s.substr(start, colon - start);
                if (!entry.empty())
                    path->append(Value(Str::create(entry)));
                start = colon + 1;
            }
        }
    }
    // Python stand-ins for C accelerator modules, then the stdlib.
    std::string here = __FILE__; // .../src/runtime/runtime.cpp
    std::string shims = here.substr(0, here.rfind("/runtime/")) + "/modules/py";
    path->append(Value(Str::create(shims)));
    const char* libdir = std::getenv("ADDER_LIBDIR");
    path->append(Value(Str::create(libdir && *libdir ? libdir : ADDER_LIBDIR)));
}

Module* make_main_module()
{
    Module* m = Module::create("__main__");
    m->dict()->set_str("__builtins__", Value(g_builtins));
    m->dict()->set_str("__annotations__", Value(Dict::create()));
    sys_modules()->set_str("__main__", Value(m));
    g_main = m;
    return m;
}

void flush_std_streams()
{
    for (const char* name : { "stdout", "stderr" }) {
        Value f = sys_dict()->get_str(name);
        if (!f || is_none(f))
            continue;
        Result<Value> r = call_method(f, "flush", {});
        if (r.is_error())
            take_pending();
    }
}

// Handles the pending exception at top level: SystemExit gives its code,
// anything else prints a traceback and gives 1.
int handle_uncaught()
{
    Value exc = take_pending();
    if (!exc)
        return 0;
    ThreadState& ts = thread();
    ts.handled = Value();
    // Under -i (or PYTHONINSPECT) a SystemExit of the program is reported like
    // any exception so the REPL can start (CPython's handle_system_exit).
    if (exc.type()->is_subtype_of(g_SystemExit) && !g_system_exit_is_error) {
        Dict* d = exc.as_object()->dict();
        Value code = d ? d->get_str("code") : Value();
        if (!code || is_none(code))
            return 0;
        if (is_int(code)) {
            int64_t c = 0;
            if (!int_fits_i64(code, c))
                c = -1;
            return int(c & 0xff);
        }
        flush_std_streams();
        Result<Value> s = to_str(code);
        std::string text = s.is_ok() ? as_str(s.value())->data() : "";
        if (s.is_error())
            take_pending();
        Value err = sys_dict()->get_str("stderr");
        if (err && !is_none(err)) {
            Status st = write_to_file(err, text + "\n");
            if (st.is_error())
                take_pending();
        } else {
            std::fprintf(stderr, "%s\n", text.c_str());
        }
        flush_std_streams();
        return 1;
    }
    bool interrupted = exc.type()->is_subtype_of(g_KeyboardInterrupt);
    Value hook = sys_dict()->get_str("excepthook");
    Value tb = as_exception(exc)->m_traceback;
    if (hook && hook.type() != g_builtin_function_type) {
        Result<Value> r = call(hook, { Value(exc.type()), exc, tb ? tb : none() });
        if (r.is_error()) {
            Value e2 = take_pending();
            (void)print_exception(e2);
            (void)print_exception(exc);
        }
    } else {
        (void)print_exception(exc);
    }
    return interrupted ? 130 : 1;
}

int run_source(const std::string& source, const std::string& filename, bool is_text)
{
    compiler::CompileOptions opts;
    opts.optimize = g_config.optimize;
    compiler::CompileResult r = compiler::compile_source(source, filename, opts, is_text);
    if (r.error) {
        set_pending(make_syntax_error(*r.error));
        return handle_uncaught();
    }
    if (emit_syntax_warnings(r.warnings).is_error())
        return handle_uncaught();
    Module* m = g_main ? g_main : make_main_module();
    Code* code = Code::create(r.code);
    Result<Value> res = vm::run_code(code, m->dict(), Value());
    if (res.is_error())
        return handle_uncaught();
    return 0;
}

bool read_file(const std::string& path, std::string& out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

} // namespace

void startup(const Config& config)
{
    g_config = config;
    const char* inspect_env = config.ignore_environment ? nullptr : std::getenv("PYTHONINSPECT");
    g_system_exit_is_error = config.inspect || (inspect_env && *inspect_env);
    set_stack_bounds();
    std::signal(SIGINT, on_sigint);
    // PEP 3131: non-ASCII identifiers are NFKC-normalised (the front end has no Unicode tables).
    parser::set_identifier_normalizer([](std::string_view utf8) { return text::nfkc(utf8); });
    gc::heap().add_root_source(new RuntimeRoots);
    init_types();
    vm::init_call_slots();
    vm::init_generator_types();
    init_io();
    g_builtins = create_builtins_module();
    g_builtins->dict()->set_str("open", Value(make_native_function("open", builtin_open, Value(g_builtins))));
    vm::set_builtins_dict(g_builtins->dict());
    std::string exe = config.program_name;
    char buf[PATH_MAX];
    ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0)
        exe.assign(buf, size_t(n));
    create_sys_module(config, exe);
    if (config.pycache_prefix)
        sys_dict()->set_str("pycache_prefix", Value(Str::create(*config.pycache_prefix)));
    g_builtins->dict()->set_str("__debug__", py_bool(config.optimize == 0));
    g_atexit = List::create();
    sys_modules()->set_str("builtins", Value(g_builtins));
    sys_modules()->set_str("sys", Value(sys_module()));
    imp::register_native_module("atexit", atexit_module);
    imp::register_native_module("gc", create_gc_module);
    register_math_module();
    register_stdlib_modules();
    imp::init_import();
    imp::configure_cache(config); // the bytecode cache's switches (src/import/source_loader.h)
    char cwd[PATH_MAX];
    set_sys_path(::getcwd(cwd, sizeof cwd) ? "" : "");
}

// Runs the source at `path` in __main__ `m` with its code taken from (and
// written to) the bytecode cache, as runpy does for -m and directories.
static int run_cached_main(Module* m, const std::string& path, const std::string& spec_name)
{
    // __cached__, __loader__, __spec__ as runpy sets them.
    if (imp::set_module_spec_attrs(m->dict(), spec_name, path, std::nullopt).is_error())
        return handle_uncaught();
    Result<Code*> code = imp::load_module_code(path, spec_name);
    if (code.is_error())
        return handle_uncaught();
    Result<Value> res = vm::run_code(code.value(), m->dict(), Value());
    if (res.is_error())
        return handle_uncaught();
    return 0;
}

// os.path.abspath: since 3.9 the __main__ script path is absolute.
static std::string abspath(const std::string& path)
{
    if (path.empty() || path[0] == '/')
        return path;
    char cwd[PATH_MAX];
    if (!::getcwd(cwd, sizeof cwd))
        return path;
    std::string p = path;
    while (p.size() > 2 && p.compare(0, 2, "./") == 0)
        p = p.substr(2);
    return std::string(cwd) + "/" + p;
}

int run_file(const std::string& given_path)
{
    std::string path = abspath(given_path);
    std::string source;
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        set_sys_path(path);
        std::string main_py = path + "/__main__.py";
        if (!read_file(main_py, source)) {
            std::fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", g_config.program_name.c_str(), path.c_str());
            return 1;
        }
        Module* m = make_main_module();
        m->dict()->set_str("__file__", Value(Str::create(main_py)));
        // DIR/__main__.py is imported through the bytecode cache (spec C6).
        return run_cached_main(m, main_py, "__main__");
    }
    if (!read_file(path, source)) {
        std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", g_config.program_name.c_str(), path.c_str(), errno,
                     std::strerror(errno));
        return 2;
    }
    set_sys_path(abs_dirname(path));
    Module* m = make_main_module();
    m->dict()->set_str("__file__", Value(Str::create(path)));
    m->dict()->set_str("__cached__", none());
    if (imp::is_pyc_script(path, source)) {
        // A cache file run as a script (spec S7; src/import/source_loader.h).
        Result<Code*> code = imp::load_pyc_script(path);
        Result<Value> res = code.is_ok() ? vm::run_code(code.value(), m->dict(), Value()) : Result<Value>(pending);
        return res.is_error() ? handle_uncaught() : 0;
    }
    if (g_config.skip_first_line) {
        // -x: drop the first line but keep its newline, so line numbers stay right.
        size_t eol = source.find('\n');
        source.erase(0, eol == std::string::npos ? source.size() : eol);
    }
    return run_source(source, path, false);
}

int run_command(const std::string& source)
{
    set_sys_path("");
    make_main_module();
    return run_source(source, "<string>", true);
}

int run_stdin()
{
    std::stringstream ss;
    std::string source;
    char buf[65536];
    ssize_t n;
    while ((n = ::read(0, buf, sizeof buf)) > 0)
        source.append(buf, size_t(n));
    set_sys_path("");
    Module* m = make_main_module();
    // As CPython's run of a piped stdin: __file__ '<stdin>', never cached (C4).
    m->dict()->set_str("__file__", Value(Str::create("<stdin>")));
    m->dict()->set_str("__cached__", none());
    return run_source(source, "<stdin>", false);
}

int run_module(const std::string& name)
{
    char cwd[PATH_MAX];
    set_sys_path(::getcwd(cwd, sizeof cwd) ? cwd : ".");
    // Native modules with a `_main` (py_compile, compileall, ...): see native_main.h.
    if (imp::is_native_main_module(name)) {
        make_main_module();
        return imp::run_native_main(name).is_error() ? handle_uncaught() : 0;
    }
    // Import parent packages, then run the module (or package/__main__) as __main__.
    std::string target = name;
    std::string parent;
    size_t dot = name.rfind('.');
    Value search;
    if (dot != std::string::npos) {
        parent = name.substr(0, dot);
        Result<Value> p = imp::import_module(parent);
        if (p.is_error())
            return handle_uncaught();
        Result<Value> path = get_attr_optional(p.value(), Str::intern("__path__"));
        if (path.is_error())
            return handle_uncaught();
        search = path.value();
    }
    std::string tail = dot == std::string::npos ? name : name.substr(dot + 1);
    std::string file;
    bool is_package = false;
    List* paths = search && is_list(search) ? as_list(search) : as_list(sys_dict()->get_str("path"));
    for (Value p : paths->items()) {
        if (!is_str(p))
            continue;
        std::string dir = as_str(p)->data().empty() ? "." : as_str(p)->data();
        struct stat st;
        std::string pkg = dir + "/" + tail;
        if (::stat((pkg + "/__init__.py").c_str(), &st) == 0) {
            is_package = true;
            file = pkg + "/__main__.py";
            break;
        }
        if (::stat((pkg + ".py").c_str(), &st) == 0) {
            file = pkg + ".py";
            break;
        }
    }
    if (file.empty()) {
        std::fprintf(stderr, "%s: No module named %s\n", g_config.program_name.c_str(), name.c_str());
        return 1;
    }
    if (is_package) {
        Result<Value> pkg = imp::import_module(name);
        if (pkg.is_error())
            return handle_uncaught();
        struct stat st;
        if (::stat(file.c_str(), &st) != 0) {
            std::fprintf(stderr, "%s: No module named %s.__main__; '%s' is a package and cannot be directly executed\n",
                         g_config.program_name.c_str(), name.c_str(), name.c_str());
            return 1;
        }
    }
    List* argv = as_list(sys_dict()->get_str("argv"));
    char abs[PATH_MAX];
    std::string full = ::realpath(file.c_str(), abs) ? abs : file;
    if (!argv->items().empty())
        argv->items()[0] = Value(Str::create(full));
    Module* m = make_main_module();
    m->dict()->set_str("__file__", Value(Str::create(full)));
    std::string pkg = is_package ? name : parent;
    m->dict()->set_str("__package__", Value(Str::create(pkg)));
    // The module is imported through the bytecode cache (spec C5).
    return run_cached_main(m, full, is_package ? name + ".__main__" : name);
}

ReplStatus run_interactive(const std::string& source, int& exit_code)
{
    g_system_exit_is_error = false;
    if (!g_main) {
        set_sys_path("");
        make_main_module();
    }
    compiler::CompileOptions opts;
    opts.mode = parser::Mode::Single;
    opts.optimize = g_config.optimize;
    compiler::CompileResult r = compiler::compile_source(source, "<stdin>", opts, true);
    // Count lines to see whether an error is at the end of the input.
    int nlines = 0;
    for (char c : source)
        nlines += c == '\n';
    if (!source.empty() && source.back() != '\n')
        ++nlines;
    bool ends_blank = source.size() >= 2 && source.substr(source.size() - 2) == "\n\n";
    if (r.error) {
        const std::string& msg = r.error->msg;
        bool at_end = r.error->lineno >= nlines;
        if (at_end && (msg.find("unexpected EOF") != std::string::npos || msg.find("was never closed") != std::string::npos ||
                       msg.find("expected an indented block") != std::string::npos ||
                       msg.find("unterminated triple-quoted") != std::string::npos || msg == "invalid syntax"))
            if (!ends_blank || msg.find("was never closed") != std::string::npos || msg.find("triple-quoted") != std::string::npos)
                return ReplStatus::Incomplete;
        set_pending(make_syntax_error(*r.error));
        int code = handle_uncaught();
        (void)code;
        return ReplStatus::Complete;
    }
    // A compound statement continues until a blank line.
    bool compound = false;
    {
        std::istringstream in(source);
        std::string line;
        bool first = true;
        while (std::getline(in, line)) {
            if (!first && !line.empty() && (line[0] == ' ' || line[0] == '\t'))
                compound = true;
            if (first && !line.empty() && line.find_last_not_of(" \t") != std::string::npos &&
                line[line.find_last_not_of(" \t")] == ':')
                compound = true;
            first = false;
        }
    }
    if (compound && !ends_blank)
        return ReplStatus::Incomplete;
    if (emit_syntax_warnings(r.warnings).is_error()) {
        handle_uncaught();
        return ReplStatus::Complete;
    }
    Code* code = Code::create(r.code);
    Result<Value> res = vm::run_code(code, g_main->dict(), Value());
    flush_std_streams();
    if (res.is_error()) {
        if (pending_matches(g_SystemExit)) {
            exit_code = handle_uncaught();
            return ReplStatus::Exit;
        }
        handle_uncaught();
    }
    return ReplStatus::Complete;
}

int finalize(int status)
{
    // atexit handlers run last-registered first.
    if (g_atexit) {
        while (!g_atexit->items().empty()) {
            Value entry = g_atexit->items().back();
            g_atexit->items().pop_back();
            Tuple* t = as_tuple(entry);
            Result<Value> r = call_tuple_dict(t->at(0), as_tuple(t->at(1)), as_dict(t->at(2)));
            if (r.is_error()) {
                if (pending_matches(g_SystemExit)) {
                    status = handle_uncaught();
                } else {
                    Value exc = take_pending();
                    Value err = sys_dict()->get_str("stderr");
                    if (err)
                        (void)write_to_file(err, "Exception ignored in atexit callback: " +
                                                     (is_exception(exc) ? std::string("") : std::string("")) + "\n");
                    (void)print_exception(exc);
                }
            }
        }
    }
    // Suspended generators still alive run their finally blocks, as
    // CPython's module teardown does.
    gc::heap().finalize_all();
    flush_std_streams();
    flush_all_files();
    return status;
}

} // namespace adder::runtime
