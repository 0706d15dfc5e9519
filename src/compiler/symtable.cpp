// Building and analysing the symbol table. Follows CPython 3.11's
// Python/symtable.c step for step: a visitor records definition flags per
// scope (symtable_visit_*), then analyze_block resolves every name to
// local/global/free/cell, propagating free variables outward and turning
// captured locals into cells.
#include "compiler/symtable.h"

#include <algorithm>
#include <iterator>

namespace adder::compiler {

using namespace ast;

const Symbol* Scope::lookup(std::string_view name) const
{
    int32_t i = find(name, hash_string(name));
    return i < 0 ? nullptr : &symbols[static_cast<size_t>(i)];
}

NameScope Scope::scope_of(std::string_view name) const
{
    const Symbol* s = lookup(name);
    return s ? s->scope : NameScope::Unknown;
}

uint32_t Scope::flags_of(std::string_view name) const
{
    const Symbol* s = lookup(name);
    return s ? s->flags : 0;
}

Scope* SymbolTable::lookup(const void* key) const
{
    return m_by_key.find(key);
}

bool needs_mangle_slow(std::string_view class_name, std::string_view name)
{
    // Dunder names and dotted import names are left alone.
    if (name.substr(name.size() - 2) == "__")
        return false;
    if (name.find('.') != std::string_view::npos)
        return false;
    return class_name.find_first_not_of('_') != std::string_view::npos;
}

std::string mangle(std::string_view class_name, std::string_view name)
{
    if (!needs_mangle(class_name, name))
        return std::string(name);
    size_t i = 0;
    while (i < class_name.size() && class_name[i] == '_')
        ++i;
    std::string out = "_";
    out += class_name.substr(i);
    out += name;
    return out;
}

namespace {

// A set of names for the analysis: a sorted vector of views of Symbol names
// (Scope::symbols is a deque: its elements never move) or of string literals. Copying one, which
// analyze_block does for every child scope, is a single allocation.
class NameSet {
public:
    bool count(std::string_view n) const { return std::binary_search(m_v.begin(), m_v.end(), n); }
    void insert(std::string_view n)
    {
        auto it = std::lower_bound(m_v.begin(), m_v.end(), n);
        if (it == m_v.end() || *it != n)
            m_v.insert(it, n);
    }
    bool erase(std::string_view n)
    {
        auto it = std::lower_bound(m_v.begin(), m_v.end(), n);
        if (it == m_v.end() || *it != n)
            return false;
        m_v.erase(it);
        return true;
    }
    void insert_all(const NameSet& o)
    {
        if (o.m_v.empty())
            return;
        if (m_v.empty()) {
            m_v = o.m_v;
            return;
        }
        std::vector<std::string_view> out;
        out.reserve(m_v.size() + o.m_v.size());
        std::set_union(m_v.begin(), m_v.end(), o.m_v.begin(), o.m_v.end(), std::back_inserter(out));
        m_v.swap(out);
    }
    auto begin() const { return m_v.begin(); }
    auto end() const { return m_v.end(); }

private:
    std::vector<std::string_view> m_v;
};

const char* comprehension_word(ComprehensionKind k)
{
    switch (k) {
    case ComprehensionKind::List: return "list comprehension";
    case ComprehensionKind::Set: return "set comprehension";
    case ComprehensionKind::Dict: return "dict comprehension";
    default: return "generator expression";
    }
}

} // namespace

// The visitor half (CPython's symtable_visit_*). Stops at the first error.
class SymtableBuilder {
public:
    SymtableBuilder(SymbolTable& table, bool future_annotations)
        : m_table(table)
        , m_future_annotations(future_annotations)
    {
    }

    void run(const Mod* mod);

private:
    SymbolTable& m_table;
    bool m_future_annotations;
    Scope* m_cur = nullptr;
    std::vector<Scope*> m_stack;
    std::string m_private; // enclosing class name for mangling
    bool m_failed = false;
    // Expression nesting. The parser bounds parenthesised nesting, but a
    // chain like `x.a.a.a...` or `x+x+x...` is parsed in a loop and can be
    // arbitrarily deep; the compiler's passes recurse on it. Past this depth
    // compilation stops with CPython's RecursionError (its limit is the
    // recursion limit times 3, 3000 by default) instead of overflowing the
    // native stack.
    int m_expr_depth = 0;
    static constexpr int max_expr_depth = 3000;

    void error(std::string msg, const Location& loc, std::string type = "SyntaxError")
    {
        if (m_failed)
            return;
        m_failed = true;
        m_table.m_error = SymtableError { std::move(msg), loc.lineno, loc.col_offset + 1, loc.end_lineno, loc.end_col_offset + 1,
            std::move(type) };
    }

