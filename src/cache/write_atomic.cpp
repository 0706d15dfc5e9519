// Implementation of the atomic write, directory creation and temp-file
// cleanup. The temp name carries the pid and a random number, so forked
// children (which share the parent's random state only if we let them)
// do not collide as CPython's id()-based names do (spec W9).
#include "cache/write_atomic.h"

#include "cache/magic.h"
#include "cache/paths.h"

#include <atomic>
#include <cerrno>
#include <mutex>
#include <random>
#include <set>
#include <utility>

namespace adder::cache {

namespace {

// splitmix64: a cheap mixer turning (seed, counter, pid) into a name suffix.
uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

uint64_t next_random(int pid)
{
    static const uint64_t s_seed = [] {
        std::random_device rd;
        return (uint64_t(rd()) << 32) ^ rd();
    }();
    static std::atomic<uint64_t> s_counter { 0 };
    // The pid term keeps a forked child's sequence apart from its parent's.
    return mix(s_seed ^ mix(s_counter.fetch_add(1) ^ (uint64_t(uint32_t(pid)) << 40)));
}

bool is_digits(std::string_view s, bool hex)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (hex && c >= 'a' && c <= 'f')))
            return false;
    return true;
}

// True for "<x>.adder-311<y>.pyc.<pid>.<hex>.tmp".
bool is_own_temp_name(std::string_view name)
{
    if (!name.ends_with(".tmp"))
        return false;
    std::string_view rest = name.substr(0, name.size() - 4);
    size_t dot = rest.rfind('.');
    if (dot == std::string_view::npos || !is_digits(rest.substr(dot + 1), true))
        return false;
    rest = rest.substr(0, dot);
    dot = rest.rfind('.');
    if (dot == std::string_view::npos || !is_digits(rest.substr(dot + 1), false))
        return false;
    rest = rest.substr(0, dot);
    return rest.ends_with(bytecode_suffix) && rest.find(cache_tag) != std::string_view::npos;
}

// True the first time it is asked about (`fs`, `dir`) in this process. The
// stale-temp sweep lists the whole directory, so doing it at every write made
// filling a directory of N cache files O(N^2) (compileall of a large package);
// once per directory per process still removes a killed writer's leftovers.
bool first_write_in(FileSystem& fs, const std::string& dir)
{
    static std::mutex s_mutex;
    static auto* s_seen = new std::set<std::pair<const FileSystem*, std::string>>;
    std::lock_guard<std::mutex> lock(s_mutex);
    return s_seen->emplace(&fs, dir).second;
}

} // namespace

std::string temp_path_for(std::string_view path, int pid)
{
    static const char digits[] = "0123456789abcdef";
    uint64_t r = next_random(pid);
    std::string hex;
    for (int i = 0; i < 16; ++i)
        hex += digits[(r >> (60 - 4 * i)) & 0xF];
    return std::string(path) + "." + std::to_string(pid) + "." + hex + ".tmp";
}

int remove_stale_temp_files(FileSystem& fs, const std::string& dir, int64_t now_ns, int64_t max_age_ns)
{
    std::vector<std::string> names;
    if (fs.list_dir(dir.empty() ? std::string(".") : dir, &names) != 0)
        return 0;
    int removed = 0;
    for (const std::string& name : names) {
        if (!is_own_temp_name(name))
            continue;
        std::string full = path_join({ dir, name });
        FileStat st;
        if (fs.stat(full, &st) == 0 && st.is_regular && now_ns - st.mtime_ns > max_age_ns && fs.unlink(full) == 0)
            ++removed;
    }
    return removed;
}

WriteResult write_atomic(FileSystem& fs, const std::string& path, std::string_view data, uint32_t mode)
{
    if (std::string dir = path_split(path).first; first_write_in(fs, dir))
        remove_stale_temp_files(fs, dir, fs.now_ns(), stale_temp_age_ns);
    std::string tmp = temp_path_for(path, fs.pid());
    int fd = -1;
    if (int err = fs.open_exclusive(tmp, mode & 0666, &fd))
        return { err, path };
    int err = 0;
    size_t done = 0;
    while (done < data.size()) {
        int64_t n = fs.write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            err = static_cast<int>(-n);
            break;
        }
        if (n == 0) { // no progress and no errno: treat as a full disk
            err = ENOSPC;
            break;
        }
        done += static_cast<size_t>(n);
    }
    if (int close_err = fs.close(fd); close_err && !err)
        err = close_err;
    if (!err)
        err = fs.rename(tmp, path);
    if (err) {
        fs.unlink(tmp);
        return { err, path };
    }
    return {};
}

WriteResult make_parent_dirs(FileSystem& fs, const std::string& path)
{
    auto is_dir = [&](const std::string& p) {
        FileStat st;
        return fs.stat(p, &st) == 0 && st.is_directory;
    };
    std::string parent = path_split(path).first;
    std::vector<std::string> parts;
    while (!parent.empty() && !is_dir(parent)) {
        auto [head, part] = path_split(parent);
        parts.push_back(part);
        // Unlike CPython, keep an absolute path absolute when its first
        // component is missing ("/a" splits into "" and "a").
        parent = (head.empty() && parent[0] == '/') ? std::string("/") : head;
    }
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        parent = path_join({ parent, *it });
        int err = fs.mkdir(parent, 0777);
        if (err == EEXIST)
            continue;
        if (err)
            return { err, parent };
    }
    return {};
}

} // namespace adder::cache
