// See source_loader.h. This is the glue between the import system and the
// cache library: it owns the interpreter's PycCache, keeps its options in
// step with `sys`, compiles on a miss and turns the library's sourceless
// errors into the exceptions CPython raises (spec §4.1, §6 S2).
#include "import/source_loader.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <unistd.h>

#include "builtins/builtins.h"
#include "cache/magic.h"
#include "compiler/compiler.h"
#include "import/module_spec.h"
#include "modules/cache_modules.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "runtime/syntax_warnings.h"

namespace adder {
Dict* sys_dict();
Value make_syntax_error(const parser::SyntaxErrorInfo& info);
} // namespace adder

namespace adder::imp {

// Str::intern(LITERAL) computed once per call site: every import asks for
// the same few names, and interning a literal hashes it each time.
// Interned strings are never freed, so the cached pointer stays valid.
#define IMP_NAME(lit) ([]() -> Str* { static Str* const s_str = Str::intern(lit); return s_str; }())

namespace {

int g_verbose = 0;

cache::PycCache& the_cache()
{
    // Never destroyed: modules may be imported from atexit handlers.
    static auto* c = new cache::PycCache();
    return *c;
}

// OSError(errno, strerror, filename), as the subclass CPython picks.
Pending raise_os_error(int err, const std::string& filename) { return cachemod::raise_errno(err, filename); }

// ImportError(msg, name=..., path=...) as _classify_pyc raises it.
Pending raise_import_error(const std::string& message, std::string_view name, const std::string& path)
{
    throw_error(g_ImportError, "%s", message.c_str());
    Value exc = pending_exception();
    if (exc && exc.as_object()->dict()) {
        exc.as_object()->dict()->set_str("name", Value(Str::create(name)));
        exc.as_object()->dict()->set_str("path", Value(Str::create(path)));
    }
    return pending;
}

// Code::materialize's fallback for a cached module with a bad nested code
// record: recompiles the source as the import did (the compiler is
// deterministic) and rewrites the cache file so the next run is clean.
// Errors are silent (the caller raises ImportError on null).
std::shared_ptr<bytecode::CodeUnit> recompile_lazy_source(bytecode::LazySource& ls)
{
    cache::FileSystem& fs = cache::default_file_system();
    cache::LoadState state;
    if (fs.stat(ls.source_path, &state.source_stat) != 0)
        return nullptr;
    std::string source;
    if (fs.read_file(ls.source_path, &source) != 0)
        return nullptr;
    compiler::CompileOptions opts;
    opts.optimize = ls.optimize;
    compiler::CompileResult r = compiler::compile_source(source, ls.source_path, opts, false);
    if (r.error || !r.code)
        return nullptr;
    if (g_verbose)
        verbose_message("# bad code object in " + ls.cache_path + "; recompiled " + ls.source_path);
    state.source_stat_ok = true;
    state.cache_path = ls.cache_path;
    state.write_hash_based = ls.hash_based;
    state.hash_check_source = ls.check_source;
    pyc_cache().store({ ls.module_name, ls.source_path }, state, *r.code, source, nullptr);
    return r.code;
}

void say_all(const std::vector<std::string>& lines)
{
    for (const std::string& l : lines)
        verbose_message(l);
}

} // namespace

void configure_cache(const Config& config)
{
    cache::CacheOptions& o = the_cache().options();
    o.dont_write_bytecode = config.dont_write_bytecode;
    o.optimize = config.optimize;
    o.pycache_prefix = config.pycache_prefix;
    o.verbose = config.verbose > 0;
    o.check_hash_based_pycs = config.check_hash_based_pycs == "always" ? cache::CheckHashMode::Always
        : config.check_hash_based_pycs == "never"                      ? cache::CheckHashMode::Never
                                                                       : cache::CheckHashMode::Default;
    g_verbose = config.verbose;
    cachemod::register_cache_modules();
}

int verbose_level() { return g_verbose; }

cache::PycCache& pyc_cache()
{
    cache::CacheOptions& o = the_cache().options();
    // Rule W1 and P5: both are read at every use, a program may assign them.
    if (Dict* sd = sys_dict()) {
        Value dwb = sd->get_str(IMP_NAME("dont_write_bytecode"));
        if (dwb) {
            Result<bool> t = truthy(dwb);
            if (t.is_ok())
                o.dont_write_bytecode = t.value();
            else
                take_pending();
        }
        Value prefix = sd->get_str(IMP_NAME("pycache_prefix"));
        if (prefix && is_str(prefix))
            o.pycache_prefix = as_str(prefix)->data();
        else
            o.pycache_prefix.reset();
    }
    return the_cache();
}

void verbose_message(std::string_view line)
{
    std::string text(line);
    text += '\n';
    Dict* sd = sys_dict();
    Value err = sd ? sd->get_str("stderr") : Value();
    if (err && !is_none(err)) {
        if (write_to_file(err, text).is_error())
            take_pending();
        return;
    }
    std::fwrite(text.data(), 1, text.size(), stderr);
}

bool is_sourceless_path(std::string_view path) { return path.size() > 4 && path.ends_with(".pyc"); }

std::string absolute_path(const std::string& path)
{
    if (!path.empty() && path[0] == '/')
        return path;
    char buf[PATH_MAX];
    if (!::getcwd(buf, sizeof buf))
        return path;
    std::string cwd = buf;
    if (path.empty() || path == ".")
        return cwd;
    return cwd == "/" ? "/" + path : cwd + "/" + path;
}

// cached_for(), also reporting cache_tag_is_none() when it was asked.
static std::optional<std::string> cached_for(const std::string& path, bool* no_tag)
{
    if (is_sourceless_path(path))
        return path;
    if (cache_tag_is_none()) {
        *no_tag = true;
        return std::nullopt;
    }
    return pyc_cache().cache_path(path);
}

std::optional<std::string> cached_for(const std::string& path)
{
    bool no_tag = false;
    return cached_for(path, &no_tag);
}

bool is_pyc_script(const std::string& path, std::string_view data)
{
    return is_sourceless_path(path) ||
        (data.size() >= 2 && uint8_t(data[0]) == cache::magic_bytes[0] && uint8_t(data[1]) == cache::magic_bytes[1]);
}

Result<Code*> load_pyc_script(const std::string& path)
{
    cache::SourcelessError error;
    std::vector<std::string> lines;
    std::shared_ptr<bytecode::CodeUnit> unit =
        pyc_cache().load_sourceless({ "__main__", path }, &error, g_verbose ? &lines : nullptr);
    say_all(lines);
    if (unit)
        return Code::create(unit);
    if (error.type == cache::SourcelessError::Type::OSError)
        return raise_os_error(error.err, path);
    if (error.message.rfind("bad magic number", 0) == 0)
        return throw_error(g_RuntimeError, "Bad magic number in .pyc file");
    return throw_error(g_RuntimeError, "Bad code object in .pyc file");
}

bool cache_tag_is_none()
{
    Dict* sd = sys_dict();
    Value impl = sd ? sd->get_str(IMP_NAME("implementation")) : Value();
    if (!impl)
        return false;
    Result<Value> tag = get_attr_optional(impl, IMP_NAME("cache_tag"));
    if (tag.is_error()) {
        take_pending();
        return false;
    }
    return tag.value() && is_none(tag.value());
}

Status set_module_spec_attrs(Dict* d, const std::string& spec_name, const std::string& path,
    const std::optional<std::vector<std::string>>& search_locations, CachedPath* out)
{
    bool no_tag = false;
    std::optional<std::string> cached = cached_for(path, &no_tag);
    if (out) {
        out->no_tag = no_tag;
        out->path = cached;
    }
    // One str each for the name, path and cache path, shared by the
    // loader, the spec and __cached__ as in CPython.
    Str* cached_s = cached ? Str::create(*cached) : nullptr;
    if (cached_s) // importlib sets it only when spec.cached is not None (C16)
        d->set_str(IMP_NAME("__cached__"), Value(cached_s));
    Str* name_s = Str::create(spec_name);
    Str* path_s = Str::create(path);
    Value loader = TRY(make_loader(is_sourceless_path(path) ? LoaderKind::Sourceless : LoaderKind::Source, name_s, path_s));
    Value spec = TRY(make_module_spec(name_s, loader, path_s, search_locations, cached_s));
    d->set_str(IMP_NAME("__loader__"), loader);
    d->set_str(IMP_NAME("__spec__"), spec);
    return ok();
}

Result<Code*> load_code_cached(const std::string& path, std::string_view module_name, const cache::FileStat* found_stat,
    const CachedPath* known)
{
    cache::PycCache& pc = pyc_cache();
    cache::SourceInfo info { std::string(module_name), path };
    if (found_stat)
        info.source_stat = *found_stat;
    std::vector<std::string> lines;
    std::vector<std::string>* msgs = g_verbose ? &lines : nullptr;

    if (is_sourceless_path(path)) {
        cache::SourcelessError error;
        std::shared_ptr<bytecode::CodeUnit> unit = pc.load_sourceless(info, &error, msgs);
        say_all(lines);
        if (!unit) {
            using T = cache::SourcelessError::Type;
            if (error.type == T::OSError)
                return raise_os_error(error.err, path);
            if (error.type == T::EOFError)
                return throw_error(g_EOFError, "%s", error.message.c_str());
            return raise_import_error(error.message, module_name, path);
        }
        return Code::create(unit);
    }

    // C16: with sys.implementation.cache_tag None nothing is read or written.
    bool no_tag = known ? known->no_tag : cache_tag_is_none();
    if (known && !no_tag)
        info.cache_path = &known->path;
    cache::LoadState state;
    std::shared_ptr<bytecode::LazySource> lazy;
    std::shared_ptr<bytecode::CodeUnit> unit = no_tag ? nullptr : pc.load_lazy(info, &state, msgs, &lazy);
    say_all(lines);
    lines.clear();
    if (unit) {
        lazy->recompile = recompile_lazy_source;
        if (Code* code = Code::create_lazy(unit, lazy))
            return code;
        take_pending(); // a bad nested header: compile as on a miss
    }

    std::string source;
    if (state.source_bytes) {
        source = std::move(*state.source_bytes);
        state.source_bytes.reset();
    } else {
        int err = cache::default_file_system().read_file(path, &source);
        if (err)
            return raise_os_error(err, path);
    }
    compiler::CompileOptions opts;
    opts.optimize = pc.options().optimize;
    compiler::CompileResult r = compiler::compile_source(source, path, opts, false);
    if (r.error) {
        set_pending(make_syntax_error(*r.error));
        return pending;
    }
    TRY(emit_syntax_warnings(r.warnings));
    // The cache file is written before the module body runs (rule C17).
    if (no_tag) {
        if (g_verbose)
            verbose_message("# code object from " + path);
    } else {
        // The new cache file's body is far smaller than the compiler's
        // CodeUnit tree: run the module from it, lazily, as a warm import
        // would, and free the tree now.
        std::pair<std::shared_ptr<bytecode::CodeUnit>, std::shared_ptr<bytecode::LazySource>> reload;
        pc.store(info, state, *r.code, source, msgs, &reload);
        if (reload.first) {
            say_all(lines);
            reload.second->recompile = recompile_lazy_source;
            if (Code* code = Code::create_lazy(reload.first, reload.second))
                return code;
            take_pending();
        }
    }
    say_all(lines);
    return Code::create(r.code);
}

} // namespace adder::imp