    void enter(std::string name, BlockType type, const void* key, const Location& loc)
    {
        auto scope = std::make_unique<Scope>();
        scope->name = std::move(name);
        scope->type = type;
        scope->key = key;
        scope->lineno = loc.lineno;
        scope->col_offset = loc.col_offset;
        Scope* raw = scope.get();
        if (m_cur) {
            raw->parent = m_cur;
            if (m_cur->is_nested || m_cur->type == BlockType::Function)
                raw->is_nested = true;
            m_cur->children.push_back(std::move(scope));
        } else {
            m_table.m_top = std::move(scope);
        }
        m_table.m_by_key.set(key, raw);
        m_stack.push_back(raw);
        m_cur = raw;
    }

    void leave()
    {
        m_stack.pop_back();
        m_cur = m_stack.empty() ? nullptr : m_stack.back();
    }

    uint32_t lookup(std::string_view name)
    {
        return needs_mangle(m_private, name) ? m_cur->flags_of(mangle(m_private, name)) : m_cur->flags_of(name);
    }

    // CPython's symtable_add_def_helper.
    void add_def_in(Scope* scope, std::string_view raw_name, uint32_t flag, const Location& loc)
    {
        std::string mangled; // only built for private names
        std::string_view name = needs_mangle(m_private, raw_name) ? std::string_view(mangled = mangle(m_private, raw_name)) : raw_name;
        uint64_t h = hash_string(name);
        int32_t at = scope->find(name, h);
        uint32_t val = 0;
        if (at >= 0) {
            val = scope->symbols[static_cast<size_t>(at)].flags;
            if ((flag & DEF_PARAM) && (val & DEF_PARAM)) {
                error("duplicate argument '" + std::string(name) + "' in function definition", loc);
                return;
            }
        }
        val |= flag;
        if (scope->comp_iter_target) {
            // An iteration variable of a comprehension: it must not clash with
            // a walrus target bound in the enclosing scope.
            if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
                error("comprehension inner loop cannot rebind assignment expression target '" + std::string(name) + "'", loc);
                return;
            }
            val |= DEF_COMP_ITER;
        }
        Symbol* sym;
        if (at < 0) {
            sym = &scope->add_symbol(m_table.m_names.copy(name), h, val, NameScope::Unknown);
        } else {
            sym = &scope->symbols[static_cast<size_t>(at)];
            sym->flags = val;
        }
        if (flag & DEF_PARAM) {
            scope->varnames.push_back(sym->name);
        } else if (flag & DEF_GLOBAL) {
            std::string_view stable = sym->name;
            Scope* top = m_table.m_top.get();
            int32_t g = top->find(name, h);
            if (g < 0)
                top->add_symbol(stable, h, flag, NameScope::Unknown);
            else
                top->symbols[static_cast<size_t>(g)].flags |= flag;
        }
    }

    void add_def(std::string_view name, uint32_t flag, const Location& loc) { add_def_in(m_cur, name, flag, loc); }

    void record_directive(const std::string& name, const Location& loc)
    {
        m_cur->directives.emplace_back(mangle(m_private, name), loc);
    }

    void visit_stmts(const ast::Seq<Stmt*>& body)
    {
        for (Stmt* s : body) {
            if (m_failed)
                return;
            visit_stmt(s);
        }
    }
    void visit_exprs(const ast::Seq<Expr*>& exprs)
    {
        for (Expr* e : exprs)
            if (e && !m_failed)
                visit_expr(e);
    }

    // Under PEP 563 annotations are never evaluated: their scope is visited
    // only for its SyntaxErrors and then discarded, so the names in it bind
    // nothing in the enclosing scopes (python3.11's symtable agrees).
    void drop_annotation_block()
    {
        if (m_failed || m_cur->children.empty())
            return;
        m_table.m_by_key.erase(m_cur->children.back()->key);
        m_cur->children.pop_back();
    }

    void visit_stmt(const Stmt* s);
    void visit_expr(const Expr* e);
    void visit_expr_kind(const Expr* e);
    void visit_pattern(const Pattern* p);
    void visit_annotation(const Expr* annotation);
    void visit_argannotations(const ast::Seq<Arg*>& args);
    void visit_annotations(const Stmt* s, const Arguments* a, const Expr* returns);
    void visit_params(const ast::Seq<Arg*>& args);
    void visit_arguments(const Arguments* a);
    void visit_defaults(const Arguments* a);
    void visit_keywords(const ast::Seq<Keyword*>& kws);
    void handle_comprehension(const Expr* e, std::string scope_name, const ast::Seq<Comprehension*>& generators,
        const Expr* elt, const Expr* value, ComprehensionKind kind);
    void handle_namedexpr(const NamedExpr* e);
    bool extend_namedexpr_scope(const Name* target);
    void global_or_nonlocal(const Stmt* s, const std::vector<Identifier>& names, bool is_global);
};

