// Cache path rules (spec §2, PEP 3147/488 and sys.pycache_prefix): the
// mapping from a source path to its cache file and back, with the exact
// string behaviour of CPython 3.11's importlib._bootstrap_external helpers
// (_path_split, _path_join, cache_from_source, source_from_cache), POSIX only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace adder::cache {

// A path, or the text of the ValueError CPython raises instead.
struct PathResult {
    bool ok = false;
    std::string path;  // valid when ok
    std::string error; // ValueError message when !ok
};

// The `optimization` argument cache_from_source() uses for interpreter
// optimisation level `level` (sys.flags.optimize): "" for 0, else the decimal
// number (so -OOO gives "3", spec P2).
std::string optimization_for_level(int level);

// importlib.util.cache_from_source(path, optimization=...) with Adder's tag
// (spec P1-P8). `optimization` "" means no ".opt-" part; any other value must
// be alphanumeric. `pycache_prefix` is sys.pycache_prefix (nullopt = None);
// `cwd` makes a relative source directory absolute when a prefix is set.
PathResult cache_from_source(std::string_view path, std::string_view optimization,
    const std::optional<std::string>& pycache_prefix, std::string_view cwd);

// importlib.util.source_from_cache(path) (spec P9-P10): the tag is not
// checked and the result always ends in ".py".
PathResult source_from_cache(std::string_view path, const std::optional<std::string>& pycache_prefix);

// _calc_mode's rule W6 applied to a source st_mode: (mode | 0o200) & 0o666,
// or 0o666 when the source could not be stat'ed (`source_mode` nullopt).
uint32_t calc_mode(std::optional<uint32_t> source_mode);

// _path_split: splits at the last '/' into (head, tail); ("", path) if none.
std::pair<std::string, std::string> path_split(std::string_view path);

// POSIX _path_join: drops empty parts, strips trailing '/' from each part,
// joins with '/'.
std::string path_join(std::initializer_list<std::string_view> parts);

} // namespace adder::cache
