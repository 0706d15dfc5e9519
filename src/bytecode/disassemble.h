// A CPython-`dis`-style text listing of a CodeUnit: line numbers, instruction
// indices, opcode names, operands and operand descriptions, then the exception
// table. Used by tests, by `-X` debugging aids and by golden bytecode files.
// Output is deterministic (no addresses).
#pragma once

#include "bytecode/code.h"

#include <string>

namespace adder::bytecode {

// A listing of `code`; when `recursive`, nested code constants follow, each
// headed by "Disassembly of <code object NAME, file "F", line N>:".
std::string disassemble(const CodeUnit& code, bool recursive);

// The operand description dis shows for `op` with operand `arg` in `code`
// ("NULL + print", "'abc'", "to 12", "<", "+=", ...); empty when none.
std::string instruction_argrepr(const CodeUnit& code, Opcode op, uint32_t arg);

// Python's repr() of the constant `c` (strings quoted as str.__repr__ would,
// floats in shortest round-trip form, code objects without addresses).
std::string constant_repr(const Constant& c);

} // namespace adder::bytecode