void SymtableBuilder::run(const Mod* mod)
{
    Location loc { 0, 0, 0, 0 };
    enter("top", BlockType::Module, mod, loc);
    if (mod->kind == ModKind::Expression) {
        if (mod->expression)
            visit_expr(mod->expression);
    } else {
        visit_stmts(mod->body);
    }
    leave();
}

void SymtableBuilder::visit_keywords(const ast::Seq<Keyword*>& kws)
{
    for (Keyword* k : kws)
        if (!m_failed)
            visit_expr(k->value);
}

void SymtableBuilder::visit_defaults(const Arguments* a)
{
    visit_exprs(a->defaults);
    visit_exprs(a->kw_defaults);
}

void SymtableBuilder::visit_annotation(const Expr* annotation)
{
    if (m_future_annotations) {
        enter("_annotation", BlockType::Annotation, annotation, annotation->loc);
        visit_expr(annotation);
        leave();
        drop_annotation_block();
    } else {
        visit_expr(annotation);
    }
}

void SymtableBuilder::visit_argannotations(const ast::Seq<Arg*>& args)
{
    for (Arg* a : args)
        if (a->annotation && !m_failed)
            visit_expr(a->annotation);
}

// CPython's symtable_visit_annotations: argument and return annotations are
// evaluated in the enclosing scope (or one annotation scope under PEP 563).
void SymtableBuilder::visit_annotations(const Stmt* s, const Arguments* a, const Expr* returns)
{
    if (m_future_annotations)
        enter("_annotation", BlockType::Annotation, a, s->loc);
    visit_argannotations(a->posonlyargs);
    visit_argannotations(a->args);
    if (a->vararg && a->vararg->annotation)
        visit_expr(a->vararg->annotation);
    if (a->kwarg && a->kwarg->annotation)
        visit_expr(a->kwarg->annotation);
    visit_argannotations(a->kwonlyargs);
    if (m_future_annotations) {
        leave();
        drop_annotation_block();
    }
    if (returns)
        visit_annotation(returns);
}

void SymtableBuilder::visit_params(const ast::Seq<Arg*>& args)
{
    for (Arg* a : args)
        if (!m_failed)
            add_def(a->arg, DEF_PARAM, a->loc);
}

void SymtableBuilder::visit_arguments(const Arguments* a)
{
    visit_params(a->posonlyargs);
    visit_params(a->args);
    visit_params(a->kwonlyargs);
    if (a->vararg && !m_failed) {
        add_def(a->vararg->arg, DEF_PARAM, a->vararg->loc);
        m_cur->has_varargs = true;
    }
    if (a->kwarg && !m_failed) {
        add_def(a->kwarg->arg, DEF_PARAM, a->kwarg->loc);
        m_cur->has_varkeywords = true;
    }
}

void SymtableBuilder::global_or_nonlocal(const Stmt* s, const std::vector<Identifier>& names, bool is_global)
{
    const char* word = is_global ? "global" : "nonlocal";
    for (const auto& name : names) {
        uint32_t cur = lookup(name);
        if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            std::string msg;
            if (cur & DEF_PARAM)
                msg = "name '" + name + "' is parameter and " + word;
            else if (cur & USE)
                msg = "name '" + name + "' is used prior to " + word + " declaration";
            else if (cur & DEF_ANNOT)
                msg = "annotated name '" + name + "' can't be " + word;
            else
                msg = "name '" + name + "' is assigned to before " + word + " declaration";
            error(msg, s->loc);
            return;
        }
        add_def(name, is_global ? DEF_GLOBAL : DEF_NONLOCAL, s->loc);
        record_directive(name, s->loc);
        if (m_failed)
            return;
    }
}

