// Per-scope bookkeeping of the code generator: entering and leaving code
// units, blocks and instruction emission, co_consts/co_names/varnames tables,
// name resolution to LOAD_FAST/LOAD_DEREF/LOAD_GLOBAL/LOAD_NAME (CPython's
// compiler_nameop), closures, and assembling a finished unit into a CodeUnit.
#include "compiler/assembler.h"
#include "compiler/codegen.h"
#include "compiler/constfold.h"

#include "bytecode/opcode_info.h"

#include <algorithm>

namespace adder::compiler {

using bytecode::Opcode;
using namespace ast;

Codegen::Codegen(SymbolTable& table, CodegenOptions options)
    : m_table(table)
    , m_options(std::move(options))
{
}

bool Codegen::fail(std::string msg)
{
    if (!m_error) {
        CompileError err;
        err.msg = std::move(msg);
        err.lineno = u ? u->loc.lineno : 0;
        err.col = u ? u->loc.col : 0;
        err.end_lineno = u ? u->loc.end_lineno : 0;
        err.end_col = u ? u->loc.end_col : 0;
        m_error = std::move(err);
    }
    return false;
}

void Codegen::warn(std::string msg)
{
    CompileWarning w;
    w.msg = std::move(msg);
    w.lineno = u->loc.lineno;
    w.col = u->loc.col;
    w.end_lineno = u->loc.end_lineno;
    w.end_col = u->loc.end_col;
    m_warnings.push_back(std::move(w));
}

bool Codegen::fail_at(std::string msg, const Location& loc)
{
    set_loc(loc);
    return fail(std::move(msg));
}

void Codegen::set_loc(const Location& loc)
{
    u->loc.lineno = loc.lineno;
    u->loc.end_lineno = loc.end_lineno;
    u->loc.col = loc.col_offset;
    u->loc.end_col = loc.end_col_offset;
}

int Codegen::new_block()
{
    Block& b = u->blocks.emplace_back();
    if (!m_spare_instrs.empty()) {
        b.instrs = std::move(m_spare_instrs.back());
        m_spare_instrs.pop_back();
    }
    return static_cast<int>(u->blocks.size() - 1);
}

void Codegen::use_block(int b)
{
    if (u->blocks[b].used) {
        // A block laid out twice would be assembled twice: a compiler bug.
        CompileError e;
        e.type = "SystemError";
        e.msg = "compiler: block reused in " + u->qualname;
        if (!m_error)
            m_error = std::move(e);
        b = new_block();
    }
    u->blocks[b].used = true;
    u->order.push_back(b);
    u->cur = b;
}

void Codegen::next_block()
{
    use_block(new_block());
}

void Codegen::emit(int op, uint32_t arg)
{
    // Instructions after a jump or terminator start a new block, so every
    // block ends at its only control transfer.
    auto& cur = u->blocks[u->cur].instrs;
    if (!cur.empty()) {
        const Instr& last = cur.back();
        if (!is_pseudo(last.op) && (bytecode::is_branch(static_cast<Opcode>(last.op)) || bytecode::is_terminator(static_cast<Opcode>(last.op))))
            next_block();
    }
    // PUSH_NULL; LOAD_GLOBAL x  =>  LOAD_GLOBAL (x | push_null), as 3.11's peephole pass.
    if (op == op_of(Opcode::LOAD_GLOBAL)) {
        auto& ins = u->blocks[u->cur].instrs;
        if (!ins.empty() && ins.back().op == op_of(Opcode::PUSH_NULL) && !(arg & 1)) {
            ins.back().op = op;
            ins.back().arg = arg | 1;
            ins.back().pos = u->loc;
            return;
        }
    }
    // LOAD_CONST x n; BUILD_TUPLE n  =>  LOAD_CONST (x...), as 3.11's fold_tuple_on_constants.
    if (op == op_of(Opcode::BUILD_TUPLE)) {
        auto& ins = u->blocks[u->cur].instrs;
        if (ins.size() >= arg) {
            bool all = true;
            for (size_t i = ins.size() - arg; i < ins.size() && all; ++i)
                all = ins[i].op == op_of(Opcode::LOAD_CONST);
            if (all) {
                bytecode::Constant t;
                t.kind = bytecode::Constant::Kind::Tuple;
                for (size_t i = ins.size() - arg; i < ins.size(); ++i)
                    t.items.push_back(u->consts[ins[i].arg]);
                ins.resize(ins.size() - arg);
                u->consts_pruned = true;
                emit(Opcode::LOAD_CONST, add_const(std::move(t)));
                return;
            }
        }
    }
    // BUILD_TUPLE n; UNPACK_SEQUENCE n  =>  nothing / SWAP 2 / SWAP 3 (`a, b = b, a`).
    if (op == op_of(Opcode::UNPACK_SEQUENCE) && arg >= 1 && arg <= 3) {
        auto& ins = u->blocks[u->cur].instrs;
        if (!ins.empty() && ins.back().op == op_of(Opcode::BUILD_TUPLE) && ins.back().arg == arg) {
            if (arg == 1) {
                ins.pop_back();
            } else {
                ins.back().op = op_of(Opcode::SWAP);
                ins.back().pos = u->loc;
            }
            return;
        }
    }
    Instr in;
    in.op = op;
    in.arg = arg;
    in.pos = u->loc;
    auto& dst = u->blocks[u->cur].instrs;
    if (dst.capacity() == 0)
        dst.reserve(8); // most blocks are short: one allocation instead of four
    dst.push_back(in);
}

void Codegen::emit_jump(int op, int target)
{
    // LOAD_CONST None; IS_OP k; POP_JUMP_IF_{FALSE,TRUE}  =>  POP_JUMP_IF_[NOT_]NONE.
    if (op == op_of(Opcode::POP_JUMP_IF_FALSE) || op == op_of(Opcode::POP_JUMP_IF_TRUE)) {
        auto& ins = u->blocks[u->cur].instrs;
        size_t n = ins.size();
        if (n >= 2 && ins[n - 1].op == op_of(Opcode::IS_OP) && ins[n - 2].op == op_of(Opcode::LOAD_CONST)
            && u->consts[ins[n - 2].arg].kind == bytecode::Constant::Kind::None) {
            bool not_none = (op == op_of(Opcode::POP_JUMP_IF_FALSE)) != (ins[n - 1].arg != 0);
            ins.resize(n - 2);
            u->consts_pruned = true;
            op = op_of(not_none ? Opcode::POP_JUMP_IF_NOT_NONE : Opcode::POP_JUMP_IF_NONE);
        }
    }
    emit(op, 0);
    u->blocks[u->cur].instrs.back().target = target;
}

void Codegen::emit_noline(Opcode op, uint32_t arg)
{
    auto saved = u->loc;
    unset_loc();
    emit(op, arg);
    u->loc = saved;
}

void Codegen::emit_jump_noline(Opcode op, int target)
{
    auto saved = u->loc;
    unset_loc();
    emit_jump(op, target);
    u->loc = saved;
}

namespace {

bool code_equal(const bytecode::CodeUnit& a, const bytecode::CodeUnit& b);

bool const_equal(const bytecode::Constant& a, const bytecode::Constant& b)
{
    if (a.kind != b.kind)
        return false;
    if (a.kind == bytecode::Constant::Kind::Code)
        return a.code && b.code && code_equal(*a.code, *b.code);
    if (a.kind == bytecode::Constant::Kind::Tuple || a.kind == bytecode::Constant::Kind::FrozenSet) {
        if (a.items.size() != b.items.size())
            return false;
        for (size_t i = 0; i < a.items.size(); ++i)
            if (!const_equal(a.items[i], b.items[i]))
                return false;
        return true;
    }
    return constant_same(a, b);
}

// Structural equality, so that a block compiled twice (a `while` test, a
// `finally` body) yields one code constant, as CPython's equal code objects
// merge in co_consts.
bool code_equal(const bytecode::CodeUnit& a, const bytecode::CodeUnit& b)
{
    if (a.name != b.name || a.qualname != b.qualname || a.firstlineno != b.firstlineno || a.argcount != b.argcount
        || a.posonlyargcount != b.posonlyargcount || a.kwonlyargcount != b.kwonlyargcount || a.flags != b.flags
        || a.stacksize != b.stacksize || a.code != b.code || a.names != b.names || a.localsplusnames != b.localsplusnames
        || a.localspluskinds != b.localspluskinds || a.consts.size() != b.consts.size()
        || a.exception_table.size() != b.exception_table.size() || a.positions.size() != b.positions.size())
        return false;
    for (size_t i = 0; i < a.positions.size(); ++i) {
        const auto &p = a.positions[i], &q = b.positions[i];
        if (p.lineno != q.lineno || p.end_lineno != q.end_lineno || p.col != q.col || p.end_col != q.end_col)
            return false;
    }
    for (size_t i = 0; i < a.exception_table.size(); ++i) {
        const auto &x = a.exception_table[i], &y = b.exception_table[i];
        if (x.start != y.start || x.end != y.end || x.target != y.target || x.depth != y.depth || x.push_lasti != y.push_lasti)
            return false;
    }
    for (size_t i = 0; i < a.consts.size(); ++i)
        if (!const_equal(a.consts[i], b.consts[i]))
            return false;
    return true;
}

} // namespace

// Scalar constants are looked up before any Constant is built, so a repeated
// name or number costs a hash probe and no allocation. Same equivalence as
// constant_key: Int by value, Str by text, singletons by kind.
uint32_t Codegen::add_singleton_const(bytecode::Constant::Kind kind)
{
    int32_t& slot = u->singleton_const_index[static_cast<int>(kind)];
    if (slot < 0) {
        slot = static_cast<int32_t>(u->consts.size());
        u->consts.emplace_back().kind = kind;
    }
    return static_cast<uint32_t>(slot);
}

namespace {

uint64_t int_const_hash(int64_t v)
{
    uint64_t h = static_cast<uint64_t>(v) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 32);
}

uint64_t str_const_hash(std::string_view text)
{
    return hash_string(text) ^ 0x5BD1E9955BD1E995ull; // apart from Int hashes
}

} // namespace

