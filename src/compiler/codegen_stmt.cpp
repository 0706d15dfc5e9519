// Statements: module/class/function bodies, control flow, exception handling,
// with-statements, imports, assignments. Each function names the CPython 3.11
// compile.c function whose instruction sequence it reproduces.
#include "compiler/codegen.h"
#include "compiler/constfold.h"
#include "compiler/unparse.h"

namespace adder::compiler {

using bytecode::Constant;
using bytecode::Opcode;
using namespace ast;

namespace {

Constant str_const(std::string s)
{
    Constant c;
    c.kind = Constant::Kind::Str;
    c.text = std::move(s);
    return c;
}

// The docstring of `body` (CPython's _PyAST_GetDocString), or nullptr.
const ast::Constant* docstring_of(const ast::Seq<Stmt*>& body)
{
    if (body.empty() || body[0]->kind != StmtKind::Expr)
        return nullptr;
    const Expr* v = static_cast<const ExprStmt*>(body[0])->value;
    if (v->kind != ExprKind::Constant)
        return nullptr;
    auto* c = static_cast<const ast::Constant*>(v);
    return c->value.kind == ConstantValue::Kind::Str ? c : nullptr;
}

// CPython's find_ann: does `body` contain an annotated assignment (outside
// nested functions and classes)?
bool find_ann(const ast::Seq<Stmt*>& body)
{
    for (const Stmt* s : body) {
        switch (s->kind) {
        case StmtKind::AnnAssign: return true;
        case StmtKind::For:
        case StmtKind::AsyncFor: {
            auto* f = static_cast<const For*>(s);
            if (find_ann(f->body) || find_ann(f->orelse))
                return true;
            break;
        }
        case StmtKind::While: {
            auto* w = static_cast<const While*>(s);
            if (find_ann(w->body) || find_ann(w->orelse))
                return true;
            break;
        }
        case StmtKind::If: {
            auto* i = static_cast<const If*>(s);
            if (find_ann(i->body) || find_ann(i->orelse))
                return true;
            break;
        }
        case StmtKind::With:
        case StmtKind::AsyncWith:
            if (find_ann(static_cast<const With*>(s)->body))
                return true;
            break;
        case StmtKind::Try:
        case StmtKind::TryStar: {
            auto* t = static_cast<const Try*>(s);
            for (const ExceptHandler* h : t->handlers)
                if (find_ann(h->body))
                    return true;
            if (find_ann(t->body) || find_ann(t->orelse) || find_ann(t->finalbody))
                return true;
            break;
        }
        case StmtKind::Match:
            for (const MatchCase* c : static_cast<const Match*>(s)->cases)
                if (find_ann(c->body))
                    return true;
            break;
        default: break;
        }
    }
    return false;
}

} // namespace

std::shared_ptr<bytecode::CodeUnit> Codegen::compile_module(const Mod* mod)
{
    enter_scope("<module>", ScopeType::Module, mod, 1);
    bool add_none = true;
    switch (mod->kind) {
    case ModKind::Module: visit_body(mod->body, true); break;
    case ModKind::Interactive:
        if (find_ann(mod->body)) {
            if (!mod->body.empty())
                set_loc(mod->body[0]->loc);
            emit(Opcode::SETUP_ANNOTATIONS);
        }
        visit_stmts(mod->body);
        break;
    case ModKind::Expression:
        if (mod->expression)
            visit_expr(mod->expression);
        add_none = false;
        break;
    }
    return leave_scope_assemble(add_none);
}

// CPython's compiler_body: SETUP_ANNOTATIONS, the docstring, the statements.
void Codegen::visit_body(const ast::Seq<Stmt*>& body, bool is_module_or_class)
{
    size_t i = 0;
    if (u->scope_type == ScopeType::Module && !body.empty())
        set_loc(body[0]->loc);
    if (find_ann(body))
        emit(Opcode::SETUP_ANNOTATIONS);
    if (body.empty())
        return;
    if (m_options.optimize < 2) {
        if (const ast::Constant* doc = docstring_of(body)) {
            i = 1;
            set_loc(body[0]->loc);
            set_loc(doc->loc);
            emit(Opcode::LOAD_CONST, add_ast_const(doc->value));
            unset_loc();
            nameop("__doc__", ExprContext::Store);
        }
    }
    for (; i < body.size(); ++i)
        visit_stmt(body[i]);
}

void Codegen::visit_stmts(const ast::Seq<Stmt*>& body)
{
    for (const Stmt* s : body) {
        if (failed())
            return;
        visit_stmt(s);
    }
}

void Codegen::decorators(const ast::Seq<Expr*>& list)
{
    for (const Expr* d : list)
        visit_expr(d);
}

// CPython's compiler_apply_decorators: innermost first, each on its own line.
void Codegen::apply_decorators(const ast::Seq<Expr*>& list)
{
    for (size_t i = list.size(); i-- > 0;) {
        set_loc(list[i]->loc);
        emit(Opcode::CALL, 0);
    }
}

// CPython's compiler_default_arguments.
uint32_t Codegen::default_arguments(const Arguments* args)
{
    uint32_t flags = 0;
    if (!args->defaults.empty()) {
        visit_exprs(args->defaults);
        emit(Opcode::BUILD_TUPLE, static_cast<uint32_t>(args->defaults.size()));
        flags |= 1;
    }
    // CPython's compiler_visit_kwonlydefaults: values, then a key tuple.
    Constant keys;
    keys.kind = Constant::Kind::Tuple;
    for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
        const Expr* d = i < args->kw_defaults.size() ? args->kw_defaults[i] : nullptr;
        if (!d)
            continue;
        keys.items.push_back(str_const(mangle_name(args->kwonlyargs[i]->arg)));
        visit_expr(d);
    }
    if (!keys.items.empty()) {
        auto n = static_cast<uint32_t>(keys.items.size());
        load_const(std::move(keys));
        emit(Opcode::BUILD_CONST_KEY_MAP, n);
        flags |= 2;
    }
    return flags;
}

