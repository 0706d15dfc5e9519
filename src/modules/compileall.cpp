// The compileall module (spec §10-11): compile_dir, compile_file,
// compile_path and the `adder -m compileall` entry point with CPython 3.11's
// options, messages and exit codes. Differences by design (spec §14): files
// are compiled by threads inside this process (-j N, -j0 = all cores), the
// freshness test is the cache library's full-header check (K14), and when
// stdout is a terminal a progress counter is drawn on stderr. Output keeps
// the sequential order whatever the number of workers; workers take the
// largest files first so no thread is left alone on a big file at the end.
// Compile-time SyntaxWarnings are collected by the workers and emitted by
// the main thread with the file's output.
// FIXME: the Python-level functions take str paths only, `rx` must be a str
// pattern (std::regex ECMAScript syntax, close to `re` for simple patterns);
// -x on the command line uses the same engine.
#include "modules/cache_modules.h"

#include <algorithm>
#include <atomic>
#include <climits>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include "cache/file_system.h"
#include "cache/paths.h"
#include "cache/pyc_cache.h"
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

struct Options {
    int maxlevels = 1000;
    std::optional<std::string> ddir, stripdir, prependdir, limit_sl_dest;
    bool force = false;
    std::optional<std::regex> rx;
    int quiet = 0;
    bool legacy = false;
    std::vector<int> levels { -1 };
    int workers = 1;
    imp::InvalidationMode mode = imp::InvalidationMode::Timestamp;
    bool hardlink_dupes = false;
};

// What happened to one file; filled by a worker without touching Python.
struct Outcome {
    bool compiling = false; // "Compiling ..." applies
    bool ok = true;
    std::optional<parser::SyntaxErrorInfo> syntax;
    int err = 0;                 // OSError errno
    std::string err_path;        // its filename
    std::string exists_message;  // FileExistsError text (T3) instead of errno
    std::vector<parser::SyntaxErrorInfo> warnings; // SyntaxWarnings, emitted in order by the main thread
};

// One step of the walk, in sequential order: a line to print or a file.
struct Event {
    std::string text; // printed as is (may be empty)
    std::string file; // non-empty: compile this
    Outcome outcome;
    int64_t size = 0; // the file's size from the walk (work estimate for -j)
};

bool is_file(const std::string& p)
{
    struct stat st;
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}
bool is_link(const std::string& p)
{
    struct stat st;
    return ::lstat(p.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

// os.path.join(a, b) for a relative b.
std::string join(const std::string& a, const std::string& b)
{
    if (a.empty() || a.back() == '/')
        return a + b;
    return a + "/" + b;
}

// repr() of a str, through the object model (exact quoting rules).
std::string py_repr(const std::string& s)
{
    Result<std::string> r = repr_text(Value(Str::create(s)));
    if (r.is_ok())
        return r.value();
    take_pending();
    return "'" + s + "'";
}

void walk_dir(const std::string& dir, int maxlevels, int quiet, std::vector<Event>& out)
{
    if (!quiet)
        out.push_back({ "Listing " + py_repr(dir) + "...\n", "", {} });
    std::vector<std::string> names;
    if (cache::default_file_system().list_dir(dir, &names) != 0) {
        if (quiet < 2)
            out.push_back({ "Can't list " + py_repr(dir) + "\n", "", {} });
        names.clear();
    }
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
        if (name == "__pycache__")
            continue;
        std::string full = join(dir, name);
        struct stat st;
        bool have = ::stat(full.c_str(), &st) == 0;
        if (!(have && S_ISDIR(st.st_mode)))
            out.push_back({ "", full, {}, have ? int64_t(st.st_size) : 0 });
        else if (maxlevels > 0 && !is_link(full))
            walk_dir(full, maxlevels - 1, quiet, out);
    }
}

std::vector<std::string> split(const std::string& s, char sep)
{
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        size_t i = s.find(sep, start);
        parts.push_back(s.substr(start, i == std::string::npos ? std::string::npos : i - start));
        if (i == std::string::npos)
            return parts;
        start = i + 1;
    }
}

