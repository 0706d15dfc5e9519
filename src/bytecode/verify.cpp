// Implementation of bytecode::verify(). The checks, in order, for each code
// unit (nested code constants are verified recursively, depth-capped;
// verify_shallow() skips lazy ones, which the runtime verifies on decode):
//   1. Tables: positions has one entry per word; localspluskinds has one valid
//      kind per name; names and identifiers are valid UTF-8; argument counts
//      fit the localsplus array; stacksize is within limits.
//   2. Constants: strings are valid UTF-8 (lone surrogates allowed, as the
//      compiler encodes them), big ints are well-formed, code constants are
//      present and themselves verify.
//   3. Decoding: every word's opcode exists; an EXTENDED_ARG prefix is single,
//      small enough that the combined operand fits 32 bits, and is followed
//      by an instruction. An instruction starts at its prefix, if any.
//   4. Operands by kind (opcodes.def OPERAND column), jump targets on
//      instruction boundaries, KW_NAMES naming a tuple of str.
//   5. The last instruction is a terminator (no falling off the end).
//   6. Exception table: start < end <= size, target in range, all three on
//      boundaries, handler depth within stacksize, sorted, non-overlapping.
//   7. Stack depth: a worklist abstract interpretation from depth 0 at entry,
//      with pops/pushes from opcode_info.h; an instruction covered by an
//      exception entry also flows to the handler with depth
//      entry.depth + push_lasti + 1 and must itself be at least entry.depth
//      deep. Depth never goes below 0 or above stacksize and every
//      instruction is reached with one depth only (merge consistency).
// Checks 3-7 first run as one fast pass over the words (fast_code(): code
// without EXTENDED_ARG, which is all the compiler emits, stack effects from
// a table). It accepts only what the general passes accept; when it
// declines, the general passes decide and give the error message.
#include "bytecode/verify.h"

#include "bytecode/opcode_info.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace adder::bytecode {

// Validates UTF-8; with `allow_surrogates`, 3-byte encodings of U+D800-DFFF
// are accepted (the compiler's representation of lone surrogates in str).
bool is_valid_utf8(std::string_view s, bool allow_surrogates)
{
    size_t i = 0, n = s.size();
    // Names and paths are nearly always ASCII: skip 8 bytes at a time while
    // no byte has its high bit set.
    while (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, sizeof w);
        if (w & 0x8080808080808080ull)
            break;
        i += 8;
    }
    auto cont = [&](size_t k) { return k < n && (static_cast<uint8_t>(s[k]) & 0xC0) == 0x80; };
    while (i < n) {
        uint8_t c = static_cast<uint8_t>(s[i]);
        if (c < 0x80) {
            ++i;
        } else if (c >= 0xC2 && c <= 0xDF) {
            if (!cont(i + 1))
                return false;
            i += 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            if (!cont(i + 1) || !cont(i + 2))
                return false;
            uint8_t c1 = static_cast<uint8_t>(s[i + 1]);
            if (c == 0xE0 && c1 < 0xA0)
                return false; // overlong
            if (c == 0xED && c1 >= 0xA0 && !allow_surrogates)
                return false;
            i += 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3))
                return false;
            uint8_t c1 = static_cast<uint8_t>(s[i + 1]);
            if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))
                return false;
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