void Codegen::visit_annexpr(const Expr* e)
{
    emit(Opcode::LOAD_CONST, add_str_const(unparse_annotation(e)));
}

// CPython's compiler_visit_annotations: a tuple of (name, annotation) pairs.
bool Codegen::visit_annotations(const Arguments* args, const Expr* returns)
{
    uint32_t count = 0;
    bool future = m_options.future_flags & bytecode::CO_FUTURE_ANNOTATIONS;
    auto one = [&](const std::string& name, const Expr* ann) {
        if (!ann)
            return;
        emit(Opcode::LOAD_CONST, add_str_const(mangle_name(name)));
        if (future)
            visit_annexpr(ann);
        else if (ann->kind == ExprKind::Starred) {
            // `*args: *Ts` is 3.11 syntax: the annotation is the unpacked value.
            visit_expr(static_cast<const Starred*>(ann)->value);
            emit(Opcode::UNPACK_SEQUENCE, 1);
        } else
            visit_expr(ann);
        ++count;
    };
    for (const Arg* a : args->args)
        one(a->arg, a->annotation);
    for (const Arg* a : args->posonlyargs)
        one(a->arg, a->annotation);
    if (args->vararg)
        one(args->vararg->arg, args->vararg->annotation);
    for (const Arg* a : args->kwonlyargs)
        one(a->arg, a->annotation);
    if (args->kwarg)
        one(args->kwarg->arg, args->kwarg->annotation);
    if (returns)
        one("return", returns);
    if (count) {
        emit(Opcode::BUILD_TUPLE, count * 2);
        return true;
    }
    return false;
}

// CPython's compiler_function.
void Codegen::compile_function(const FunctionDef* s)
{
    bool is_async = s->kind == StmtKind::AsyncFunctionDef;
    if (!check_debug_args(s->args))
        return;
    decorators(s->decorator_list);
    int firstlineno = s->loc.lineno;
    if (!s->decorator_list.empty())
        firstlineno = s->decorator_list[0]->loc.lineno;
    uint32_t funcflags = default_arguments(s->args);
    if (visit_annotations(s->args, s->returns))
        funcflags |= 4;
    if (failed())
        return;
    enter_scope(s->name, is_async ? ScopeType::AsyncFunction : ScopeType::Function, s, firstlineno);
    const ast::Constant* doc = m_options.optimize < 2 ? docstring_of(s->body) : nullptr;
    // co_consts[0] is the docstring or None.
    if (doc)
        add_ast_const(doc->value);
    else
        add_const(Constant {});
    u->argcount = static_cast<int>(s->args->args.size() + s->args->posonlyargs.size());
    u->posonlyargcount = static_cast<int>(s->args->posonlyargs.size());
    u->kwonlyargcount = static_cast<int>(s->args->kwonlyargs.size());
    for (size_t i = doc ? 1 : 0; i < s->body.size(); ++i) {
        if (failed())
            break;
        visit_stmt(s->body[i]);
    }
    auto code = leave_scope_assemble(true);
    if (failed())
        return;
    set_loc(s->loc);
    make_closure(std::move(code), funcflags);
    apply_decorators(s->decorator_list);
    set_loc(s->loc);
    nameop(s->name, ExprContext::Store);
}

// CPython's compiler_class.
void Codegen::compile_class(const ClassDef* s)
{
    decorators(s->decorator_list);
    int firstlineno = s->loc.lineno;
    if (!s->decorator_list.empty())
        firstlineno = s->decorator_list[0]->loc.lineno;
    enter_scope(s->name, ScopeType::Class, s, firstlineno);
    u->private_name = s->name;
    nameop("__name__", ExprContext::Load);
    nameop("__module__", ExprContext::Store);
    emit(Opcode::LOAD_CONST, add_str_const(u->qualname));
    nameop("__qualname__", ExprContext::Store);
    visit_body(s->body, true);
    unset_loc();
    if (u->ste->needs_class_closure) {
        emit(Opcode::LOAD_CLOSURE, static_cast<uint32_t>(deref_index("__class__")));
        emit(Opcode::COPY, 1);
        nameop("__classcell__", ExprContext::Store);
    } else {
        load_none();
    }
    emit(Opcode::RETURN_VALUE);
    auto code = leave_scope_assemble(true);
    if (failed())
        return;
    set_loc(s->loc);
    emit(Opcode::PUSH_NULL);
    emit(Opcode::LOAD_BUILD_CLASS);
    make_closure(std::move(code), 0);
    emit(Opcode::LOAD_CONST, add_str_const(s->name));
    call_helper(2, s->bases, s->keywords);
    apply_decorators(s->decorator_list);
    set_loc(s->loc);
    nameop(s->name, ExprContext::Store);
}