uint32_t Codegen::add_int_const(int64_t v)
{
    using Kind = bytecode::Constant::Kind;
    uint64_t h = int_const_hash(v);
    int32_t at = u->scalar_const_index.find(h, [&](uint32_t i) {
        const auto& k = u->consts[i];
        return k.kind == Kind::Int && k.int_value == v;
    });
    if (at >= 0)
        return static_cast<uint32_t>(at);
    uint32_t i = static_cast<uint32_t>(u->consts.size());
    bytecode::Constant& c = u->consts.emplace_back();
    c.kind = Kind::Int;
    c.int_value = v;
    u->scalar_const_index.insert(h, i);
    return i;
}

uint32_t Codegen::add_str_const(std::string_view text)
{
    using Kind = bytecode::Constant::Kind;
    uint64_t h = str_const_hash(text);
    int32_t at = u->scalar_const_index.find(h, [&](uint32_t i) {
        const auto& k = u->consts[i];
        return k.kind == Kind::Str && k.text == text;
    });
    if (at >= 0)
        return static_cast<uint32_t>(at);
    uint32_t i = static_cast<uint32_t>(u->consts.size());
    bytecode::Constant& c = u->consts.emplace_back();
    c.kind = Kind::Str;
    c.text.assign(text);
    u->scalar_const_index.insert(h, i);
    return i;
}

