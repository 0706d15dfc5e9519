// The code generator: walks the AST of one module with its symbol table and
// emits, per scope, a CFG (ir.h) that the assembler turns into a CodeUnit.
// Instruction shapes follow CPython 3.11's Python/compile.c so that the VM can
// implement every opcode with 3.11's stack layouts. Internal to src/compiler;
// the public entry points are in compiler.h.
#pragma once

#include "bytecode/code.h"
#include "compiler/ir.h"
#include "compiler/symtable.h"
#include "parser/ast.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace adder::compiler {

enum class ScopeType : uint8_t { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

// An entry of the "frame block" stack: the statically nested constructs that
// break/continue/return must unwind (CPython's fblockinfo).
enum class FBlockType : uint8_t {
    WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith, HandlerCleanup,
    PopValue, ExceptionHandler, ExceptionGroupHandler, AsyncComprehensionGenerator,
};

struct FBlock {
    FBlockType type;
    int block = -1; // loop head (continue target)
    int exit = -1; // loop exit (break target)
    const void* datum = nullptr; // finally body, with statement, or handler name
};

struct CompileError {
    std::string type = "SyntaxError";
    std::string msg;
    int lineno = 0;
    int col = 0; // 0-based byte column
    int end_lineno = 0;
    int end_col = 0;
};

// One code block being compiled (CPython's compiler_unit).
struct Unit {
    Scope* ste = nullptr;
    ScopeType scope_type = ScopeType::Module;
    std::string name;
    std::string qualname;
    std::string private_name; // class name for mangling
    int firstlineno = 1;
    int argcount = 0;
    int posonlyargcount = 0;
    int kwonlyargcount = 0;

    std::vector<Block> blocks;
    std::vector<int> order; // block ids in layout order
    int cur = -1;

    std::vector<bytecode::Constant> consts;
    // Dedup over `consts` with constant_key's equivalence: Str constants by
    // text, Int by value, other kinds (except Code and the singletons) by
    // constant_hash/constant_same.
    FlatIndex scalar_const_index;
    int32_t singleton_const_index[4] = { -1, -1, -1, -1 }; // None, Ellipsis, False, True
    bool consts_pruned = false; // a fold removed a LOAD_CONST: some constant may be unused
    NameTable names; // co_names
    NameTable varnames; // arguments, then other fast locals
    // Views of the scope's symbol names (the symbol table outlives codegen).
    std::vector<std::string_view> cellvars; // sorted, plus __class__ for classes
    std::vector<std::string_view> freevars; // sorted

    std::vector<FBlock> fblocks;
    bytecode::Position loc;

    // Back to a fresh unit's state, keeping the capacity of its containers
    // (Codegen recycles finished units: a code object costs fewer allocations).
    void reset()
    {
        ste = nullptr;
        scope_type = ScopeType::Module;
        name.clear();
        qualname.clear();
        private_name.clear();
        firstlineno = 1;
        argcount = posonlyargcount = kwonlyargcount = 0;
        blocks.clear();
        order.clear();
        cur = -1;
        consts.clear();
        scalar_const_index.reset();
        std::fill(std::begin(singleton_const_index), std::end(singleton_const_index), -1);
        consts_pruned = false;
        names.reset();
        varnames.reset();
        cellvars.clear();
        freevars.clear();
        fblocks.clear();
        loc = bytecode::Position {};
    }
};

struct CompileWarning {
    std::string msg;
    int lineno = 0;
    int col = 0; // 0-based byte column
    int end_lineno = 0;
    int end_col = 0;
};

struct CodegenOptions {
    int optimize = 0;
    bool interactive = false;
    uint32_t future_flags = 0; // CO_FUTURE_* bits
    bool allow_top_level_await = false;
    std::string filename;
};

class Codegen {
public:
    Codegen(SymbolTable& table, CodegenOptions options);

    // Compiles `mod`; on success returns the module's CodeUnit.
    std::shared_ptr<bytecode::CodeUnit> compile_module(const ast::Mod* mod);
    const std::optional<CompileError>& error() const { return m_error; }
    // SyntaxWarnings raised while compiling, in emission order.
    const std::vector<CompileWarning>& warnings() const { return m_warnings; }

private:
    SymbolTable& m_table;
    CodegenOptions m_options;
    std::vector<std::unique_ptr<Unit>> m_stack; // enclosing units, innermost last
    Unit* u = nullptr;
    std::optional<CompileError> m_error;
    std::vector<CompileWarning> m_warnings;
    // Instruction vectors of finished units, emptied but keeping their
    // capacity, handed to new blocks (saves most per-block allocations).
    std::vector<std::vector<Instr>> m_spare_instrs;
    // Finished units, reset and reused by enter_scope.
    std::vector<std::unique_ptr<Unit>> m_spare_units;
    // Scratch buffers of leave_scope_assemble and remove_unused_consts.
    std::vector<int> m_scratch_deref_map;
    std::vector<int> m_scratch_cell_slots;
    std::vector<std::string_view> m_scratch_names;
    std::vector<Instr> m_scratch_prefix;
    std::vector<uint8_t> m_scratch_used;