// CPython's compiler_unwind_fblock: the code that leaves `info` early.
bool Codegen::unwind_fblock(const FBlock& info, bool preserve_tos)
{
    switch (info.type) {
    case FBlockType::WhileLoop:
    case FBlockType::ExceptionHandler:
    case FBlockType::ExceptionGroupHandler:
    case FBlockType::AsyncComprehensionGenerator: return true;
    case FBlockType::ForLoop:
        if (preserve_tos)
            emit(Opcode::SWAP, 2);
        emit(Opcode::POP_TOP);
        return true;
    case FBlockType::TryExcept: emit(PSEUDO_POP_BLOCK); return true;
    case FBlockType::FinallyTry: {
        emit(PSEUDO_POP_BLOCK);
        if (preserve_tos)
            push_fblock(FBlockType::PopValue, -1, -1);
        visit_stmts(*static_cast<const ast::Seq<Stmt*>*>(info.datum));
        if (preserve_tos)
            pop_fblock();
        unset_loc();
        return true;
    }
    case FBlockType::FinallyEnd:
        if (preserve_tos)
            emit(Opcode::SWAP, 2);
        emit(Opcode::POP_TOP);
        if (preserve_tos)
            emit(Opcode::SWAP, 2);
        emit(PSEUDO_POP_BLOCK);
        emit(Opcode::POP_EXCEPT);
        return true;
    case FBlockType::With:
    case FBlockType::AsyncWith: {
        set_loc(static_cast<const Stmt*>(info.datum)->loc);
        emit(PSEUDO_POP_BLOCK);
        if (preserve_tos)
            emit(Opcode::SWAP, 2);
        call_exit_with_nones();
        if (info.type == FBlockType::AsyncWith) {
            emit(Opcode::GET_AWAITABLE, 2);
            load_none();
            add_yield_from(true);
        }
        emit(Opcode::POP_TOP);
        unset_loc();
        return true;
    }
    case FBlockType::HandlerCleanup: {
        auto* name = static_cast<const std::string*>(info.datum);
        if (name)
            emit(PSEUDO_POP_BLOCK);
        if (preserve_tos)
            emit(Opcode::SWAP, 2);
        emit(PSEUDO_POP_BLOCK);
        emit(Opcode::POP_EXCEPT);
        if (name) {
            load_none();
            nameop(*name, ExprContext::Store);
            nameop(*name, ExprContext::Del);
        }
        return true;
    }
    case FBlockType::PopValue:
        if (preserve_tos)
            emit(Opcode::SWAP, 2);
        emit(Opcode::POP_TOP);
        return true;
    }
    return true;
}

// CPython's compiler_unwind_fblock_stack: unwind up to (not including) the
// innermost loop when `loop` is non-null, else everything.
bool Codegen::unwind_fblock_stack(bool preserve_tos, const FBlock** loop)
{
    if (u->fblocks.empty())
        return true;
    FBlock top = u->fblocks.back();
    if (top.type == FBlockType::ExceptionGroupHandler)
        return fail("'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop && (top.type == FBlockType::WhileLoop || top.type == FBlockType::ForLoop)) {
        *loop = &u->fblocks.back();
        return true;
    }
    u->fblocks.pop_back();
    bool ok = unwind_fblock(top, preserve_tos) && unwind_fblock_stack(preserve_tos, loop);
    u->fblocks.push_back(top);
    if (loop && *loop && ok) {
        // The vector may have reallocated; re-find the loop entry.
        for (size_t i = u->fblocks.size(); i-- > 0;) {
            if (u->fblocks[i].type == FBlockType::WhileLoop || u->fblocks[i].type == FBlockType::ForLoop) {
                *loop = &u->fblocks[i];
                break;
            }
        }
    }
    return ok;
}

void Codegen::compile_return(const Return* s)
{
    bool preserve_tos = s->value && s->value->kind != ExprKind::Constant;
    if (u->ste->type != BlockType::Function) {
        fail("'return' outside function");
        return;
    }
    if (s->value && u->ste->is_coroutine && u->ste->is_generator) {
        fail("'return' with value in async generator");
        return;
    }
    if (preserve_tos) {
        visit_expr(s->value);
    } else if (s->value) {
        set_loc(s->value->loc);
        emit(Opcode::NOP);
    }
    if (!s->value || s->value->loc.lineno != s->loc.lineno) {
        set_loc(s->loc);
        emit(Opcode::NOP);
    }
    if (!unwind_fblock_stack(preserve_tos, nullptr))
        return;
    if (!s->value)
        load_none();
    else if (!preserve_tos)
        emit(Opcode::LOAD_CONST, add_ast_const(static_cast<const ast::Constant*>(s->value)->value));
    emit(Opcode::RETURN_VALUE);
}

void Codegen::compile_break()
{
    const FBlock* loop = nullptr;
    emit(Opcode::NOP);
    if (!unwind_fblock_stack(false, &loop))
        return;
    if (!loop) {
        fail("'break' outside loop");
        return;
    }
    FBlock copy = *loop;
    if (!unwind_fblock(copy, false))
        return;
    emit_jump(Opcode::JUMP, copy.exit);
}

void Codegen::compile_continue()
{
    const FBlock* loop = nullptr;
    emit(Opcode::NOP);
    if (!unwind_fblock_stack(false, &loop))
        return;
    if (!loop) {
        fail("'continue' not properly in loop");
        return;
    }
    emit_jump(Opcode::JUMP, loop->block);
}

