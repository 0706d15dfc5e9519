// PycCache: the facade the import system calls to use `__pycache__` (the
// cache half of SourceLoader.get_code, spec §4.1 and §5). It computes the
// cache path, validates and loads a cache file into a verified CodeUnit, and
// after a compile writes a new file atomically. It never fails loudly: any
// problem with a cache file is a miss, any problem writing is silent, and
// the `-v` lines CPython would print are returned as strings for the caller
// to print (spec §7.1 shapes, each starting with "# ").
//
// Call sequence for one source-backed import of module `name` from `src`:
//   LoadState st;
//   auto code = cache.load({name, src}, &st, &lines);      // hit: done
//   if (!code) {
//       if (!st.source_stat_ok) ... // stat failed: compile anyway, nothing is written
//       bytes = st.source_bytes ? *st.source_bytes : read(src);  // may have been read already
//       code = compile(bytes, src);                      // errors: do not call store()
//       cache.store({name, src}, st, *code, bytes, &lines);
//   }
#pragma once

#include "bytecode/code.h"
#include "bytecode/serialize.h"
#include "cache/file_system.h"
#include "cache/header.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace adder::cache {

// --check-hash-based-pycs (spec §4.4).
enum class CheckHashMode : uint8_t { Default, Always, Never };

// Interpreter-wide switches. The caller may change them between calls (e.g.
// sys.dont_write_bytecode is read at every store(), rule W1).
struct CacheOptions {
    bool dont_write_bytecode = false; // -B / PYTHONDONTWRITEBYTECODE / sys.dont_write_bytecode
    CheckHashMode check_hash_based_pycs = CheckHashMode::Default;
    int optimize = 0;                            // sys.flags.optimize: selects ".opt-N"
    std::optional<std::string> pycache_prefix;   // sys.pycache_prefix (nullopt = None)
    bool verbose = false;                        // -v: produce the message lines
    // Makes relative sources absolute under a prefix; empty = the process
    // cwd at each call (so a relative prefix follows chdir, spec K13).
    std::string cwd;
};

// The module being imported.
struct SourceInfo {
    std::string name;        // fully qualified module name, used in messages
    std::string source_path; // the source path as found by the finder
    // The finder's stat of source_path taken just before, if any: load()
    // uses it instead of stat()ing again (spec §4.1 step 2).
    std::optional<FileStat> source_stat;
    // The cache path the caller already computed for source_path under the
    // current options (the import's __cached__), if any: load() uses it
    // rather than computing it again. Must outlive the load() call.
    const std::optional<std::string>* cache_path = nullptr;
};

// What load() learnt, for the following store(). Plain data.
struct LoadState {
    std::optional<std::string> cache_path;   // nullopt: no cache path (never write)
    bool source_stat_ok = false;             // false: never write (rule W1)
    FileStat source_stat;                    // stat taken before reading anything
    std::optional<std::string> source_bytes; // the source, if load() had to read it
    bool write_hash_based = false;           // the old file was hash-based: keep its kind
    bool hash_check_source = false;          //   ... and its check bit (spec §4.1 step 8)
};

// Counters for diagnostics and tests (spec K9: an unwritable cache is
// otherwise invisible).
struct CacheStats {
    uint64_t hits = 0;
    uint64_t misses = 0;
    uint64_t corrupt = 0;        // header accepted but body rejected
    uint64_t writes = 0;
    uint64_t write_failures = 0;
    uint64_t refreshes = 0;      // headers rewritten after a racy/moved hit
};

// Why a sourceless load (a legacy NAME.pyc beside no NAME.py, spec S2)
// failed: the Python exception type and message the import must raise.
struct SourcelessError {
    enum class Type : uint8_t { ImportError, EOFError, OSError } type = Type::ImportError;
    std::string message; // e.g. "bad magic number in 'foo': b'o\r\r\n'"
    int err = 0;         // errno for OSError
};

// One PycCache per interpreter. Not thread-safe: callers hold the import lock.
class PycCache {
public:
    // Uses `fs` for all file access (default_file_system() when null); `fs`
    // must outlive the cache.
    explicit PycCache(CacheOptions options = {}, FileSystem* fs = nullptr);

    CacheOptions& options() { return m_options; }
    const CacheStats& stats() const { return m_stats; }

    // The cache path of `source_path` under the current options, or nullopt
    // when none can be computed.
    std::optional<std::string> cache_path(const std::string& source_path);

