// The compiler's intermediate form: a control-flow graph of basic blocks of
// instructions whose jumps name blocks, plus the pseudo-instructions that
// describe exception-handler scopes (SETUP_FINALLY/SETUP_CLEANUP/SETUP_WITH and
// POP_BLOCK, as in CPython 3.11's compile.c). The assembler turns it into a
// CodeUnit. Internal to src/compiler.
#pragma once

#include "bytecode/code.h"

#include <cstdint>
#include <vector>

namespace adder::compiler {

// Real opcodes are bytecode::Opcode values (< 256); pseudo-instructions follow.
enum PseudoOp : int {
    PSEUDO_SETUP_FINALLY = 256, // handler gets (..., exc)
    PSEUDO_SETUP_CLEANUP, // handler gets (..., lasti, exc)
    PSEUDO_SETUP_WITH, // like SETUP_CLEANUP, entered after BEFORE_WITH
    PSEUDO_POP_BLOCK, // ends the innermost SETUP_* scope
};

inline constexpr int op_of(bytecode::Opcode op) { return static_cast<int>(op); }
inline bool is_pseudo(int op) { return op >= 256; }
inline bool is_block_push(int op) { return op >= PSEUDO_SETUP_FINALLY && op <= PSEUDO_SETUP_WITH; }

struct Instr {
    int op = 0;
    uint32_t arg = 0;
    int target = -1; // block id for jumps and SETUP_*
    bytecode::Position pos;
    int handler = -1; // set by the assembler: block id of the covering exception handler
};

struct Block {
    std::vector<Instr> instrs;
    bool used = false; // appears in the layout order (each block exactly once)
    // Filled by the assembler.
    bool reachable = false;
    int start_depth = -1;
    bool preserve_lasti = false; // handler of SETUP_CLEANUP/SETUP_WITH
    int offset = 0; // index of the first instruction in the final code
};

} // namespace adder::compiler