// CPython's compiler_for.
void Codegen::compile_for(const For* s)
{
    int start = new_block(), body = new_block(), cleanup = new_block(), end = new_block();
    push_fblock(FBlockType::ForLoop, start, end);
    visit_iter(s->iter);
    emit(Opcode::GET_ITER);
    use_block(start);
    emit_jump(Opcode::FOR_ITER, cleanup);
    use_block(body);
    visit_expr(s->target);
    visit_stmts(s->body);
    unset_loc();
    emit_jump(Opcode::JUMP, start);
    use_block(cleanup);
    pop_fblock();
    visit_stmts(s->orelse);
    use_block(end);
}

// CPython's compiler_async_for.
void Codegen::compile_async_for(const For* s)
{
    if (is_top_level_await())
        u->ste->is_coroutine = true;
    else if (u->scope_type != ScopeType::AsyncFunction) {
        fail("'async for' outside async function");
        return;
    }
    int start = new_block(), except = new_block(), end = new_block();
    visit_expr(s->iter);
    emit(Opcode::GET_AITER);
    use_block(start);
    push_fblock(FBlockType::ForLoop, start, end);
    emit_jump(PSEUDO_SETUP_FINALLY, except);
    emit(Opcode::GET_ANEXT);
    load_none();
    add_yield_from(true);
    emit(PSEUDO_POP_BLOCK);
    visit_expr(s->target);
    visit_stmts(s->body);
    unset_loc();
    emit_jump(Opcode::JUMP, start);
    pop_fblock();
    use_block(except);
    set_loc(s->iter->loc);
    emit(Opcode::END_ASYNC_FOR);
    visit_stmts(s->orelse);
    use_block(end);
}

// CPython's compiler_while.
void Codegen::compile_while(const While* s)
{
    int loop = new_block(), body = new_block(), end = new_block(), anchor = new_block();
    use_block(loop);
    push_fblock(FBlockType::WhileLoop, loop, end);
    jump_if(s->test, anchor, false);
    use_block(body);
    visit_stmts(s->body);
    set_loc(s->loc);
    jump_if(s->test, body, true);
    pop_fblock();
    use_block(anchor);
    visit_stmts(s->orelse);
    use_block(end);
}

// CPython's compiler_if.
void Codegen::compile_if(const If* s)
{
    int end = new_block();
    int next = s->orelse.empty() ? end : new_block();
    jump_if(s->test, next, false);
    visit_stmts(s->body);
    if (!s->orelse.empty()) {
        emit_jump_noline(Opcode::JUMP, end);
        use_block(next);
        visit_stmts(s->orelse);
    }
    use_block(end);
}

void Codegen::call_exit_with_nones()
{
    load_none();
    load_none();
    load_none();
    emit(Opcode::CALL, 2);
}

// CPython's compiler_with_except_finish.
void Codegen::with_except_finish(int cleanup)
{
    unset_loc();
    int exit = new_block();
    emit_jump(Opcode::POP_JUMP_IF_TRUE, exit);
    next_block();
    emit(Opcode::RERAISE, 2);
    use_block(cleanup);
    emit(Opcode::COPY, 3);
    emit(Opcode::POP_EXCEPT);
    emit(Opcode::RERAISE, 1);
    use_block(exit);
    emit(Opcode::POP_TOP);
    emit(PSEUDO_POP_BLOCK);
    emit(Opcode::POP_EXCEPT);
    emit(Opcode::POP_TOP);
    emit(Opcode::POP_TOP);
}

// CPython's compiler_with.
void Codegen::compile_with(const With* s, size_t pos)
{
    const WithItem* item = s->items[pos];
    int block = new_block(), final = new_block(), exit = new_block(), cleanup = new_block();
    visit_expr(item->context_expr);
    emit(Opcode::BEFORE_WITH);
    emit_jump(PSEUDO_SETUP_WITH, final);
    use_block(block);
    push_fblock(FBlockType::With, block, final, s);
    if (item->optional_vars)
        visit_expr(item->optional_vars);
    else
        emit(Opcode::POP_TOP);
    if (pos + 1 == s->items.size())
        visit_stmts(s->body);
    else
        compile_with(s, pos + 1);
    unset_loc();
    emit(PSEUDO_POP_BLOCK);
    pop_fblock();
    set_loc(s->loc);
    call_exit_with_nones();
    emit(Opcode::POP_TOP);
    emit_jump(Opcode::JUMP, exit);
    use_block(final);
    emit_jump(PSEUDO_SETUP_CLEANUP, cleanup);
    emit(Opcode::PUSH_EXC_INFO);
    emit(Opcode::WITH_EXCEPT_START);
    with_except_finish(cleanup);
    use_block(exit);
}

