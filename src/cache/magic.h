// Adder's cache file identity: magic number, cache tag and suffixes (the
// values CPython keeps in importlib._bootstrap_external as MAGIC_NUMBER,
// sys.implementation.cache_tag and BYTECODE_SUFFIXES).
//
// Magic history (u16, stored little-endian, always followed by "\r\n"):
//   0x2A00 + bytecode::format_version. CPython's numbers are 20121-62211
//   (1.5-2.x) and 3000-3600 (3.x), so 0x2A01.. (10753..) can never collide
//   nor be mistaken for a version by range-based tools, and
//   every format change moves the magic, so two builds never accept each
//   other's files (spec §14 K12). The format version is repeated in the
//   header extension, which catches versions >= 256 wrapping the low byte.
#pragma once

#include "bytecode/code.h"

#include <cstdint>
#include <string_view>

namespace adder::cache {

static_assert(bytecode::format_version >= 1 && bytecode::format_version < 0x100,
    "the magic number embeds the format version in its low byte");

inline constexpr uint16_t magic_u16 = 0x2A00 + bytecode::format_version;
// The 4 bytes at offset 0 of every Adder cache file.
inline constexpr uint8_t magic_bytes[4] = { magic_u16 & 0xFF, magic_u16 >> 8, '\r', '\n' };
// The magic read as a u32 LE: the SipHash key of hash-based files (spec H1/H5).
inline constexpr uint32_t raw_magic = 0x0A0D0000u | magic_u16;

// CPython 3.11's magic (3495), for source_hash() and the foreign-pyc reader.
inline constexpr uint16_t cpython311_magic_u16 = 3495;
inline constexpr uint32_t cpython311_raw_magic = 0x0A0D0000u | cpython311_magic_u16;

// sys.implementation.cache_tag of Adder.
inline constexpr std::string_view cache_tag = "adder-311";
inline constexpr std::string_view bytecode_suffix = ".pyc";
inline constexpr std::string_view source_suffix = ".py";
inline constexpr std::string_view pycache_dir = "__pycache__";
inline constexpr std::string_view opt_prefix = "opt-";

} // namespace adder::cache
