// Implementation of the cache path rules, transcribing the behaviour of
// CPython 3.11's importlib._bootstrap_external (POSIX branch) step by step,
// including its quirks: no normalisation ("./" segments stay), a source
// without a dot gets the tag glued on, dotted base names do not round-trip.
#include "cache/paths.h"

#include "cache/magic.h"
#include "cache/py_repr.h"

#include <cstdint>

namespace adder::cache {

namespace {

// str.isalnum() restricted to ASCII.
// FIXME: CPython accepts any Unicode alphanumeric (e.g. "opt-²"); we reject
// non-ASCII optimisation tags.
bool is_alnum(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return false;
    return true;
}

std::string_view rstrip_sep(std::string_view s)
{
    while (!s.empty() && s.back() == '/')
        s.remove_suffix(1);
    return s;
}

std::string_view lstrip_sep(std::string_view s)
{
    while (!s.empty() && s.front() == '/')
        s.remove_prefix(1);
    return s;
}

PathResult ok(std::string p) { return { true, std::move(p), {} }; }
PathResult value_error(std::string msg) { return { false, {}, std::move(msg) }; }

} // namespace

std::string optimization_for_level(int level) { return level == 0 ? std::string() : std::to_string(level); }

std::pair<std::string, std::string> path_split(std::string_view path)
{
    size_t i = path.rfind('/');
    if (i == std::string_view::npos)
        return { std::string(), std::string(path) };
    return { std::string(path.substr(0, i)), std::string(path.substr(i + 1)) };
}

std::string path_join(std::initializer_list<std::string_view> parts)
{
    std::string out;
    bool first = true;
    for (std::string_view part : parts) {
        if (part.empty())
            continue;
        if (!first)
            out += '/';
        out += rstrip_sep(part);
        first = false;
    }
    return out;
}

PathResult cache_from_source(std::string_view path, std::string_view optimization,
    const std::optional<std::string>& pycache_prefix, std::string_view cwd)
{
    // Views into `path` (every import computes this twice: no temporaries).
    size_t slash = path.rfind('/');
    bool has_head = slash != std::string_view::npos;
    std::string_view head = has_head ? path.substr(0, slash) : std::string_view();
    std::string_view tail = has_head ? path.substr(slash + 1) : path;
    // tail.rpartition('.'): base, sep, rest; the name is (base or rest) + sep + tag.
    size_t dot = tail.rfind('.');
    std::string_view stem = tail, sep;
    if (dot != std::string_view::npos) {
        stem = dot ? tail.substr(0, dot) : tail.substr(dot + 1);
        sep = ".";
    }
    if (!optimization.empty() && !is_alnum(optimization))
        return value_error(repr_str(optimization) + " is not alphanumeric");
    std::string filename;
    filename.reserve(stem.size() + cache_tag.size() + optimization.size() + 16);
    filename += stem;
    filename += sep;
    filename += cache_tag;
    if (!optimization.empty()) {
        filename += ".";
        filename += opt_prefix;
        filename += optimization;
    }
    filename += bytecode_suffix;
    if (pycache_prefix) {
        // Make the directory absolute, then root-relative, so two sources with
        // the same relative path cannot collide under the prefix (spec P6).
        std::string dir(head);
        if (dir.empty() || dir[0] != '/')
            dir = path_join({ cwd, dir });
        return ok(path_join({ *pycache_prefix, lstrip_sep(dir), filename }));
    }
    // path_join({head, pycache_dir, filename}) spelt out: an empty head is
    // skipped, a non-empty one loses its trailing separators.
    std::string out;
    out.reserve(head.size() + pycache_dir.size() + filename.size() + 2);
    if (!head.empty()) {
        out += rstrip_sep(head);
        out += '/';
    }
    out += pycache_dir;
    out += '/';
    out += filename;
    return ok(std::move(out));
}

PathResult source_from_cache(std::string_view path, const std::optional<std::string>& pycache_prefix)
{
    auto [head, pycache_filename] = path_split(path);
    bool found_in_prefix = false;
    if (pycache_prefix) {
        std::string stripped(rstrip_sep(*pycache_prefix));
        if (head.starts_with(stripped + "/")) {
            head = head.substr(stripped.size());
            found_in_prefix = true;
        }
    }
    if (!found_in_prefix) {
        auto [parent, pycache] = path_split(head);
        if (pycache != pycache_dir)
            return value_error(std::string(pycache_dir) + " not bottom-level directory in " + repr_str(path));
        head = parent;
    }
    size_t dots = 0;
    for (char c : pycache_filename)
        dots += c == '.';
    if (dots != 2 && dots != 3)
        return value_error("expected only 2 or 3 dots in " + repr_str(pycache_filename));
    if (dots == 3) {
        // rsplit('.', 2)[-2]: the component just before the suffix.
        size_t last = pycache_filename.rfind('.');
        size_t prev = pycache_filename.rfind('.', last - 1);
        std::string optimization = pycache_filename.substr(prev + 1, last - prev - 1);
        if (!optimization.starts_with(opt_prefix))
            return value_error("optimization portion of filename does not start with " + repr_str(opt_prefix));
        if (!is_alnum(std::string_view(optimization).substr(opt_prefix.size())))
            return value_error("optimization level " + repr_str(optimization) + " is not an alphanumeric value");
    }
    std::string base_filename = pycache_filename.substr(0, pycache_filename.find('.'));
    return ok(path_join({ head, base_filename + std::string(source_suffix) }));
}

uint32_t calc_mode(std::optional<uint32_t> source_mode)
{
    if (!source_mode)
        return 0666;
    return (*source_mode | 0200) & 0666;
}

} // namespace adder::cache