// CPython's compiler_async_with.
void Codegen::compile_async_with(const With* s, size_t pos)
{
    if (is_top_level_await())
        u->ste->is_coroutine = true;
    else if (u->scope_type != ScopeType::AsyncFunction) {
        fail("'async with' outside async function");
        return;
    }
    const WithItem* item = s->items[pos];
    int block = new_block(), final = new_block(), exit = new_block(), cleanup = new_block();
    visit_expr(item->context_expr);
    emit(Opcode::BEFORE_ASYNC_WITH);
    emit(Opcode::GET_AWAITABLE, 1);
    load_none();
    add_yield_from(true);
    emit_jump(PSEUDO_SETUP_WITH, final);
    use_block(block);
    push_fblock(FBlockType::AsyncWith, block, final, s);
    if (item->optional_vars)
        visit_expr(item->optional_vars);
    else
        emit(Opcode::POP_TOP);
    if (pos + 1 == s->items.size())
        visit_stmts(s->body);
    else
        compile_async_with(s, pos + 1);
    pop_fblock();
    emit(PSEUDO_POP_BLOCK);
    set_loc(s->loc);
    call_exit_with_nones();
    emit(Opcode::GET_AWAITABLE, 2);
    load_none();
    add_yield_from(true);
    emit(Opcode::POP_TOP);
    emit_jump(Opcode::JUMP, exit);
    use_block(final);
    emit_jump(PSEUDO_SETUP_CLEANUP, cleanup);
    emit(Opcode::PUSH_EXC_INFO);
    emit(Opcode::WITH_EXCEPT_START);
    emit(Opcode::GET_AWAITABLE, 2);
    load_none();
    add_yield_from(true);
    with_except_finish(cleanup);
    use_block(exit);
}

void Codegen::compile_try(const Try* s)
{
    if (!s->finalbody.empty())
        compile_try_finally(s);
    else
        compile_try_except(s);
}

void Codegen::compile_try_star(const Try* s)
{
    if (!s->finalbody.empty())
        compile_try_finally(s);
    else
        compile_try_star_except(s);
}

// CPython's compiler_try_finally (also wraps try/except* with finally).
void Codegen::compile_try_finally(const Try* s)
{
    int body = new_block(), end = new_block(), exit = new_block(), cleanup = new_block();
    emit_jump(PSEUDO_SETUP_FINALLY, end);
    use_block(body);
    push_fblock(FBlockType::FinallyTry, body, end, &s->finalbody);
    if (!s->handlers.empty()) {
        if (s->kind == StmtKind::TryStar)
            compile_try_star_except(s);
        else
            compile_try_except(s);
    } else {
        visit_stmts(s->body);
    }
    auto saved = u->loc;
    unset_loc();
    emit(PSEUDO_POP_BLOCK);
    u->loc = saved;
    pop_fblock();
    visit_stmts(s->finalbody);
    emit_jump_noline(Opcode::JUMP, exit);
    use_block(end);
    unset_loc();
    emit_jump(PSEUDO_SETUP_CLEANUP, cleanup);
    emit(Opcode::PUSH_EXC_INFO);
    push_fblock(FBlockType::FinallyEnd, end, -1);
    visit_stmts(s->finalbody);
    pop_fblock();
    emit(Opcode::RERAISE, 0);
    use_block(cleanup);
    emit(Opcode::COPY, 3);
    emit(Opcode::POP_EXCEPT);
    emit(Opcode::RERAISE, 1);
    use_block(exit);
}

// CPython's compiler_try_except.
void Codegen::compile_try_except(const Try* s)
{
    int body = new_block(), except = new_block(), end = new_block(), cleanup = new_block();
    emit_jump(PSEUDO_SETUP_FINALLY, except);
    use_block(body);
    push_fblock(FBlockType::TryExcept, body, -1);
    visit_stmts(s->body);
    pop_fblock();
    {
        auto saved = u->loc;
        unset_loc();
        emit(PSEUDO_POP_BLOCK);
        u->loc = saved;
    }
    visit_stmts(s->orelse);
    emit_jump_noline(Opcode::JUMP, end);
    use_block(except);
    unset_loc();
    emit_jump(PSEUDO_SETUP_CLEANUP, cleanup);
    emit(Opcode::PUSH_EXC_INFO);
    push_fblock(FBlockType::ExceptionHandler, -1, -1);
    size_t n = s->handlers.size();
    for (size_t i = 0; i < n && !failed(); ++i) {
        const ExceptHandler* h = s->handlers[i];
        set_loc(h->loc);
        if (!h->type && i < n - 1) {
            fail("default 'except:' must be last");
            return;
        }
        except = new_block();
        if (h->type) {
            visit_expr(h->type);
            emit(Opcode::CHECK_EXC_MATCH);
            emit_jump(Opcode::POP_JUMP_IF_FALSE, except);
            next_block();
        }
        if (h->name) {
            int cleanup_end = new_block(), cleanup_body = new_block();
            nameop(*h->name, ExprContext::Store);
            emit_jump(PSEUDO_SETUP_CLEANUP, cleanup_end);
            use_block(cleanup_body);
            push_fblock(FBlockType::HandlerCleanup, cleanup_body, -1, &*h->name);
            visit_stmts(h->body);
            pop_fblock();
            unset_loc();
            emit(PSEUDO_POP_BLOCK);
            emit(PSEUDO_POP_BLOCK);
            emit(Opcode::POP_EXCEPT);
            load_none();
            nameop(*h->name, ExprContext::Store);
            nameop(*h->name, ExprContext::Del);
            emit_jump(Opcode::JUMP, end);
            use_block(cleanup_end);
            unset_loc();
            load_none();
            nameop(*h->name, ExprContext::Store);
            nameop(*h->name, ExprContext::Del);
            emit(Opcode::RERAISE, 1);
        } else {
            int cleanup_body = new_block();
            emit(Opcode::POP_TOP);
            use_block(cleanup_body);
            push_fblock(FBlockType::HandlerCleanup, cleanup_body, -1, nullptr);
            visit_stmts(h->body);
            pop_fblock();
            unset_loc();
            emit(PSEUDO_POP_BLOCK);
            emit(Opcode::POP_EXCEPT);
            emit_jump(Opcode::JUMP, end);
        }
        use_block(except);
    }
    unset_loc();
    pop_fblock();
    emit(Opcode::RERAISE, 0);
    use_block(cleanup);
    emit(Opcode::COPY, 3);
    emit(Opcode::POP_EXCEPT);
    emit(Opcode::RERAISE, 1);
    use_block(end);
}

