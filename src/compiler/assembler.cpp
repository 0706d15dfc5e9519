// Assembly passes, in order: reachability, stack depth (a worklist over the
// CFG, like CPython's stackdepth()), exception-handler labelling (the SETUP_*/
// POP_BLOCK stack walk of label_exception_targets), pseudo-instruction and NOP
// removal, line-number propagation, layout and the exception table.
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

// Effect on the fall-through path, or on the jump path when `jump`.
int effect(const Instr& in, bool jump)
{
    switch (in.op) {
    case PSEUDO_SETUP_FINALLY: return jump ? 1 : 0;
    case PSEUDO_SETUP_CLEANUP: return jump ? 2 : 0;
    case PSEUDO_SETUP_WITH: return jump ? 1 : 0;
    case PSEUDO_POP_BLOCK: return 0;
    default: return bytecode::stack_effect(static_cast<Opcode>(in.op), in.arg, jump);
    }
}

} // namespace

std::string assemble(std::vector<Block>& blocks, const std::vector<int>& order,
    const std::vector<int>& deref_to_localsplus, bytecode::CodeUnit& out)
{
    // Successor in layout order (for fall-through).
    std::vector<int> next(blocks.size(), -1);
    for (size_t i = 0; i + 1 < order.size(); ++i)
        next[order[i]] = order[i + 1];

    // 0. CPython's extend_block: a JUMP to a small block that leaves the
    //    code (return/raise) is replaced by a copy of that block, so each
    //    exit keeps its own line and the jump disappears.
    {
        std::vector<int> pos(blocks.size(), -1);
        for (size_t k = 0; k < order.size(); ++k)
            pos[order[k]] = static_cast<int>(k);
        constexpr size_t max_copy_size = 4;
        for (int b : order) {
            auto& ins = blocks[b].instrs;
            if (ins.empty() || ins.back().op != op_of(Opcode::JUMP))
                continue;
            int t = ins.back().target;
            size_t k = static_cast<size_t>(pos[t]);
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

    // 1. Stack depth over reachable blocks (reachability falls out of it).
    int entry = order.front();
    int max_depth = 0;
    std::vector<int> work;
    auto reach = [&](int b, int depth) -> std::string {
        if (b < 0)
            return "fall-through off the end of the code";
        Block& blk = blocks[b];
        if (blk.start_depth < 0) {
            blk.start_depth = depth;
            blk.reachable = true;
            work.push_back(b);
        } else if (blk.start_depth != depth) {
            return "inconsistent stack depth " + std::to_string(depth) + " vs " + std::to_string(blk.start_depth);
        }
        return {};
    };
    if (auto e = reach(entry, 0); !e.empty())
        return e;
    while (!work.empty()) {
        int b = work.back();
        work.pop_back();
        int depth = blocks[b].start_depth;
        bool terminated = false;
        for (const Instr& in : blocks[b].instrs) {
            if (has_jump_target(in)) {
                int target_depth = depth + effect(in, true);
                if (target_depth < 0)
                    return "negative stack depth at a jump";
                if (target_depth > max_depth)
                    max_depth = target_depth;
                if (auto e = reach(in.target, target_depth); !e.empty())
                    return e;
            }
            if (!is_pseudo(in.op)) {
                int pops = bytecode::stack_pops(static_cast<Opcode>(in.op), in.arg);
                if (depth - pops < 0)
                    return "stack underflow at " + std::string(bytecode::opcode_name(static_cast<Opcode>(in.op)));
            }
            depth += effect(in, false);
            if (depth < 0)
                return "negative stack depth";
            if (depth > max_depth)
                max_depth = depth;
            if (is_terminator(in)) {
                terminated = true;
                break;
            }
        }
        if (!terminated) {
            if (auto e = reach(next[b], depth); !e.empty())
                return e;
        }
    }
    out.stacksize = max_depth;

    // 2. Exception handlers: which handler covers each instruction (stored
    //    in Instr::handler; every block is labelled at most once).
    std::vector<std::vector<int>> except_stack(blocks.size());
    std::vector<bool> labelled(blocks.size(), false);
    std::vector<int> todo { entry };
    labelled[entry] = true;
    while (!todo.empty()) {
        int b = todo.back();
        todo.pop_back();
        std::vector<int> stack = std::move(except_stack[b]);
        auto& ins = blocks[b].instrs;
        bool terminated = false;
        for (size_t i = 0; i < ins.size(); ++i) {
            Instr& in = ins[i];
            if (is_block_push(in.op)) {
                if (!labelled[in.target]) {
                    labelled[in.target] = true;
                    except_stack[in.target] = stack;
                    todo.push_back(in.target);
                }
                if (in.op != PSEUDO_SETUP_FINALLY)
                    blocks[in.target].preserve_lasti = true;
                stack.push_back(in.target);
            } else if (in.op == PSEUDO_POP_BLOCK) {
                if (stack.empty())
                    return "POP_BLOCK without a handler";
                stack.pop_back();
            } else {
                in.handler = stack.empty() ? -1 : stack.back();
                if (has_jump_target(in) && !labelled[in.target]) {
                    labelled[in.target] = true;
                    except_stack[in.target] = stack;
                    todo.push_back(in.target);
                }
            }
            if (is_terminator(in)) {
                terminated = true;
                break;
            }
        }
        if (!terminated && next[b] >= 0 && !labelled[next[b]]) {
            labelled[next[b]] = true;
            except_stack[next[b]] = std::move(stack);
            todo.push_back(next[b]);
        }
    }

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
    std::vector<int> order_pos(blocks.size(), -1);
    for (size_t k = 0; k < order.size(); ++k)
        order_pos[order[k]] = static_cast<int>(k);
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
    std::vector<int> first_from(order.size() + 1, -1);
    for (size_t k = order.size(); k-- > 0;)
        first_from[k] = placed(order[k]).empty() ? first_from[k + 1] : order[k];
    // (A block missing from the layout, a codegen bug, has no successor.)
    auto first_placed_fast = [&](int b) { return order_pos[b] < 0 ? -1 : first_from[static_cast<size_t>(order_pos[b])]; };
    auto next_placed_fast = [&](int b) { return order_pos[b] < 0 ? -1 : first_from[static_cast<size_t>(order_pos[b]) + 1]; };
    std::vector<int> preds(blocks.size(), 0);
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
    out.code.clear();
    out.positions.clear();
    out.exception_table.clear();
    out.code.reserve(offset);
    out.positions.reserve(offset);
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
            uint32_t index = static_cast<uint32_t>(out.code.size());
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
            out.code.push_back(bytecode::make_word(op, arg));
            out.positions.push_back(p.pos);
        }
    }
    flush(static_cast<uint32_t>(out.code.size()));
    return {};
}

} // namespace adder::compiler