    // ---- units, blocks, emission (codegen_unit.cpp)
    void enter_scope(std::string name, ScopeType type, const void* key, int firstlineno);
    std::shared_ptr<bytecode::CodeUnit> leave_scope_assemble(bool add_none);
    void remove_unused_consts();
    void set_qualname();
    int new_block();
    void use_block(int b);
    void next_block();
    void emit(int op, uint32_t arg = 0);
    void emit(bytecode::Opcode op, uint32_t arg = 0) { emit(op_of(op), arg); }
    void emit_jump(int op, int target);
    void emit_jump(bytecode::Opcode op, int target) { emit_jump(op_of(op), target); }
    void emit_noline(bytecode::Opcode op, uint32_t arg = 0);
    void emit_jump_noline(bytecode::Opcode op, int target);
    void set_loc(const ast::Location& loc);
    void unset_loc() { u->loc.lineno = -1; u->loc.end_lineno = -1; u->loc.col = -1; u->loc.end_col = -1; }
    uint32_t add_const(bytecode::Constant c);
    uint32_t add_singleton_const(bytecode::Constant::Kind kind); // None, Ellipsis, False, True
    uint32_t add_int_const(int64_t v);
    uint32_t add_str_const(std::string_view text);
    uint32_t add_ast_const(const ast::ConstantValue& v); // constant_from_ast(v), built only when new
    void load_const(bytecode::Constant c) { emit(bytecode::Opcode::LOAD_CONST, add_const(std::move(c))); }
    void load_none();
    uint32_t add_name(const std::string& name);
    uint32_t add_varname(const std::string& name);
    std::string mangle_name(const std::string& name) const { return mangle(u->private_name, name); }
    void emit_name(bytecode::Opcode op, const std::string& name) { emit(op, add_name(mangle_name(name))); }
    void nameop(const std::string& name, ast::ExprContext ctx);
    int deref_index(const std::string& name);
    void make_closure(std::shared_ptr<bytecode::CodeUnit> code, uint32_t flags);
    void push_fblock(FBlockType type, int block, int exit, const void* datum = nullptr);
    void pop_fblock() { u->fblocks.pop_back(); }
    bool fail(std::string msg);
    bool fail_at(std::string msg, const ast::Location& loc);
    bool failed() const { return m_error.has_value(); }
    void warn(std::string msg);
    void check_compare(const ast::Compare* e);
    void check_caller(const ast::Expr* func);
    void check_subscripter_and_index(const ast::Subscript* e);
    // CPython's IS_TOP_LEVEL_AWAIT: PyCF_ALLOW_TOP_LEVEL_AWAIT and module scope.
    bool is_top_level_await() const { return m_options.allow_top_level_await && u->ste->type == BlockType::Module; }

    // ---- statements (codegen_stmt.cpp)
    void visit_body(const ast::Seq<ast::Stmt*>& body, bool is_module_or_class);
    void visit_stmts(const ast::Seq<ast::Stmt*>& body);
    void visit_stmt(const ast::Stmt* s);
    void compile_function(const ast::FunctionDef* s);
    void compile_class(const ast::ClassDef* s);
    void compile_return(const ast::Return* s);
    void compile_break();
    void compile_continue();
    void compile_for(const ast::For* s);
    void compile_async_for(const ast::For* s);
    void compile_while(const ast::While* s);
    void compile_if(const ast::If* s);
    void compile_with(const ast::With* s, size_t pos);
    void compile_async_with(const ast::With* s, size_t pos);
    void with_except_finish(int cleanup);
    void call_exit_with_nones();
    void compile_try(const ast::Try* s);
    void compile_try_finally(const ast::Try* s);
    void compile_try_except(const ast::Try* s);
    void compile_try_star(const ast::Try* s);
    void compile_try_star_except(const ast::Try* s);
    void compile_import(const ast::Import* s);
    void compile_import_from(const ast::ImportFrom* s);
    void compile_assert(const ast::Assert* s);
    void compile_augassign(const ast::AugAssign* s);
    void compile_annassign(const ast::AnnAssign* s);
    void check_ann_expr(const ast::Expr* e);
    void check_ann_subscr(const ast::Expr* e);
    void compile_match(const ast::Match* s);
    bool unwind_fblock(const FBlock& info, bool preserve_tos);
    bool unwind_fblock_stack(bool preserve_tos, const FBlock** loop);
    uint32_t default_arguments(const ast::Arguments* args);
    bool visit_annotations(const ast::Arguments* args, const ast::Expr* returns);
    void visit_annexpr(const ast::Expr* e);
    void decorators(const ast::Seq<ast::Expr*>& list);
    void apply_decorators(const ast::Seq<ast::Expr*>& list);