// CPython's compiler_try_star_except.
void Codegen::compile_try_star_except(const Try* s)
{
    int body = new_block(), except = new_block(), orelse = new_block(), end = new_block(), cleanup = new_block(),
        reraise_star = new_block();
    emit_jump(PSEUDO_SETUP_FINALLY, except);
    use_block(body);
    push_fblock(FBlockType::TryExcept, body, -1);
    visit_stmts(s->body);
    pop_fblock();
    {
        auto saved = u->loc;
        unset_loc();
        emit(PSEUDO_POP_BLOCK);
        u->loc = saved;
    }
    emit_jump_noline(Opcode::JUMP, orelse);
    use_block(except);
    unset_loc();
    emit_jump(PSEUDO_SETUP_CLEANUP, cleanup);
    emit(Opcode::PUSH_EXC_INFO);
    push_fblock(FBlockType::ExceptionGroupHandler, -1, -1);
    size_t n = s->handlers.size();
    for (size_t i = 0; i < n && !failed(); ++i) {
        const ExceptHandler* h = s->handlers[i];
        set_loc(h->loc);
        int next_except = new_block();
        int handle_match = new_block();
        if (i == 0) {
            emit(Opcode::COPY, 1);
            emit(Opcode::BUILD_LIST, 0);
            emit(Opcode::SWAP, 2);
        }
        if (h->type) {
            visit_expr(h->type);
            emit(Opcode::CHECK_EG_MATCH);
            emit(Opcode::COPY, 1);
            emit_jump(Opcode::POP_JUMP_IF_NOT_NONE, handle_match);
            next_block();
            emit(Opcode::POP_TOP);
            emit_jump(Opcode::JUMP, next_except);
        }
        use_block(handle_match);
        int cleanup_end = new_block(), cleanup_body = new_block();
        if (h->name)
            nameop(*h->name, ExprContext::Store);
        else
            emit(Opcode::POP_TOP);
        emit_jump(PSEUDO_SETUP_CLEANUP, cleanup_end);
        use_block(cleanup_body);
        push_fblock(FBlockType::HandlerCleanup, cleanup_body, -1, h->name ? &*h->name : nullptr);
        visit_stmts(h->body);
        pop_fblock();
        unset_loc();
        emit(PSEUDO_POP_BLOCK);
        if (h->name) {
            load_none();
            nameop(*h->name, ExprContext::Store);
            nameop(*h->name, ExprContext::Del);
        }
        emit_jump(Opcode::JUMP, next_except);
        use_block(cleanup_end);
        unset_loc();
        if (h->name) {
            load_none();
            nameop(*h->name, ExprContext::Store);
            nameop(*h->name, ExprContext::Del);
        }
        emit(Opcode::LIST_APPEND, 3);
        emit(Opcode::POP_TOP);
        emit_jump(Opcode::JUMP, next_except);
        use_block(next_except);
        if (i == n - 1) {
            emit(Opcode::LIST_APPEND, 1);
            emit_jump(Opcode::JUMP, reraise_star);
        }
    }
    unset_loc();
    pop_fblock();
    int reraise = new_block();
    use_block(reraise_star);
    emit(Opcode::PREP_RERAISE_STAR);
    emit(Opcode::COPY, 1);
    emit_jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
    next_block();
    emit(Opcode::POP_TOP);
    emit(PSEUDO_POP_BLOCK);
    emit(Opcode::POP_EXCEPT);
    emit_jump(Opcode::JUMP, end);
    use_block(reraise);
    emit(PSEUDO_POP_BLOCK);
    emit(Opcode::SWAP, 2);
    emit(Opcode::POP_EXCEPT);
    emit(Opcode::RERAISE, 0);
    use_block(cleanup);
    emit(Opcode::COPY, 3);
    emit(Opcode::POP_EXCEPT);
    emit(Opcode::RERAISE, 1);
    // The else-body runs after the handlers, outside them (3.11's layout).
    use_block(orelse);
    visit_stmts(s->orelse);
    use_block(end);
}

// CPython's compiler_import.
void Codegen::compile_import(const Import* s)
{
    for (const Alias* a : s->names) {
        emit(Opcode::LOAD_CONST, add_int_const(0));
        load_none();
        emit_name(Opcode::IMPORT_NAME, a->name);
        size_t dot = a->name.find('.');
        if (a->asname) {
            if (dot != std::string::npos) {
                // import a.b.c as d: walk the attributes with IMPORT_FROM.
                size_t pos = dot + 1;
                while (true) {
                    size_t next = a->name.find('.', pos);
                    std::string attr = a->name.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
                    emit(Opcode::IMPORT_FROM, add_name(attr));
                    if (next == std::string::npos)
                        break;
                    emit(Opcode::SWAP, 2);
                    emit(Opcode::POP_TOP);
                    pos = next + 1;
                }
                nameop(*a->asname, ExprContext::Store);
                emit(Opcode::POP_TOP);
            } else {
                nameop(*a->asname, ExprContext::Store);
            }
        } else {
            nameop(a->name.substr(0, dot), ExprContext::Store);
        }
    }
}