    // Looks for a valid cache file for `source`. Returns the verified code
    // (its filename, and that of nested code, set to source.source_path) on a
    // hit, or nullptr on a miss. Always fills `state` for store(). Appends
    // `-v` lines to `messages` (may be null) when options().verbose.
    std::shared_ptr<bytecode::CodeUnit> load(const SourceInfo& source, LoadState* state,
        std::vector<std::string>* messages);

    // As load(), but only the module's own code is decoded and verified (a
    // shallow read, see bytecode/serialize.h): on a hit `*lazy` receives
    // the body, kept alive for the nested code the runtime decodes on first
    // use (objects/function.h), with the module name, source path, cache path
    // and kind filled in for the fallback recompile. The checksum of the
    // whole body is still checked here.
    std::shared_ptr<bytecode::CodeUnit> load_lazy(const SourceInfo& source, LoadState* state,
        std::vector<std::string>* messages, std::shared_ptr<bytecode::LazySource>* lazy);

    // After a miss and a successful compile of `source_bytes` into `code`:
    // emits "# code object from SRC", then writes the cache file unless
    // writing is disabled, no cache path exists or the source stat failed.
    // The kind written follows `state` (timestamp unless the old file was
    // hash-based). Write failures are silent apart from the `-v` line.
    // When `reload` is given and the file was built, the module's code is
    // also read back from the bytes just written, as load_lazy() would
    // (without verification: the bytes are this process's own), so the
    // caller can drop `code` and keep only the compact body; `*reload` stays
    // null otherwise.
    void store(const SourceInfo& source, const LoadState& state, const bytecode::CodeUnit& code,
        std::string_view source_bytes, std::vector<std::string>* messages,
        std::pair<std::shared_ptr<bytecode::CodeUnit>, std::shared_ptr<bytecode::LazySource>>* reload = nullptr);

    // SourcelessFileLoader.get_code for the legacy cache file
    // `source.source_path` (a .pyc found by the finder; there is no source):
    // checks magic, header length and flags only (no freshness, spec S2), then
    // decodes and verifies the body. On failure returns nullptr and fills
    // `error` with the exception to raise (CPython's messages; a corrupt body
    // raises ImportError "corrupt bytecode in '<path>'" where CPython would
    // raise marshal's error or crash, spec K7). Appends `-v` lines as load().
    std::shared_ptr<bytecode::CodeUnit> load_sourceless(const SourceInfo& source, SourcelessError* error,
        std::vector<std::string>* messages);

private:
    std::shared_ptr<bytecode::CodeUnit> load_impl(const SourceInfo& source, LoadState* state,
        std::vector<std::string>* messages, std::shared_ptr<bytecode::LazySource>* lazy);
    void say(std::vector<std::string>* messages, std::string line) const;
    bool write_file(const std::string& cpath, const FileStat& source_stat, std::string_view data,
        std::vector<std::string>* messages);

    CacheOptions m_options;
    FileSystem* m_fs;
    CacheStats m_stats;
    // The cache file being loaded; reused across load() calls so a warm
    // import does not allocate (and page-fault) a fresh buffer per module.
    // load() never re-enters itself (the code runs after it returns).
    std::string m_read_buffer;
};

// Decodes and verifies the body of the whole cache file `file` whose header
// `header` was accepted by classify_pyc(): body length and checksum, then
// bytecode::deserialize() and bytecode::verify(). Returns nullptr on any failure.
std::shared_ptr<bytecode::CodeUnit> decode_body(const Header& header, std::span<const uint8_t> file);

// decode_body()'s lazy form: checks length and checksum, copies the body
// into a new LazySource (`*lazy`) and returns its shallowly decoded and
// verified root (bytecode::deserialize_shallow/verify_shallow), or nullptr.
std::shared_ptr<bytecode::CodeUnit> decode_body_lazy(const Header& header, std::span<const uint8_t> file,
    std::shared_ptr<bytecode::LazySource>* lazy);

// compileall's "is this file up to date?" (spec T9, with the K14 fix): true
// when `cache_path` is a timestamp-based Adder cache file that load() would
// accept for `source_path` (full header, freshness and a body that decodes
// and verifies). Hash-based files are never fresh here, as in CPython.
bool is_cache_fresh(FileSystem& fs, const std::string& source_path, const std::string& cache_path);

// Sets `filename` on `code` and every nested code constant (importlib's
// _fix_up_module / _imp._fix_co_filename), done after a hit when the cache
// was written for a different path (spec S8).
void fix_filename(bytecode::CodeUnit& code, const std::string& filename);

} // namespace adder::cache