void SymtableBuilder::visit_stmt(const Stmt* s)
{
    switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef: {
        auto* f = static_cast<const FunctionDef*>(s);
        add_def(f->name, DEF_LOCAL, s->loc);
        visit_defaults(f->args);
        visit_annotations(s, f->args, f->returns);
        visit_exprs(f->decorator_list);
        if (m_failed)
            return;
        enter(f->name, BlockType::Function, f, s->loc);
        if (s->kind == StmtKind::AsyncFunctionDef)
            m_cur->is_coroutine = true;
        visit_arguments(f->args);
        visit_stmts(f->body);
        leave();
        break;
    }
    case StmtKind::ClassDef: {
        auto* c = static_cast<const ClassDef*>(s);
        add_def(c->name, DEF_LOCAL, s->loc);
        visit_exprs(c->bases);
        visit_keywords(c->keywords);
        visit_exprs(c->decorator_list);
        if (m_failed)
            return;
        enter(c->name, BlockType::Class, c, s->loc);
        std::string saved = m_private;
        m_private = c->name;
        visit_stmts(c->body);
        m_private = saved;
        leave();
        break;
    }
    case StmtKind::Return: {
        auto* r = static_cast<const Return*>(s);
        if (r->value) {
            visit_expr(r->value);
            m_cur->returns_value = true;
        }
        break;
    }
    case StmtKind::Delete: visit_exprs(static_cast<const Delete*>(s)->targets); break;
    case StmtKind::Assign: {
        auto* a = static_cast<const Assign*>(s);
        visit_exprs(a->targets);
        visit_expr(a->value);
        break;
    }
    case StmtKind::AnnAssign: {
        auto* a = static_cast<const AnnAssign*>(s);
        if (a->target->kind == ExprKind::Name) {
            auto* n = static_cast<const Name*>(a->target);
            uint32_t cur = lookup(n->id);
            if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && m_cur != m_table.m_top.get() && a->simple) {
                error(std::string("annotated name '") + n->id + "' can't be " + ((cur & DEF_GLOBAL) ? "global" : "nonlocal"), s->loc);
                return;
            }
            if (a->simple)
                add_def(n->id, DEF_ANNOT | DEF_LOCAL, n->loc);
            else if (a->value)
                add_def(n->id, DEF_LOCAL, n->loc);
        } else {
            visit_expr(a->target);
        }
        if (!m_failed)
            visit_annotation(a->annotation);
        if (a->value && !m_failed)
            visit_expr(a->value);
        break;
    }
    case StmtKind::AugAssign: {
        auto* a = static_cast<const AugAssign*>(s);
        visit_expr(a->target);
        visit_expr(a->value);
        break;
    }
    case StmtKind::For:
    case StmtKind::AsyncFor: {
        auto* f = static_cast<const For*>(s);
        visit_expr(f->target);
        visit_expr(f->iter);
        visit_stmts(f->body);
        visit_stmts(f->orelse);
        break;
    }
    case StmtKind::While: {
        auto* w = static_cast<const While*>(s);
        visit_expr(w->test);
        visit_stmts(w->body);
        visit_stmts(w->orelse);
        break;
    }
    case StmtKind::If: {
        auto* i = static_cast<const If*>(s);
        visit_expr(i->test);
        visit_stmts(i->body);
        visit_stmts(i->orelse);
        break;
    }
    case StmtKind::Match: {
        auto* m = static_cast<const Match*>(s);
        visit_expr(m->subject);
        for (MatchCase* c : m->cases) {
            if (m_failed)
                return;
            visit_pattern(c->pattern);
            if (c->guard)
                visit_expr(c->guard);
            visit_stmts(c->body);
        }
        break;
    }
    case StmtKind::Raise: {
        auto* r = static_cast<const Raise*>(s);
        if (r->exc) {
            visit_expr(r->exc);
            if (r->cause)
                visit_expr(r->cause);
        }
        break;
    }
    case StmtKind::Try:
    case StmtKind::TryStar: {
        auto* t = static_cast<const Try*>(s);
        visit_stmts(t->body);
        visit_stmts(t->orelse);
        for (ExceptHandler* h : t->handlers) {
            if (m_failed)
                return;
            if (h->type)
                visit_expr(h->type);
            if (h->name)
                add_def(*h->name, DEF_LOCAL, h->loc);
            visit_stmts(h->body);
        }
        visit_stmts(t->finalbody);
        break;
    }
    case StmtKind::Assert: {
        auto* a = static_cast<const Assert*>(s);
        visit_expr(a->test);
        if (a->msg)
            visit_expr(a->msg);
        break;
    }
    case StmtKind::Import:
    case StmtKind::ImportFrom: {
        const auto& names = s->kind == StmtKind::Import ? static_cast<const Import*>(s)->names : static_cast<const ImportFrom*>(s)->names;
        for (Alias* a : names) {
            if (m_failed)
                return;
            std::string_view store = a->asname ? std::string_view(*a->asname) : std::string_view(a->name).substr(0, a->name.find('.'));
            if (a->name == "*") {
                if (m_cur->type != BlockType::Module) {
                    error("import * only allowed at module level", a->loc);
                    return;
                }
            } else {
                add_def(store, DEF_IMPORT, a->loc);
            }
        }
        break;
    }
    case StmtKind::Global: global_or_nonlocal(s, static_cast<const Global*>(s)->names, true); break;
    case StmtKind::Nonlocal: global_or_nonlocal(s, static_cast<const Nonlocal*>(s)->names, false); break;
    case StmtKind::Expr: visit_expr(static_cast<const ExprStmt*>(s)->value); break;
    case StmtKind::Pass:
    case StmtKind::Break:
    case StmtKind::Continue: break;
    case StmtKind::With:
    case StmtKind::AsyncWith: {
        auto* w = static_cast<const With*>(s);
        for (WithItem* item : w->items) {
            visit_expr(item->context_expr);
            if (item->optional_vars)
                visit_expr(item->optional_vars);
        }
        visit_stmts(w->body);
        break;
    }
    }
}