// CPython's compiler_from_import.
void Codegen::compile_import_from(const ImportFrom* s)
{
    Constant names;
    names.kind = Constant::Kind::Tuple;
    for (const Alias* a : s->names)
        names.items.push_back(str_const(a->name));
    emit(Opcode::LOAD_CONST, add_int_const(s->level));
    load_const(std::move(names));
    emit_name(Opcode::IMPORT_NAME, s->module ? *s->module : std::string());
    for (size_t i = 0; i < s->names.size(); ++i) {
        const Alias* a = s->names[i];
        if (i == 0 && !a->name.empty() && a->name[0] == '*') {
            emit(Opcode::IMPORT_STAR);
            return;
        }
        emit_name(Opcode::IMPORT_FROM, a->name);
        nameop(a->asname ? *a->asname : a->name, ExprContext::Store);
    }
    emit(Opcode::POP_TOP);
}

// CPython's compiler_assert (dropped under -O).
void Codegen::compile_assert(const Assert* s)
{
    if (m_options.optimize)
        return;
    if (s->test->kind == ExprKind::Tuple && !static_cast<const Tuple*>(s->test)->elts.empty())
        warn("assertion is always true, perhaps remove parentheses?");
    int end = new_block();
    jump_if(s->test, end, true);
    emit(Opcode::LOAD_ASSERTION_ERROR);
    if (s->msg) {
        visit_expr(s->msg);
        emit(Opcode::CALL, 0);
    }
    emit(Opcode::RAISE_VARARGS, 1);
    use_block(end);
}

static uint32_t binop_arg(Operator op, bool inplace)
{
    uint32_t nb = 0;
    switch (op) {
    case Operator::Add: nb = 0; break;
    case Operator::BitAnd: nb = 1; break;
    case Operator::FloorDiv: nb = 2; break;
    case Operator::LShift: nb = 3; break;
    case Operator::MatMult: nb = 4; break;
    case Operator::Mult: nb = 5; break;
    case Operator::Mod: nb = 6; break;
    case Operator::BitOr: nb = 7; break;
    case Operator::Pow: nb = 8; break;
    case Operator::RShift: nb = 9; break;
    case Operator::Sub: nb = 10; break;
    case Operator::Div: nb = 11; break;
    case Operator::BitXor: nb = 12; break;
    }
    return inplace ? nb + 13 : nb;
}

uint32_t binary_op_arg(Operator op, bool inplace) { return binop_arg(op, inplace); }

// CPython's compiler_augassign.
void Codegen::compile_augassign(const AugAssign* s)
{
    const Expr* e = s->target;
    auto saved = u->loc;
    set_loc(e->loc);
    switch (e->kind) {
    case ExprKind::Attribute: {
        auto* a = static_cast<const Attribute*>(e);
        visit_expr(a->value);
        emit(Opcode::COPY, 1);
        u->loc.lineno = e->loc.end_lineno;
        emit_name(Opcode::LOAD_ATTR, a->attr);
        break;
    }
    case ExprKind::Subscript: {
        auto* sub = static_cast<const Subscript*>(e);
        visit_expr(sub->value);
        visit_expr(sub->slice);
        emit(Opcode::COPY, 2);
        emit(Opcode::COPY, 2);
        emit(Opcode::BINARY_SUBSCR);
        break;
    }
    case ExprKind::Name: nameop(static_cast<const Name*>(e)->id, ExprContext::Load); break;
    default: fail("illegal expression for augmented assignment"); return;
    }
    u->loc = saved;
    visit_expr(s->value);
    emit(Opcode::BINARY_OP, binop_arg(s->op, true));
    set_loc(e->loc);
    switch (e->kind) {
    case ExprKind::Attribute:
        u->loc.lineno = e->loc.end_lineno;
        emit(Opcode::SWAP, 2);
        emit_name(Opcode::STORE_ATTR, static_cast<const Attribute*>(e)->attr);
        break;
    case ExprKind::Subscript:
        emit(Opcode::SWAP, 3);
        emit(Opcode::SWAP, 2);
        emit(Opcode::STORE_SUBSCR);
        break;
    default: nameop(static_cast<const Name*>(e)->id, ExprContext::Store); break;
    }
}

void Codegen::check_ann_expr(const Expr* e)
{
    visit_expr(e);
    emit(Opcode::POP_TOP);
}

void Codegen::check_ann_subscr(const Expr* e)
{
    if (e->kind == ExprKind::Slice) {
        auto* s = static_cast<const Slice*>(e);
        if (s->lower)
            check_ann_expr(s->lower);
        if (s->upper)
            check_ann_expr(s->upper);
        if (s->step)
            check_ann_expr(s->step);
    } else if (e->kind == ExprKind::Tuple) {
        for (const Expr* elt : static_cast<const Tuple*>(e)->elts)
            check_ann_subscr(elt);
    } else {
        check_ann_expr(e);
    }
}

