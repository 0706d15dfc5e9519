// `adder -m pycache inspect|clean [-n] PATH...`: Adder's cache inspector and
// cleaner (no CPython equivalent). `inspect` prints one line per cache file
// (Adder's or any CPython version's, via foreign_pyc.h): its kind, the
// header's source stamp and, for Adder files, whether an import would use it
// (fresh / stale / corrupt) or its source is gone (orphan). `clean` removes
// orphaned cache files (a __pycache__ file whose source no longer exists,
// whatever its tag), temp files of killed writers, and then-empty __pycache__
// directories; `-n` only lists what would go. Exit status: 0, 1 if a PATH
// does not exist or a removal failed, 2 for a usage error.
// FIXME: files under a sys.pycache_prefix tree are not mapped back to
// their sources (their orphan status is not reported).
#include "modules/cache_modules.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <sys/stat.h>
#include <unistd.h>

#include "cache/file_system.h"
#include "cache/foreign_pyc.h"
#include "cache/header.h"
#include "cache/magic.h"
#include "cache/source_hash.h"
#include "cache/paths.h"
#include "cache/pyc_cache.h"
#include "objects/errors.h"

namespace adder::cachemod {

namespace {

cache::FileSystem& fs() { return cache::default_file_system(); }

bool is_dir(const std::string& p)
{
    cache::FileStat st;
    return fs().stat(p, &st) == 0 && st.is_directory;
}

std::string hex8(const std::array<uint8_t, 8>& h)
{
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (uint8_t b : h) {
        s += digits[b >> 4];
        s += digits[b & 15];
    }
    return s;
}

std::string utc_time(int64_t seconds)
{
    char buf[64];
    time_t t = time_t(seconds);
    struct tm tm;
    gmtime_r(&t, &tm);
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return buf;
}

// The source of a cache file: the __pycache__ rule, or NAME.py for a legacy
// NAME.pyc. Empty when `path` follows neither rule.
std::string source_of(const std::string& path, bool* legacy)
{
    cache::PathResult r = cache::source_from_cache(path, std::nullopt);
    *legacy = false;
    if (r.ok)
        return r.path;
    auto [dir, file] = cache::path_split(path);
    if (dir.size() >= 11 && dir.ends_with("__pycache__"))
        return {};
    *legacy = true;
    return path.substr(0, path.size() - 1); // NAME.pyc -> NAME.py
}

bool is_temp_file(const std::string& name)
{
    return name.ends_with(".tmp") && name.find(std::string(cache::cache_tag)) != std::string::npos &&
        name.find(".pyc.") != std::string::npos;
}

// The one-line description of cache file `path`.
std::string describe(const std::string& path)
{
    std::string data;
    if (int err = fs().read_file(path, &data))
        return path + ": unreadable: " + std::strerror(err);
    auto bytes = cache::as_bytes(data);
    cache::ForeignPycInfo info = cache::read_pyc_header(bytes);
    if (!info.ok)
        return path + ": not a cache file (" + info.error + ")";
    std::string line = path + ": ";
    line += info.version == "adder" ? std::string("Adder") :
        info.version.empty() ? "unknown magic " + std::to_string(info.magic) : "CPython " + info.version;
    line += ", ";
    if (info.hash_based)
        line += std::string(info.check_source ? "checked" : "unchecked") + "-hash " +
            (info.source_hash ? hex8(*info.source_hash) : std::string("?"));
    else if (info.mtime)
        line += "timestamp " + utc_time(*info.mtime) + (info.size ? ", size " + std::to_string(*info.size) : "");
    else
        line += "flags " + std::to_string(info.flags);
    bool legacy = false;
    std::string src = source_of(path, &legacy);
    cache::FileStat st;
    bool have_source = !src.empty() && fs().stat(src, &st) == 0;
    if (info.version != "adder") {
        line += have_source ? ", source " + src : legacy ? ", legacy (no source)" : ", orphan";
        return line;
    }
    cache::Header h;
    cache::PycStatus cls = cache::classify_pyc(bytes, path, &h);
    if (!cls.ok())
        return line + ", rejected: " + (cls.message.empty() ? "bad header" : cls.message);
    if (!cache::decode_body(h, bytes))
        return line + ", corrupt body";
    if (legacy && !have_source)
        return line + ", legacy (importable without source)";
    if (!have_source)
        return line + ", orphan (source " + (src.empty() ? std::string("unknown") : src) + " is gone)";
    if (h.flags & cache::PYC_HASH_BASED)
        return line + ", source " + src;
    return line + (cache::is_cache_fresh(fs(), src, path) ? ", fresh" : ", stale") + " for " + src;
}

// Collects the cache files under `root` (or `root` itself if a file).
void collect(const std::string& root, std::vector<std::string>* pycs, std::vector<std::string>* temps,
    std::vector<std::string>* pycache_dirs)
{
    if (!is_dir(root)) {
        pycs->push_back(root);
        return;
    }
    std::vector<std::string> names;
    if (fs().list_dir(root, &names) != 0)
        return;
    std::sort(names.begin(), names.end());
    bool in_pycache = root.ends_with("__pycache__");
    if (in_pycache)
        pycache_dirs->push_back(root);
    for (const std::string& n : names) {
        std::string full = root + (root.ends_with("/") ? "" : "/") + n;
        struct stat lst;
        if (::lstat(full.c_str(), &lst) != 0)
            continue;
        if (S_ISDIR(lst.st_mode))
            collect(full, pycs, temps, pycache_dirs);
        else if (n.ends_with(".pyc"))
            pycs->push_back(full);
        else if (in_pycache && is_temp_file(n))
            temps->push_back(full);
    }
}

Result<Value> pycache_main(Value, CallArgs args)
{
    TRY(check_arity(args, "_main", 0, 0));
    std::vector<std::string> argv = script_args();
    const char* usage = "usage: pycache.py {inspect,clean} [-n] PATH [PATH ...]\n";
    if (argv.empty() || (argv[0] != "inspect" && argv[0] != "clean")) {
        TRY(write_stderr(std::string(usage) + "pycache.py: error: expected 'inspect' or 'clean'\n"));
        return system_exit(2);
    }
    bool clean = argv[0] == "clean";
    bool dry_run = false;
    std::vector<std::string> roots;
    for (size_t i = 1; i < argv.size(); ++i) {
        if (argv[i] == "-n" && clean)
            dry_run = true;
        else
            roots.push_back(argv[i]);
    }
    if (roots.empty()) {
        TRY(write_stderr(std::string(usage) + "pycache.py: error: no PATH given\n"));
        return system_exit(2);
    }
    int status = 0;
    size_t removed = 0;
    for (const std::string& root : roots) {
        cache::FileStat st;
        if (fs().stat(root, &st) != 0) {
            TRY(write_stderr("pycache: " + root + ": no such file or directory\n"));
            status = 1;
            continue;
        }
        std::vector<std::string> pycs, temps, dirs;
        collect(root, &pycs, &temps, &dirs);
        if (!clean) {
            for (const std::string& p : pycs)
                TRY(write_stdout(describe(p) + "\n"));
            for (const std::string& t : temps)
                TRY(write_stdout(t + ": temporary file of an interrupted write\n"));
            continue;
        }
        std::vector<std::string> victims = temps;
        for (const std::string& p : pycs) {
            bool legacy = false;
            std::string src = source_of(p, &legacy);
            cache::FileStat s;
            if (!legacy && !src.empty() && fs().stat(src, &s) != 0)
                victims.push_back(p);
        }
        std::sort(victims.begin(), victims.end());
        for (const std::string& v : victims) {
            if (!dry_run && fs().unlink(v) != 0) {
                TRY(write_stderr("pycache: could not remove " + v + ": " + std::strerror(errno) + "\n"));
                status = 1;
                continue;
            }
            ++removed;
            TRY(write_stdout(std::string(dry_run ? "would remove " : "removed ") + v + "\n"));
        }
        // Deepest first, so nested __pycache__ trees (prefix-like) empty out.
        std::sort(dirs.rbegin(), dirs.rend());
        for (const std::string& d : dirs) {
            std::vector<std::string> left;
            if (fs().list_dir(d, &left) == 0 && left.empty() && !dry_run && ::rmdir(d.c_str()) == 0)
                TRY(write_stdout("removed directory " + d + "\n"));
        }
    }
    if (clean)
        TRY(write_stdout(std::to_string(removed) + (dry_run ? " file(s) would be removed\n" : " file(s) removed\n")));
    return system_exit(status);
}

} // namespace

Module* create_pycache_module()
{
    Module* m = Module::create("pycache");
    add_function(m, "_main", pycache_main);
    return m;
}

} // namespace adder::cachemod