// CPython's symtable_extend_namedexpr_scope: a walrus inside a comprehension
// binds in the nearest enclosing function or module scope.
bool SymtableBuilder::extend_namedexpr_scope(const Name* target)
{
    const std::string& name = target->id;
    for (size_t i = m_stack.size(); i-- > 0;) {
        Scope* ste = m_stack[i];
        if (ste->comprehension != ComprehensionKind::None) {
            if (ste->flags_of(mangle(m_private, name)) & DEF_COMP_ITER) {
                error("assignment expression cannot rebind comprehension iteration variable '" + name + "'", target->loc);
                return false;
            }
            continue;
        }
        if (ste->type == BlockType::Function) {
            uint32_t target_in_scope = ste->flags_of(mangle(m_private, name));
            add_def(name, (target_in_scope & DEF_GLOBAL) ? DEF_GLOBAL : DEF_NONLOCAL, target->loc);
            record_directive(name, target->loc);
            add_def_in(ste, name, DEF_LOCAL, target->loc);
            return !m_failed;
        }
        if (ste->type == BlockType::Module) {
            add_def(name, DEF_GLOBAL, target->loc);
            record_directive(name, target->loc);
            add_def_in(ste, name, DEF_GLOBAL, target->loc);
            return !m_failed;
        }
        if (ste->type == BlockType::Class) {
            error("assignment expression within a comprehension cannot be used in a class body", target->loc);
            return false;
        }
    }
    return true;
}

void SymtableBuilder::handle_namedexpr(const NamedExpr* e)
{
    if (m_cur->comp_iter_expr > 0) {
        error("assignment expression cannot be used in a comprehension iterable expression", e->loc);
        return;
    }
    if (m_cur->comprehension != ComprehensionKind::None && e->target->kind == ExprKind::Name) {
        if (!extend_namedexpr_scope(static_cast<const Name*>(e->target)))
            return;
    }
    visit_expr(e->value);
    if (!m_failed)
        visit_expr(e->target);
}

void SymtableBuilder::handle_comprehension(const Expr* e, std::string scope_name, const ast::Seq<Comprehension*>& generators,
    const Expr* elt, const Expr* value, ComprehensionKind kind)
{
    if (generators.empty())
        return; // malformed tree; codegen reports it
    Comprehension* outermost = generators[0];
    // The outermost iterable is evaluated in the enclosing scope.
    m_cur->comp_iter_expr++;
    visit_expr(outermost->iter);
    m_cur->comp_iter_expr--;
    if (m_failed)
        return;
    enter(std::move(scope_name), BlockType::Function, e, e->loc);
    m_cur->comprehension = kind;
    if (outermost->is_async)
        m_cur->is_coroutine = true;
    add_def(".0", DEF_PARAM, e->loc);
    m_cur->comp_iter_target = 1;
    visit_expr(outermost->target);
    m_cur->comp_iter_target = 0;
    visit_exprs(outermost->ifs);
    for (size_t i = 1; i < generators.size() && !m_failed; ++i) {
        Comprehension* g = generators[i];
        m_cur->comp_iter_target = 1;
        visit_expr(g->target);
        m_cur->comp_iter_target = 0;
        m_cur->comp_iter_expr++;
        visit_expr(g->iter);
        m_cur->comp_iter_expr--;
        visit_exprs(g->ifs);
        if (g->is_async)
            m_cur->is_coroutine = true;
    }
    if (value && !m_failed)
        visit_expr(value);
    if (!m_failed)
        visit_expr(elt);
    if (kind == ComprehensionKind::Generator)
        m_cur->is_generator = true;
    // A non-generator comprehension that awaits is awaited by its enclosing
    // scope, which therefore is a coroutine too.
    bool is_async = m_cur->is_coroutine && kind != ComprehensionKind::Generator;
    leave();
    if (is_async)
        m_cur->is_coroutine = true;
}