    // ---- expressions (codegen_expr.cpp)
    void visit_expr(const ast::Expr* e);
    void visit_expr1(const ast::Expr* e);
    bool malformed(const ast::Expr* e);
    void visit_exprs(const ast::Seq<ast::Expr*>& es);
    void visit_iter(const ast::Expr* e);
    // The last operand of a comparison: `in`/`not in` fold like an iterable.
    void visit_comparator(const ast::Expr* e, ast::CmpOp op)
    {
        if (op == ast::CmpOp::In || op == ast::CmpOp::NotIn)
            visit_iter(e);
        else
            visit_expr(e);
    }
    void jump_if(const ast::Expr* e, int next, bool cond);
    void jump_if_inner(const ast::Expr* e, int next, bool cond);
    void compile_boolop(const ast::BoolOp* e);
    void compile_compare(const ast::Compare* e);
    void add_compare(ast::CmpOp op);
    void compile_call(const ast::Call* e);
    bool maybe_optimize_method_call(const ast::Call* e);
    void call_helper(int n, const ast::Seq<ast::Expr*>& args, const ast::Seq<ast::Keyword*>& keywords);
    bool validate_keywords(const ast::Seq<ast::Keyword*>& keywords);
    bool check_debug_args(const ast::Arguments* args);
    void call_simple_kw_helper(const ast::Seq<ast::Keyword*>& keywords);
    void subkwargs(const ast::Seq<ast::Keyword*>& keywords, size_t begin, size_t end);
    void starunpack_helper(const ast::Seq<ast::Expr*>& elts, int pushed, bytecode::Opcode build, bytecode::Opcode add,
        bytecode::Opcode extend, bool tuple);
    void compile_dict(const ast::Dict* e);
    void subdict(const ast::Dict* e, size_t begin, size_t end);
    void assignment_helper(const ast::Seq<ast::Expr*>& elts);
    void compile_lambda(const ast::Lambda* e);
    void compile_comprehension(const ast::Expr* e, const ast::Seq<ast::Comprehension*>& generators, const ast::Expr* elt,
        const ast::Expr* val);
    void comprehension_generator(const ast::Seq<ast::Comprehension*>& generators, size_t gen_index, int depth,
        const ast::Expr* elt, const ast::Expr* val, ast::ExprKind type);
    void async_comprehension_generator(const ast::Seq<ast::Comprehension*>& generators, size_t gen_index, int depth,
        const ast::Expr* elt, const ast::Expr* val, ast::ExprKind type);
    void comprehension_element(const ast::Expr* elt, const ast::Expr* val, ast::ExprKind type, int depth);
    void add_yield_from(bool await);
    void emit_yield();
    void compile_joined_str(const ast::JoinedStr* e);
    void compile_formatted_value(const ast::FormattedValue* e);
    void compile_subscript(const ast::Subscript* e);
    void compile_slice(const ast::Slice* e);

    // ---- patterns (codegen_pattern.cpp)
    struct PatternContext;
    void pattern(const ast::Pattern* p, PatternContext& pc);
    void pattern_subpattern(const ast::Pattern* p, PatternContext& pc);
    void pattern_as(const ast::MatchAs* p, PatternContext& pc);
    void pattern_star(const ast::MatchStar* p, PatternContext& pc);
    void pattern_value(const ast::MatchValue* p, PatternContext& pc);
    void pattern_singleton(const ast::MatchSingleton* p, PatternContext& pc);
    void pattern_sequence(const ast::MatchSequence* p, PatternContext& pc);
    void pattern_mapping(const ast::MatchMapping* p, PatternContext& pc);
    void pattern_class(const ast::MatchClass* p, PatternContext& pc);
    void pattern_or(const ast::MatchOr* p, PatternContext& pc);
    void pattern_helper_store_name(const std::optional<std::string>& name, PatternContext& pc, const ast::Location& loc);
    void pattern_helper_sequence_unpack(const ast::Seq<ast::Pattern*>& patterns, int star, PatternContext& pc);
    void pattern_helper_sequence_subscr(const ast::Seq<ast::Pattern*>& patterns, int star, PatternContext& pc);
    void pattern_helper_rotate(int count);
    void jump_to_fail_pop(PatternContext& pc, int op);
    void emit_and_reset_fail_pop(PatternContext& pc);
    void pattern_unpack_helper(const ast::Seq<ast::Pattern*>& elts);
};

} // namespace adder::compiler
