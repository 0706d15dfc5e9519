// Assembly passes, in order: reachability, stack depth (a worklist over the
// CFG, like CPython's stackdepth()) and, in the same walk, exception-handler
// labelling (the SETUP_*/POP_BLOCK stack walk of label_exception_targets:
// both visit the blocks in the same order), pseudo-instruction and NOP
// removal, line-number propagation, layout and the exception table.
// Hot on every compile: the passes share per-thread scratch vectors, stack
// effects are expanded inline from opcodes.def, and handler stacks are nodes
// of one tree rather than a vector per block.
#include "compiler/assembler.h"

#include "bytecode/opcode_info.h"

namespace adder::compiler {

using bytecode::Opcode;

namespace {

bool has_jump_target(const Instr& in)
{
    if (is_block_push(in.op))
        return true;
    return !is_pseudo(in.op) && bytecode::is_branch(static_cast<Opcode>(in.op));
}

bool is_terminator(const Instr& in)
{
    return !is_pseudo(in.op) && bytecode::is_terminator(static_cast<Opcode>(in.op));
}

// Stack effect of a real opcode, expanded inline from opcodes.def (the same
// expressions as bytecode::stack_pops/stack_pushes, which are out of line and
// were a visible cost when called several times per instruction).
struct Effect {
    int pops;
    int pushes;
    int jump_pushes; // -1: as `pushes`
};

inline Effect effect_of(Opcode op, uint32_t oparg_u)
{
    [[maybe_unused]] int64_t oparg = oparg_u;
    switch (op) {
#define OPCODE(name, operand, pops, pushes, jump_pushes, flags) \
    case Opcode::name: return Effect { static_cast<int>(pops), static_cast<int>(pushes), static_cast<int>(jump_pushes) };
#include "bytecode/opcodes.def"
#undef OPCODE
    }
    return Effect { 0, 0, -1 };
}

// Per-thread buffers reused by every assemble() call (compileall compiles on
// several threads), so that a unit costs no allocations beyond its output.
struct Scratch {
    std::vector<int> next; // successor in layout order
    std::vector<int> order_pos; // block id -> position in `order`
    std::vector<int> work;
    std::vector<int> handler_stack; // block id -> StackNode id at its entry
    // Handler stacks as a tree of nodes (node 0 = empty stack): pushing is
    // adding a child, popping is going to the parent, so per-block stacks
    // are one int instead of a copied vector.
    struct StackNode {
        int parent;
        int handler;
    };
    std::vector<StackNode> nodes;
    std::vector<int> first_from;
    std::vector<int> preds;
};

} // namespace

std::string assemble(std::vector<Block>& blocks, const std::vector<int>& order,
    const std::vector<int>& deref_to_localsplus, bytecode::CodeUnit& out)
{
    thread_local Scratch scratch;
    Scratch& sc = scratch;
    const size_t nblocks = blocks.size();

    // Successor and position in layout order (for fall-through).
    std::vector<int>& next = sc.next;
    next.assign(nblocks, -1);
    for (size_t i = 0; i + 1 < order.size(); ++i)
        next[order[i]] = order[i + 1];
    std::vector<int>& order_pos = sc.order_pos;
    order_pos.assign(nblocks, -1);
    for (size_t k = 0; k < order.size(); ++k)
        order_pos[order[k]] = static_cast<int>(k);

    // 0. CPython's extend_block: a JUMP to a small block that leaves the
    //    code (return/raise) is replaced by a copy of that block, so each
    //    exit keeps its own line and the jump disappears.
    {
        constexpr size_t max_copy_size = 4;
        for (int b : order) {
            auto& ins = blocks[b].instrs;
            if (ins.empty() || ins.back().op != op_of(Opcode::JUMP))
                continue;
            int t = ins.back().target;
            size_t k = static_cast<size_t>(order_pos[t]);
            while (k < order.size() && blocks[order[k]].instrs.empty())
                ++k;
            if (k == order.size() || order[k] == b)
                continue;
            const auto& src = blocks[order[k]].instrs;
            if (src.size() > max_copy_size || !is_terminator(src.back()) || src.back().op == op_of(Opcode::JUMP))
                continue;
            // `src` is another block's vector, so inserting from it is safe.
            ins.pop_back();
            ins.insert(ins.end(), src.begin(), src.end());
        }
    }

    // 1+2. One worklist walk over the reachable blocks computes the stack
    //    depth at each block's entry and labels every instruction with the
    //    handler that covers it (Instr::handler). Handler stacks are nodes
    //    of one tree (node 0 = empty stack); a block gets the depth and the
    //    stack of the first edge that reaches it, and depths must agree.
    int entry = order.front();
    int max_depth = 0;
    std::vector<int>& work = sc.work;
    work.clear();
    auto& nodes = sc.nodes;
    nodes.clear();
    nodes.push_back(Scratch::StackNode { -1, -1 });
    std::vector<int>& block_stack = sc.handler_stack;
    block_stack.assign(nblocks, 0);
    std::string err;
    auto reach = [&](int b, int depth, int stack) -> bool {
        if (b < 0) {
            err = "fall-through off the end of the code";
            return false;
        }
        Block& blk = blocks[b];
        if (blk.start_depth < 0) {
            blk.start_depth = depth;
            blk.reachable = true;
            block_stack[b] = stack;
            work.push_back(b);
        } else if (blk.start_depth != depth) {
            err = "inconsistent stack depth " + std::to_string(depth) + " vs " + std::to_string(blk.start_depth);
            return false;
        }
        return true;
    };
    if (!reach(entry, 0, 0))
        return err;
    while (!work.empty()) {
        int b = work.back();
        work.pop_back();
        int depth = blocks[b].start_depth;
        int stack = block_stack[b];
        bool terminated = false;
        for (Instr& in : blocks[b].instrs) {
            if (is_pseudo(in.op)) {
                if (is_block_push(in.op)) {
                    int target_depth = depth + (in.op == PSEUDO_SETUP_CLEANUP ? 2 : 1);
                    if (target_depth > max_depth)
                        max_depth = target_depth;
                    if (!reach(in.target, target_depth, stack))
                        return err;
                    if (in.op != PSEUDO_SETUP_FINALLY)
                        blocks[in.target].preserve_lasti = true;
                    nodes.push_back(Scratch::StackNode { stack, in.target });
                    stack = static_cast<int>(nodes.size() - 1);
                } else if (in.op == PSEUDO_POP_BLOCK) {
                    if (stack == 0)
                        return "POP_BLOCK without a handler";
                    stack = nodes[static_cast<size_t>(stack)].parent;
                }
                continue; // no effect on the fall-through path's depth
            }
            in.handler = nodes[static_cast<size_t>(stack)].handler;
            auto op = static_cast<Opcode>(in.op);
            Effect e = effect_of(op, in.arg);
            uint8_t flags = bytecode::opcode_flags(op);
            if (flags & bytecode::ADDER_OPF_BRANCH) {
                int target_depth = depth - e.pops + (e.jump_pushes >= 0 ? e.jump_pushes : e.pushes);
                if (target_depth < 0)
                    return "negative stack depth at a jump";
                if (target_depth > max_depth)
                    max_depth = target_depth;
                if (!reach(in.target, target_depth, stack))
                    return err;
            }
            if (depth - e.pops < 0)
                return "stack underflow at " + std::string(bytecode::opcode_name(op));
            depth += e.pushes - e.pops;
            if (depth < 0)
                return "negative stack depth";
            if (depth > max_depth)
                max_depth = depth;
            if (flags & bytecode::ADDER_OPF_TERMINATOR) {
                terminated = true;
                break;
            }
        }
        if (!terminated) {
            if (!reach(next[b], depth, stack))
                return err;
        }
    }
    out.stacksize = max_depth;

    // 3. Drop pseudo-instructions, instructions after a terminator, and NOPs
    //    whose line another instruction already carries. Compacts each
    //    block's instructions in place (the write index never passes the
    //    read index, and the NOP test only looks ahead); unreachable blocks
    //    are emptied.
    for (int b : order) {
        auto& ins = blocks[b].instrs;
        if (!blocks[b].reachable) {
            ins.clear();
            continue;
        }
        size_t w = 0;
        for (size_t i = 0; i < ins.size(); ++i) {
            const Instr& in = ins[i];
            if (is_pseudo(in.op))
                continue;
            if (in.op == op_of(Opcode::NOP)) {
                size_t j = i + 1;
                while (j < ins.size() && is_pseudo(ins[j].op))
                    ++j;
                bool same_next = j < ins.size() && ins[j].pos.lineno == in.pos.lineno;
                bool same_prev = w > 0 && ins[w - 1].pos.lineno == in.pos.lineno;
                if (same_next || same_prev || in.pos.lineno < 0)
                    continue;
            }
            bool term = is_terminator(in);
            if (w != i)
                ins[w] = in;
            ++w;
            if (term)
                break;
        }
        ins.resize(w);
    }
    auto placed = [&](int b) -> std::vector<Instr>& { return blocks[b].instrs; };

    //    Line numbers (CPython's propagate_line_numbers): artificial
    //    instructions take the line before them in their block; a block's
    //    first instruction inherits from its only predecessor.
    auto first_placed = [&](int b) -> int { // first non-empty block at or after b
        for (size_t k = static_cast<size_t>(order_pos[b]); k < order.size(); ++k)
            if (!placed(order[k]).empty())
                return order[k];
        return -1;
    };
    auto next_placed = [&](int b) -> int {
        size_t k = static_cast<size_t>(order_pos[b]) + 1;
        return k < order.size() ? first_placed(order[k]) : -1;
    };
    // A JUMP to the code that follows it anyway is dropped.
    for (int b : order) {
        if (placed(b).empty())
            continue;
        const Instr& last = placed(b).back();
        if (last.op == op_of(Opcode::JUMP) && first_placed(last.target) == next_placed(b))
            placed(b).pop_back();
    }
    // From here on no block changes size: cache first_placed per layout slot.
    std::vector<int>& first_from = sc.first_from;
    first_from.assign(order.size() + 1, -1);
    for (size_t k = order.size(); k-- > 0;)
        first_from[k] = placed(order[k]).empty() ? first_from[k + 1] : order[k];
    // (A block missing from the layout, a codegen bug, has no successor.)
    auto first_placed_fast = [&](int b) { return order_pos[b] < 0 ? -1 : first_from[static_cast<size_t>(order_pos[b])]; };
    auto next_placed_fast = [&](int b) { return order_pos[b] < 0 ? -1 : first_from[static_cast<size_t>(order_pos[b]) + 1]; };
    std::vector<int>& preds = sc.preds;
    preds.assign(nblocks, 0);
    for (int b : order) {
        if (placed(b).empty())
            continue;
        const Instr& last = placed(b).back();
        if (!is_terminator(last))
            if (int n = next_placed_fast(b); n >= 0)
                ++preds[n];
        if (has_jump_target(last))
            if (int t = first_placed_fast(last.target); t >= 0)
                ++preds[t];
    }
    for (int b : order) {
        if (placed(b).empty())
            continue;
        bytecode::Position prev;
        for (auto& p : placed(b)) {
            if (p.pos.lineno < 0)
                p.pos = prev;
            else
                prev = p.pos;
        }
        const Instr& last = placed(b).back();
        auto inherit = [&](int succ) {
            if (succ >= 0 && preds[succ] == 1 && placed(succ)[0].pos.lineno < 0)
                placed(succ)[0].pos = prev;
        };
        if (!is_terminator(last))
            inherit(next_placed_fast(b));
        if (has_jump_target(last))
            inherit(first_placed_fast(last.target));
    }

    // 4. Layout: block offsets, then words with absolute jump targets.
    int offset = 0;
    for (int b : order) {
        blocks[b].offset = offset;
        offset += static_cast<int>(placed(b).size());
    }
    // An empty or unreachable block's offset is that of the next placed code;
    // fix them from the back.
    {
        int following = offset;
        for (size_t k = order.size(); k-- > 0;) {
            int b = order[k];
            if (placed(b).empty())
                blocks[b].offset = following;
            else
                following = blocks[b].offset;
        }
    }
    // Sized once and written by index (PositionTable::push_back checks for
    // a packed table on every call).
    out.exception_table.clear();
    out.code.assign(static_cast<size_t>(offset), 0);
    out.positions.clear();
    out.positions.resize(static_cast<size_t>(offset));
    bytecode::Word* words = out.code.data();
    auto positions = out.positions.begin();
    uint32_t index = 0;
    bytecode::ExceptionEntry cur;
    int cur_handler = -1;
    auto flush = [&](uint32_t end) {
        if (cur_handler >= 0 && end > cur.start) {
            cur.end = end;
            out.exception_table.push_back(cur);
        }
    };
    for (int b : order) {
        for (const Instr& p : placed(b)) {
            uint32_t arg = p.arg;
            auto op = static_cast<Opcode>(p.op);
            if (bytecode::is_branch(op))
                arg = static_cast<uint32_t>(blocks[p.target].offset);
            else if (bytecode::operand_kind(op) == bytecode::OperandKind::FREE) {
                if (arg >= deref_to_localsplus.size())
                    return "bad cell index";
                arg = static_cast<uint32_t>(deref_to_localsplus[arg]);
            }
            if (arg > bytecode::max_operand)
                return "operand too large"; // FIXME: emit EXTENDED_ARG for operands >= 2**24
            if (p.handler != cur_handler) {
                flush(index);
                cur_handler = p.handler;
                if (cur_handler >= 0) {
                    const Block& h = blocks[cur_handler];
                    cur = bytecode::ExceptionEntry {};
                    cur.start = index;
                    cur.target = static_cast<uint32_t>(h.offset);
                    int depth = h.start_depth - 1 - (h.preserve_lasti ? 1 : 0);
                    if (depth < 0)
                        return "negative handler depth";
                    cur.depth = static_cast<uint32_t>(depth);
                    cur.push_lasti = h.preserve_lasti;
                }
            }
            words[index] = bytecode::make_word(op, arg);
            positions[index] = p.pos;
            ++index;
        }
    }
    flush(index);
    return {};
}

} // namespace adder::compiler