// os.path.join(*parts) (POSIX): an absolute part restarts the path.
std::string join_all(const std::vector<std::string>& parts)
{
    std::string out;
    bool first = true;
    for (const std::string& p : parts) {
        if (first) {
            out = p;
            first = false;
        } else if (!p.empty() && p[0] == '/') {
            out = p;
        } else {
            out = join(out, p);
        }
    }
    return out;
}

// The dfile compile_file computes from -d/-s/-p (3.11 rules, spec §10.2).
std::optional<std::string> display_name(const std::string& fullname, const Options& o)
{
    std::optional<std::string> dfile;
    std::string name = fullname.substr(fullname.rfind('/') == std::string::npos ? 0 : fullname.rfind('/') + 1);
    if (o.ddir)
        dfile = join(*o.ddir, name);
    if (o.stripdir) {
        std::vector<std::string> full_parts = split(fullname, '/');
        std::vector<std::string> strip_parts = split(*o.stripdir, '/');
        std::vector<std::string> ddir_parts = full_parts;
        for (size_t i = 0; i < strip_parts.size() && i < full_parts.size(); ++i) {
            if (strip_parts[i] == full_parts[i]) {
                auto it = std::find(ddir_parts.begin(), ddir_parts.end(), strip_parts[i]);
                if (it != ddir_parts.end())
                    ddir_parts.erase(it);
            }
        }
        dfile = join_all(ddir_parts);
    }
    if (o.prependdir)
        dfile = join(*o.prependdir, dfile ? *dfile : fullname);
    return dfile;
}

// compile_file() for one path, without any output: thread-safe.
Outcome compile_one(const std::string& fullname, const Options& o, int interp_optimize,
    const std::optional<std::string>& prefix, const std::string& cwd)
{
    Outcome out;
    std::optional<std::string> dfile = display_name(fullname, o);
    if (o.rx && std::regex_search(fullname, *o.rx))
        return out;
    if (o.limit_sl_dest && is_link(fullname)) {
        char a[PATH_MAX], b[PATH_MAX];
        std::string limit = ::realpath(o.limit_sl_dest->c_str(), a) ? a : *o.limit_sl_dest;
        std::string target = ::realpath(fullname.c_str(), b) ? b : fullname;
        if (target.compare(0, limit.size() + 1, limit + "/") != 0)
            return out;
    }
    if (!is_file(fullname))
        return out;
    std::set<int> levels(o.levels.begin(), o.levels.end());
    std::vector<std::pair<int, std::string>> cfiles;
    for (int level : levels) {
        if (o.legacy) {
            cfiles.push_back({ level, fullname + "c" });
            continue;
        }
        std::string opt = level >= 0 ? (level >= 1 ? std::to_string(level) : std::string())
                                     : cache::optimization_for_level(interp_optimize);
        cache::PathResult r = cache::cache_from_source(fullname, opt, prefix, cwd);
        cfiles.push_back({ level, r.ok ? r.path : fullname + "c" });
    }
    std::string name = fullname.substr(fullname.rfind('/') == std::string::npos ? 0 : fullname.rfind('/') + 1);
    if (name.size() < 3 || name.substr(name.size() - 3) != ".py")
        return out;
    if (!o.force) {
        bool all_fresh = true;
        for (const auto& [level, cfile] : cfiles)
            all_fresh = all_fresh && cache::is_cache_fresh(cache::default_file_system(), fullname, cfile);
        if (all_fresh)
            return out;
    }
    out.compiling = true;
    for (size_t i = 0; i < cfiles.size(); ++i) {
        const auto& [level, cfile] = cfiles[i];
        struct stat lst;
        if (::lstat(cfile.c_str(), &lst) == 0 && (S_ISLNK(lst.st_mode) || !S_ISREG(lst.st_mode))) {
            out.ok = false;
            out.exists_message = cfile +
                (S_ISLNK(lst.st_mode) ? " is a symlink and will be changed into a regular file if import writes a "
                                        "byte-compiled file to it"
                                      : " is a non-regular file and will be changed into a regular one if import "
                                        "writes a byte-compiled file to it");
            return out;
        }
        imp::CompileFileRequest req;
        req.source = fullname;
        req.cfile = cfile;
        req.dfile = dfile ? *dfile : std::string();
        req.optimize = level >= 0 ? level : interp_optimize;
        req.mode = o.mode;
        imp::CompileFileResult r = imp::compile_file_to_cache(req);
        for (parser::SyntaxErrorInfo& w : r.warnings)
            out.warnings.push_back(std::move(w));
        if (r.status == imp::CompileFileResult::Status::SyntaxError) {
            out.ok = false;
            out.syntax = r.syntax;
            return out;
        }
        if (r.status == imp::CompileFileResult::Status::OSError) {
            out.ok = false;
            out.err = r.err;
            out.err_path = r.err_path;
            return out;
        }
        if (i > 0 && o.hardlink_dupes) {
            const std::string& prev = cfiles[i - 1].second;
            std::string a, b;
            cache::FileSystem& fs = cache::default_file_system();
            if (fs.read_file(cfile, &a) == 0 && fs.read_file(prev, &b) == 0 && a == b) {
                ::unlink(cfile.c_str());
                if (::link(prev.c_str(), cfile.c_str()) != 0) {
                    out.ok = false;
                    out.err = errno;
                    out.err_path = cfile;
                    return out;
                }
            }
        }
    }
    return out;
}

