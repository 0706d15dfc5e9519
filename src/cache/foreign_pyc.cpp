// Magic-number table and header decoding for read_pyc_header(). Final
// release magics are from spec §13 (checked against each interpreter); the
// ranges come from CPython's magic-number history in
// Lib/importlib/_bootstrap_external.py and are only a guess for alpha/beta builds.
#include "cache/foreign_pyc.h"

#include "cache/header.h"
#include "cache/magic.h"

namespace adder::cache {

namespace {

struct MagicName {
    uint16_t magic;
    const char* version;
};

constexpr MagicName s_final_magics[] = {
    { 62211, "2.7" }, { 3379, "3.6" }, { 3394, "3.7" }, { 3413, "3.8" }, { 3425, "3.9" },
    { 3439, "3.10" }, { 3495, "3.11" }, { 3531, "3.12" }, { 3571, "3.13" },
};

struct MagicRange {
    uint16_t lo, hi;
    const char* version;
};

constexpr MagicRange s_ranges[] = {
    { 20121, 20121, "1.5" }, { 50428, 50428, "1.6" }, { 50823, 50823, "2.0" }, { 60202, 60202, "2.1" },
    { 60717, 60717, "2.2" }, { 62011, 62021, "2.3" }, { 62041, 62061, "2.4" }, { 62071, 62131, "2.5" },
    { 62151, 62161, "2.6" }, { 62171, 62211, "2.7" }, { 3000, 3131, "3.0" }, { 3141, 3151, "3.1" },
    { 3160, 3180, "3.2" }, { 3190, 3230, "3.3" }, { 3250, 3310, "3.4" }, { 3320, 3351, "3.5" },
    { 3360, 3379, "3.6" }, { 3390, 3394, "3.7" }, { 3400, 3413, "3.8" }, { 3420, 3425, "3.9" },
    { 3430, 3439, "3.10" }, { 3450, 3499, "3.11" }, { 3500, 3549, "3.12" }, { 3550, 3599, "3.13" },
    { 3600, 3649, "3.14" },
};

uint32_t get_u32(const uint8_t* p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24; }

} // namespace

std::string python_version_for_magic(uint16_t magic)
{
    for (const MagicName& m : s_final_magics)
        if (m.magic == magic)
            return m.version;
    for (const MagicRange& r : s_ranges)
        if (magic >= r.lo && magic <= r.hi)
            return std::string(r.version) + " (pre-release?)";
    return {};
}

size_t header_size_for_magic(uint16_t magic)
{
    if (magic >= 20000) // every 1.x/2.x magic is above every 3.x one
        return 8;
    if (magic >= 3392)
        return 16;
    if (magic >= 3210)
        return 12;
    return 8;
}

ForeignPycInfo read_pyc_header(std::span<const uint8_t> data)
{
    ForeignPycInfo info;
    if (data.size() < 4 || data[2] != '\r' || data[3] != '\n') {
        info.error = "not a pyc file (bytes 2-3 are not \\r\\n)";
        return info;
    }
    info.magic = static_cast<uint16_t>(data[0] | data[1] << 8);
    bool adder = info.magic == magic_u16;
    info.version = adder ? "adder" : python_version_for_magic(info.magic);
    info.header_size = adder ? header_size : header_size_for_magic(info.magic);
    info.layout = adder ? PycLayout::Adder
        : info.header_size == 16 ? PycLayout::Pep552
        : info.header_size == 12 ? PycLayout::MagicMtimeSize
                                 : PycLayout::MagicMtime;
    if (data.size() < info.header_size) {
        info.error = "reached EOF while reading pyc header";
        return info;
    }
    const uint8_t* p = data.data();
    size_t at = 4;
    if (info.header_size >= 16) {
        info.flags = get_u32(p + 4);
        info.hash_based = info.flags & PYC_HASH_BASED;
        info.check_source = info.hash_based && (info.flags & PYC_CHECK_SOURCE);
        at = 8;
        if (info.hash_based) {
            std::array<uint8_t, 8> h;
            for (int i = 0; i < 8; ++i)
                h[i] = p[8 + i];
            info.source_hash = h;
            info.ok = true;
            return info;
        }
    }
    info.mtime = get_u32(p + at);
    if (info.header_size >= 12)
        info.size = get_u32(p + at + 4);
    info.ok = true;
    return info;
}

} // namespace adder::cache