uint32_t Codegen::add_ast_const(const ast::ConstantValue& v)
{
    using AK = ast::ConstantValue::Kind;
    using Kind = bytecode::Constant::Kind;
    switch (v.kind) { // as constant_from_ast
    case AK::None: return add_singleton_const(Kind::None);
    case AK::True: return add_singleton_const(Kind::True);
    case AK::False: return add_singleton_const(Kind::False);
    case AK::Ellipsis: return add_singleton_const(Kind::Ellipsis);
    case AK::Int: return add_int_const(v.int_value);
    case AK::Str: return add_str_const(v.text);
    default: return add_const(constant_from_ast(v));
    }
}

uint32_t Codegen::add_const(bytecode::Constant c)
{
    if (c.kind == bytecode::Constant::Kind::Code) {
        // Equal code has the same first line and name (code_equal checks
        // both): test those first, as a module compares each new function
        // with all earlier ones.
        const bytecode::CodeUnit* cc = c.code.get();
        for (size_t i = 0; i < u->consts.size(); ++i) {
            const bytecode::Constant& k = u->consts[i];
            if (k.kind != bytecode::Constant::Kind::Code)
                continue;
            if (cc && k.code && (k.code->firstlineno != cc->firstlineno || k.code->name != cc->name))
                continue;
            if (const_equal(k, c))
                return static_cast<uint32_t>(i);
        }
        u->consts.push_back(std::move(c));
        return static_cast<uint32_t>(u->consts.size() - 1);
    }
    using Kind = bytecode::Constant::Kind;
    switch (c.kind) {
    case Kind::None:
    case Kind::Ellipsis:
    case Kind::False:
    case Kind::True: return add_singleton_const(c.kind);
    case Kind::Int: return add_int_const(c.int_value);
    case Kind::Str: {
        uint64_t h = str_const_hash(c.text);
        int32_t at = u->scalar_const_index.find(h, [&](uint32_t i) {
            const auto& k = u->consts[i];
            return k.kind == Kind::Str && k.text == c.text;
        });
        if (at >= 0)
            return static_cast<uint32_t>(at);
        uint32_t i = static_cast<uint32_t>(u->consts.size());
        u->consts.push_back(std::move(c)); // keeps the text buffer
        u->scalar_const_index.insert(h, i);
        return i;
    }
    default: break;
    }
    // Tuples, floats, bytes...: a structural hash and comparison (with
    // constant_key's equivalence) in the same index; the predicates of the
    // scalar lookups check the kind, so entries cannot be confused.
    uint64_t h = constant_hash(c);
    int32_t at = u->scalar_const_index.find(h, [&](uint32_t i) { return constant_same(u->consts[i], c); });
    if (at >= 0)
        return static_cast<uint32_t>(at);
    uint32_t i = static_cast<uint32_t>(u->consts.size());
    u->consts.push_back(std::move(c));
    u->scalar_const_index.insert(h, i);
    return i;
}