// The text compile_file prints for `e` (main thread: needs Python objects).
std::string outcome_text(const Event& e, int quiet)
{
    const Outcome& o = e.outcome;
    std::string text;
    if (o.compiling && !quiet)
        text += "Compiling " + py_repr(e.file) + "...\n";
    if (o.ok || quiet >= 2)
        return text;
    text += quiet ? "*** Error compiling " + py_repr(e.file) + "...\n" : "*** ";
    if (o.syntax) {
        text += format_exception_text(make_syntax_error(*o.syntax)) + "\n";
    } else if (!o.exists_message.empty()) {
        text += "FileExistsError: " + o.exists_message + "\n";
    } else {
        (void)raise_errno(o.err, o.err_path);
        Value exc = take_pending();
        Result<Value> s = to_str(exc);
        std::string msg = s.is_ok() ? as_str(s.value())->data() : std::string();
        if (s.is_error())
            take_pending();
        text += exc.type()->m_name + ": " + msg + "\n";
    }
    return text;
}

int interpreter_optimize() { return imp::pyc_cache().options().optimize; }

std::string cwd_now()
{
    char buf[PATH_MAX];
    return ::getcwd(buf, sizeof buf) ? std::string(buf) : std::string();
}

// Writes `text` to sys.stderr and flushes it (the progress counter).
Status draw_progress(const std::string& text)
{
    TRY(write_stderr(text));
    return flush_stream("stderr");
}

