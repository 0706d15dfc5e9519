// The byte format of a CodeUnit inside a cache file (the "body" that follows
// the pyc header): a compact, deterministic, little-endian encoding with
// LEB128 varints, and its bounds-checked reader. The reader never trusts its
// input: every read is bounds-checked with a sticky error (QuickJS bc_get_*
// style), counts, lengths and nesting depth are capped, and every structural
// index is checked. It does NOT check operands against the code's tables;
// that is bytecode::verify()'s job, which a loader must run afterwards
// (verify_shallow() on each record of a lazy read, before it is used).
// Positions are only delimited when read and stay packed in the unit's
// PositionTable until first used (code.h), which decodes them totally.
//
// Layout (all integers varints unless stated; "str" = varint length + bytes):
//   body      := "AdBc" format_version code
//   code      := str name, str qualname, filename (0 = the enclosing code's,
//                else length + 1 and bytes), svarint firstlineno,
//                argcount, posonlyargcount, kwonlyargcount, flags, stacksize,
//                n_consts * const, n_names * str,
//                n_locals * (str name, u8 kind),
//                n_words, n_words * (u8 opcode, varint operand),
//                n_words * position (svarint: line delta from the previous
//                instruction, end line - line, col, end col - col),
//                n_entries * (start, end, target, depth, u8 push_lasti)
//   const     := u8 kind, then per kind: Int svarint; BigInt/Str/Bytes str;
//                Float 8 bytes; Complex 16 bytes; Tuple/FrozenSet n + consts;
//                Code: varint length (written as 5 padded bytes) + code
//
// Lazy loading (format 2): a nested code record is length-prefixed so that
// deserialize_shallow()/deserialize_nested() can leave it undecoded (the
// Constant keeps its extent, lazy_offset/lazy_size) and the runtime decodes
// and verifies it the first time the code is used (objects/function.h). The
// constants precede the instructions so that a code's header and docstring
// (consts[0]) are found without decoding the rest (read_code_header_view()).
#pragma once

#include "bytecode/code.h"
#include "common/bulk_memory.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace adder::bytecode {

// Limits of the reader. Each exists to bound memory and recursion on hostile
// input; legitimate code stays far below them.
inline constexpr uint64_t serialize_max_count = 1u << 24;  // elements of any one vector
inline constexpr uint64_t serialize_max_string = 1u << 28; // bytes of one string constant
inline constexpr int serialize_max_depth = 200;            // nested tuples/code objects

// Encodes `unit` (and its nested code constants). Deterministic: equal
// CodeUnits give equal bytes (floats are encoded by their bit pattern).
std::string serialize(const CodeUnit& unit);

// Decodes bytes produced by serialize(). On malformed, truncated or trailing
// input returns nullopt and, when `error` is non-null, stores a one-line
// reason there. Never reads out of bounds and never aborts.
std::optional<std::shared_ptr<CodeUnit>> deserialize(std::span<const uint8_t> bytes, std::string* error);

// As deserialize(), but the code constants directly in the root's consts are
// only delimited: kind Code, `code` null, lazy_offset/lazy_size their record's
// extent in `body`. Returns nullptr (and the reason) on malformed input.
std::shared_ptr<CodeUnit> deserialize_shallow(std::span<const uint8_t> body, std::string* error);

// Decodes the code record at [offset, offset + size) of `body` (as delimited
// by a shallow read) the same way: its own nested code stays undecoded, with
// offsets relative to `body`. `parent_filename` resolves an inherited name.
std::shared_ptr<CodeUnit> deserialize_nested(std::span<const uint8_t> body, uint32_t offset, uint32_t size,
    const std::string& parent_filename, std::string* error);

// A nested code record's header and docstring, for the stubs of a warm
// import, without decoding the rest: the strings are views into `body`
// (which must outlive them). `filename` is empty when inherited.
struct CodeHeaderView {
    std::string_view name;
    std::string_view qualname;
    std::string_view filename;
    bool filename_inherited = false;
    bool has_doc = false;
    std::string_view doc;
    int firstlineno = 1;
    int argcount = 0;
    int posonlyargcount = 0;
    int kwonlyargcount = 0;
    uint32_t flags = 0;
    int stacksize = 0;
};
bool read_code_header_view(std::span<const uint8_t> body, uint32_t offset, uint32_t size, CodeHeaderView* out);

// A warm import decodes a module's constants into a CodeUnit only to convert
// them and drop them (Code's release_tables): reusing one vector's memory
// for the next unit avoids fresh, page-faulting heap memory per module.
// take_spare_consts() hands out the spare (empty, with capacity) or an empty
// vector; recycle_consts() clears `consts` and keeps it as the spare.
std::vector<Constant> take_spare_consts();
void recycle_consts(std::vector<Constant>&& consts);

// A cache file body kept alive for the lazily decoded code of one module,
// with what is needed to recompile it if a record turns out to be bad.
struct LazySource {
    bulk::String body;                   // from "AdBc" to the end of the file (see common/bulk_memory.h)
    bool trusted = false;                // written by this process: skip verification
    std::optional<std::string> filename; // overrides every code's filename (moved cache)
    std::string module_name;
    std::string source_path;
    std::string cache_path;
    int optimize = 0;
    bool hash_based = false;   // the cache file's kind, kept when it is rewritten
    bool check_source = false;
    // Set by the runtime's fallback: the recompiled module (shared by every
    // bad record of this body), or failed when recompiling was impossible.
    std::shared_ptr<CodeUnit> recompiled;
    bool recompile_failed = false;
    // Recompiles `source_path` (and rewrites the cache file); null when the
    // source is gone or does not compile. Set by the import system.
    std::shared_ptr<CodeUnit> (*recompile)(LazySource& source) = nullptr;
    std::span<const uint8_t> bytes() const { return { reinterpret_cast<const uint8_t*>(body.data()), body.size() }; }
};

} // namespace adder::bytecode
