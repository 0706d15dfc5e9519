// The byte format of a CodeUnit inside a cache file (the "body" that follows
// the pyc header): a compact, deterministic, little-endian encoding with
// LEB128 varints, and its bounds-checked reader. The reader never trusts its
// input: every read is bounds-checked with a sticky error (QuickJS bc_get_*
// style), counts, lengths and nesting depth are capped, and every structural
// index is checked. It does NOT check operands against the code's tables;
// that is bytecode::verify()'s job, which a loader must run afterwards.
// Positions are only delimited when read and stay packed in the unit's
// PositionTable until first used (code.h), which decodes them totally.
//
// Layout (all integers varints unless stated; "str" = varint length + bytes):
//   body      := "AdBc" format_version code
//   code      := str name, str qualname, filename (0 = the enclosing code's,
//                else length + 1 and bytes), svarint firstlineno,
//                argcount, posonlyargcount, kwonlyargcount, flags, stacksize,
//                n_words, n_words * (u8 opcode, varint operand),
//                n_words * position (svarint: line delta from the previous
//                instruction, end line - line, col, end col - col),
//                n_entries * (start, end, target, depth, u8 push_lasti),
//                n_consts * const, n_names * str,
//                n_locals * (str name, u8 kind)
//   const     := u8 kind, then per kind: Int svarint; BigInt/Str/Bytes str;
//                Float 8 bytes; Complex 16 bytes; Tuple/FrozenSet n + consts;
//                Code code
#pragma once

#include "bytecode/code.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

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

} // namespace adder::bytecode