// Compiles the files among `events` with `o.workers` threads and prints
// every event's text in order. Returns false if any file failed.
Result<bool> run_events(std::vector<Event>& events, const Options& o)
{
    std::vector<size_t> files;
    for (size_t i = 0; i < events.size(); ++i)
        if (!events[i].file.empty())
            files.push_back(i);
    int workers = o.workers == 0 ? int(std::max(1u, std::thread::hardware_concurrency())) : o.workers;
    workers = std::max(1, std::min<int>(workers, int(files.size())));
    // Workers take the biggest files first (size ~ compile time), so the
    // run does not end with one thread on a large file while the others
    // idle; the output is still printed in walk order.
    if (workers > 1)
        std::stable_sort(files.begin(), files.end(),
            [&](size_t a, size_t b) { return events[a].size > events[b].size; });
    int level = interpreter_optimize();
    std::optional<std::string> prefix = imp::pyc_cache().options().pycache_prefix;
    std::string cwd = cwd_now();
    std::vector<char> done(events.size(), 0);
    std::mutex mu;
    std::condition_variable cv;
    std::atomic<size_t> next { 0 };
    auto work = [&] {
        while (true) {
            size_t k = next.fetch_add(1);
            if (k >= files.size())
                return;
            Outcome r = compile_one(events[files[k]].file, o, level, prefix, cwd);
            std::lock_guard<std::mutex> lock(mu);
            events[files[k]].outcome = std::move(r);
            done[files[k]] = 1;
            cv.notify_all();
        }
    };
    std::vector<std::thread> pool;
    if (workers > 1)
        for (int i = 0; i < workers; ++i)
            pool.emplace_back(work);
    bool progress = workers > 1 && ::isatty(1) && o.quiet < 2;
    bool success = true;
    size_t finished = 0;
    Status status = ok();
    for (size_t i = 0; i < events.size(); ++i) {
        Event& e = events[i];
        if (!e.file.empty()) {
            if (workers > 1) {
                std::unique_lock<std::mutex> lock(mu);
                cv.wait(lock, [&] { return done[i] != 0; });
            } else {
                e.outcome = compile_one(e.file, o, level, prefix, cwd);
            }
            success = success && e.outcome.ok;
            ++finished;
        }
        std::string text = e.file.empty() ? e.text : outcome_text(e, o.quiet);
        if (!e.outcome.warnings.empty() && status.is_ok()) {
            // FIXME: a warnings filter that turns these into errors is not
            // applied before the file is written, as CPython would (-W error).
            if (progress && finished > 0)
                status = draw_progress("\r\033[K");
            if (status.is_ok() && emit_syntax_warnings(e.outcome.warnings).is_error())
                take_pending();
        }
        if (!text.empty() && status.is_ok()) {
            // The bar is erased before each line so the two streams do not mix on the terminal.
            if (progress && finished > 0)
                status = draw_progress("\r\033[K");
            if (status.is_ok())
                status = write_stdout(text);
            if (progress && status.is_ok())
                status = flush_stream("stdout");
        }
        if (progress && status.is_ok() && !e.file.empty())
            status = draw_progress(finished == files.size() ? std::string("\r\033[K")
                    : "\r[" + std::to_string(finished) + "/" + std::to_string(files.size()) + "] ");
    }
    for (std::thread& t : pool)
        t.join();
    if (status.is_error())
        return pending;
    return success;
}

Result<bool> compile_dir_impl(const std::string& dir, const Options& o)
{
    std::vector<Event> events;
    walk_dir(dir, o.maxlevels, o.quiet, events);
    return run_events(events, o);
}

Result<bool> compile_file_impl(const std::string& file, const Options& o)
{
    std::vector<Event> events { { "", file, {} } };
    Options single = o;
    single.workers = 1;
    return run_events(events, single);
}

// --- Python-level API -------------------------------------------------------

Result<Options> options_from(Value maxlevels, Value ddir, Value force, Value rx, Value quiet, Value legacy,
    Value optimize, Value workers, Value mode)
{
    Options o;
    if (maxlevels && !is_none(maxlevels))
        o.maxlevels = int(TRY(index_as_i64(maxlevels)));
    if (ddir && !is_none(ddir))
        o.ddir = TRY(str_arg(ddir, "compileall"));
    if (force)
        o.force = TRY(truthy(force));
    if (rx && !is_none(rx)) {
        std::string pattern = TRY(str_arg(rx, "compileall rx"));
        try {
            o.rx = std::regex(pattern, std::regex::ECMAScript);
        } catch (const std::regex_error&) {
            return throw_error(g_ValueError, "invalid regular expression %s", py_repr(pattern).c_str());
        }
    }
    if (quiet && !is_none(quiet))
        o.quiet = int(TRY(index_as_i64(quiet)));
    if (legacy)
        o.legacy = TRY(truthy(legacy));
    if (optimize && !is_none(optimize)) {
        o.levels.clear();
        if (is_int(optimize)) {
            o.levels.push_back(int(TRY(index_as_i64(optimize))));
        } else {
            gc::MarkedVector items;
            TRY(collect_iterable(optimize, items));
            for (Value v : items)
                o.levels.push_back(int(TRY(index_as_i64(v))));
        }
    }
    if (workers && !is_none(workers)) {
        o.workers = int(TRY(index_as_i64(workers)));
        if (o.workers < 0)
            return throw_error(g_ValueError, "workers must be greater or equal to 0");
    }
    o.mode = imp::default_invalidation_mode();
    if (mode && !is_none(mode)) {
        Value v = is_int(mode) ? mode : TRY(get_attr(mode, "value"));
        o.mode = imp::InvalidationMode(TRY(index_as_i64(v)));
    }
    return o;
}

