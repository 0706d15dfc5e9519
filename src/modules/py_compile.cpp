// The py_compile module (spec §9): compile(file, cfile=None, dfile=None,
// doraise=False, optimize=-1, invalidation_mode=None, quiet=0),
// PyCompileError, PycInvalidationMode and the `adder -m py_compile` entry
// point `_main` with CPython 3.11's messages and exit codes.
// FIXME: PycInvalidationMode members are plain ints (1, 2, 3), not enum
// members; os.PathLike arguments are not accepted.
#include "modules/cache_modules.h"

#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

#include "cache/file_system.h"
#include "cache/paths.h"
#include "import/compile_file.h"
#include "import/source_loader.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/syntax_warnings.h"

namespace adder {
Dict* sys_dict();
Value make_syntax_error(const parser::SyntaxErrorInfo& info);
std::string format_exception_text(Value exc);
} // namespace adder

namespace adder::cachemod {

namespace {

Type* g_py_compile_error = nullptr; // kept alive by the module dict

struct PyCompileRoots : gc::RootSource {
    void visit_roots(gc::Visitor& v) override { v.visit(g_py_compile_error); }
};

int interpreter_optimize() { return imp::pyc_cache().options().optimize; }

std::string cwd_now()
{
    char buf[4096];
    return ::getcwd(buf, sizeof buf) ? std::string(buf) : std::string();
}

// Builds PyCompileError(exc_type, exc_value, file) with CPython's msg text.
Value make_py_compile_error(Value syntax_error, const std::string& file)
{
    // traceback.format_exception_only's text, final newline included.
    std::string msg = format_exception_text(syntax_error);
    Value arg = Value(Str::create(msg));
    Result<Value> exc = make_exception(g_py_compile_error, std::span<const Value>(&arg, 1));
    if (exc.is_error())
        return Value();
    Value e = exc.value();
    if (set_attr(e, Str::intern("exc_type_name"), Value(Str::create("SyntaxError"))).is_error() ||
        set_attr(e, Str::intern("exc_value"), syntax_error).is_error() ||
        set_attr(e, Str::intern("file"), Value(Str::create(file))).is_error() ||
        set_attr(e, Str::intern("msg"), Value(Str::create(msg))).is_error())
        return Value();
    return e;
}

Result<int64_t> int_or(Value v, int64_t dflt)
{
    if (!v || is_none(v))
        return dflt;
    // An enum-like object: use its value.
    if (!is_int(v)) {
        Value inner = TRY(get_attr(v, "value"));
        return int_as_i64(inner);
    }
    return int_as_i64(v);
}

// The core of compile(); `quiet` and `doraise` as in CPython.
Result<Value> do_compile(const std::string& file, Value cfile_v, Value dfile_v, bool doraise, int64_t optimize,
    Value mode_v, int64_t quiet)
{
    int64_t mode = TRY(int_or(mode_v, int64_t(imp::default_invalidation_mode())));
    if (mode < 1 || mode > 3)
        return throw_error(g_ValueError, "%lld is not a valid PycInvalidationMode", (long long)mode);
    std::string cfile;
    if (cfile_v && !is_none(cfile_v)) {
        cfile = TRY(str_arg(cfile_v, "compile"));
    } else {
        std::string opt = optimize >= 0 ? (optimize >= 1 ? std::to_string(optimize) : std::string())
                                        : cache::optimization_for_level(interpreter_optimize());
        cache::PathResult r = cache::cache_from_source(file, opt, imp::pyc_cache().options().pycache_prefix, cwd_now());
        if (!r.ok)
            return throw_error(g_ValueError, "%s", r.error.c_str());
        cfile = r.path;
    }
    std::string dfile = dfile_v && !is_none(dfile_v) ? TRY(str_arg(dfile_v, "compile")) : std::string();
    // T3: refuse to turn a symlink or special file into a regular file.
    struct stat lst;
    if (::lstat(cfile.c_str(), &lst) == 0) {
        if (S_ISLNK(lst.st_mode))
            return throw_error(g_FileExistsError,
                "%s is a symlink and will be changed into a regular file if import writes a byte-compiled file to it",
                cfile.c_str());
        if (!S_ISREG(lst.st_mode))
            return throw_error(g_FileExistsError,
                "%s is a non-regular file and will be changed into a regular one if import writes a byte-compiled "
                "file to it",
                cfile.c_str());
    }
    imp::CompileFileRequest req;
    req.source = file;
    req.cfile = cfile;
    req.dfile = dfile;
    req.optimize = int(optimize >= 0 ? optimize : interpreter_optimize());
    req.mode = imp::InvalidationMode(mode);
    // SyntaxWarnings go through the warnings filters as compile() would
    // emit them; one turned into an error fails like a SyntaxError.
    req.report_warnings = [](const std::vector<parser::SyntaxErrorInfo>& ws) {
        return emit_syntax_warnings(ws).is_ok();
    };
    imp::CompileFileResult r = imp::compile_file_to_cache(req);
    Value error;
    switch (r.status) {
    case imp::CompileFileResult::Status::Ok:
        return Value(Str::create(cfile));
    case imp::CompileFileResult::Status::OSError:
        return raise_errno(r.err, r.err_path);
    case imp::CompileFileResult::Status::SyntaxError:
        error = make_syntax_error(*r.syntax);
        break;
    case imp::CompileFileResult::Status::WarningError:
        error = take_pending();
        break;
    }
    Value exc = make_py_compile_error(error, dfile.empty() ? file : dfile);
    if (!exc)
        return pending;
    if (quiet < 2) {
        if (doraise)
            return throw_exception(exc);
        Value msg = TRY(get_attr(exc, "msg"));
        TRY(write_stderr(as_str(msg)->data() + "\n"));
    }
    return none();
}

Result<Value> py_compile_compile(Value, CallArgs args)
{
    Value file, cfile, dfile, doraise, optimize, mode, quiet;
    TRY(parse_args(args, "compile", { "file", "cfile", "dfile", "doraise", "optimize", "invalidation_mode", "quiet" }, 1,
        { &file, &cfile, &dfile, &doraise, &optimize, &mode, &quiet }));
    std::string f = TRY(str_arg(file, "compile"));
    bool raise = doraise ? TRY(truthy(doraise)) : false;
    int64_t opt = TRY(int_or(optimize, -1));
    int64_t q = TRY(int_or(quiet, 0));
    return do_compile(f, cfile, dfile, raise, opt, mode, q);
}

const char* k_usage = "usage: py_compile.py [-h] [-q] filenames [filenames ...]\n";

// `adder -m py_compile [-q] FILE... | -` (spec T7).
Result<Value> py_compile_main(Value, CallArgs args)
{
    TRY(check_arity(args, "_main", 0, 0));
    std::vector<std::string> argv = script_args();
    bool quiet = false;
    std::vector<std::string> files;
    bool only_positional = false;
    for (const std::string& a : argv) {
        if (!only_positional && a == "--") {
            only_positional = true;
        } else if (!only_positional && (a == "-q" || a == "--quiet")) {
            quiet = true;
        } else if (!only_positional && (a == "-h" || a == "--help")) {
            TRY(write_stdout(std::string(k_usage) +
                "\nA simple command-line interface for py_compile module.\n\npositional arguments:\n"
                "  filenames    Files to compile\n\noptions:\n  -h, --help   show this help message and exit\n"
                "  -q, --quiet  Suppress error output\n"));
            return system_exit(0);
        } else if (!only_positional && a.size() > 1 && a[0] == '-') {
            TRY(write_stderr(std::string(k_usage) + "py_compile.py: error: unrecognized arguments: " + a + "\n"));
            return system_exit(2);
        } else {
            files.push_back(a);
        }
    }
    if (files.empty()) {
        TRY(write_stderr(std::string(k_usage) + "py_compile.py: error: the following arguments are required: filenames\n"));
        return system_exit(2);
    }
    if (files.size() == 1 && files[0] == "-") {
        files.clear();
        // Read fd 0 directly: <iostream>'s static initialisers cost every start.
        std::string text;
        char buf[65536];
        ssize_t n;
        while ((n = ::read(0, buf, sizeof buf)) > 0)
            text.append(buf, size_t(n));
        size_t start = 0;
        while (start < text.size()) {
            size_t end = text.find('\n', start);
            if (end == std::string::npos)
                end = text.size();
            files.push_back(text.substr(start, end - start));
            start = end + 1;
        }
    }
    for (const std::string& f : files) {
        Result<Value> r = do_compile(f, Value(), Value(), true, -1, Value(), 0);
        if (r.is_ok())
            continue;
        Value exc = pending_exception();
        std::string text;
        if (exc.type()->is_subtype_of(g_py_compile_error)) {
            take_pending();
            Result<Value> msg = get_attr(exc, "msg");
            if (msg.is_error())
                return pending;
            text = as_str(msg.value())->data();
        } else if (exc.type()->is_subtype_of(g_OSError)) {
            take_pending();
            Result<Value> s = to_str(exc);
            if (s.is_ok())
                text = as_str(s.value())->data();
        } else {
            return pending;
        }
        if (!quiet)
            TRY(write_stderr(text));
        return system_exit(1);
    }
    return none();
}

} // namespace

Module* create_py_compile_module()
{
    Module* m = Module::create("py_compile");
    if (!g_py_compile_error) {
        Dict* ns = Dict::create();
        ns->set_str("__module__", Value(Str::create("py_compile")));
        ns->set_str("__doc__", Value(Str::create("Exception raised when an error occurs while attempting to compile the file.")));
        Result<Value> t = type_new(g_type_type, Str::create("PyCompileError"), Tuple::create({ Value(g_Exception) }), ns);
        if (t.is_error())
            return nullptr;
        g_py_compile_error = static_cast<Type*>(t.value().as_object());
        gc::heap().add_root_source(new PyCompileRoots);
    }
    m->dict()->set_str("PyCompileError", Value(g_py_compile_error));
    Dict* ns = Dict::create();
    ns->set_str("__module__", Value(Str::create("py_compile")));
    ns->set_str("TIMESTAMP", Value::small(1));
    ns->set_str("CHECKED_HASH", Value::small(2));
    ns->set_str("UNCHECKED_HASH", Value::small(3));
    Result<Value> mode_t = type_new(g_type_type, Str::create("PycInvalidationMode"), Tuple::create({ Value(g_object_type) }), ns);
    if (mode_t.is_error())
        return nullptr;
    m->dict()->set_str("PycInvalidationMode", mode_t.value());
    add_function(m, "compile", py_compile_compile);
    add_function(m, "_main", py_compile_main);
    add_function(m, "main", py_compile_main);
    return m;
}

} // namespace adder::cachemod