// CPython's compiler_annassign.
void Codegen::compile_annassign(const AnnAssign* s)
{
    const Expr* targ = s->target;
    bool future = m_options.future_flags & bytecode::CO_FUTURE_ANNOTATIONS;
    if (s->value) {
        visit_expr(s->value);
        visit_expr(targ);
    }
    bool module_or_class = u->scope_type == ScopeType::Module || u->scope_type == ScopeType::Class;
    switch (targ->kind) {
    case ExprKind::Name:
        if (std::string_view(static_cast<const Name*>(targ)->id) == "__debug__") {
            fail("cannot assign to __debug__");
            return;
        }
        if (s->simple && module_or_class) {
            if (future)
                visit_annexpr(s->annotation);
            else
                visit_expr(s->annotation);
            emit(Opcode::LOAD_NAME, add_name("__annotations__"));
            emit(Opcode::LOAD_CONST, add_str_const(mangle_name(static_cast<const Name*>(targ)->id)));
            emit(Opcode::STORE_SUBSCR);
        }
        break;
    case ExprKind::Attribute:
        if (!s->value)
            check_ann_expr(static_cast<const Attribute*>(targ)->value);
        break;
    case ExprKind::Subscript:
        if (!s->value) {
            check_ann_expr(static_cast<const Subscript*>(targ)->value);
            check_ann_subscr(static_cast<const Subscript*>(targ)->slice);
        }
        break;
    default: fail("invalid node type for annotated assignment"); return;
    }
    // Annotations of complex targets are evaluated (in modules and classes)
    // but not stored; under PEP 563 they are not evaluated at all.
    if (!s->simple && !future && module_or_class)
        check_ann_expr(s->annotation);
}

void Codegen::visit_stmt(const Stmt* s)
{
    if (failed())
        return;
    set_loc(s->loc);
    // Trees built from `ast` objects may be malformed (see Codegen::malformed).
    const char* bad = nullptr;
    if ((s->kind == StmtKind::With || s->kind == StmtKind::AsyncWith) && static_cast<const With*>(s)->items.empty())
        bad = "empty items on With";
    else if (s->kind == StmtKind::Match && static_cast<const Match*>(s)->cases.empty())
        bad = "empty cases on Match";
    else if (s->kind == StmtKind::Assign && static_cast<const Assign*>(s)->targets.empty())
        bad = "empty targets on Assign";
    if (bad) {
        fail(bad);
        m_error->type = "ValueError";
        return;
    }
    switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef: compile_function(static_cast<const FunctionDef*>(s)); break;
    case StmtKind::ClassDef: compile_class(static_cast<const ClassDef*>(s)); break;
    case StmtKind::Return: compile_return(static_cast<const Return*>(s)); break;
    case StmtKind::Delete:
        for (const Expr* t : static_cast<const Delete*>(s)->targets)
            visit_expr(t);
        break;
    case StmtKind::Assign: {
        auto* a = static_cast<const Assign*>(s);
        visit_expr(a->value);
        for (size_t i = 0; i < a->targets.size(); ++i) {
            if (i + 1 < a->targets.size())
                emit(Opcode::COPY, 1);
            visit_expr(a->targets[i]);
        }
        break;
    }
    case StmtKind::AugAssign: compile_augassign(static_cast<const AugAssign*>(s)); break;
    case StmtKind::AnnAssign: compile_annassign(static_cast<const AnnAssign*>(s)); break;
    case StmtKind::For: compile_for(static_cast<const For*>(s)); break;
    case StmtKind::AsyncFor: compile_async_for(static_cast<const For*>(s)); break;
    case StmtKind::While: compile_while(static_cast<const While*>(s)); break;
    case StmtKind::If: compile_if(static_cast<const If*>(s)); break;
    case StmtKind::With: compile_with(static_cast<const With*>(s), 0); break;
    case StmtKind::AsyncWith: compile_async_with(static_cast<const With*>(s), 0); break;
    case StmtKind::Match: compile_match(static_cast<const Match*>(s)); break;
    case StmtKind::Raise: {
        auto* r = static_cast<const Raise*>(s);
        uint32_t n = 0;
        if (r->exc) {
            visit_expr(r->exc);
            ++n;
            if (r->cause) {
                visit_expr(r->cause);
                ++n;
            }
        }
        emit(Opcode::RAISE_VARARGS, n);
        break;
    }
    case StmtKind::Try: compile_try(static_cast<const Try*>(s)); break;
    case StmtKind::TryStar: compile_try_star(static_cast<const Try*>(s)); break;
    case StmtKind::Assert: compile_assert(static_cast<const Assert*>(s)); break;
    case StmtKind::Import: compile_import(static_cast<const Import*>(s)); break;
    case StmtKind::ImportFrom: compile_import_from(static_cast<const ImportFrom*>(s)); break;
    case StmtKind::Global:
    case StmtKind::Nonlocal:
    case StmtKind::Pass: emit(Opcode::NOP); break;
    case StmtKind::Break: compile_break(); break;
    case StmtKind::Continue: compile_continue(); break;
    case StmtKind::Expr: {
        const Expr* value = static_cast<const ExprStmt*>(s)->value;
        if (m_options.interactive && m_stack.size() <= 1) {
            visit_expr(value);
            emit(Opcode::PRINT_EXPR);
            break;
        }
        if (value->kind == ExprKind::Constant) {
            emit(Opcode::NOP);
            break;
        }
        visit_expr(value);
        unset_loc();
        emit(Opcode::POP_TOP);
        break;
    }
    }
}

} // namespace adder::compiler
