// The bytecode verifier: proves that a CodeUnit (typically one just read from
// a cache file) is safe for the VM to run without further checks, in the
// manner of Ladybird's Bytecode Validator. It checks structure (opcodes,
// operands against the code's tables, jump targets on instruction
// boundaries, EXTENDED_ARG chains, exception table shape) and runs an
// abstract interpretation of the stack depth over the control-flow graph.
// It says nothing about Python-level semantics (a verified unit may still
// raise NameError); it only rules out out-of-bounds accesses in the VM.
#pragma once

#include "bytecode/code.h"

#include <string>
#include <string_view>

namespace adder::bytecode {

// Limits enforced by the verifier, each bounding work on hostile input.
inline constexpr int verify_max_stacksize = 1 << 20;   // values on one frame's stack
inline constexpr int verify_max_depth = 200;           // nested code constants
inline constexpr uint32_t verify_max_count_operand = max_operand; // COUNT/FLAGS operands

// Returns true when `unit` and every code constant nested in it satisfy the
// checks listed in verify.cpp. On failure returns false and, when `error` is
// non-null, stores a one-line reason naming the code object and instruction.
bool verify(const CodeUnit& unit, std::string* error);

// As verify(), but a lazy code constant (null `code`, lazy_size > 0, see
// serialize.h) is accepted unchecked: it is verified when it is decoded.
bool verify_shallow(const CodeUnit& unit, std::string* error);

// UTF-8 validity; `allow_surrogates` accepts the 3-byte encodings of lone
// surrogates (how str constants and file names carry them).
bool is_valid_utf8(std::string_view s, bool allow_surrogates);

} // namespace adder::bytecode
