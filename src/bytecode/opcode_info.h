// Per-opcode facts expanded from opcodes.def: names, operand kinds, flags and
// the stack effect. Shared by the compiler's depth pass, the cache helper's
// verifier and the disassembler, so that they can never disagree. Holds no
// knowledge of pseudo-instructions (those live in the compiler).
#pragma once

#include "bytecode/code.h"

#include <cstdint>
#include <string_view>

namespace adder::bytecode {

// What an instruction's operand refers to (see the OPERAND column of opcodes.def).
enum class OperandKind : uint8_t { NONE, CONST, NAME, LOCAL, FREE, JUMP, COUNT, GLOBAL, BINOP, CMP, FLAGS };

enum OpcodeFlags : uint8_t {
    ADDER_OPF_NONE = 0,
    ADDER_OPF_TERMINATOR = 1, // no fall-through
    ADDER_OPF_BRANCH = 2, // has a jump operand
};

// The CPython spelling of `op` ("LOAD_CONST"); "<invalid>" for out-of-range values.
std::string_view opcode_name(Opcode op);

// True when `raw` (the low byte of a word) names an opcode of opcodes.def.
inline constexpr bool is_valid_opcode(uint32_t raw) { return raw < static_cast<uint32_t>(opcode_count); }

// The tables behind the inline accessors below (opcode_info.cpp); inline
// because the compiler's assembler queries them for every instruction.
namespace detail {
extern const OperandKind g_operand_kinds[];
extern const uint8_t g_opcode_flags[];
} // namespace detail

// The operand kind of `op`.
inline OperandKind operand_kind(Opcode op)
{
    auto i = static_cast<uint32_t>(op);
    return is_valid_opcode(i) ? detail::g_operand_kinds[i] : OperandKind::NONE;
}

// The ADDER_OPF_* bits of `op`.
inline uint8_t opcode_flags(Opcode op)
{
    auto i = static_cast<uint32_t>(op);
    return is_valid_opcode(i) ? detail::g_opcode_flags[i] : 0;
}

inline bool is_terminator(Opcode op) { return opcode_flags(op) & ADDER_OPF_TERMINATOR; }
inline bool is_branch(Opcode op) { return opcode_flags(op) & ADDER_OPF_BRANCH; }

// Number of values `op` with operand `oparg` pops, and pushes on the
// fall-through path (`jump` false) or on the jump path (`jump` true).
int stack_pops(Opcode op, uint32_t oparg);
int stack_pushes(Opcode op, uint32_t oparg, bool jump);

// Net change of the stack depth made by `op` with operand `oparg`, on the
// jump path when `jump` is true (only meaningful for branching opcodes; for
// others the fall-through effect is returned either way).
int stack_effect(Opcode op, uint32_t oparg, bool jump);

} // namespace adder::bytecode
