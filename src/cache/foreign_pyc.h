// A read-only reader of .pyc headers written by any CPython version (and
// Adder's own), for the inspector tool: identifies the version from the magic
// number and decodes the header layouts of spec §3 H7 / §13. It never
// unmarshals a body (CPython's marshal format differs per version).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace adder::cache {

enum class PycLayout : uint8_t {
    Unknown,
    MagicMtime,          // 8 bytes: 2.x, 3.0-3.2
    MagicMtimeSize,      // 12 bytes: 3.3-3.6
    Pep552,              // 16 bytes: 3.7+
    Adder,               // Adder's 16-byte PEP 552 part + extension (header.h)
};

struct ForeignPycInfo {
    bool ok = false;
    std::string error;       // why the header could not be decoded
    uint16_t magic = 0;
    std::string version;     // "3.11", "2.7", "3.12 (pre-release?)", "adder", or "" if unknown
    PycLayout layout = PycLayout::Unknown;
    size_t header_size = 0;
    uint32_t flags = 0;      // PEP 552 flags (0 for older layouts)
    bool hash_based = false;
    bool check_source = false;
    std::optional<uint32_t> mtime;
    std::optional<uint32_t> size;
    std::optional<std::array<uint8_t, 8>> source_hash;
};

// The Python version whose final release uses magic `magic` (spec §13 table),
// else a best guess from the known ranges marked " (pre-release?)", else "".
std::string python_version_for_magic(uint16_t magic);

// Header size implied by `magic` (spec §13 notes): 16 for >= 3392 (3.x),
// 12 for 3210-3391, else 8.
size_t header_size_for_magic(uint16_t magic);

// Decodes the header at the start of `data` (a whole .pyc or its first bytes).
// Fails when bytes 2-3 are not "\r\n" or the data is shorter than the layout.
ForeignPycInfo read_pyc_header(std::span<const uint8_t> data);

} // namespace adder::cache