namespace {

bool is_valid_bigint_text(const std::string& t)
{
    size_t i = (!t.empty() && t[0] == '-') ? 1 : 0;
    if (i == t.size())
        return false;
    for (; i < t.size(); ++i)
        if (t[i] < '0' || t[i] > '9')
            return false;
    return true;
}

// The stack effects of opcodes.def as a table, for the fast path: an
// opcode whose three expressions do not mention `oparg` has its constant
// effect here; the others (`variable`) go through stack_pops/stack_pushes.
struct StackFacts {
    int32_t pops;
    int32_t pushes;
    int32_t jump_pushes; // -1: as pushes
    bool variable;
};

constexpr bool mentions_oparg(std::string_view expr) { return expr.find("oparg") != std::string_view::npos; }

constexpr StackFacts s_stack_facts[] = {
#define OPCODE(name, operand, pops, pushes, jump_pushes, flags)                                     \
    [] {                                                                                            \
        [[maybe_unused]] constexpr int64_t oparg = 0;                                               \
        return StackFacts { static_cast<int32_t>(pops), static_cast<int32_t>(pushes),               \
            static_cast<int32_t>(jump_pushes),                                                      \
            mentions_oparg(#pops) || mentions_oparg(#pushes) || mentions_oparg(#jump_pushes) };     \
    }(),
#include "bytecode/opcodes.def"
#undef OPCODE
};
static_assert(sizeof(s_stack_facts) / sizeof(s_stack_facts[0]) == opcode_count);

// Opcodes whose operand needs more than a range check (fast path): FREE
// slots must be cells, KW_NAMES names a tuple of str, and the COUNT/FLAGS
// opcodes that check_count_operand() constrains.
constexpr bool needs_special_operand(Opcode op, OperandKind kind)
{
    switch (op) {
    case Opcode::COPY:
    case Opcode::SWAP:
    case Opcode::BUILD_SLICE:
    case Opcode::RAISE_VARARGS:
    case Opcode::RESUME:
    case Opcode::IS_OP:
    case Opcode::CONTAINS_OP:
    case Opcode::COPY_FREE_VARS:
    case Opcode::FORMAT_VALUE:
    case Opcode::MAKE_FUNCTION:
    case Opcode::CALL_FUNCTION_EX:
    case Opcode::KW_NAMES:
        return true;
    default:
        return kind == OperandKind::FREE;
    }
}

constexpr bool s_special_operand[] = {
#define OPCODE(name, operand, pops, pushes, jump_pushes, flags) \
    needs_special_operand(Opcode::name, OperandKind::operand),
#include "bytecode/opcodes.def"
#undef OPCODE
};

// One decoded instruction: `start` is the index of its first word (its
// EXTENDED_ARG prefix if any), `index` the word holding the opcode.
// `flags` and `kind` are looked up once in decode() for the later passes.
struct Instr {
    uint32_t start;
    uint32_t index;
    Opcode op;
    uint32_t arg;
    uint8_t flags;    // ADDER_OPF_* bits
    OperandKind kind; // operand_kind(op)

    bool terminates() const { return flags & ADDER_OPF_TERMINATOR; }
    bool branches() const { return flags & ADDER_OPF_BRANCH; }
};

// Working arrays of one Verifier. A warm import verifies thousands of small
// code units, so they are kept per nesting level and reused (cleared, never
// shrunk) instead of being allocated per unit: a nested unit is verified
// while its parent is live, hence one set per level.
struct Scratch {
    std::vector<Instr> instrs;
    std::vector<int> instr_at;
    std::vector<int> handler_of;
    std::vector<int64_t> depths;
    std::vector<size_t> worklist;
    std::vector<int32_t> word_depths; // fast path: word index -> depth, -1 unknown
};

Scratch& scratch_for(int depth)
{
    // unique_ptr keeps each level's address stable as the pool grows.
    thread_local std::vector<std::unique_ptr<Scratch>> pool;
    while (pool.size() <= static_cast<size_t>(depth))
        pool.push_back(std::make_unique<Scratch>());
    Scratch& s = *pool[static_cast<size_t>(depth)];
    s.instrs.clear();
    s.instr_at.clear();
    s.handler_of.clear();
    s.depths.clear();
    s.worklist.clear();
    return s;
}

class Verifier {
public:
    Verifier(const CodeUnit& unit, std::string* error, int depth, bool shallow = false)
        : m_unit(unit)
        , m_shallow(shallow)
        , m_error(error)
        , m_depth(depth)
        , m_scratch(scratch_for(depth))
        , m_instrs(m_scratch.instrs)
        , m_instr_at(m_scratch.instr_at)
        , m_handler_of(m_scratch.handler_of)
        , m_depths(m_scratch.depths)
        , m_worklist(m_scratch.worklist)
    {
    }

    bool run()
    {
        if (!check_tables() || !check_consts())
            return false;
        // The fast path only ever accepts what the general checks accept;
        // when it declines (EXTENDED_ARG, or any error) the general checks
        // decide and give the error message.
        if (fast_code())
            return true;
        m_instrs.clear();
        m_worklist.clear();
        return decode() && check_operands() && check_exception_table() && check_stack();
    }

private:
    bool fail(const std::string& why)
    {
        if (m_error)
            *m_error = "code '" + m_unit.qualname + "': " + why;
        return false;
    }

    bool fail_at(const Instr& in, const std::string& why)
    {
        return fail(std::string(opcode_name(in.op)) + " at " + std::to_string(in.index) + ": " + why);
    }

    bool check_tables()
    {
        const CodeUnit& u = m_unit;
        if (u.positions.size() != u.code.size())
            return fail("positions size differs from code size");
        if (u.localspluskinds.size() != u.localsplusnames.size())
            return fail("localspluskinds size differs from localsplusnames size");
        for (uint8_t k : u.localspluskinds)
            if (k != CO_FAST_LOCAL && k != CO_FAST_CELL && k != CO_FAST_FREE && k != (CO_FAST_LOCAL | CO_FAST_CELL))
                return fail("invalid localsplus kind " + std::to_string(k));
        if (!is_valid_utf8(u.name, false) || !is_valid_utf8(u.qualname, false))
            return fail("name is not valid UTF-8");
        // File names may carry surrogate-escaped bytes of non-UTF-8 paths.
        if (!is_valid_utf8(u.filename, true))
            return fail("filename is not valid UTF-8");
        for (const std::string& n : u.names)
            if (!is_valid_utf8(n, false))
                return fail("co_names entry is not valid UTF-8");
        for (const std::string& n : u.localsplusnames)
            if (!is_valid_utf8(n, false))
                return fail("localsplus name is not valid UTF-8");
        if (u.stacksize < 0 || u.stacksize > verify_max_stacksize)
            return fail("stacksize out of range");
        if (u.argcount < 0 || u.posonlyargcount < 0 || u.kwonlyargcount < 0 || u.posonlyargcount > u.argcount)
            return fail("bad argument counts");
        int64_t nargs = int64_t(u.argcount) + u.kwonlyargcount + ((u.flags & CO_VARARGS) ? 1 : 0)
            + ((u.flags & CO_VARKEYWORDS) ? 1 : 0);
        if (nargs > int64_t(u.localsplusnames.size()))
            return fail("more arguments than localsplus slots");
        return true;
    }

    bool check_const(const Constant& c, int depth)
    {
        if (depth > verify_max_depth)
            return fail("constants nested too deeply");
        switch (c.kind) {
        case Constant::Kind::Str:
            if (!is_valid_utf8(c.text, true))
                return fail("str constant is not valid UTF-8");
            break;
        case Constant::Kind::BigInt:
            if (!is_valid_bigint_text(c.text))
                return fail("malformed big int constant");
            break;
        case Constant::Kind::Tuple:
        case Constant::Kind::FrozenSet:
            for (const Constant& item : c.items)
                if (!check_const(item, depth + 1))
                    return false;
            break;
        case Constant::Kind::Code: {
            if (!c.code) {
                if (m_shallow && depth == 0 && c.lazy_size > 0)
                    break; // verified when decoded
                return fail("code constant without code");
            }
            if (m_depth + depth >= verify_max_depth)
                return fail("code nested too deeply");
            Verifier nested(*c.code, m_error, m_depth + depth + 1);
            if (!nested.run())
                return false;
            break;
        }
        default:
            break;
        }
        return true;
    }

    bool check_consts()
    {
        for (const Constant& c : m_unit.consts)
            if (!check_const(c, 0))
                return false;
        return true;
    }

    bool decode()
    {
        const auto& code = m_unit.code;
        if (code.empty())
            return fail("empty code");
        m_instr_at.assign(code.size(), -1);
        m_instrs.reserve(code.size());
        for (size_t i = 0; i < code.size(); ++i) {
            // Filled in place: building a local Instr and copying it made the
            // copy's wide load wait on the narrow field stores (a store-
            // forwarding stall per instruction, most of this loop's time).
            Instr& in = m_instrs.emplace_back();
            in.start = static_cast<uint32_t>(i);
            uint32_t prefix = 0;
            if (!is_valid_opcode(code[i] & 0xFF))
                return fail("invalid opcode " + std::to_string(code[i] & 0xFF) + " at " + std::to_string(i));
            if (word_opcode(code[i]) == Opcode::EXTENDED_ARG) {
                prefix = word_operand(code[i]);
                // One prefix gives 48 bits; more than 8 of them cannot fit 32.
                if (prefix > 0xFF)
                    return fail("EXTENDED_ARG operand too large at " + std::to_string(i));
                ++i;
                if (i == code.size())
                    return fail("EXTENDED_ARG at end of code");
                if (!is_valid_opcode(code[i] & 0xFF))
                    return fail("invalid opcode " + std::to_string(code[i] & 0xFF) + " at " + std::to_string(i));
                if (word_opcode(code[i]) == Opcode::EXTENDED_ARG)
                    return fail("chained EXTENDED_ARG at " + std::to_string(i));
            }
            in.index = static_cast<uint32_t>(i);
            in.op = word_opcode(code[i]);
            in.arg = (prefix << operand_bits) | word_operand(code[i]);
            in.flags = opcode_flags(in.op);
            in.kind = operand_kind(in.op);
            m_instr_at[in.start] = static_cast<int>(m_instrs.size() - 1);
        }
        if (!m_instrs.back().terminates())
            return fail("last instruction is not a terminator");
        return true;
    }

    bool is_boundary(uint64_t index) const { return index < m_instr_at.size() && m_instr_at[index] >= 0; }

    bool check_count_operand(const Instr& in)
    {
        uint32_t a = in.arg;
        switch (in.op) {
        case Opcode::COPY:
            return a >= 1 || fail_at(in, "operand must be >= 1");
        case Opcode::SWAP:
            return a >= 2 || fail_at(in, "operand must be >= 2");
        case Opcode::BUILD_SLICE:
            return a == 2 || a == 3 || fail_at(in, "operand must be 2 or 3");
        case Opcode::RAISE_VARARGS:
            return a <= 2 || fail_at(in, "operand must be <= 2");
        case Opcode::RESUME:
            return a <= 3 || fail_at(in, "operand must be <= 3");
        case Opcode::IS_OP:
        case Opcode::CONTAINS_OP:
            return a <= 1 || fail_at(in, "operand must be 0 or 1");
        case Opcode::COPY_FREE_VARS:
            return a <= m_unit.localsplusnames.size() || fail_at(in, "more free vars than slots");
        case Opcode::FORMAT_VALUE:
            return a <= 7 || fail_at(in, "bad flags");
        case Opcode::MAKE_FUNCTION:
            return a <= 15 || fail_at(in, "bad flags");
        case Opcode::CALL_FUNCTION_EX:
            return a <= 1 || fail_at(in, "bad flags");
        default:
            return true;
        }
    }

    bool check_operands()
    {
        const CodeUnit& u = m_unit;
        for (const Instr& in : m_instrs) {
            uint32_t a = in.arg;
            switch (in.kind) {
            case OperandKind::NONE:
                break;
            case OperandKind::CONST:
                if (a >= u.consts.size())
                    return fail_at(in, "constant index out of range");
                break;
            case OperandKind::NAME:
                if (a >= u.names.size())
                    return fail_at(in, "name index out of range");
                break;
            case OperandKind::GLOBAL:
                if ((a >> 1) >= u.names.size())
                    return fail_at(in, "global name index out of range");
                break;
            case OperandKind::LOCAL:
                if (a >= u.localsplusnames.size())
                    return fail_at(in, "local index out of range");
                break;
            case OperandKind::FREE:
                if (a >= u.localsplusnames.size())
                    return fail_at(in, "cell index out of range");
                if (!(u.localspluskinds[a] & (CO_FAST_CELL | CO_FAST_FREE)))
                    return fail_at(in, "slot is not a cell or free variable");
                break;
            case OperandKind::JUMP:
                if (!is_boundary(a))
                    return fail_at(in, "jump target not on an instruction boundary");
                break;
            case OperandKind::BINOP:
                if (a > 25)
                    return fail_at(in, "unknown binary operator");
                break;
            case OperandKind::CMP:
                if (a > 5)
                    return fail_at(in, "unknown comparison");
                break;
            case OperandKind::COUNT:
            case OperandKind::FLAGS:
                // Keeps every stack-effect expression of opcodes.def within int.
                if (a > verify_max_count_operand)
                    return fail_at(in, "operand too large");
                if (!check_count_operand(in))
                    return false;
                break;
            }
            if (in.op == Opcode::KW_NAMES) {
                const Constant& c = u.consts[a];
                if (c.kind != Constant::Kind::Tuple)
                    return fail_at(in, "constant is not a tuple");
                for (const Constant& item : c.items)
                    if (item.kind != Constant::Kind::Str)
                        return fail_at(in, "keyword name is not a str");
            }
        }
        return true;
    }

    bool check_exception_table()
    {
        const auto& table = m_unit.exception_table;
        uint64_t size = m_unit.code.size();
        for (size_t k = 0; k < table.size(); ++k) {
            const ExceptionEntry& e = table[k];
            std::string where = "exception entry " + std::to_string(k) + ": ";
            if (!(e.start < e.end && e.end <= size))
                return fail(where + "bad range");
            if (!is_boundary(e.start) || (e.end != size && !is_boundary(e.end)))
                return fail(where + "range not on instruction boundaries");
            if (!is_boundary(e.target))
                return fail(where + "target not on an instruction boundary");
            if (uint64_t(e.depth) + (e.push_lasti ? 1 : 0) + 1 > uint64_t(m_unit.stacksize))
                return fail(where + "handler depth exceeds stacksize");
            if (k > 0 && e.start < table[k - 1].end)
                return fail(where + "entries unsorted or overlapping");
        }
        // Map each instruction to the entry covering it (entries are sorted
        // and disjoint, so one sweep suffices).
        m_handler_of.assign(m_instrs.size(), -1);
        size_t k = 0;
        for (size_t i = 0; i < m_instrs.size(); ++i) {
            uint32_t at = m_instrs[i].start;
            while (k < table.size() && table[k].end <= at)
                ++k;
            if (k < table.size() && table[k].start <= at)
                m_handler_of[i] = static_cast<int>(k);
        }
        return true;
    }

    bool flow(size_t to, int64_t depth, const Instr& from)
    {
        if (depth < 0)
            return fail_at(from, "stack underflow");
        if (depth > m_unit.stacksize)
            return fail_at(from, "stack depth exceeds stacksize");
        if (m_depths[to] < 0) {
            m_depths[to] = depth;
            m_worklist.push_back(to);
            return true;
        }
        if (m_depths[to] != depth)
            return fail_at(from, "inconsistent stack depth at " + std::to_string(m_instrs[to].start) + " ("
                    + std::to_string(m_depths[to]) + " vs " + std::to_string(depth) + ")");
        return true;
    }

    bool check_stack()
    {
        m_depths.assign(m_instrs.size(), -1);
        m_depths[0] = 0;
        m_worklist.push_back(0);
        while (!m_worklist.empty()) {
            size_t k = m_worklist.back();
            m_worklist.pop_back();
            // Straight-line runs are followed in place rather than through
            // the worklist: `k` advances while the fall-through is unvisited.
            for (;;) {
                const Instr& in = m_instrs[k];
                int64_t d = m_depths[k];
                if (int h = m_handler_of[k]; h >= 0) {
                    const ExceptionEntry& e = m_unit.exception_table[h];
                    if (d < int64_t(e.depth))
                        return fail_at(in, "stack shallower than its handler's depth");
                    if (!flow(m_instr_at[e.target], int64_t(e.depth) + (e.push_lasti ? 1 : 0) + 1, in))
                        return false;
                }
                int64_t pops = stack_pops(in.op, in.arg);
                if (pops > d)
                    return fail_at(in, "stack underflow");
                bool advance = false;
                if (!in.terminates()) {
                    // The last instruction is a terminator, so k + 1 exists.
                    int64_t next_depth = d - pops + stack_pushes(in.op, in.arg, false);
                    if (m_depths[k + 1] < 0 && next_depth >= 0 && next_depth <= m_unit.stacksize) {
                        m_depths[k + 1] = next_depth; // what flow() would record
                        advance = true;
                    } else if (!flow(k + 1, next_depth, in)) {
                        return false;
                    }
                } else if (!in.branches() && d - pops + stack_pushes(in.op, in.arg, false) > m_unit.stacksize) {
                    return fail_at(in, "stack depth exceeds stacksize");
                }
                if (in.branches()) {
                    if (!flow(m_instr_at[in.arg], d - pops + stack_pushes(in.op, in.arg, true), in))
                        return false;
                }
                if (!advance)
                    break;
                ++k;
            }
        }
        return true;
    }

    // check_count_operand's conditions, without the message.
    bool count_operand_ok(Opcode op, uint32_t a) const
    {
        switch (op) {
        case Opcode::COPY: return a >= 1;
        case Opcode::SWAP: return a >= 2;
        case Opcode::BUILD_SLICE: return a == 2 || a == 3;
        case Opcode::RAISE_VARARGS: return a <= 2;
        case Opcode::RESUME: return a <= 3;
        case Opcode::IS_OP:
        case Opcode::CONTAINS_OP: return a <= 1;
        case Opcode::COPY_FREE_VARS: return a <= m_unit.localsplusnames.size();
        case Opcode::FORMAT_VALUE: return a <= 7;
        case Opcode::MAKE_FUNCTION: return a <= 15;
        case Opcode::CALL_FUNCTION_EX: return a <= 1;
        default: return true;
        }
    }

    // decode() .. check_stack() for a unit without EXTENDED_ARG (all that
    // the compiler emits), where every word is an instruction boundary and
    // an instruction's number is its word index: one pass over the words
    // for opcodes and operands, and the same depth propagation as
    // check_stack() with table-driven stack effects, without building the
    // Instr array. Returns false, with no message, on anything else.
    bool fast_code()
    {
        const CodeUnit& u = m_unit;
        const Word* code = u.code.data();
        const size_t n = u.code.size();
        if (n == 0)
            return false;
        const size_t nconsts = u.consts.size(), nnames = u.names.size(), nlocals = u.localsplusnames.size();
        // An operand must lie below its kind's limit (GLOBAL: name index
        // << 1 | flag); the few opcodes with further conditions take the
        // switch below.
        uint64_t limit[11];
        static_assert(static_cast<int>(OperandKind::FLAGS) == 10);
        limit[static_cast<int>(OperandKind::NONE)] = UINT64_MAX;
        limit[static_cast<int>(OperandKind::CONST)] = nconsts;
        limit[static_cast<int>(OperandKind::NAME)] = nnames;
        limit[static_cast<int>(OperandKind::LOCAL)] = nlocals;
        limit[static_cast<int>(OperandKind::FREE)] = nlocals;
        limit[static_cast<int>(OperandKind::JUMP)] = n;
        limit[static_cast<int>(OperandKind::COUNT)] = UINT64_MAX;
        limit[static_cast<int>(OperandKind::GLOBAL)] = uint64_t(nnames) * 2;
        limit[static_cast<int>(OperandKind::BINOP)] = 26;
        limit[static_cast<int>(OperandKind::CMP)] = 6;
        limit[static_cast<int>(OperandKind::FLAGS)] = UINT64_MAX;
        for (size_t i = 0; i < n; ++i) {
            Word w = code[i];
            uint32_t raw = w & 0xFF;
            if (!is_valid_opcode(raw) || raw == static_cast<uint32_t>(Opcode::EXTENDED_ARG))
                return false;
            uint32_t a = word_operand(w);
            if (a >= limit[static_cast<int>(detail::g_operand_kinds[raw])])
                return false;
            if (!s_special_operand[raw]) [[likely]]
                continue;
            // Without a prefix a <= max_operand == verify_max_count_operand,
            // so COUNT/FLAGS need only check_count_operand's conditions.
            const Opcode op = static_cast<Opcode>(raw);
            if (detail::g_operand_kinds[raw] == OperandKind::FREE &&
                !(u.localspluskinds[a] & (CO_FAST_CELL | CO_FAST_FREE)))
                return false;
            if (!count_operand_ok(op, a))
                return false;
            if (op == Opcode::KW_NAMES) {
                const Constant& c = u.consts[a];
                if (c.kind != Constant::Kind::Tuple)
                    return false;
                for (const Constant& item : c.items)
                    if (item.kind != Constant::Kind::Str)
                        return false;
            }
        }
        if (!(detail::g_opcode_flags[code[n - 1] & 0xFF] & ADDER_OPF_TERMINATOR))
            return false;

        const auto& table = u.exception_table;
        const int64_t stacksize = u.stacksize;
        for (size_t k = 0; k < table.size(); ++k) {
            const ExceptionEntry& e = table[k];
            if (!(e.start < e.end && e.end <= n) || e.target >= n)
                return false;
            if (int64_t(e.depth) + (e.push_lasti ? 1 : 0) + 1 > stacksize)
                return false;
            if (k > 0 && e.start < table[k - 1].end)
                return false;
        }
        const int* handler_of = nullptr;
        if (!table.empty()) {
            m_handler_of.assign(n, -1);
            for (size_t k = 0; k < table.size(); ++k)
                std::fill(m_handler_of.begin() + table[k].start, m_handler_of.begin() + table[k].end,
                    static_cast<int>(k));
            handler_of = m_handler_of.data();
        }

        std::vector<int32_t>& depths = m_scratch.word_depths;
        depths.assign(n, -1);
        auto flow = [&](size_t to, int64_t depth) {
            if (depth < 0 || depth > stacksize)
                return false;
            if (depths[to] < 0) {
                depths[to] = static_cast<int32_t>(depth);
                m_worklist.push_back(to);
                return true;
            }
            return depths[to] == depth;
        };
        depths[0] = 0;
        m_worklist.clear();
        m_worklist.push_back(0);
        while (!m_worklist.empty()) {
            size_t k = m_worklist.back();
            m_worklist.pop_back();
            for (;;) {
                Word w = code[k];
                uint32_t raw = w & 0xFF;
                uint32_t a = word_operand(w);
                int64_t d = depths[k];
                if (handler_of && handler_of[k] >= 0) {
                    const ExceptionEntry& e = table[static_cast<size_t>(handler_of[k])];
                    if (d < int64_t(e.depth) || !flow(e.target, int64_t(e.depth) + (e.push_lasti ? 1 : 0) + 1))
                        return false;
                }
                const StackFacts& f = s_stack_facts[raw];
                const Opcode op = static_cast<Opcode>(raw);
                int64_t pops = f.variable ? stack_pops(op, a) : f.pops;
                if (pops > d)
                    return false;
                int64_t after = d - pops + (f.variable ? stack_pushes(op, a, false) : f.pushes);
                uint8_t flags = detail::g_opcode_flags[raw];
                bool advance = false;
                if (!(flags & ADDER_OPF_TERMINATOR)) {
                    if (depths[k + 1] < 0 && after >= 0 && after <= stacksize) {
                        depths[k + 1] = static_cast<int32_t>(after);
                        advance = true;
                    } else if (!flow(k + 1, after)) {
                        return false;
                    }
                } else if (!(flags & ADDER_OPF_BRANCH) && after > stacksize) {
                    return false;
                }
                if (flags & ADDER_OPF_BRANCH) {
                    int64_t jump_pushes = f.variable ? stack_pushes(op, a, true)
                                                     : (f.jump_pushes >= 0 ? f.jump_pushes : f.pushes);
                    if (!flow(a, d - pops + jump_pushes))
                        return false;
                }
                if (!advance)
                    break;
                ++k;
            }
        }
        return true;
    }

    const CodeUnit& m_unit;
    bool m_shallow;
    std::string* m_error;
    int m_depth;
    Scratch& m_scratch;
    std::vector<Instr>& m_instrs;
    std::vector<int>& m_instr_at;   // word index -> instruction number, -1 inside a prefix pair
    std::vector<int>& m_handler_of; // instruction number -> exception entry, -1 when uncovered
    std::vector<int64_t>& m_depths; // instruction number -> stack depth on entry, -1 unknown
    std::vector<size_t>& m_worklist;
};

} // namespace

bool verify(const CodeUnit& unit, std::string* error)
{
    return Verifier(unit, error, 0).run();
}

bool verify_shallow(const CodeUnit& unit, std::string* error)
{
    return Verifier(unit, error, 0, true).run();
}

} // namespace adder::bytecode
