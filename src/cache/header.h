// The Adder cache file header: CPython's 16-byte PEP 552 header (so generic
// tools can classify our files) followed by Adder's extension (spec §14),
// and the importlib-named functions that classify, validate and build cache
// files. The freshness algorithm that uses the extension is documented at
// check_freshness() in header.cpp.
//
// Layout (all integers little-endian):
//   0  u16 magic (magic.h), "\r\n"
//   4  u32 PEP 552 flags: bit 0 hash-based, bit 1 check_source
//   8  u32 int(st_mtime) mod 2**32   | 8 bytes SipHash-1-3 of the source
//  12  u32 st_size mod 2**32         |   (keyed with Adder's raw magic)
//  16  u32 bytecode::format_version
//  20  u32 extension flags: bit 0 racy (see is_racy())
//  24  i64 source mtime, ns          -- stat data at write time; zero in
//  32  u64 source size, bytes        -- hash-based files except the
//  40  i64 source ctime, ns          -- content hash
//  48  u64 source inode
//  56  u64 source device
//  64  u64 XXH3-64 of the source bytes
//  72  u64 body length
//  80  u64 XXH3-64 of the body
//  88  body: bytecode::serialize() output
#pragma once

#include "bytecode/code.h"
#include "cache/file_system.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace adder::cache {

inline constexpr size_t pep552_header_size = 16;
inline constexpr size_t header_size = 88;

enum PycFlags : uint32_t {
    PYC_HASH_BASED = 1,
    PYC_CHECK_SOURCE = 2,
};

enum ExtFlags : uint32_t {
    EXT_RACY = 1, // stat data was not trustworthy at write time: always compare content
};

// The decoded header of an Adder cache file.
struct Header {
    uint32_t flags = 0;
    std::array<uint8_t, 8> field8 {}; // bytes 8-15: mtime+size, or source hash
    uint32_t format_version = bytecode::format_version;
    uint32_t ext_flags = 0;
    int64_t mtime_ns = 0;
    uint64_t size = 0;
    int64_t ctime_ns = 0;
    uint64_t inode = 0;
    uint64_t dev = 0;
    uint64_t content_hash = 0;
    uint64_t body_length = 0;
    uint64_t body_checksum = 0;
};

// What a source looked like when its cache file was written.
struct SourceStamp {
    FileStat stat;            // stat taken before reading the source
    uint64_t content_hash = 0; // content_hash() of the bytes read
    uint64_t bytes_read = 0;   // number of bytes read (CPython stores this, H4)
    bool racy = false;        // is_racy() at write time
};

// Why a header or cache file was rejected. Every value other than Ok is a
// miss for a source-backed import.
enum class PycError {
    Ok,
    BadMagic,        // -v: "bad magic number in 'NAME': b'...'"
    ShortHeader,     // -v: "reached EOF while reading pyc header of 'NAME'"
    InvalidFlags,    // unknown PEP 552 flag bits (no -v line)
    BadExtension,    // other format version or unknown extension flags
    StaleMtime,      // -v: "bytecode is stale for 'NAME'"
    StaleSize,       // no -v line (CPython shape)
    StaleContent,    // mtime/size equal, content hash differs (Adder only)
    HashMismatch,    // hash-based file, source hash differs (no -v line)
    BadBody,         // body length/checksum/deserialize/verify failure
};

// The outcome of a check: `error`, and the message CPython would put in its
// exception (also the text of the `-v` line when `verbose` is set).
struct PycStatus {
    PycError error = PycError::Ok;
    std::string message;
    bool verbose = false;

    bool ok() const { return error == PycError::Ok; }
};

// int(st_mtime) for a stat mtime of `mtime_ns` nanoseconds, computed the way
// CPython does (seconds + nanoseconds * 1e-9 as a double, truncated toward
// zero), including its rounding up near the next second (spec H3).
int64_t python_int_mtime(int64_t mtime_ns);

// True when a source with mtime `mtime_ns`, cached at `now_ns`, could be
// rewritten without its stat data changing: mtime within 2 s of now (or in
// the future), or a zero nanosecond part (a coarse-grained file system, or a
// tool that set whole-second times).
bool is_racy(int64_t mtime_ns, int64_t now_ns);

// importlib _classify_pyc for an Adder file with `data` = the whole file:
// checks magic, length (the full Adder header), PEP 552 flags, then the
// extension's format version and flags. On success stores the header in `out`.
// `name` is the module name used in messages.
PycStatus classify_pyc(std::span<const uint8_t> data, std::string_view name, Header* out);

// importlib _validate_timestamp_pyc on bytes 8-15 of `data` (at least 16
// bytes): u32 mtime vs `source_mtime` mod 2**32 (StaleMtime, -v line), then
// u32 size vs `source_size` mod 2**32 unless nullopt (StaleSize).
PycStatus validate_timestamp_pyc(std::span<const uint8_t> data, int64_t source_mtime,
    std::optional<uint64_t> source_size, std::string_view name);

// importlib _validate_hash_pyc: bytes 8-15 of `data` vs `source_hash`.
PycStatus validate_hash_pyc(std::span<const uint8_t> data, const std::array<uint8_t, 8>& source_hash,
    std::string_view name);

// The stamp of a source whose stat (taken before reading) was `stat` and
// whose bytes read are `bytes`, cached at time `now_ns`.
SourceStamp stamp_source(const FileStat& stat, std::span<const uint8_t> bytes, int64_t now_ns);

// Adder's freshness check of a timestamp-based header `h` against the
// current `source` stat. `read_source` is called at most once, only when the
// stat data cannot be trusted, to get the source bytes (returns false if the
// source cannot be read, which counts as stale). Sets `*refresh` when the file
// is fresh but its header should be rewritten (it was racy and no longer is,
// or ctime/inode moved). See the step list in header.cpp.
PycStatus check_freshness(const Header& h, const FileStat& source, int64_t now_ns,
    const std::function<bool(std::string*)>& read_source, std::string_view name, bool* refresh);

// Checks the body length and checksum recorded in `h` against `body`.
bool body_matches(const Header& h, std::span<const uint8_t> body);

// Encodes `h` into exactly header_size bytes.
std::string encode_header(const Header& h);

// Builds the header of a file for `stamp` and `body`: timestamp kind, or
// hash-based with `hash` in bytes 8-15 when `hash` is given (check bit from
// `check_source`).
Header make_header(const SourceStamp& stamp, std::span<const uint8_t> body,
    const std::optional<std::array<uint8_t, 8>>& hash, bool check_source);

// importlib _code_to_timestamp_pyc: header + serialized `code`, for a source
// described by `stamp`.
std::string code_to_timestamp_pyc(const bytecode::CodeUnit& code, const SourceStamp& stamp);

// importlib _code_to_hash_pyc: hash-based header with `source_hash` (see
// adder_source_hash()) and the check bit `checked`, + serialized `code`.
std::string code_to_hash_pyc(const bytecode::CodeUnit& code, const std::array<uint8_t, 8>& source_hash,
    bool checked, const SourceStamp& stamp);

} // namespace adder::cache