void SymtableBuilder::visit_expr(const Expr* e)
{
    if (m_failed || !e)
        return;
    if (m_expr_depth >= max_expr_depth) {
        error("maximum recursion depth exceeded during compilation", e->loc, "RecursionError");
        return;
    }
    ++m_expr_depth;
    visit_expr_kind(e);
    --m_expr_depth;
}

void SymtableBuilder::visit_expr_kind(const Expr* e)
{
    switch (e->kind) {
    case ExprKind::NamedExpr: handle_namedexpr(static_cast<const NamedExpr*>(e)); break;
    case ExprKind::BoolOp: visit_exprs(static_cast<const BoolOp*>(e)->values); break;
    case ExprKind::BinOp: {
        auto* b = static_cast<const BinOp*>(e);
        visit_expr(b->left);
        visit_expr(b->right);
        break;
    }
    case ExprKind::UnaryOp: visit_expr(static_cast<const UnaryOp*>(e)->operand); break;
    case ExprKind::Lambda: {
        auto* l = static_cast<const Lambda*>(e);
        visit_defaults(l->args);
        if (m_failed)
            return;
        enter("lambda", BlockType::Function, l, e->loc);
        visit_arguments(l->args);
        visit_expr(l->body);
        leave();
        break;
    }
    case ExprKind::IfExp: {
        auto* i = static_cast<const IfExp*>(e);
        visit_expr(i->test);
        visit_expr(i->body);
        visit_expr(i->orelse);
        break;
    }
    case ExprKind::Dict: {
        auto* d = static_cast<const Dict*>(e);
        visit_exprs(d->keys);
        visit_exprs(d->values);
        break;
    }
    case ExprKind::Set: visit_exprs(static_cast<const Set*>(e)->elts); break;
    case ExprKind::GeneratorExp: {
        auto* g = static_cast<const GeneratorExp*>(e);
        handle_comprehension(e, "genexpr", g->generators, g->elt, nullptr, ComprehensionKind::Generator);
        break;
    }
    case ExprKind::ListComp: {
        auto* g = static_cast<const ListComp*>(e);
        handle_comprehension(e, "listcomp", g->generators, g->elt, nullptr, ComprehensionKind::List);
        break;
    }
    case ExprKind::SetComp: {
        auto* g = static_cast<const SetComp*>(e);
        handle_comprehension(e, "setcomp", g->generators, g->elt, nullptr, ComprehensionKind::Set);
        break;
    }
    case ExprKind::DictComp: {
        auto* g = static_cast<const DictComp*>(e);
        handle_comprehension(e, "dictcomp", g->generators, g->key, g->value, ComprehensionKind::Dict);
        break;
    }
    case ExprKind::Yield:
    case ExprKind::YieldFrom: {
        if (m_cur->type == BlockType::Annotation) {
            error("'yield expression' can not be used within an annotation", e->loc);
            return;
        }
        const Expr* v = e->kind == ExprKind::Yield ? static_cast<const Yield*>(e)->value : static_cast<const YieldFrom*>(e)->value;
        if (v)
            visit_expr(v);
        m_cur->is_generator = true;
        if (m_cur->comprehension != ComprehensionKind::None) {
            error(std::string("'yield' inside ") + comprehension_word(m_cur->comprehension), e->loc);
            return;
        }
        break;
    }
    case ExprKind::Await: {
        if (m_cur->type == BlockType::Annotation) {
            error("'await expression' can not be used within an annotation", e->loc);
            return;
        }
        visit_expr(static_cast<const Await*>(e)->value);
        m_cur->is_coroutine = true;
        break;
    }
    case ExprKind::Compare: {
        auto* c = static_cast<const Compare*>(e);
        visit_expr(c->left);
        visit_exprs(c->comparators);
        break;
    }
    case ExprKind::Call: {
        auto* c = static_cast<const Call*>(e);
        visit_expr(c->func);
        visit_exprs(c->args);
        visit_keywords(c->keywords);
        break;
    }
    case ExprKind::FormattedValue: {
        auto* f = static_cast<const FormattedValue*>(e);
        visit_expr(f->value);
        if (f->format_spec)
            visit_expr(f->format_spec);
        break;
    }
    case ExprKind::JoinedStr: visit_exprs(static_cast<const JoinedStr*>(e)->values); break;
    case ExprKind::Constant: break;
    case ExprKind::Attribute: visit_expr(static_cast<const Attribute*>(e)->value); break;
    case ExprKind::Subscript: {
        auto* s = static_cast<const Subscript*>(e);
        visit_expr(s->value);
        visit_expr(s->slice);
        break;
    }
    case ExprKind::Starred: visit_expr(static_cast<const Starred*>(e)->value); break;
    case ExprKind::Slice: {
        auto* s = static_cast<const Slice*>(e);
        visit_expr(s->lower);
        visit_expr(s->upper);
        visit_expr(s->step);
        break;
    }
    case ExprKind::Name: {
        auto* n = static_cast<const Name*>(e);
        add_def(n->id, n->ctx == ExprContext::Load ? USE : DEF_LOCAL, e->loc);
        // A use of `super` in a function counts as a use of __class__.
        if (n->ctx == ExprContext::Load && m_cur->type == BlockType::Function && n->id == "super")
            add_def("__class__", USE, e->loc);
        break;
    }
    case ExprKind::List: visit_exprs(static_cast<const List*>(e)->elts); break;
    case ExprKind::Tuple: visit_exprs(static_cast<const Tuple*>(e)->elts); break;
    }
}