Result<Value> compileall_compile_dir(Value, CallArgs args)
{
    Value dir, maxlevels, ddir, force, rx, quiet, legacy, optimize, workers, mode;
    TRY(parse_args(args, "compile_dir",
        { "dir", "maxlevels", "ddir", "force", "rx", "quiet", "legacy", "optimize", "workers", "invalidation_mode" }, 1,
        { &dir, &maxlevels, &ddir, &force, &rx, &quiet, &legacy, &optimize, &workers, &mode }));
    std::string d = TRY(str_arg(dir, "compile_dir"));
    Options o = TRY(options_from(maxlevels, Value(), force, rx, quiet, legacy, optimize, workers, mode));
    if (ddir && !is_none(ddir)) {
        // compile_dir turns ddir into stripdir=dir + prependdir=ddir.
        o.stripdir = d;
        o.prependdir = TRY(str_arg(ddir, "compile_dir"));
    }
    return py_bool(TRY(compile_dir_impl(d, o)));
}

Result<Value> compileall_compile_file(Value, CallArgs args)
{
    Value file, ddir, force, rx, quiet, legacy, optimize, mode;
    TRY(parse_args(args, "compile_file", { "fullname", "ddir", "force", "rx", "quiet", "legacy", "optimize", "invalidation_mode" },
        1, { &file, &ddir, &force, &rx, &quiet, &legacy, &optimize, &mode }));
    std::string f = TRY(str_arg(file, "compile_file"));
    Options o = TRY(options_from(Value(), ddir, force, rx, quiet, legacy, optimize, Value(), mode));
    return py_bool(TRY(compile_file_impl(f, o)));
}

Result<bool> compile_path_impl(Options o, bool skip_curdir)
{
    Dict* sd = sys_dict();
    Value path = sd ? sd->get_str("path") : Value();
    std::vector<std::string> dirs;
    if (path && is_list(path))
        for (Value v : as_list(path)->items())
            if (is_str(v))
                dirs.push_back(as_str(v)->data());
    bool success = true;
    for (const std::string& dir : dirs) {
        if ((dir.empty() || dir == ".") && skip_curdir) {
            if (o.quiet < 2)
                TRY(write_stdout("Skipping current directory\n"));
        } else if (success) {
            success = TRY(compile_dir_impl(dir, o));
        }
    }
    return success;
}

Result<Value> compileall_compile_path(Value, CallArgs args)
{
    Value skip, maxlevels, force, quiet, legacy, optimize, mode;
    TRY(parse_args(args, "compile_path", { "skip_curdir", "maxlevels", "force", "quiet", "legacy", "optimize", "invalidation_mode" },
        0, { &skip, &maxlevels, &force, &quiet, &legacy, &optimize, &mode }));
    Options o = TRY(options_from(maxlevels ? maxlevels : Value::small(0), Value(), force, Value(), quiet, legacy, optimize,
        Value(), mode));
    bool skip_curdir = skip ? TRY(truthy(skip)) : true;
    return py_bool(TRY(compile_path_impl(o, skip_curdir)));
}

// --- command line -----------------------------------------------------------

const char* k_usage =
    "usage: compileall.py [-h] [-l] [-r RECURSION] [-f] [-q] [-b] [-d DESTDIR]\n"
    "                     [-s STRIPDIR] [-p PREPENDDIR] [-x REGEXP] [-i FILE]\n"
    "                     [-j WORKERS]\n"
    "                     [--invalidation-mode {checked-hash,timestamp,unchecked-hash}]\n"
    "                     [-o OPT_LEVELS] [-e DIR] [--hardlink-dupes]\n"
    "                     [FILE|DIR ...]\n";

