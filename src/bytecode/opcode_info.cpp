// Tables expanded from opcodes.def (X-macro): names, operand kinds, flags,
// pops/pushes. Each is defined once here so the verifier, disassembler and
// compiler all read the same facts.
#include "bytecode/opcode_info.h"

namespace adder::bytecode {

namespace {

constexpr std::string_view s_names[] = {
#define OPCODE(name, operand, pops, pushes, jump_pushes, flags) #name,
#include "bytecode/opcodes.def"
#undef OPCODE
};

} // namespace

const OperandKind detail::g_operand_kinds[] = {
#define OPCODE(name, operand, pops, pushes, jump_pushes, flags) OperandKind::operand,
#include "bytecode/opcodes.def"
#undef OPCODE
};

#define NONE ADDER_OPF_NONE
#define TERMINATOR ADDER_OPF_TERMINATOR
#define BRANCH ADDER_OPF_BRANCH
const uint8_t detail::g_opcode_flags[] = {
#define OPCODE(name, operand, pops, pushes, jump_pushes, flags) static_cast<uint8_t>(flags),
#include "bytecode/opcodes.def"
#undef OPCODE
};
#undef NONE
#undef TERMINATOR
#undef BRANCH

namespace {

static_assert(sizeof(s_names) / sizeof(s_names[0]) == opcode_count);

} // namespace

std::string_view opcode_name(Opcode op)
{
    auto i = static_cast<uint32_t>(op);
    return is_valid_opcode(i) ? s_names[i] : std::string_view("<invalid>");
}

int stack_pops(Opcode op, uint32_t oparg_u)
{
    // The table's expressions are written in terms of a signed `oparg`.
    [[maybe_unused]] int64_t oparg = oparg_u;
    switch (op) {
#define OPCODE(name, operand, pops, pushes, jump_pushes, flags) \
    case Opcode::name: return static_cast<int>(pops);
#include "bytecode/opcodes.def"
#undef OPCODE
    }
    return 0;
}

int stack_pushes(Opcode op, uint32_t oparg_u, bool jump)
{
    [[maybe_unused]] int64_t oparg = oparg_u;
    switch (op) {
#define OPCODE(name, operand, pops, pushes, jump_pushes, flags) \
    case Opcode::name: return (jump && (jump_pushes) >= 0) ? static_cast<int>(jump_pushes) : static_cast<int>(pushes);
#include "bytecode/opcodes.def"
#undef OPCODE
    }
    return 0;
}

int stack_effect(Opcode op, uint32_t oparg, bool jump)
{
    return stack_pushes(op, oparg, jump) - stack_pops(op, oparg);
}

} // namespace adder::bytecode