void SymtableBuilder::visit_pattern(const Pattern* p)
{
    if (m_failed)
        return;
    switch (p->kind) {
    case PatternKind::MatchValue: visit_expr(static_cast<const MatchValue*>(p)->value); break;
    case PatternKind::MatchSingleton: break;
    case PatternKind::MatchSequence:
        for (Pattern* q : static_cast<const MatchSequence*>(p)->patterns)
            visit_pattern(q);
        break;
    case PatternKind::MatchStar: {
        auto* s = static_cast<const MatchStar*>(p);
        if (s->name)
            add_def(*s->name, DEF_LOCAL, p->loc);
        break;
    }
    case PatternKind::MatchAs: {
        auto* a = static_cast<const MatchAs*>(p);
        if (a->pattern)
            visit_pattern(a->pattern);
        if (a->name)
            add_def(*a->name, DEF_LOCAL, p->loc);
        break;
    }
    case PatternKind::MatchOr:
        for (Pattern* q : static_cast<const MatchOr*>(p)->patterns)
            visit_pattern(q);
        break;
    case PatternKind::MatchClass: {
        auto* c = static_cast<const MatchClass*>(p);
        visit_expr(c->cls);
        for (Pattern* q : c->patterns)
            visit_pattern(q);
        for (Pattern* q : c->kwd_patterns)
            visit_pattern(q);
        break;
    }
    case PatternKind::MatchMapping: {
        auto* m = static_cast<const MatchMapping*>(p);
        visit_exprs(m->keys);
        for (Pattern* q : m->patterns)
            visit_pattern(q);
        if (m->rest)
            add_def(*m->rest, DEF_LOCAL, p->loc);
        break;
    }
    }
}

// ---- analysis (CPython's analyze_block and friends) ----------------------------

namespace {

struct Analyzer {
    std::optional<SymtableError> error;

    const ast::Location* directive_of(const Scope* ste, std::string_view name)
    {
        for (const auto& d : ste->directives)
            if (d.first == name)
                return &d.second;
        return nullptr;
    }

    void fail(const Scope* ste, std::string_view name, std::string msg)
    {
        if (error)
            return;
        SymtableError err { std::move(msg) };
        if (const ast::Location* loc = directive_of(ste, name)) {
            err.lineno = loc->lineno;
            err.offset = loc->col_offset + 1;
            err.end_lineno = loc->end_lineno;
            err.end_offset = loc->end_col_offset + 1;
        }
        error = std::move(err);
    }

    // `name` is a view of a Symbol's name (stable: table-owned storage);
    // its resolution goes to `out`. With `leaf` (a scope without children)
    // `local`, `global` and `bound` are left unchanged: their updates only
    // matter to child scopes (a scope's names are distinct, so an update for
    // one name never changes the lookup of another), which lets the caller
    // pass its own sets instead of copies.
    void analyze_name(Scope* ste, NameScope& out, std::string_view name, uint32_t flags,
        const NameSet* bound, NameSet& local, NameSet& free, NameSet& global, bool leaf)
    {
        if (flags & DEF_GLOBAL) {
            if (flags & DEF_NONLOCAL) {
                fail(ste, name, "name '" + std::string(name) + "' is nonlocal and global");
                return;
            }
            out = NameScope::GlobalExplicit;
            if (leaf)
                return;
            global.insert(name);
            if (bound)
                const_cast<NameSet*>(bound)->erase(name);
            return;
        }
        if (flags & DEF_NONLOCAL) {
            if (!bound) {
                fail(ste, name, "nonlocal declaration not allowed at module level");
                return;
            }
            if (!bound->count(name)) {
                fail(ste, name, "no binding for nonlocal '" + std::string(name) + "' found");
                return;
            }
            out = NameScope::Free;
            ste->has_free = true;
            free.insert(name);
            return;
        }
        if (flags & DEF_BOUND) {
            out = NameScope::Local;
            if (leaf)
                return;
            local.insert(name);
            global.erase(name);
            return;
        }
        if (bound && bound->count(name)) {
            out = NameScope::Free;
            ste->has_free = true;
            free.insert(name);
            return;
        }
        if (global.count(name)) {
            out = NameScope::GlobalImplicit;
            return;
        }
        if (ste->is_nested)
            ste->has_free = true;
        out = NameScope::GlobalImplicit;
    }