void Codegen::load_none()
{
    emit(Opcode::LOAD_CONST, add_singleton_const(bytecode::Constant::Kind::None));
}

uint32_t Codegen::add_name(const std::string& name)
{
    return u->names.add(name);
}

uint32_t Codegen::add_varname(const std::string& name)
{
    return u->varnames.add(name);
}

int Codegen::deref_index(const std::string& name)
{
    for (size_t i = 0; i < u->cellvars.size(); ++i)
        if (u->cellvars[i] == name)
            return static_cast<int>(i);
    for (size_t i = 0; i < u->freevars.size(); ++i)
        if (u->freevars[i] == name)
            return static_cast<int>(u->cellvars.size() + i);
    return -1;
}

// CPython's compiler_nameop.
void Codegen::nameop(const std::string& raw, ExprContext ctx)
{
    std::string mangled; // only built for private names
    const std::string& name = needs_mangle(u->private_name, raw) ? (mangled = mangle_name(raw)) : raw;
    bool is_debug = std::string_view(raw) == "__debug__"; // length test first, no memcmp per name
    if (is_debug && ctx != ExprContext::Load) {
        fail(ctx == ExprContext::Store ? "cannot assign to __debug__" : "cannot delete __debug__");
        return;
    }
    if (ctx == ExprContext::Load && is_debug) {
        bytecode::Constant c;
        c.kind = m_options.optimize ? bytecode::Constant::Kind::False : bytecode::Constant::Kind::True;
        load_const(c);
        return;
    }
    uint64_t h = hash_string(name); // shared by the scope lookup and the names table
    NameScope scope = u->ste->scope_of(name, h);
    enum { OpName, OpFast, OpGlobal, OpDeref } optype = OpName;
    bool function = u->ste->type == BlockType::Function;
    switch (scope) {
    case NameScope::Free:
    case NameScope::Cell: optype = OpDeref; break;
    case NameScope::Local:
        if (function)
            optype = OpFast;
        break;
    case NameScope::GlobalImplicit:
        if (function)
            optype = OpGlobal;
        break;
    case NameScope::GlobalExplicit: optype = OpGlobal; break;
    default: break;
    }
    switch (optype) {
    case OpDeref: {
        int i = deref_index(name);
        if (i < 0) {
            fail("internal error: no cell for '" + name + "'");
            return;
        }
        Opcode op = ctx == ExprContext::Load ? (u->ste->type == BlockType::Class ? Opcode::LOAD_CLASSDEREF : Opcode::LOAD_DEREF)
            : ctx == ExprContext::Store     ? Opcode::STORE_DEREF
                                            : Opcode::DELETE_DEREF;
        emit(op, static_cast<uint32_t>(i));
        return;
    }
    case OpFast: {
        Opcode op = ctx == ExprContext::Load ? Opcode::LOAD_FAST : ctx == ExprContext::Store ? Opcode::STORE_FAST : Opcode::DELETE_FAST;
        emit(op, u->varnames.add(name, h));
        return;
    }
    case OpGlobal: {
        if (ctx == ExprContext::Load)
            emit(Opcode::LOAD_GLOBAL, u->names.add(name, h) << 1);
        else
            emit(ctx == ExprContext::Store ? Opcode::STORE_GLOBAL : Opcode::DELETE_GLOBAL, u->names.add(name, h));
        return;
    }
    case OpName: {
        Opcode op = ctx == ExprContext::Load ? Opcode::LOAD_NAME : ctx == ExprContext::Store ? Opcode::STORE_NAME : Opcode::DELETE_NAME;
        emit(op, u->names.add(name, h));
        return;
    }
    }
}

