// The assembler: from a CFG of basic blocks (ir.h) to the instruction words,
// positions, exception table and stack size of a CodeUnit. Mirrors the back
// half of CPython 3.11's compile.c (mark_reachable, stackdepth,
// label_exception_targets, assemble_exception_table) with Adder's encoding:
// one word per instruction and absolute jump targets.
#pragma once

#include "compiler/ir.h"

#include <string>
#include <vector>

namespace adder::compiler {

// Assembles `blocks` laid out in `order` (block ids; the first is the entry)
// into `out.code`, `out.positions`, `out.exception_table` and `out.stacksize`.
// Operands of FREE-kind opcodes are deref indices and are mapped through
// `deref_to_localsplus`. Returns an empty string on success, else a message
// describing an internal inconsistency (a compiler bug, reported as SystemError).
std::string assemble(std::vector<Block>& blocks, const std::vector<int>& order,
    const std::vector<int>& deref_to_localsplus, bytecode::CodeUnit& out);

} // namespace adder::compiler
