// Encoding, classification and validation of Adder cache headers. The
// PEP 552 part follows importlib._bootstrap_external (3.11) exactly; the
// extension implements spec §14's fixes for K1-K4 (stale code after
// same-second edits, restored mtimes, 32-bit wraparound) and K7 (corrupt
// bodies).
#include "cache/header.h"

#include "bytecode/serialize.h"
#include "cache/magic.h"
#include "cache/py_repr.h"
#include "cache/source_hash.h"

#include <cmath>
#include <cstring>

namespace adder::cache {

namespace {

constexpr int64_t s_ns_per_sec = 1000000000;
constexpr int64_t s_racy_window_ns = 2 * s_ns_per_sec;

uint32_t get_u32(const uint8_t* p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24; }

uint64_t get_u64(const uint8_t* p) { return uint64_t(get_u32(p)) | uint64_t(get_u32(p + 4)) << 32; }

void put_u32(std::string& out, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        out += static_cast<char>(v >> (8 * i));
}

void put_u64(std::string& out, uint64_t v)
{
    for (int i = 0; i < 8; ++i)
        out += static_cast<char>(v >> (8 * i));
}

PycStatus status(PycError e, std::string message = {}, bool verbose = false)
{
    return { e, std::move(message), verbose };
}

std::string stale_message(std::string_view name) { return "bytecode is stale for " + repr_str(name); }

} // namespace

int64_t python_int_mtime(int64_t mtime_ns)
{
    // Floor division, as struct timespec has a non-negative tv_nsec.
    int64_t sec = mtime_ns / s_ns_per_sec;
    int64_t nsec = mtime_ns % s_ns_per_sec;
    if (nsec < 0) {
        sec -= 1;
        nsec += s_ns_per_sec;
    }
    double seconds = static_cast<double>(sec) + static_cast<double>(nsec) * 1e-9;
    return static_cast<int64_t>(std::trunc(seconds));
}

bool is_racy(int64_t mtime_ns, int64_t now_ns)
{
    if (mtime_ns % s_ns_per_sec == 0)
        return true;
    return now_ns - mtime_ns < s_racy_window_ns;
}

SourceStamp stamp_source(const FileStat& stat, std::span<const uint8_t> bytes, int64_t now_ns)
{
    return { stat, content_hash(bytes), bytes.size(), is_racy(stat.mtime_ns, now_ns) };
}

PycStatus classify_pyc(std::span<const uint8_t> data, std::string_view name, Header* out)
{
    if (data.size() < 4 || std::memcmp(data.data(), magic_bytes, 4) != 0) {
        auto first = data.first(std::min<size_t>(4, data.size()));
        return status(PycError::BadMagic, "bad magic number in " + repr_str(name) + ": " + repr_bytes(first), true);
    }
    // CPython needs 16 bytes here; an Adder file is unusable without its
    // extension, so a file cut inside it is reported the same way.
    if (data.size() < header_size)
        return status(PycError::ShortHeader, "reached EOF while reading pyc header of " + repr_str(name), true);
    const uint8_t* p = data.data();
    uint32_t flags = get_u32(p + 4);
    if (flags & ~uint32_t(PYC_HASH_BASED | PYC_CHECK_SOURCE))
        return status(PycError::InvalidFlags, "invalid flags " + std::to_string(flags) + " in " + repr_str(name));
    Header h;
    h.flags = flags;
    std::memcpy(h.field8.data(), p + 8, 8);
    h.format_version = get_u32(p + 16);
    h.ext_flags = get_u32(p + 20);
    h.mtime_ns = static_cast<int64_t>(get_u64(p + 24));
    h.size = get_u64(p + 32);
    h.ctime_ns = static_cast<int64_t>(get_u64(p + 40));
    h.inode = get_u64(p + 48);
    h.dev = get_u64(p + 56);
    h.content_hash = get_u64(p + 64);
    h.body_length = get_u64(p + 72);
    h.body_checksum = get_u64(p + 80);
    if (h.format_version != bytecode::format_version || (h.ext_flags & ~uint32_t(EXT_RACY)))
        return status(PycError::BadExtension, "bad header extension in " + repr_str(name));
    if (out)
        *out = h;
    return {};
}

PycStatus validate_timestamp_pyc(std::span<const uint8_t> data, int64_t source_mtime,
    std::optional<uint64_t> source_size, std::string_view name)
{
    if (data.size() < pep552_header_size)
        return status(PycError::ShortHeader, "reached EOF while reading pyc header of " + repr_str(name), true);
    if (get_u32(data.data() + 8) != static_cast<uint32_t>(source_mtime))
        return status(PycError::StaleMtime, stale_message(name), true);
    if (source_size && get_u32(data.data() + 12) != static_cast<uint32_t>(*source_size))
        return status(PycError::StaleSize, stale_message(name));
    return {};
}

PycStatus validate_hash_pyc(std::span<const uint8_t> data, const std::array<uint8_t, 8>& source_hash,
    std::string_view name)
{
    if (data.size() < pep552_header_size || std::memcmp(data.data() + 8, source_hash.data(), 8) != 0)
        return status(PycError::HashMismatch, "hash in bytecode doesn't match hash of source " + repr_str(name));
    return {};
}

// Freshness of a timestamp-based Adder cache file. The common case costs the
// one stat() the import system already made; the source is read only when
// its stat data cannot be trusted.
//   1. mtime (full nanoseconds, 64 bits) differs -> stale, with CPython's
//      "bytecode is stale" -v line. 64 bits end K3's 2106 wraparound.
//   2. size (64 bits) differs -> stale, no -v line (CPython's shape; ends K4).
//   3. Decide whether the stat data can be trusted. It cannot when
//      a. the entry is racy (EXT_RACY: at write time the mtime was within
//         2 s of the clock or had no sub-second part), because an edit in
//         the same timestamp tick keeps mtime and size (K1); or
//      b. ctime, inode or device differ while mtime and size are equal: a
//         tool restored the mtime (tar, cp -p, rsync -t) or replaced the
//         file (K2). Such tools cannot restore ctime.
//   4. Trusted -> fresh. Done, the source was never opened.
//   5. Otherwise read the source: unreadable, a different length or a
//      different XXH3 content hash -> stale (-v "bytecode is stale").
//   6. Equal content -> fresh, and ask for a header refresh when the stat
//      data would now be trustworthy (the source is no longer racy, or its
//      ctime/inode moved), so later loads go back to one stat().
PycStatus check_freshness(const Header& h, const FileStat& source, int64_t now_ns,
    const std::function<bool(std::string*)>& read_source, std::string_view name, bool* refresh)
{
    if (refresh)
        *refresh = false;
    if (h.mtime_ns != source.mtime_ns)
        return status(PycError::StaleMtime, stale_message(name), true);
    if (h.size != source.size)
        return status(PycError::StaleSize, stale_message(name));
    bool racy = h.ext_flags & EXT_RACY;
    bool moved = h.ctime_ns != source.ctime_ns || h.inode != source.inode || h.dev != source.dev;
    if (!racy && !moved)
        return {};
    std::string bytes;
    if (!read_source || !read_source(&bytes) || bytes.size() != h.size || content_hash(as_bytes(bytes)) != h.content_hash)
        return status(PycError::StaleContent, stale_message(name), true);
    if (refresh)
        *refresh = moved || !is_racy(source.mtime_ns, now_ns);
    return {};
}

bool body_matches(const Header& h, std::span<const uint8_t> body)
{
    return h.body_length == body.size() && h.body_checksum == content_hash(body);
}

std::string encode_header(const Header& h)
{
    std::string out(reinterpret_cast<const char*>(magic_bytes), 4);
    put_u32(out, h.flags);
    out.append(reinterpret_cast<const char*>(h.field8.data()), 8);
    put_u32(out, h.format_version);
    put_u32(out, h.ext_flags);
    put_u64(out, static_cast<uint64_t>(h.mtime_ns));
    put_u64(out, h.size);
    put_u64(out, static_cast<uint64_t>(h.ctime_ns));
    put_u64(out, h.inode);
    put_u64(out, h.dev);
    put_u64(out, h.content_hash);
    put_u64(out, h.body_length);
    put_u64(out, h.body_checksum);
    return out;
}

Header make_header(const SourceStamp& stamp, std::span<const uint8_t> body,
    const std::optional<std::array<uint8_t, 8>>& hash, bool check_source)
{
    Header h;
    h.content_hash = stamp.content_hash;
    h.body_length = body.size();
    h.body_checksum = content_hash(body);
    if (hash) {
        // Hash-based files must not depend on stat data (reproducible builds):
        // the stat fields stay zero.
        h.flags = PYC_HASH_BASED | (check_source ? uint32_t(PYC_CHECK_SOURCE) : 0u);
        h.field8 = *hash;
        return h;
    }
    auto mtime32 = static_cast<uint32_t>(python_int_mtime(stamp.stat.mtime_ns));
    auto size32 = static_cast<uint32_t>(stamp.bytes_read);
    for (int i = 0; i < 4; ++i) {
        h.field8[i] = static_cast<uint8_t>(mtime32 >> (8 * i));
        h.field8[4 + i] = static_cast<uint8_t>(size32 >> (8 * i));
    }
    h.ext_flags = stamp.racy ? uint32_t(EXT_RACY) : 0u;
    h.mtime_ns = stamp.stat.mtime_ns;
    h.size = stamp.bytes_read;
    h.ctime_ns = stamp.stat.ctime_ns;
    h.inode = stamp.stat.inode;
    h.dev = stamp.stat.dev;
    return h;
}

std::string code_to_timestamp_pyc(const bytecode::CodeUnit& code, const SourceStamp& stamp)
{
    std::string body = bytecode::serialize(code);
    return encode_header(make_header(stamp, as_bytes(body), std::nullopt, false)) + body;
}

std::string code_to_hash_pyc(const bytecode::CodeUnit& code, const std::array<uint8_t, 8>& source_hash,
    bool checked, const SourceStamp& stamp)
{
    std::string body = bytecode::serialize(code);
    return encode_header(make_header(stamp, as_bytes(body), source_hash, checked)) + body;
}

} // namespace adder::cache