void Codegen::push_fblock(FBlockType type, int block, int exit, const void* datum)
{
    // CPython's CO_MAXBLOCKS: a limit of the language, kept for compatibility.
    constexpr size_t max_blocks = 20;
    if (u->fblocks.size() >= max_blocks)
        fail("too many statically nested blocks");
    u->fblocks.push_back(FBlock { type, block, exit, datum });
}

void Codegen::enter_scope(std::string name, ScopeType type, const void* key, int firstlineno)
{
    std::unique_ptr<Unit> unit;
    if (!m_spare_units.empty()) {
        unit = std::move(m_spare_units.back());
        m_spare_units.pop_back();
        unit->reset();
    } else {
        unit = std::make_unique<Unit>();
        unit->blocks.reserve(16);
        unit->order.reserve(16);
    }
    unit->ste = m_table.lookup(key);
    if (!unit->ste) {
        // A symtable/codegen disagreement is a compiler bug: report it, and
        // keep going on an empty scope rather than crash.
        static Scope s_empty_function_scope = [] { Scope s; s.type = BlockType::Function; return s; }();
        CompileError e;
        e.type = "SystemError";
        e.msg = "compiler: no symbol table entry for " + name;
        e.lineno = firstlineno;
        if (!m_error)
            m_error = std::move(e);
        unit->ste = &s_empty_function_scope;
    }
    unit->scope_type = type;
    unit->name = std::move(name);
    unit->firstlineno = firstlineno;
    if (u)
        unit->private_name = u->private_name;
    // Cells: names the symtable marked CELL, sorted (CPython's dictbytype).
    for (const auto& sym : unit->ste->symbols)
        if (sym.scope == NameScope::Cell)
            unit->cellvars.push_back(sym.name);
    std::sort(unit->cellvars.begin(), unit->cellvars.end());
    if (unit->ste->needs_class_closure)
        unit->cellvars.insert(unit->cellvars.begin(), "__class__");
    for (const auto& sym : unit->ste->symbols)
        if (sym.scope == NameScope::Free || (sym.flags & DEF_FREE_CLASS))
            unit->freevars.push_back(sym.name);
    std::sort(unit->freevars.begin(), unit->freevars.end());
    for (const auto& v : unit->ste->varnames)
        unit->varnames.append(v);
    m_stack.push_back(std::move(unit));
    u = m_stack.back().get();
    use_block(new_block());
    if (type != ScopeType::Module)
        set_qualname();
    else
        u->qualname = u->name;
    // RESUME sits on the def line (line 0 for modules, as in 3.11).
    u->loc = bytecode::Position { type == ScopeType::Module ? 0 : firstlineno, type == ScopeType::Module ? 1 : firstlineno, 0, 0 };
    emit(Opcode::RESUME, 0);
}