    // (The scopes of the existing symbols are already set.)
    void update_symbols(Scope* ste, const NameSet* bound, const NameSet& free, bool classflag)
    {
        for (std::string_view name : free) {
            uint64_t h = hash_string(name);
            int32_t at = ste->find(name, h);
            if (at >= 0) {
                Symbol& sym = ste->symbols[static_cast<size_t>(at)];
                if (classflag && (sym.flags & (DEF_BOUND | DEF_GLOBAL)))
                    sym.flags |= DEF_FREE_CLASS;
                continue;
            }
            if (bound && !bound->count(name))
                continue;
            ste->add_symbol(name, h, 0, NameScope::Free);
        }
    }

    // `bound` is null for the module (no enclosing function scope).
    // A leaf (no children) leaves `bound` and `global` unchanged (see
    // analyze_name).
    void analyze_block(Scope* ste, NameSet* bound, NameSet& free, NameSet& global)
    {
        const bool leaf = ste->children.empty();
        const size_t nsyms = ste->symbols.size();
        NameSet local, newglobal, newfree, newbound;
        if (ste->type == BlockType::Class && !leaf) {
            newglobal = global;
            if (bound)
                newbound = *bound;
        }
        // Resolutions go straight to Symbol::scope (nothing reads them
        // until the analysis of this scope is over).
        for (size_t i = 0; i < nsyms; ++i) {
            Symbol& sym = ste->symbols[i];
            analyze_name(ste, sym.scope, sym.name, sym.flags, bound, local, free, global, leaf);
            if (error)
                return;
        }
        if (leaf) {
            // newfree stays empty: no cells, nothing to add to `free`, and
            // a class needs no __class__ cell.
            return;
        }
        if (ste->type != BlockType::Class) {
            if (ste->type == BlockType::Function)
                newbound.insert_all(local);
            if (bound)
                newbound.insert_all(*bound);
            newglobal.insert_all(global);
        } else {
            newbound.insert("__class__");
        }
        NameSet allfree;
        for (auto& child : ste->children) {
            NameSet temp_free; // a copy of newfree, which is empty until after this loop
            if (child->children.empty()) {
                analyze_block(child.get(), &newbound, temp_free, newglobal); // a leaf changes neither
            } else {
                NameSet temp_bound = newbound, temp_global = newglobal;
                analyze_block(child.get(), &temp_bound, temp_free, temp_global);
            }
            if (error)
                return;
            allfree.insert_all(temp_free);
            if (child->has_free || child->has_child_free)
                ste->has_child_free = true;
        }
        newfree.insert_all(allfree);
        if (ste->type == BlockType::Function) {
            // analyze_cells: captured locals become cells.
            for (size_t i = 0; i < nsyms; ++i) {
                Symbol& sym = ste->symbols[i];
                if (sym.scope != NameScope::Local || !newfree.count(sym.name))
                    continue;
                sym.scope = NameScope::Cell;
                newfree.erase(sym.name);
            }
        } else if (ste->type == BlockType::Class) {
            if (newfree.erase("__class__"))
                ste->needs_class_closure = true;
        }
        update_symbols(ste, bound, newfree, ste->type == BlockType::Class);
        free.insert_all(newfree);
    }
};

} // namespace

std::unique_ptr<SymbolTable> SymbolTable::build(const Mod* mod, bool future_annotations)
{
    auto table = std::unique_ptr<SymbolTable>(new SymbolTable());
    SymtableBuilder builder(*table, future_annotations);
    builder.run(mod);
    if (table->m_error)
        return table;
    Analyzer analyzer;
    NameSet free, global;
    analyzer.analyze_block(table->m_top.get(), nullptr, free, global);
    if (analyzer.error)
        table->m_error = std::move(analyzer.error);
    return table;
}

} // namespace adder::compiler