Pending usage_error(const std::string& message)
{
    Status s = write_stderr(std::string(k_usage) + "compileall.py: error: " + message + "\n");
    if (s.is_error())
        return pending;
    return system_exit(2);
}

Result<int> parse_int_arg(const std::string& opt, const std::string& v)
{
    char* end = nullptr;
    errno = 0;
    long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end || errno)
        return usage_error("argument " + opt + ": invalid int value: " + py_repr(v));
    return int(n);
}

Result<Value> compileall_main(Value, CallArgs args)
{
    TRY(check_arity(args, "_main", 0, 0));
    std::vector<std::string> argv = script_args();
    Options o;
    std::optional<int> maxlevels_l, recursion;
    std::optional<std::string> flist, mode_name;
    std::vector<int> levels;
    std::vector<std::string> dests;
    bool positional_only = false;
    // Short options that take a value, with their argparse dest names.
    auto takes_value = [](const std::string& opt) {
        static const std::set<std::string> v = { "-r", "-d", "-s", "-p", "-x", "-i", "-j", "--workers", "-o", "-e",
            "--invalidation-mode" };
        return v.count(opt) != 0;
    };
    for (size_t i = 0; i < argv.size(); ++i) {
        std::string a = argv[i];
        if (positional_only || a == "-" || a.empty() || a[0] != '-') {
            dests.push_back(a);
            continue;
        }
        if (a == "--") {
            positional_only = true;
            continue;
        }
        std::string value;
        std::string opt = a;
        bool has_value = false;
        if (a.rfind("--", 0) == 0) {
            size_t eq = a.find('=');
            if (eq != std::string::npos) {
                opt = a.substr(0, eq);
                value = a.substr(eq + 1);
                has_value = true;
            }
        } else if (a.size() > 2) {
            // -r3 / -qq style clusters.
            opt = a.substr(0, 2);
            if (takes_value(opt)) {
                value = a.substr(2);
                has_value = true;
            } else {
                bool all_flags = true;
                for (size_t k = 1; k < a.size(); ++k)
                    all_flags = all_flags && std::string("lfqb").find(a[k]) != std::string::npos;
                if (!all_flags)
                    return usage_error("unrecognized arguments: " + a);
                for (size_t k = 1; k < a.size(); ++k)
                    argv.insert(argv.begin() + long(i + k), std::string("-") + a[k]);
                continue;
            }
        }
        if (opt == "-h" || opt == "--help") {
            TRY(write_stdout(std::string(k_usage) + "\nUtilities to support installing Python libraries.\n"));
            return system_exit(0);
        }
        if (takes_value(opt) && !has_value) {
            if (i + 1 >= argv.size() || (argv[i + 1].size() > 1 && argv[i + 1][0] == '-' &&
                                            !std::isdigit(static_cast<unsigned char>(argv[i + 1][1]))))
                return usage_error("argument " + std::string(opt == "--workers" ? "-j/--workers" : opt) +
                    ": expected one argument");
            value = argv[++i];
        }
        if (opt == "-l")
            maxlevels_l = 0;
        else if (opt == "-r")
            recursion = TRY(parse_int_arg("-r", value));
        else if (opt == "-f")
            o.force = true;
        else if (opt == "-q")
            ++o.quiet;
        else if (opt == "-b")
            o.legacy = true;
        else if (opt == "-d")
            o.ddir = value;
        else if (opt == "-s")
            o.stripdir = value;
        else if (opt == "-p")
            o.prependdir = value;
        else if (opt == "-x") {
            try {
                o.rx = std::regex(value, std::regex::ECMAScript);
            } catch (const std::regex_error&) {
                return throw_error(g_ValueError, "invalid regular expression %s", py_repr(value).c_str());
            }
        } else if (opt == "-i")
            flist = value;
        else if (opt == "-j" || opt == "--workers")
            o.workers = TRY(parse_int_arg("-j/--workers", value));
        else if (opt == "-o")
            levels.push_back(TRY(parse_int_arg("-o", value)));
        else if (opt == "-e")
            o.limit_sl_dest = value;
        else if (opt == "--invalidation-mode") {
            if (value != "checked-hash" && value != "timestamp" && value != "unchecked-hash")
                return usage_error("argument --invalidation-mode: invalid choice: " + py_repr(value) +
                    " (choose from 'checked-hash', 'timestamp', 'unchecked-hash')");
            mode_name = value;
        } else if (opt == "--hardlink-dupes")
            o.hardlink_dupes = true;
        else
            return usage_error("unrecognized arguments: " + a);
    }
    if (o.limit_sl_dest && o.limit_sl_dest->empty())
        o.limit_sl_dest.reset();
    o.maxlevels = recursion ? *recursion : maxlevels_l ? *maxlevels_l : 1000;
    if (!levels.empty())
        o.levels = levels;
    if (o.levels.size() == 1 && o.hardlink_dupes)
        return usage_error("Hardlinking of duplicated bytecode makes sense only for more than one optimization level.");
    if (o.ddir && (o.stripdir || o.prependdir))
        return usage_error("-d cannot be used in combination with -s or -p");
    if (o.hardlink_dupes && std::set<int>(o.levels.begin(), o.levels.end()).size() < 2)
        return throw_error(g_ValueError, "Hardlinking of duplicated bytecode makes sense only for more than one optimization level");
    if (flist) {
        // "-" reads stdin straight from fd 0 (no <iostream>: its static
        // initialisers cost every adder start).
        std::istringstream piped;
        std::istream* in = &piped;
        std::ifstream file;
        if (*flist == "-") {
            std::string text;
            char buf[65536];
            ssize_t n;
            while ((n = ::read(0, buf, sizeof buf)) > 0)
                text.append(buf, size_t(n));
            piped.str(std::move(text));
        } else {
            file.open(*flist);
            in = &file;
        }
        if (*flist != "-" && !file) {
            if (o.quiet < 2)
                TRY(write_stdout("Error reading file list " + *flist + "\n"));
            return system_exit(1);
        }
        std::string line;
        while (std::getline(*in, line)) {
            size_t b = line.find_first_not_of(" \t\r\n\f\v");
            size_t e = line.find_last_not_of(" \t\r\n\f\v");
            dests.push_back(b == std::string::npos ? std::string() : line.substr(b, e - b + 1));
        }
    }
    o.mode = mode_name ? (*mode_name == "timestamp" ? imp::InvalidationMode::Timestamp
                             : *mode_name == "checked-hash" ? imp::InvalidationMode::CheckedHash
                                                            : imp::InvalidationMode::UncheckedHash)
                       : imp::default_invalidation_mode();
    if (o.workers < 0)
        return throw_error(g_ValueError, "workers must be greater or equal to 0");
    bool success = true;
    if (!dests.empty()) {
        for (const std::string& dest : dests) {
            bool r;
            if (is_file(dest)) {
                r = TRY(compile_file_impl(dest, o));
            } else {
                Options d = o;
                if (d.ddir) {
                    d.stripdir = dest;
                    d.prependdir = d.ddir;
                    d.ddir.reset();
                }
                r = TRY(compile_dir_impl(dest, d));
            }
            success = success && r;
        }
    } else {
        // compile_path honours only -b, -f, -q and --invalidation-mode (T13).
        Options p;
        p.maxlevels = 0;
        p.legacy = o.legacy;
        p.force = o.force;
        p.quiet = o.quiet;
        p.mode = o.mode;
        success = TRY(compile_path_impl(p, true));
    }
    return system_exit(success ? 0 : 1);
}

} // namespace

Module* create_compileall_module()
{
    Module* m = Module::create("compileall");
    add_function(m, "compile_dir", compileall_compile_dir);
    add_function(m, "compile_file", compileall_compile_file);
    add_function(m, "compile_path", compileall_compile_path);
    add_function(m, "_main", compileall_main);
    add_function(m, "main", compileall_main);
    return m;
}

} // namespace adder::cachemod