// CPython's compiler_set_qualname. Built in place in u->qualname (a
// recycled unit's string keeps its buffer).
void Codegen::set_qualname()
{
    std::string& q = u->qualname;
    q.clear();
    if (m_stack.size() > 2) {
        Unit* parent = m_stack[m_stack.size() - 2].get();
        bool force_global = false;
        if (u->scope_type == ScopeType::Function || u->scope_type == ScopeType::AsyncFunction || u->scope_type == ScopeType::Class) {
            NameScope scope = needs_mangle(parent->private_name, u->name) ? parent->ste->scope_of(mangle(parent->private_name, u->name))
                                                                          : parent->ste->scope_of(u->name);
            if (scope == NameScope::GlobalExplicit)
                force_global = true;
        }
        if (!force_global) {
            bool in_function = parent->scope_type == ScopeType::Function || parent->scope_type == ScopeType::AsyncFunction
                || parent->scope_type == ScopeType::Lambda;
            q.reserve(parent->qualname.size() + 10 + u->name.size());
            q += parent->qualname;
            if (in_function)
                q += ".<locals>";
            if (!q.empty())
                q += '.';
        }
    }
    q += u->name;
}

std::shared_ptr<bytecode::CodeUnit> Codegen::leave_scope_assemble(bool add_none)
{
    auto code = std::make_shared<bytecode::CodeUnit>();
    if (!failed()) {
        // Every block that falls off the end returns None.
        auto& last = u->blocks[u->cur].instrs;
        bool ends = !last.empty() && !is_pseudo(last.back().op) && bytecode::is_terminator(static_cast<Opcode>(last.back().op));
        if (!ends) {
            unset_loc();
            if (add_none)
                load_none();
            emit(Opcode::RETURN_VALUE);
        }

        const Scope* ste = u->ste;
        uint32_t flags = 0;
        if (ste->type == BlockType::Function) {
            flags |= bytecode::CO_NEWLOCALS | bytecode::CO_OPTIMIZED;
            if (ste->is_nested)
                flags |= bytecode::CO_NESTED;
            if (ste->is_generator && !ste->is_coroutine)
                flags |= bytecode::CO_GENERATOR;
            if (!ste->is_generator && ste->is_coroutine)
                flags |= bytecode::CO_COROUTINE;
            if (ste->is_generator && ste->is_coroutine)
                flags |= bytecode::CO_ASYNC_GENERATOR;
            if (ste->has_varargs)
                flags |= bytecode::CO_VARARGS;
            if (ste->has_varkeywords)
                flags |= bytecode::CO_VARKEYWORDS;
        }
        flags |= m_options.future_flags;
        if (is_top_level_await() && ste->is_coroutine && !ste->is_generator)
            flags |= bytecode::CO_COROUTINE;

        // localsplus: locals, then cells that are not arguments, then frees.
        size_t nvars = u->varnames.size();
        code->localspluskinds.assign(nvars, bytecode::CO_FAST_LOCAL);
        // (Scratch vectors are Codegen members: no allocations per unit.)
        std::vector<int>& deref_map = m_scratch_deref_map;
        deref_map.clear();
        std::vector<std::string_view>& cell_only = m_scratch_names; // cells that are not arguments or locals
        cell_only.clear();
        for (const auto& cell : u->cellvars) {
            if (int32_t at = u->varnames.find(cell); at >= 0) {
                code->localspluskinds[static_cast<size_t>(at)] |= bytecode::CO_FAST_CELL;
                deref_map.push_back(at);
            } else {
                deref_map.push_back(static_cast<int>(nvars + cell_only.size()));
                cell_only.push_back(cell);
                code->localspluskinds.push_back(bytecode::CO_FAST_CELL);
            }
        }
        // (nothing looks varnames up after this)
        code->localsplusnames = u->varnames.take(code->localspluskinds.size() - nvars + u->freevars.size());
        for (std::string_view cell : cell_only)
            code->localsplusnames.emplace_back(cell);
        for (const auto& fv : u->freevars) {
            deref_map.push_back(static_cast<int>(code->localsplusnames.size()));
            code->localsplusnames.emplace_back(fv);
            code->localspluskinds.push_back(bytecode::CO_FAST_FREE);
        }

        // Prefix: COPY_FREE_VARS, MAKE_CELL..., RETURN_GENERATOR, POP_TOP.
        std::vector<Instr>& prefix = m_scratch_prefix;
        prefix.clear();
        bytecode::Position first { u->firstlineno, u->firstlineno, -1, -1 };
        if (u->scope_type == ScopeType::Module)
            first = bytecode::Position { 0, 1, -1, -1 };
        bytecode::Position none { -1, -1, -1, -1 };
        if (!u->freevars.empty())
            prefix.push_back(Instr { op_of(Opcode::COPY_FREE_VARS), static_cast<uint32_t>(u->freevars.size()), -1, none });
        std::vector<int>& cell_slots = m_scratch_cell_slots;
        cell_slots.clear();
        for (size_t i = 0; i < u->cellvars.size(); ++i)
            cell_slots.push_back(deref_map[i]);
        std::sort(cell_slots.begin(), cell_slots.end());
        for (int slot : cell_slots)
            prefix.push_back(Instr { op_of(Opcode::MAKE_CELL), static_cast<uint32_t>(slot), -1, none });
        if (flags & (bytecode::CO_GENERATOR | bytecode::CO_COROUTINE | bytecode::CO_ASYNC_GENERATOR)) {
            prefix.push_back(Instr { op_of(Opcode::RETURN_GENERATOR), 0, -1, first });
            prefix.push_back(Instr { op_of(Opcode::POP_TOP), 0, -1, first });
        }
        // MAKE_CELL operands are already localsplus indices; mark them by
        // mapping through an identity table entry appended past the derefs.
        auto& entry = u->blocks[u->order.front()].instrs;
        std::vector<int>& full_map = deref_map; // not needed on its own any more
        for (auto& in : prefix) {
            if (in.op == op_of(Opcode::MAKE_CELL)) {
                full_map.push_back(static_cast<int>(in.arg));
                in.arg = static_cast<uint32_t>(full_map.size() - 1);
            }
        }
        entry.insert(entry.begin(), prefix.begin(), prefix.end());

        code->name = u->name;
        code->qualname = u->qualname;
        code->filename = m_options.filename;
        code->firstlineno = u->firstlineno;
        code->argcount = u->argcount;
        code->posonlyargcount = u->posonlyargcount;
        code->kwonlyargcount = u->kwonlyargcount;
        code->flags = flags;
        remove_unused_consts();
        // Moved into an exactly sized vector; u->consts keeps its capacity
        // for the next unit (units are recycled).
        code->consts.reserve(u->consts.size());
        for (bytecode::Constant& c : u->consts)
            code->consts.push_back(std::move(c));
        u->consts.clear();
        code->names = u->names.take();
        std::string err = assemble(u->blocks, u->order, full_map, *code);
        if (!err.empty()) {
            CompileError e;
            e.type = "SystemError";
            e.msg = "compiler: " + err + " in " + u->qualname;
            e.lineno = u->firstlineno;
            m_error = std::move(e);
        }
    }
    // Recycle the instruction vectors (small ones: a huge module body's
    // would only pin memory).
    constexpr size_t max_spare = 1024, max_spare_capacity = 256;
    for (Block& b : u->blocks) {
        if (m_spare_instrs.size() >= max_spare)
            break;
        if (b.instrs.capacity() == 0 || b.instrs.capacity() > max_spare_capacity)
            continue;
        b.instrs.clear();
        m_spare_instrs.push_back(std::move(b.instrs));
    }
    constexpr size_t max_spare_units = 16;
    if (m_spare_units.size() < max_spare_units)
        m_spare_units.push_back(std::move(m_stack.back()));
    m_stack.pop_back();
    u = m_stack.empty() ? nullptr : m_stack.back().get();
    return code;
}

// CPython's remove_unused_consts: drop constants no instruction refers to
// (left behind by folding); co_consts[0] stays, it may be the docstring.
void Codegen::remove_unused_consts()
{
    size_t n = u->consts.size();
    // Every constant but co_consts[0] is added for an instruction that
    // refers to it; only the folds in emit/emit_jump drop such instructions.
    if (n == 0 || !u->consts_pruned)
        return;
    std::vector<uint8_t>& used = m_scratch_used;
    used.assign(n, 0);
    used[0] = true;
    for (const auto& b : u->blocks)
        for (const auto& in : b.instrs)
            if (!is_pseudo(in.op) && bytecode::operand_kind(static_cast<Opcode>(in.op)) == bytecode::OperandKind::CONST && in.arg < n)
                used[in.arg] = true;
    if (std::find(used.begin(), used.end(), 0) == used.end())
        return; // the usual case: nothing to drop, so no need to move every constant
    std::vector<uint32_t> remap(n, 0);
    std::vector<bytecode::Constant> kept;
    for (size_t i = 0; i < n; ++i) {
        if (!used[i])
            continue;
        remap[i] = static_cast<uint32_t>(kept.size());
        kept.push_back(std::move(u->consts[i]));
    }
    if (kept.size() == n) {
        u->consts = std::move(kept);
        return;
    }
    for (auto& b : u->blocks)
        for (auto& in : b.instrs)
            if (!is_pseudo(in.op) && bytecode::operand_kind(static_cast<Opcode>(in.op)) == bytecode::OperandKind::CONST)
                in.arg = remap[in.arg];
    u->consts = std::move(kept);
    // The indexes are stale now (nothing is added after this point).
    u->scalar_const_index.clear();
    std::fill(std::begin(u->singleton_const_index), std::end(u->singleton_const_index), -1);
}

// CPython's compiler_make_closure: LOAD_CLOSURE each free variable of `code`
// from this scope, then MAKE_FUNCTION with `flags`.
void Codegen::make_closure(std::shared_ptr<bytecode::CodeUnit> code, uint32_t flags)
{
    int nfree = code->nfreevars();
    if (nfree) {
        size_t first = code->localsplusnames.size() - static_cast<size_t>(nfree);
        for (size_t i = first; i < code->localsplusnames.size(); ++i) {
            const std::string& name = code->localsplusnames[i];
            int arg = deref_index(name);
            if (arg < 0) {
                fail("internal error: no closure cell for '" + name + "' in " + u->qualname);
                return;
            }
            emit(Opcode::LOAD_CLOSURE, static_cast<uint32_t>(arg));
        }
        flags |= 8;
        emit(Opcode::BUILD_TUPLE, static_cast<uint32_t>(nfree));
    }
    bytecode::Constant c;
    c.kind = bytecode::Constant::Kind::Code;
    c.code = std::move(code);
    load_const(std::move(c));
    emit(Opcode::MAKE_FUNCTION, flags);
}

} // namespace adder::compiler
