// The bridge between the C++ AST of the front end and the _ast node objects
// that Python code sees (CPython 3.11's Python/Python-ast.c ast2obj/obj2ast
// and the checks of Python/ast.c). ToPython walks a parse and builds node
// instances (fields in _fields order, then the four position attributes),
// sharing one instance per context/operator class as CPython does.
// FromPython reads a tree back through getattr, so class defaults and user
// subclasses work, and rejects what the compiler must never see (wrong node
// types, missing fields, bad contexts, empty bodies, invalid positions) with
// CPython's TypeError/ValueError messages. The node classes come from the
// _ast module, which registers itself here when created (ast.cpp).
#include "modules/ast_convert.h"

#include "import/import.h"
#include "modules/stdlib_modules.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/thread_state.h"
#include "objects/tuple.h"

#include <cmath>
#include <cstring>

namespace adder {
Value make_syntax_error(const parser::SyntaxErrorInfo& info); // runtime
Value frozenset_from_values(std::span<const Value> items); // set.cpp
}

namespace adder::astconv {

using namespace ast;

// Every class of _ast this file touches. Groups follow the ASDL (and the
// enum orders of parser/ast.h, so a kind maps to its class by an offset).
#define ADDER_AST_CLASSES(X)                                                                                          \
    X(AST) X(mod) X(Module) X(Interactive) X(Expression) X(stmt)                                                       \
    X(FunctionDef) X(AsyncFunctionDef) X(ClassDef) X(Return) X(Delete) X(Assign) X(AugAssign) X(AnnAssign) X(For)     \
    X(AsyncFor) X(While) X(If) X(With) X(AsyncWith) X(Match) X(Raise) X(Try) X(TryStar) X(Assert) X(Import)          \
    X(ImportFrom) X(Global) X(Nonlocal) X(Expr) X(Pass) X(Break) X(Continue) X(expr)                                 \
    X(BoolOp) X(NamedExpr) X(BinOp) X(UnaryOp) X(Lambda) X(IfExp) X(Dict) X(Set) X(ListComp) X(SetComp) X(DictComp) \
    X(GeneratorExp) X(Await) X(Yield) X(YieldFrom) X(Compare) X(Call) X(FormattedValue) X(JoinedStr) X(Constant)     \
    X(Attribute) X(Subscript) X(Starred) X(Name) X(List) X(Tuple) X(Slice) X(expr_context)                           \
    X(Load) X(Store) X(Del) X(boolop) X(And) X(Or) X(operator)                                                        \
    X(Add) X(Sub) X(Mult) X(MatMult) X(Div) X(Mod) X(Pow) X(LShift) X(RShift) X(BitOr) X(BitXor) X(BitAnd)           \
    X(FloorDiv) X(unaryop) X(Invert) X(Not) X(UAdd) X(USub) X(cmpop)                                                 \
    X(Eq) X(NotEq) X(Lt) X(LtE) X(Gt) X(GtE) X(Is) X(IsNot) X(In) X(NotIn)                                           \
    X(comprehension) X(excepthandler) X(ExceptHandler) X(arguments) X(arg) X(keyword) X(alias) X(withitem)          \
    X(match_case) X(pattern)                                                                                         \
    X(MatchValue) X(MatchSingleton) X(MatchSequence) X(MatchMapping) X(MatchClass) X(MatchStar) X(MatchAs)          \
    X(MatchOr) X(type_ignore) X(TypeIgnore)

enum Cls : int {
#define X(n) C_##n,
    ADDER_AST_CLASSES(X)
#undef X
    C_COUNT
};

static const char* const k_class_names[] = {
#define X(n) #n,
    ADDER_AST_CLASSES(X)
#undef X
};

// First class of each kind group; ast.h's enums are in the same order.
constexpr int first_stmt = C_FunctionDef;
constexpr int first_expr = C_BoolOp;
constexpr int first_operator = C_Add;
constexpr int first_unaryop = C_Invert;
constexpr int first_cmpop = C_Eq;
constexpr int first_pattern = C_MatchValue;

static Value g_classes[C_COUNT];
// The shared instances of the field-less classes (Load(), Add(), ...).
static Value g_singletons[C_COUNT];
static bool g_rooted = false;

static Type* cls(int c) { return as_type(g_classes[c]); }

static Result<Object*> new_node(int c, bool with_dict = true)
{
    Value v = TRY(object_new(cls(c), CallArgs {}));
    Object* o = v.as_object();
    if (with_dict)
        o->set_dict(adder::Dict::create());
    return o;
}

} // namespace adder::astconv

namespace adder {

// Called by create_ast_module() (ast.cpp) once the prelude has defined the
// classes: remembers them and makes the shared context/operator instances.
Status register_ast_module(Module* m)
{
    using namespace astconv;
    if (!g_rooted) {
        for (int i = 0; i < C_COUNT; ++i) {
            stdmod::root(&g_classes[i]);
            stdmod::root(&g_singletons[i]);
        }
        g_rooted = true;
    }
    Value found[C_COUNT];
    for (int i = 0; i < C_COUNT; ++i) {
        Value c = m->dict()->get_str(k_class_names[i]);
        if (!c || !is_type(c))
            return throw_error(g_SystemError, "_ast.%s is missing", k_class_names[i]);
        found[i] = c;
    }
    for (int i = 0; i < C_COUNT; ++i)
        g_classes[i] = found[i];
    for (int i = 0; i < C_COUNT; ++i) {
        bool single = (i >= C_Load && i <= C_Del) || i == C_And || i == C_Or || (i >= C_Add && i <= C_FloorDiv)
            || (i >= C_Invert && i <= C_USub) || (i >= C_Eq && i <= C_NotIn);
        g_singletons[i] = single ? Value(TRY(new_node(i))) : Value();
    }
    return ok();
}

} // namespace adder

namespace adder::astconv {

static Status ensure_classes()
{
    if (g_classes[C_AST])
        return ok();
    TRY(imp::import_module("_ast"));
    if (!g_classes[C_AST])
        return throw_error(g_SystemError, "_ast did not initialize");
    return ok();
}

bool is_ast_object(Value v)
{
    return g_classes[C_AST] && is_instance_of(v, cls(C_AST));
}

// ==== C++ AST -> _ast objects ================================================

namespace {

Value constant_to_python(const ConstantValue& c)
{
    using K = ConstantValue::Kind;
    switch (c.kind) {
    case K::None: return none();
    case K::True: return py_bool(true);
    case K::False: return py_bool(false);
    case K::Ellipsis: return Value(g_ellipsis);
    case K::Int: return int_from_i64(c.int_value);
    case K::BigInt: return int_from_string(c.text, c.base);
    case K::Float: return float_value(c.float_value);
    case K::Complex: return complex_value(0.0, c.float_value);
    case K::Str: return Value(Str::create(c.text));
    case K::Bytes: return Value(Bytes::create(c.text));
    }
    return none();
}

class ToPython {
public:
    Result<Value> mod(const Mod* m);

private:
    // CPython 3.11 bounds ast2obj's recursion at three times the recursion limit.
    struct Guard {
        ToPython& t;
        explicit Guard(ToPython& to) : t(to) { ++t.m_depth; }
        ~Guard() { --t.m_depth; }
    };
    Status check_depth()
    {
        // The native stack is checked too: frames are much larger in sanitizer builds.
        char probe;
        const char* stack_limit = thread().stack_limit;
        if (m_depth > m_limit || (stack_limit && &probe < stack_limit))
            return throw_error(g_RecursionError, "maximum recursion depth exceeded during ast construction");
        return ok();
    }

    Result<Value> stmt(const Stmt* s);
    Result<Value> expr(const Expr* e);
    Result<Value> pattern(const Pattern* p);
    Result<Value> arguments(const Arguments* a);
    Result<Value> arg(const Arg* a);
    Result<Value> keyword(const Keyword* k);
    Result<Value> comprehension(const Comprehension* c);
    Result<Value> handler(const ExceptHandler* h);
    Result<Value> alias(const Alias* a);
    Result<Value> withitem(const WithItem* w);
    Result<Value> match_case(const MatchCase* c);

    static void set(Object* o, const char* name, Value v) { o->dict()->set_str(Str::intern(name), v); }
    static Value ident(const std::string& s) { return Value(Str::create(s)); }
    static Value opt_ident(const std::optional<std::string>& s) { return s ? ident(*s) : none(); }
    static void set_loc(Object* o, const Location& l)
    {
        set(o, "lineno", int_from_i64(l.lineno));
        set(o, "col_offset", int_from_i64(l.col_offset));
        set(o, "end_lineno", int_from_i64(l.end_lineno));
        set(o, "end_col_offset", int_from_i64(l.end_col_offset));
    }
    template<typename List, typename F>
    Result<Value> list(const List& xs, F each)
    {
        adder::List* l = adder::List::create();
        for (const auto& x : xs) {
            Value v = TRY(each(x));
            l->append(v);
        }
        return Value(l);
    }
    Result<Value> exprs(const ast::Seq<Expr*>& xs)
    {
        return list(xs, [&](const Expr* x) { return expr(x); });
    }
    Result<Value> stmts(const ast::Seq<Stmt*>& xs)
    {
        return list(xs, [&](const Stmt* x) { return stmt(x); });
    }
    Result<Value> patterns(const ast::Seq<Pattern*>& xs)
    {
        return list(xs, [&](const Pattern* x) { return pattern(x); });
    }
    Result<Value> generators(const ast::Seq<Comprehension*>& xs)
    {
        return list(xs, [&](const Comprehension* x) { return comprehension(x); });
    }
    Result<Value> keywords(const ast::Seq<Keyword*>& xs)
    {
        return list(xs, [&](const Keyword* x) { return keyword(x); });
    }
    static Value ctx(ExprContext c) { return g_singletons[C_Load + int(c)]; }
    static Value opt_str(const std::optional<std::string>& s) { return s ? Value(Str::create(*s)) : none(); }

    int m_depth = 0;
    int m_limit = 3 * (thread().recursion_limit - thread().depth);
};

Result<Value> ToPython::mod(const Mod* m)
{
    Guard g(*this);
    switch (m->kind) {
    case ModKind::Module: {
        Object* o = TRY(new_node(C_Module));
        set(o, "body", TRY(stmts(m->body)));
        set(o, "type_ignores", Value(adder::List::create()));
        return Value(o);
    }
    case ModKind::Interactive: {
        Object* o = TRY(new_node(C_Interactive));
        set(o, "body", TRY(stmts(m->body)));
        return Value(o);
    }
    case ModKind::Expression: {
        Object* o = TRY(new_node(C_Expression));
        set(o, "body", TRY(expr(m->expression)));
        return Value(o);
    }
    }
    return none();
}

Result<Value> ToPython::arg(const Arg* a)
{
    Object* o = TRY(new_node(C_arg));
    set(o, "arg", ident(a->arg));
    set(o, "annotation", TRY(expr(a->annotation)));
    set(o, "type_comment", opt_str(a->type_comment));
    set_loc(o, a->loc);
    return Value(o);
}

Result<Value> ToPython::arguments(const Arguments* a)
{
    Object* o = TRY(new_node(C_arguments));
    auto each_arg = [&](const Arg* x) { return arg(x); };
    set(o, "posonlyargs", TRY(list(a->posonlyargs, each_arg)));
    set(o, "args", TRY(list(a->args, each_arg)));
    set(o, "vararg", a->vararg ? TRY(arg(a->vararg)) : none());
    set(o, "kwonlyargs", TRY(list(a->kwonlyargs, each_arg)));
    set(o, "kw_defaults", TRY(exprs(a->kw_defaults)));
    set(o, "kwarg", a->kwarg ? TRY(arg(a->kwarg)) : none());
    set(o, "defaults", TRY(exprs(a->defaults)));
    return Value(o);
}

Result<Value> ToPython::keyword(const Keyword* k)
{
    Object* o = TRY(new_node(C_keyword));
    set(o, "arg", opt_ident(k->arg));
    set(o, "value", TRY(expr(k->value)));
    set_loc(o, k->loc);
    return Value(o);
}

Result<Value> ToPython::comprehension(const Comprehension* c)
{
    Object* o = TRY(new_node(C_comprehension));
    set(o, "target", TRY(expr(c->target)));
    set(o, "iter", TRY(expr(c->iter)));
    set(o, "ifs", TRY(exprs(c->ifs)));
    set(o, "is_async", int_from_i64(c->is_async ? 1 : 0));
    return Value(o);
}

Result<Value> ToPython::handler(const ExceptHandler* h)
{
    Object* o = TRY(new_node(C_ExceptHandler));
    set(o, "type", TRY(expr(h->type)));
    set(o, "name", opt_ident(h->name));
    set(o, "body", TRY(stmts(h->body)));
    set_loc(o, h->loc);
    return Value(o);
}

Result<Value> ToPython::alias(const Alias* a)
{
    Object* o = TRY(new_node(C_alias));
    set(o, "name", ident(a->name));
    set(o, "asname", opt_ident(a->asname));
    set_loc(o, a->loc);
    return Value(o);
}

Result<Value> ToPython::withitem(const WithItem* w)
{
    Object* o = TRY(new_node(C_withitem));
    set(o, "context_expr", TRY(expr(w->context_expr)));
    set(o, "optional_vars", TRY(expr(w->optional_vars)));
    return Value(o);
}

Result<Value> ToPython::match_case(const MatchCase* c)
{
    Object* o = TRY(new_node(C_match_case));
    set(o, "pattern", TRY(pattern(c->pattern)));
    set(o, "guard", TRY(expr(c->guard)));
    set(o, "body", TRY(stmts(c->body)));
    return Value(o);
}

Result<Value> ToPython::stmt(const Stmt* s)
{
    Guard g(*this);
    TRY(check_depth());
    Object* o = TRY(new_node(first_stmt + int(s->kind)));
    switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef: {
        auto* n = static_cast<const FunctionDef*>(s);
        set(o, "name", ident(n->name));
        set(o, "args", TRY(arguments(n->args)));
        set(o, "body", TRY(stmts(n->body)));
        set(o, "decorator_list", TRY(exprs(n->decorator_list)));
        set(o, "returns", TRY(expr(n->returns)));
        set(o, "type_comment", opt_str(n->type_comment));
        break;
    }
    case StmtKind::ClassDef: {
        auto* n = static_cast<const ClassDef*>(s);
        set(o, "name", ident(n->name));
        set(o, "bases", TRY(exprs(n->bases)));
        set(o, "keywords", TRY(keywords(n->keywords)));
        set(o, "body", TRY(stmts(n->body)));
        set(o, "decorator_list", TRY(exprs(n->decorator_list)));
        break;
    }
    case StmtKind::Return: set(o, "value", TRY(expr(static_cast<const Return*>(s)->value))); break;
    case StmtKind::Delete: set(o, "targets", TRY(exprs(static_cast<const Delete*>(s)->targets))); break;
    case StmtKind::Assign: {
        auto* n = static_cast<const Assign*>(s);
        set(o, "targets", TRY(exprs(n->targets)));
        set(o, "value", TRY(expr(n->value)));
        set(o, "type_comment", opt_str(n->type_comment));
        break;
    }
    case StmtKind::AugAssign: {
        auto* n = static_cast<const AugAssign*>(s);
        set(o, "target", TRY(expr(n->target)));
        set(o, "op", g_singletons[first_operator + int(n->op)]);
        set(o, "value", TRY(expr(n->value)));
        break;
    }
    case StmtKind::AnnAssign: {
        auto* n = static_cast<const AnnAssign*>(s);
        set(o, "target", TRY(expr(n->target)));
        set(o, "annotation", TRY(expr(n->annotation)));
        set(o, "value", TRY(expr(n->value)));
        set(o, "simple", int_from_i64(n->simple ? 1 : 0));
        break;
    }
    case StmtKind::For:
    case StmtKind::AsyncFor: {
        auto* n = static_cast<const For*>(s);
        set(o, "target", TRY(expr(n->target)));
        set(o, "iter", TRY(expr(n->iter)));
        set(o, "body", TRY(stmts(n->body)));
        set(o, "orelse", TRY(stmts(n->orelse)));
        set(o, "type_comment", opt_str(n->type_comment));
        break;
    }
    case StmtKind::While: {
        auto* n = static_cast<const While*>(s);
        set(o, "test", TRY(expr(n->test)));
        set(o, "body", TRY(stmts(n->body)));
        set(o, "orelse", TRY(stmts(n->orelse)));
        break;
    }
    case StmtKind::If: {
        auto* n = static_cast<const If*>(s);
        set(o, "test", TRY(expr(n->test)));
        set(o, "body", TRY(stmts(n->body)));
        set(o, "orelse", TRY(stmts(n->orelse)));
        break;
    }
    case StmtKind::With:
    case StmtKind::AsyncWith: {
        auto* n = static_cast<const With*>(s);
        set(o, "items", TRY(list(n->items, [&](const WithItem* w) { return withitem(w); })));
        set(o, "body", TRY(stmts(n->body)));
        set(o, "type_comment", opt_str(n->type_comment));
        break;
    }
    case StmtKind::Match: {
        auto* n = static_cast<const Match*>(s);
        set(o, "subject", TRY(expr(n->subject)));
        set(o, "cases", TRY(list(n->cases, [&](const MatchCase* c) { return match_case(c); })));
        break;
    }
    case StmtKind::Raise: {
        auto* n = static_cast<const Raise*>(s);
        set(o, "exc", TRY(expr(n->exc)));
        set(o, "cause", TRY(expr(n->cause)));
        break;
    }
    case StmtKind::Try:
    case StmtKind::TryStar: {
        auto* n = static_cast<const Try*>(s);
        set(o, "body", TRY(stmts(n->body)));
        set(o, "handlers", TRY(list(n->handlers, [&](const ExceptHandler* h) { return handler(h); })));
        set(o, "orelse", TRY(stmts(n->orelse)));
        set(o, "finalbody", TRY(stmts(n->finalbody)));
        break;
    }
    case StmtKind::Assert: {
        auto* n = static_cast<const Assert*>(s);
        set(o, "test", TRY(expr(n->test)));
        set(o, "msg", TRY(expr(n->msg)));
        break;
    }
    case StmtKind::Import:
        set(o, "names", TRY(list(static_cast<const Import*>(s)->names, [&](const Alias* a) { return alias(a); })));
        break;
    case StmtKind::ImportFrom: {
        auto* n = static_cast<const ImportFrom*>(s);
        set(o, "module", opt_ident(n->module));
        set(o, "names", TRY(list(n->names, [&](const Alias* a) { return alias(a); })));
        set(o, "level", int_from_i64(n->level));
        break;
    }
    case StmtKind::Global:
    case StmtKind::Nonlocal: {
        const auto& names = s->kind == StmtKind::Global ? static_cast<const Global*>(s)->names
                                                        : static_cast<const Nonlocal*>(s)->names;
        set(o, "names", TRY(list(names, [&](const std::string& x) -> Result<Value> { return ident(x); })));
        break;
    }
    case StmtKind::Expr: set(o, "value", TRY(expr(static_cast<const ExprStmt*>(s)->value))); break;
    case StmtKind::Pass:
    case StmtKind::Break:
    case StmtKind::Continue: break;
    }
    set_loc(o, s->loc);
    return Value(o);
}

Result<Value> ToPython::expr(const Expr* e)
{
    if (!e)
        return none();
    Guard g(*this);
    TRY(check_depth());
    Object* o = TRY(new_node(first_expr + int(e->kind)));
    switch (e->kind) {
    case ExprKind::BoolOp: {
        auto* n = static_cast<const BoolOp*>(e);
        set(o, "op", g_singletons[n->op == BoolOpKind::And ? C_And : C_Or]);
        set(o, "values", TRY(exprs(n->values)));
        break;
    }
    case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        set(o, "target", TRY(expr(n->target)));
        set(o, "value", TRY(expr(n->value)));
        break;
    }
    case ExprKind::BinOp: {
        auto* n = static_cast<const BinOp*>(e);
        set(o, "left", TRY(expr(n->left)));
        set(o, "op", g_singletons[first_operator + int(n->op)]);
        set(o, "right", TRY(expr(n->right)));
        break;
    }
    case ExprKind::UnaryOp: {
        auto* n = static_cast<const UnaryOp*>(e);
        set(o, "op", g_singletons[first_unaryop + int(n->op)]);
        set(o, "operand", TRY(expr(n->operand)));
        break;
    }
    case ExprKind::Lambda: {
        auto* n = static_cast<const Lambda*>(e);
        set(o, "args", TRY(arguments(n->args)));
        set(o, "body", TRY(expr(n->body)));
        break;
    }
    case ExprKind::IfExp: {
        auto* n = static_cast<const IfExp*>(e);
        set(o, "test", TRY(expr(n->test)));
        set(o, "body", TRY(expr(n->body)));
        set(o, "orelse", TRY(expr(n->orelse)));
        break;
    }
    case ExprKind::Dict: {
        auto* n = static_cast<const ast::Dict*>(e);
        set(o, "keys", TRY(exprs(n->keys)));
        set(o, "values", TRY(exprs(n->values)));
        break;
    }
    case ExprKind::Set: set(o, "elts", TRY(exprs(static_cast<const ast::Set*>(e)->elts))); break;
    case ExprKind::ListComp: {
        auto* n = static_cast<const ListComp*>(e);
        set(o, "elt", TRY(expr(n->elt)));
        set(o, "generators", TRY(generators(n->generators)));
        break;
    }
    case ExprKind::SetComp: {
        auto* n = static_cast<const SetComp*>(e);
        set(o, "elt", TRY(expr(n->elt)));
        set(o, "generators", TRY(generators(n->generators)));
        break;
    }
    case ExprKind::GeneratorExp: {
        auto* n = static_cast<const GeneratorExp*>(e);
        set(o, "elt", TRY(expr(n->elt)));
        set(o, "generators", TRY(generators(n->generators)));
        break;
    }
    case ExprKind::DictComp: {
        auto* n = static_cast<const DictComp*>(e);
        set(o, "key", TRY(expr(n->key)));
        set(o, "value", TRY(expr(n->value)));
        set(o, "generators", TRY(generators(n->generators)));
        break;
    }
    case ExprKind::Await: set(o, "value", TRY(expr(static_cast<const Await*>(e)->value))); break;
    case ExprKind::Yield: set(o, "value", TRY(expr(static_cast<const Yield*>(e)->value))); break;
    case ExprKind::YieldFrom: set(o, "value", TRY(expr(static_cast<const YieldFrom*>(e)->value))); break;
    case ExprKind::Compare: {
        auto* n = static_cast<const Compare*>(e);
        set(o, "left", TRY(expr(n->left)));
        set(o, "ops", TRY(list(n->ops, [&](CmpOp op) -> Result<Value> { return g_singletons[first_cmpop + int(op)]; })));
        set(o, "comparators", TRY(exprs(n->comparators)));
        break;
    }
    case ExprKind::Call: {
        auto* n = static_cast<const Call*>(e);
        set(o, "func", TRY(expr(n->func)));
        set(o, "args", TRY(exprs(n->args)));
        set(o, "keywords", TRY(keywords(n->keywords)));
        break;
    }
    case ExprKind::FormattedValue: {
        auto* n = static_cast<const FormattedValue*>(e);
        set(o, "value", TRY(expr(n->value)));
        set(o, "conversion", int_from_i64(n->conversion));
        set(o, "format_spec", TRY(expr(n->format_spec)));
        break;
    }
    case ExprKind::JoinedStr: set(o, "values", TRY(exprs(static_cast<const JoinedStr*>(e)->values))); break;
    case ExprKind::Constant: {
        auto* n = static_cast<const ast::Constant*>(e);
        set(o, "value", constant_to_python(n->value));
        set(o, "kind", n->kind.empty() ? none() : Value(Str::create(n->kind)));
        break;
    }
    case ExprKind::Attribute: {
        auto* n = static_cast<const Attribute*>(e);
        set(o, "value", TRY(expr(n->value)));
        set(o, "attr", ident(n->attr));
        set(o, "ctx", ctx(n->ctx));
        break;
    }
    case ExprKind::Subscript: {
        auto* n = static_cast<const Subscript*>(e);
        set(o, "value", TRY(expr(n->value)));
        set(o, "slice", TRY(expr(n->slice)));
        set(o, "ctx", ctx(n->ctx));
        break;
    }
    case ExprKind::Starred: {
        auto* n = static_cast<const Starred*>(e);
        set(o, "value", TRY(expr(n->value)));
        set(o, "ctx", ctx(n->ctx));
        break;
    }
    case ExprKind::Name: {
        auto* n = static_cast<const Name*>(e);
        set(o, "id", ident(n->id));
        set(o, "ctx", ctx(n->ctx));
        break;
    }
    case ExprKind::List: {
        auto* n = static_cast<const ast::List*>(e);
        set(o, "elts", TRY(exprs(n->elts)));
        set(o, "ctx", ctx(n->ctx));
        break;
    }
    case ExprKind::Tuple: {
        auto* n = static_cast<const ast::Tuple*>(e);
        set(o, "elts", TRY(exprs(n->elts)));
        set(o, "ctx", ctx(n->ctx));
        break;
    }
    case ExprKind::Slice: {
        auto* n = static_cast<const Slice*>(e);
        set(o, "lower", TRY(expr(n->lower)));
        set(o, "upper", TRY(expr(n->upper)));
        set(o, "step", TRY(expr(n->step)));
        break;
    }
    }
    set_loc(o, e->loc);
    return Value(o);
}

Result<Value> ToPython::pattern(const Pattern* p)
{
    Guard g(*this);
    TRY(check_depth());
    Object* o = TRY(new_node(first_pattern + int(p->kind)));
    switch (p->kind) {
    case PatternKind::MatchValue: set(o, "value", TRY(expr(static_cast<const MatchValue*>(p)->value))); break;
    case PatternKind::MatchSingleton:
        set(o, "value", constant_to_python(static_cast<const MatchSingleton*>(p)->value));
        break;
    case PatternKind::MatchSequence: set(o, "patterns", TRY(patterns(static_cast<const MatchSequence*>(p)->patterns))); break;
    case PatternKind::MatchMapping: {
        auto* n = static_cast<const MatchMapping*>(p);
        set(o, "keys", TRY(exprs(n->keys)));
        set(o, "patterns", TRY(patterns(n->patterns)));
        set(o, "rest", opt_ident(n->rest));
        break;
    }
    case PatternKind::MatchClass: {
        auto* n = static_cast<const MatchClass*>(p);
        set(o, "cls", TRY(expr(n->cls)));
        set(o, "patterns", TRY(patterns(n->patterns)));
        set(o, "kwd_attrs", TRY(list(n->kwd_attrs, [&](const std::string& x) -> Result<Value> { return ident(x); })));
        set(o, "kwd_patterns", TRY(patterns(n->kwd_patterns)));
        break;
    }
    case PatternKind::MatchStar: set(o, "name", opt_ident(static_cast<const MatchStar*>(p)->name)); break;
    case PatternKind::MatchAs: {
        auto* n = static_cast<const MatchAs*>(p);
        set(o, "pattern", n->pattern ? TRY(pattern(n->pattern)) : none());
        set(o, "name", opt_ident(n->name));
        break;
    }
    case PatternKind::MatchOr: set(o, "patterns", TRY(patterns(static_cast<const MatchOr*>(p)->patterns))); break;
    }
    set_loc(o, p->loc);
    return Value(o);
}

} // namespace

// ==== _ast objects -> C++ AST =================================================

namespace {

const char* ctx_name(int c) { return c == 0 ? "Load" : c == 1 ? "Store" : "Del"; }

class FromPython {
public:
    explicit FromPython(Arena& arena) : A(arena) { }
    Result<Mod*> mod(Value v, parser::Mode mode);

private:
    // Each node level counts against the Python recursion limit, as CPython's
    // obj2ast does ("while traversing 'expr' node").
    struct Guard {
        bool entered = false;
        ~Guard()
        {
            if (entered)
                leave_call();
        }
    };

    Result<Stmt*> stmt(Value v);
    Result<Expr*> expr(Value v, int ctx);
    Result<Pattern*> pattern(Value v, bool star_ok);
    Result<Arguments*> arguments(Value v);
    Result<Arg*> arg(Value v);
    Result<Keyword*> keyword(Value v);
    Result<Comprehension*> comprehension(Value v);
    Result<ExceptHandler*> handler(Value v);
    Result<Alias*> alias(Value v);
    Result<WithItem*> withitem(Value v);
    Result<MatchCase*> match_case(Value v);

    // getattr(obj, name): null when absent (then TypeError if `required`).
    Result<Value> field(Value obj, const char* name, const char* owner, bool required)
    {
        Value v = TRY(get_attr_optional(obj, Str::intern(name)));
        if (!v && required)
            return throw_error(g_TypeError, "required field \"%s\" missing from %s", name, owner);
        return v;
    }
    static bool absent(Value v) { return !v || is_none(v); }
    Result<Expr*> req_expr(Value obj, const char* name, const char* owner, int ctx = 0)
    {
        Value v = TRY(field(obj, name, owner, true));
        if (is_none(v))
            return throw_error(g_ValueError, "field '%s' is required for %s", name, owner);
        return expr(v, ctx);
    }
    Result<Expr*> opt_expr(Value obj, const char* name, const char* owner, int ctx = 0)
    {
        Value v = TRY(field(obj, name, owner, false));
        if (absent(v))
            return static_cast<Expr*>(nullptr);
        return expr(v, ctx);
    }
    Result<adder::List*> list_field(Value obj, const char* name, const char* owner)
    {
        Value v = TRY(field(obj, name, owner, true));
        if (!is_list(v))
            return throw_error(g_TypeError, "%s field \"%s\" must be a list, not a %s", owner, name, type_name(v.type()).c_str());
        return as_list(v);
    }
    // Converts each element of list field `name` with `each`; the list is
    // re-read every step since a getattr may run Python code that mutates it.
    template<typename List, typename F>
    Status each_item(Value obj, const char* name, const char* owner, List& out, F each)
    {
        adder::List* l = TRY(list_field(obj, name, owner));
        size_t n = l->size();
        for (size_t i = 0; i < l->size(); ++i) {
            Value item = l->at(i);
            typename List::value_type x = TRY(each(item));
            out.push_back(x);
            if (l->size() != n)
                return throw_error(g_RuntimeError, "%s field \"%s\" changed size during iteration", owner, name);
        }
        return ok();
    }
    Status exprs(Value obj, const char* name, const char* owner, ast::Seq<Expr*>& out, int ctx = 0, bool null_ok = false)
    {
        return each_item(obj, name, owner, out, [&](Value item) -> Result<Expr*> {
            if (is_none(item)) {
                if (!null_ok)
                    return throw_error(g_ValueError, "None disallowed in expression list");
                return static_cast<Expr*>(nullptr);
            }
            return expr(item, ctx);
        });
    }
    Status stmts(Value obj, const char* name, const char* owner, ast::Seq<Stmt*>& out, bool nonempty)
    {
        TRY(each_item(obj, name, owner, out, [&](Value item) -> Result<Stmt*> {
            if (is_none(item))
                return throw_error(g_ValueError, "None disallowed in statement list");
            return stmt(item);
        }));
        if (nonempty && out.empty())
            return throw_error(g_ValueError, "empty %s on %s", name, owner);
        return ok();
    }
    Status patterns(Value obj, const char* name, const char* owner, ast::Seq<Pattern*>& out, bool star_ok)
    {
        return each_item(obj, name, owner, out, [&](Value item) -> Result<Pattern*> {
            if (is_none(item))
                return throw_error(g_ValueError, "field 'pattern' is required for %s", owner);
            return pattern(item, star_ok);
        });
    }
    static Result<std::optional<std::string>> identifier_value(Value v)
    {
        if (absent(v))
            return std::optional<std::string>();
        if (v.type() != g_str_type)
            return throw_error(g_TypeError, "AST identifier must be of type str");
        return std::optional<std::string>(as_str(v)->data());
    }
    Result<std::string> req_ident(Value obj, const char* name, const char* owner)
    {
        Value v = TRY(field(obj, name, owner, true));
        auto id = TRY(identifier_value(v));
        if (!id)
            return throw_error(g_ValueError, "field '%s' is required for %s", name, owner);
        return *id;
    }
    Result<std::optional<std::string>> opt_ident(Value obj, const char* name, const char* owner)
    {
        Value v = TRY(field(obj, name, owner, false));
        return identifier_value(v);
    }
    Result<std::optional<std::string>> opt_string(Value obj, const char* name, const char* owner)
    {
        Value v = TRY(field(obj, name, owner, false));
        if (absent(v))
            return std::optional<std::string>();
        if (v.type() != g_str_type && v.type() != g_bytes_type)
            return throw_error(g_TypeError, "AST string must be of type str");
        return std::optional<std::string>(is_str(v) ? as_str(v)->data() : static_cast<Bytes*>(v.as_object())->data());
    }
    static Result<int> int_value(Value v)
    {
        if (!is_int(v)) {
            std::string r = TRY(repr_text(v));
            return throw_error(g_ValueError, "invalid integer value: %s", r.c_str());
        }
        int64_t x;
        if (!int_fits_i64(v, x) || x < INT32_MIN || x > INT32_MAX)
            return throw_error(g_OverflowError, "Python int too large to convert to C int");
        return int(x);
    }
    Result<int> req_int(Value obj, const char* name, const char* owner)
    {
        Value v = TRY(field(obj, name, owner, true));
        if (is_none(v))
            return throw_error(g_ValueError, "field '%s' is required for %s", name, owner);
        return int_value(v);
    }
    // lineno and col_offset are required; the end position defaults to the
    // start except on patterns, whose end is required too.
    Result<Location> location(Value obj, const char* owner, bool end_required = false)
    {
        Location l;
        Value v = TRY(field(obj, "lineno", owner, true));
        l.lineno = is_none(v) ? 0 : TRY(int_value(v));
        v = TRY(field(obj, "col_offset", owner, true));
        l.col_offset = is_none(v) ? 0 : TRY(int_value(v));
        v = TRY(field(obj, "end_lineno", owner, end_required));
        l.end_lineno = absent(v) ? l.lineno : TRY(int_value(v));
        v = TRY(field(obj, "end_col_offset", owner, end_required));
        l.end_col_offset = absent(v) ? l.col_offset : TRY(int_value(v));
        return l;
    }
    static Status check_positions(const Location& l)
    {
        if (l.lineno > l.end_lineno)
            return throw_error(g_ValueError, "AST node line range (%d, %d) is not valid", l.lineno, l.end_lineno);
        if ((l.lineno < 0 && l.end_lineno != l.lineno) || (l.col_offset < 0 && l.col_offset != l.end_col_offset))
            return throw_error(g_ValueError, "AST node column range (%d, %d) for line range (%d, %d) is not valid",
                               l.col_offset, l.end_col_offset, l.lineno, l.end_lineno);
        if (l.lineno == l.end_lineno && l.col_offset > l.end_col_offset)
            return throw_error(g_ValueError, "line %d, column %d-%d is not a valid range", l.lineno, l.col_offset,
                               l.end_col_offset);
        return ok();
    }
    // The index of the first class in [first, first + count) that `v` is an instance of, or -1.
    static int which(Value v, int first, int count)
    {
        Type* t = v.type();
        for (int i = 0; i < count; ++i)
            if (t == cls(first + i))
                return i;
        for (int i = 0; i < count; ++i)
            if (t->is_subtype_of(cls(first + i)))
                return i;
        return -1;
    }
    static Pending expected(const char* what, Value v)
    {
        Result<std::string> r = repr_text(v);
        if (r.is_error())
            return pending;
        return throw_error(g_TypeError, "expected some sort of %s, but got %s", what, r.value().c_str());
    }
    Result<int> enum_field(Value obj, const char* name, const char* owner, const char* what, int first, int count)
    {
        Value v = TRY(field(obj, name, owner, true));
        int k = which(v, first, count);
        if (k < 0)
            return expected(what, v);
        return k;
    }
    Result<Expr*> constant(Value v, const Location& loc, int depth = 0);
    static Status validate_constant(Value v);
    Status check_capture(const std::optional<std::string>& name)
    {
        if (name && *name == "_")
            return throw_error(g_ValueError, "can't capture name '_' in patterns");
        if (name && (*name == "None" || *name == "True" || *name == "False"))
            return throw_error(g_ValueError, "identifier field can't represent '%s' constant", name->c_str());
        return ok();
    }

    Arena& A;
};

Status FromPython::validate_constant(Value v)
{
    Type* t = v.type();
    if (is_none(v) || v.is(Value(g_ellipsis)) || t == g_int_type || t == g_bool_type || t == g_float_type
        || t == g_complex_type || t == g_str_type || t == g_bytes_type)
        return ok();
    if (t == g_tuple_type || t == g_frozenset_type) {
        gc::MarkedVector items;
        TRY(collect_iterable(v, items));
        for (Value x : items)
            TRY(validate_constant(x));
        return ok();
    }
    return throw_error(g_TypeError, "got an invalid type in Constant: %s", type_name(t).c_str());
}

// A validated constant value as a C++ node. The C++ AST has no tuple,
// frozenset, negative big int or complex-with-real-part constants, so those
// become the equivalent (constant-folded) expressions.
Result<Expr*> FromPython::constant(Value v, const Location& loc, int depth)
{
    auto* c = A.make<ast::Constant>();
    c->loc = loc;
    ConstantValue& cv = c->value;
    using K = ConstantValue::Kind;
    Type* t = v.type();
    if (is_none(v))
        cv.kind = K::None;
    else if (v.is(Value(g_ellipsis)))
        cv.kind = K::Ellipsis;
    else if (t == g_bool_type)
        cv.kind = v.is(py_bool(true)) ? K::True : K::False;
    else if (t == g_int_type) {
        int64_t x;
        if (int_fits_i64(v, x)) {
            cv.kind = K::Int;
            cv.int_value = x;
        } else {
            cv.kind = K::BigInt;
            cv.base = 10;
            cv.text = int_to_string(v, 10);
            if (!cv.text.empty() && cv.text[0] == '-') {
                cv.text.erase(0, 1);
                auto* neg = A.make<ast::UnaryOp>();
                neg->loc = loc;
                neg->op = UnaryOpKind::USub;
                neg->operand = c;
                return static_cast<Expr*>(neg);
            }
        }
    } else if (t == g_float_type) {
        cv.kind = K::Float;
        cv.float_value = float_of(v);
    } else if (t == g_complex_type) {
        auto* z = static_cast<Complex*>(v.as_object());
        cv.kind = K::Complex;
        cv.float_value = z->imag();
        if (z->real() != 0.0 || std::signbit(z->real())) {
            // FIXME: (-0.0+0j)-style real parts lose their sign.
            auto* re = A.make<ast::Constant>();
            re->loc = loc;
            re->value.kind = K::Float;
            re->value.float_value = z->real();
            auto* sum = A.make<ast::BinOp>();
            sum->loc = loc;
            sum->left = re;
            sum->op = Operator::Add;
            sum->right = c;
            return static_cast<Expr*>(sum);
        }
    } else if (t == g_str_type) {
        cv.kind = K::Str;
        cv.text = as_str(v)->data();
    } else if (t == g_bytes_type) {
        cv.kind = K::Bytes;
        cv.text = static_cast<Bytes*>(v.as_object())->data();
    } else if (t == g_tuple_type) {
        if (depth > 200)
            return throw_error(g_RecursionError, "maximum recursion depth exceeded while traversing 'expr' node");
        auto* tup = A.make<ast::Tuple>();
        tup->loc = loc;
        for (Value x : as_tuple(v)->items())
            tup->elts.push_back(TRY(constant(x, loc, depth + 1)));
        return static_cast<Expr*>(tup);
    } else {
        // FIXME: frozenset constants (only CPython's optimizer makes them) are not supported.
        return throw_error(g_NotImplementedError, "compile() of a %s constant is not supported", type_name(t).c_str());
    }
    return static_cast<Expr*>(c);
}

Result<Mod*> FromPython::mod(Value v, parser::Mode mode)
{
    static const int req[] = { C_Module, C_Expression, C_Interactive };
    int want = req[int(mode)];
    if (!is_instance_of(v, cls(want)))
        return throw_error(g_TypeError, "expected %s node, got %s", k_class_names[want], v.type()->m_name.c_str());
    auto* m = A.make<Mod>();
    if (want == C_Module) {
        m->kind = ModKind::Module;
        TRY(stmts(v, "body", "Module", m->body, false));
        std::vector<int> ignores;
        TRY(each_item(v, "type_ignores", "Module", ignores, [&](Value item) -> Result<int> {
            if (is_none(item))
                return 0;
            if (!is_instance_of(item, cls(C_TypeIgnore)))
                return expected("type_ignore", item);
            TRY(req_int(item, "lineno", "TypeIgnore"));
            Value tag = TRY(field(item, "tag", "TypeIgnore", true));
            if (!is_str(tag) && !is_bytes(tag))
                return throw_error(g_TypeError, "AST string must be of type str");
            return 0;
        }));
    } else if (want == C_Interactive) {
        m->kind = ModKind::Interactive;
        TRY(stmts(v, "body", "Interactive", m->body, false));
    } else {
        m->kind = ModKind::Expression;
        m->expression = TRY(req_expr(v, "body", "Expression"));
    }
    return m;
}

Result<Arg*> FromPython::arg(Value v)
{
    Guard g;
    TRY(enter_call(" while traversing 'arg' node"));
    g.entered = true;
    if (!is_instance_of(v, cls(C_arg)))
        return expected("arg", v);
    auto* a = A.make<Arg>();
    a->arg = TRY(req_ident(v, "arg", "arg"));
    a->annotation = TRY(opt_expr(v, "annotation", "arg"));
    a->type_comment = TRY(opt_string(v, "type_comment", "arg"));
    a->loc = TRY(location(v, "arg"));
    return a;
}

Result<Arguments*> FromPython::arguments(Value v)
{
    Guard g;
    TRY(enter_call(" while traversing 'arguments' node"));
    g.entered = true;
    if (!is_instance_of(v, cls(C_arguments)))
        return expected("arguments", v);
    auto* a = A.make<Arguments>();
    auto each_arg = [&](Value item) -> Result<Arg*> {
        if (is_none(item))
            return throw_error(g_ValueError, "field 'arg' is required for arguments");
        return arg(item);
    };
    TRY(each_item(v, "posonlyargs", "arguments", a->posonlyargs, each_arg));
    TRY(each_item(v, "args", "arguments", a->args, each_arg));
    Value x = TRY(field(v, "vararg", "arguments", false));
    a->vararg = absent(x) ? nullptr : TRY(arg(x));
    TRY(each_item(v, "kwonlyargs", "arguments", a->kwonlyargs, each_arg));
    TRY(exprs(v, "kw_defaults", "arguments", a->kw_defaults, 0, true));
    x = TRY(field(v, "kwarg", "arguments", false));
    a->kwarg = absent(x) ? nullptr : TRY(arg(x));
    TRY(exprs(v, "defaults", "arguments", a->defaults));
    if (a->defaults.size() > a->posonlyargs.size() + a->args.size())
        return throw_error(g_ValueError, "more positional defaults than args on arguments");
    if (a->kw_defaults.size() != a->kwonlyargs.size())
        return throw_error(g_ValueError, "length of kwonlyargs is not the same as kw_defaults on arguments");
    return a;
}

Result<Keyword*> FromPython::keyword(Value v)
{
    if (is_none(v))
        return throw_error(g_ValueError, "field 'value' is required for keyword");
    Guard g;
    TRY(enter_call(" while traversing 'keyword' node"));
    g.entered = true;
    if (!is_instance_of(v, cls(C_keyword)))
        return expected("keyword", v);
    auto* k = A.make<Keyword>();
    k->arg = TRY(opt_ident(v, "arg", "keyword"));
    k->value = TRY(req_expr(v, "value", "keyword"));
    k->loc = TRY(location(v, "keyword"));
    return k;
}

Result<Comprehension*> FromPython::comprehension(Value v)
{
    if (is_none(v))
        return throw_error(g_ValueError, "field 'target' is required for comprehension");
    Guard g;
    TRY(enter_call(" while traversing 'comprehension' node"));
    g.entered = true;
    if (!is_instance_of(v, cls(C_comprehension)))
        return expected("comprehension", v);
    auto* c = A.make<Comprehension>();
    c->target = TRY(req_expr(v, "target", "comprehension", int(ExprContext::Store)));
    c->iter = TRY(req_expr(v, "iter", "comprehension"));
    TRY(exprs(v, "ifs", "comprehension", c->ifs));
    c->is_async = TRY(req_int(v, "is_async", "comprehension")) != 0;
    return c;
}

Result<ExceptHandler*> FromPython::handler(Value v)
{
    if (is_none(v))
        return throw_error(g_ValueError, "None disallowed in statement list");
    Guard g;
    TRY(enter_call(" while traversing 'excepthandler' node"));
    g.entered = true;
    Location loc = TRY(location(v, "excepthandler"));
    if (!is_instance_of(v, cls(C_ExceptHandler)))
        return expected("excepthandler", v);
    auto* h = A.make<ExceptHandler>();
    h->loc = loc;
    h->type = TRY(opt_expr(v, "type", "ExceptHandler"));
    h->name = TRY(opt_ident(v, "name", "ExceptHandler"));
    TRY(stmts(v, "body", "ExceptHandler", h->body, true));
    return h;
}

Result<Alias*> FromPython::alias(Value v)
{
    if (is_none(v))
        return throw_error(g_ValueError, "field 'name' is required for alias");
    Guard g;
    TRY(enter_call(" while traversing 'alias' node"));
    g.entered = true;
    if (!is_instance_of(v, cls(C_alias)))
        return expected("alias", v);
    auto* a = A.make<Alias>();
    a->name = TRY(req_ident(v, "name", "alias"));
    a->asname = TRY(opt_ident(v, "asname", "alias"));
    a->loc = TRY(location(v, "alias"));
    return a;
}

Result<WithItem*> FromPython::withitem(Value v)
{
    if (is_none(v))
        return throw_error(g_ValueError, "field 'context_expr' is required for withitem");
    Guard g;
    TRY(enter_call(" while traversing 'withitem' node"));
    g.entered = true;
    if (!is_instance_of(v, cls(C_withitem)))
        return expected("withitem", v);
    auto* w = A.make<WithItem>();
    w->context_expr = TRY(req_expr(v, "context_expr", "withitem"));
    w->optional_vars = TRY(opt_expr(v, "optional_vars", "withitem", int(ExprContext::Store)));
    return w;
}

Result<MatchCase*> FromPython::match_case(Value v)
{
    if (is_none(v))
        return throw_error(g_ValueError, "field 'pattern' is required for match_case");
    Guard g;
    TRY(enter_call(" while traversing 'match_case' node"));
    g.entered = true;
    if (!is_instance_of(v, cls(C_match_case)))
        return expected("match_case", v);
    auto* c = A.make<MatchCase>();
    Value p = TRY(field(v, "pattern", "match_case", true));
    if (is_none(p))
        return throw_error(g_ValueError, "field 'pattern' is required for match_case");
    c->pattern = TRY(pattern(p, false));
    c->guard = TRY(opt_expr(v, "guard", "match_case"));
    TRY(stmts(v, "body", "match_case", c->body, true));
    return c;
}

Result<Stmt*> FromPython::stmt(Value v)
{
    Guard g;
    TRY(enter_call(" while traversing 'stmt' node"));
    g.entered = true;
    Location loc = TRY(location(v, "stmt"));
    int k = which(v, first_stmt, C_expr - first_stmt);
    if (k < 0)
        return expected("stmt", v);
    const char* name = k_class_names[first_stmt + k];
    auto kind = StmtKind(k);
    Stmt* out = nullptr;
    constexpr int store = int(ExprContext::Store);
    switch (kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef: {
        auto* n = A.make<FunctionDef>(kind == StmtKind::AsyncFunctionDef);
        n->name = TRY(req_ident(v, "name", name));
        Value a = TRY(field(v, "args", name, true));
        if (is_none(a))
            return throw_error(g_ValueError, "field 'args' is required for %s", name);
        n->args = TRY(arguments(a));
        TRY(stmts(v, "body", name, n->body, true));
        TRY(exprs(v, "decorator_list", name, n->decorator_list));
        n->returns = TRY(opt_expr(v, "returns", name));
        n->type_comment = TRY(opt_string(v, "type_comment", name));
        out = n;
        break;
    }
    case StmtKind::ClassDef: {
        auto* n = A.make<ClassDef>();
        n->name = TRY(req_ident(v, "name", name));
        TRY(exprs(v, "bases", name, n->bases));
        TRY(each_item(v, "keywords", name, n->keywords, [&](Value x) { return keyword(x); }));
        TRY(stmts(v, "body", name, n->body, true));
        TRY(exprs(v, "decorator_list", name, n->decorator_list));
        out = n;
        break;
    }
    case StmtKind::Return: {
        auto* n = A.make<Return>();
        n->value = TRY(opt_expr(v, "value", name));
        out = n;
        break;
    }
    case StmtKind::Delete: {
        auto* n = A.make<Delete>();
        TRY(exprs(v, "targets", name, n->targets, int(ExprContext::Del)));
        if (n->targets.empty())
            return throw_error(g_ValueError, "empty targets on Delete");
        out = n;
        break;
    }
    case StmtKind::Assign: {
        auto* n = A.make<Assign>();
        TRY(exprs(v, "targets", name, n->targets, store));
        n->value = TRY(req_expr(v, "value", name));
        n->type_comment = TRY(opt_string(v, "type_comment", name));
        if (n->targets.empty())
            return throw_error(g_ValueError, "empty targets on Assign");
        out = n;
        break;
    }
    case StmtKind::AugAssign: {
        auto* n = A.make<AugAssign>();
        n->target = TRY(req_expr(v, "target", name, store));
        n->op = Operator(TRY(enum_field(v, "op", name, "operator", first_operator, C_unaryop - first_operator)));
        n->value = TRY(req_expr(v, "value", name));
        auto tk = n->target->kind;
        if (tk != ExprKind::Name && tk != ExprKind::Attribute && tk != ExprKind::Subscript)
            return throw_error(g_SyntaxError, "illegal expression for augmented assignment");
        out = n;
        break;
    }
    case StmtKind::AnnAssign: {
        auto* n = A.make<AnnAssign>();
        n->target = TRY(req_expr(v, "target", name, store));
        n->annotation = TRY(req_expr(v, "annotation", name));
        n->value = TRY(opt_expr(v, "value", name));
        n->simple = TRY(req_int(v, "simple", name)) != 0;
        auto tk = n->target->kind;
        if (n->simple && tk != ExprKind::Name)
            return throw_error(g_TypeError, "AnnAssign with simple non-Name target");
        if (tk != ExprKind::Name && tk != ExprKind::Attribute && tk != ExprKind::Subscript)
            return throw_error(g_SyntaxError, "illegal target for annotation");
        out = n;
        break;
    }
    case StmtKind::For:
    case StmtKind::AsyncFor: {
        auto* n = A.make<For>(kind == StmtKind::AsyncFor);
        n->target = TRY(req_expr(v, "target", name, store));
        n->iter = TRY(req_expr(v, "iter", name));
        TRY(stmts(v, "body", name, n->body, true));
        TRY(stmts(v, "orelse", name, n->orelse, false));
        n->type_comment = TRY(opt_string(v, "type_comment", name));
        out = n;
        break;
    }
    case StmtKind::While: {
        auto* n = A.make<While>();
        n->test = TRY(req_expr(v, "test", name));
        TRY(stmts(v, "body", name, n->body, true));
        TRY(stmts(v, "orelse", name, n->orelse, false));
        out = n;
        break;
    }
    case StmtKind::If: {
        auto* n = A.make<If>();
        n->test = TRY(req_expr(v, "test", name));
        TRY(stmts(v, "body", name, n->body, true));
        TRY(stmts(v, "orelse", name, n->orelse, false));
        out = n;
        break;
    }
    case StmtKind::With:
    case StmtKind::AsyncWith: {
        auto* n = A.make<With>(kind == StmtKind::AsyncWith);
        TRY(each_item(v, "items", name, n->items, [&](Value x) { return withitem(x); }));
        if (n->items.empty())
            return throw_error(g_ValueError, "empty items on %s", name);
        TRY(stmts(v, "body", name, n->body, true));
        n->type_comment = TRY(opt_string(v, "type_comment", name));
        out = n;
        break;
    }
    case StmtKind::Match: {
        auto* n = A.make<Match>();
        n->subject = TRY(req_expr(v, "subject", name));
        TRY(each_item(v, "cases", name, n->cases, [&](Value x) { return match_case(x); }));
        if (n->cases.empty())
            return throw_error(g_ValueError, "empty cases on Match");
        out = n;
        break;
    }
    case StmtKind::Raise: {
        auto* n = A.make<Raise>();
        n->exc = TRY(opt_expr(v, "exc", name));
        n->cause = TRY(opt_expr(v, "cause", name));
        if (n->cause && !n->exc)
            return throw_error(g_ValueError, "Raise with cause but no exception");
        out = n;
        break;
    }
    case StmtKind::Try:
    case StmtKind::TryStar: {
        auto* n = A.make<Try>(kind == StmtKind::TryStar);
        TRY(stmts(v, "body", name, n->body, true));
        TRY(each_item(v, "handlers", name, n->handlers, [&](Value x) { return handler(x); }));
        TRY(stmts(v, "orelse", name, n->orelse, false));
        TRY(stmts(v, "finalbody", name, n->finalbody, false));
        if (n->handlers.empty() && n->finalbody.empty())
            return throw_error(g_ValueError, "%s has neither except handlers nor finalbody", name);
        if (n->handlers.empty() && !n->orelse.empty())
            return throw_error(g_ValueError, "%s has orelse but no except handlers", name);
        out = n;
        break;
    }
    case StmtKind::Assert: {
        auto* n = A.make<Assert>();
        n->test = TRY(req_expr(v, "test", name));
        n->msg = TRY(opt_expr(v, "msg", name));
        out = n;
        break;
    }
    case StmtKind::Import: {
        auto* n = A.make<Import>();
        TRY(each_item(v, "names", name, n->names, [&](Value x) { return alias(x); }));
        if (n->names.empty())
            return throw_error(g_ValueError, "empty names on Import");
        out = n;
        break;
    }
    case StmtKind::ImportFrom: {
        auto* n = A.make<ImportFrom>();
        n->module = TRY(opt_ident(v, "module", name));
        TRY(each_item(v, "names", name, n->names, [&](Value x) { return alias(x); }));
        Value level = TRY(field(v, "level", name, false));
        n->level = absent(level) ? 0 : TRY(int_value(level));
        if (n->level < 0)
            return throw_error(g_ValueError, "Negative ImportFrom level");
        if (n->names.empty())
            return throw_error(g_ValueError, "empty names on ImportFrom");
        out = n;
        break;
    }
    case StmtKind::Global:
    case StmtKind::Nonlocal: {
        std::vector<std::string> names;
        TRY(each_item(v, "names", name, names, [&](Value x) -> Result<std::string> {
            auto id = TRY(identifier_value(x));
            if (!id)
                return throw_error(g_ValueError, "None disallowed in names list");
            return *id;
        }));
        if (names.empty())
            return throw_error(g_ValueError, "empty names on %s", name);
        if (kind == StmtKind::Global) {
            auto* n = A.make<Global>();
            n->names = std::move(names);
            out = n;
        } else {
            auto* n = A.make<Nonlocal>();
            n->names = std::move(names);
            out = n;
        }
        break;
    }
    case StmtKind::Expr: {
        auto* n = A.make<ExprStmt>();
        n->value = TRY(req_expr(v, "value", name));
        out = n;
        break;
    }
    case StmtKind::Pass: out = A.make<Pass>(); break;
    case StmtKind::Break: out = A.make<Break>(); break;
    case StmtKind::Continue: out = A.make<Continue>(); break;
    }
    out->loc = loc;
    TRY(check_positions(loc));
    return out;
}

Result<Expr*> FromPython::expr(Value v, int want_ctx)
{
    Guard g;
    TRY(enter_call(" while traversing 'expr' node"));
    g.entered = true;
    Location loc = TRY(location(v, "expr"));
    int k = which(v, first_expr, C_expr_context - first_expr);
    if (k < 0)
        return expected("expr", v);
    const char* name = k_class_names[first_expr + k];
    auto kind = ExprKind(k);
    Expr* out = nullptr;
    int has_ctx = -1; // the node's own context, for the kinds that have one
    auto read_ctx = [&]() -> Result<int> { return enum_field(v, "ctx", name, "expr_context", C_Load, 3); };
    switch (kind) {
    case ExprKind::BoolOp: {
        auto* n = A.make<BoolOp>();
        n->op = TRY(enum_field(v, "op", name, "boolop", C_And, 2)) == 0 ? BoolOpKind::And : BoolOpKind::Or;
        TRY(exprs(v, "values", name, n->values));
        if (n->values.size() < 2)
            return throw_error(g_ValueError, "BoolOp with less than 2 values");
        out = n;
        break;
    }
    case ExprKind::NamedExpr: {
        auto* n = A.make<NamedExpr>();
        // CPython compiles any target here; a Store context is required so
        // that the compiler never sees a target it would load from.
        n->target = TRY(req_expr(v, "target", name, int(ExprContext::Store)));
        n->value = TRY(req_expr(v, "value", name));
        out = n;
        break;
    }
    case ExprKind::BinOp: {
        auto* n = A.make<BinOp>();
        n->left = TRY(req_expr(v, "left", name));
        n->op = Operator(TRY(enum_field(v, "op", name, "operator", first_operator, C_unaryop - first_operator)));
        n->right = TRY(req_expr(v, "right", name));
        out = n;
        break;
    }
    case ExprKind::UnaryOp: {
        auto* n = A.make<UnaryOp>();
        n->op = UnaryOpKind(TRY(enum_field(v, "op", name, "unaryop", first_unaryop, C_cmpop - first_unaryop)));
        n->operand = TRY(req_expr(v, "operand", name));
        out = n;
        break;
    }
    case ExprKind::Lambda: {
        auto* n = A.make<Lambda>();
        Value a = TRY(field(v, "args", name, true));
        if (is_none(a))
            return throw_error(g_ValueError, "field 'args' is required for Lambda");
        n->args = TRY(arguments(a));
        n->body = TRY(req_expr(v, "body", name));
        out = n;
        break;
    }
    case ExprKind::IfExp: {
        auto* n = A.make<IfExp>();
        n->test = TRY(req_expr(v, "test", name));
        n->body = TRY(req_expr(v, "body", name));
        n->orelse = TRY(req_expr(v, "orelse", name));
        out = n;
        break;
    }
    case ExprKind::Dict: {
        auto* n = A.make<ast::Dict>();
        TRY(exprs(v, "keys", name, n->keys, 0, true));
        TRY(exprs(v, "values", name, n->values));
        if (n->keys.size() != n->values.size())
            return throw_error(g_ValueError, "Dict doesn't have the same number of keys as values");
        out = n;
        break;
    }
    case ExprKind::Set: {
        auto* n = A.make<ast::Set>();
        TRY(exprs(v, "elts", name, n->elts));
        out = n;
        break;
    }
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::GeneratorExp:
    case ExprKind::DictComp: {
        Expr* key = nullptr;
        Expr* elt;
        if (kind == ExprKind::DictComp) {
            key = TRY(req_expr(v, "key", name));
            elt = TRY(req_expr(v, "value", name));
        } else {
            elt = TRY(req_expr(v, "elt", name));
        }
        ast::Seq<Comprehension*> gens;
        TRY(each_item(v, "generators", name, gens, [&](Value x) { return comprehension(x); }));
        if (gens.empty())
            return throw_error(g_ValueError, "comprehension with no generators");
        if (kind == ExprKind::ListComp) {
            auto* n = A.make<ListComp>();
            n->elt = elt;
            n->generators = std::move(gens);
            out = n;
        } else if (kind == ExprKind::SetComp) {
            auto* n = A.make<SetComp>();
            n->elt = elt;
            n->generators = std::move(gens);
            out = n;
        } else if (kind == ExprKind::GeneratorExp) {
            auto* n = A.make<GeneratorExp>();
            n->elt = elt;
            n->generators = std::move(gens);
            out = n;
        } else {
            auto* n = A.make<DictComp>();
            n->key = key;
            n->value = elt;
            n->generators = std::move(gens);
            out = n;
        }
        break;
    }
    case ExprKind::Await: {
        auto* n = A.make<Await>();
        n->value = TRY(req_expr(v, "value", name));
        out = n;
        break;
    }
    case ExprKind::Yield: {
        auto* n = A.make<Yield>();
        n->value = TRY(opt_expr(v, "value", name));
        out = n;
        break;
    }
    case ExprKind::YieldFrom: {
        auto* n = A.make<YieldFrom>();
        n->value = TRY(req_expr(v, "value", name));
        out = n;
        break;
    }
    case ExprKind::Compare: {
        auto* n = A.make<Compare>();
        n->left = TRY(req_expr(v, "left", name));
        TRY(each_item(v, "ops", name, n->ops, [&](Value x) -> Result<CmpOp> {
            int c = which(x, first_cmpop, C_comprehension - first_cmpop);
            if (c < 0)
                return expected("cmpop", x);
            return CmpOp(c);
        }));
        TRY(exprs(v, "comparators", name, n->comparators));
        if (n->comparators.empty())
            return throw_error(g_ValueError, "Compare with no comparators");
        if (n->comparators.size() != n->ops.size())
            return throw_error(g_ValueError, "Compare has a different number of comparators and operands");
        out = n;
        break;
    }
    case ExprKind::Call: {
        auto* n = A.make<Call>();
        n->func = TRY(req_expr(v, "func", name));
        TRY(exprs(v, "args", name, n->args));
        TRY(each_item(v, "keywords", name, n->keywords, [&](Value x) { return keyword(x); }));
        out = n;
        break;
    }
    case ExprKind::FormattedValue: {
        auto* n = A.make<FormattedValue>();
        n->value = TRY(req_expr(v, "value", name));
        n->conversion = TRY(req_int(v, "conversion", name));
        n->format_spec = TRY(opt_expr(v, "format_spec", name));
        if (n->conversion != -1 && n->conversion != 's' && n->conversion != 'r' && n->conversion != 'a')
            return throw_error(g_SystemError, "Unrecognized conversion character %d", n->conversion);
        out = n;
        break;
    }
    case ExprKind::JoinedStr: {
        auto* n = A.make<JoinedStr>();
        TRY(exprs(v, "values", name, n->values));
        out = n;
        break;
    }
    case ExprKind::Constant: {
        Value value = TRY(field(v, "value", name, true));
        TRY(validate_constant(value));
        TRY(opt_string(v, "kind", name));
        out = TRY(constant(value, loc));
        break;
    }
    case ExprKind::Attribute: {
        auto* n = A.make<Attribute>();
        n->value = TRY(req_expr(v, "value", name));
        n->attr = TRY(req_ident(v, "attr", name));
        has_ctx = TRY(read_ctx());
        n->ctx = ExprContext(has_ctx);
        out = n;
        break;
    }
    case ExprKind::Subscript: {
        auto* n = A.make<Subscript>();
        n->value = TRY(req_expr(v, "value", name));
        n->slice = TRY(req_expr(v, "slice", name));
        has_ctx = TRY(read_ctx());
        n->ctx = ExprContext(has_ctx);
        out = n;
        break;
    }
    case ExprKind::Starred: {
        auto* n = A.make<Starred>();
        n->value = TRY(req_expr(v, "value", name, want_ctx));
        has_ctx = TRY(read_ctx());
        n->ctx = ExprContext(has_ctx);
        out = n;
        break;
    }
    case ExprKind::Name: {
        auto* n = A.make<Name>();
        n->id = TRY(req_ident(v, "id", name));
        has_ctx = TRY(read_ctx());
        n->ctx = ExprContext(has_ctx);
        if (n->id == "None" || n->id == "True" || n->id == "False")
            return throw_error(g_ValueError, "identifier field can't represent '%s' constant", n->id.c_str());
        out = n;
        break;
    }
    case ExprKind::List:
    case ExprKind::Tuple: {
        ast::Seq<Expr*> elts;
        TRY(exprs(v, "elts", name, elts, want_ctx));
        has_ctx = TRY(read_ctx());
        if (kind == ExprKind::List) {
            auto* n = A.make<ast::List>();
            n->elts = std::move(elts);
            n->ctx = ExprContext(has_ctx);
            out = n;
        } else {
            auto* n = A.make<ast::Tuple>();
            n->elts = std::move(elts);
            n->ctx = ExprContext(has_ctx);
            out = n;
        }
        break;
    }
    case ExprKind::Slice: {
        auto* n = A.make<Slice>();
        n->lower = TRY(opt_expr(v, "lower", name));
        n->upper = TRY(opt_expr(v, "upper", name));
        n->step = TRY(opt_expr(v, "step", name));
        out = n;
        break;
    }
    }
    if (has_ctx >= 0 && has_ctx != want_ctx)
        return throw_error(g_ValueError, "expression must have %s context but has %s instead", ctx_name(want_ctx),
                           ctx_name(has_ctx));
    if (has_ctx < 0 && want_ctx != 0)
        return throw_error(g_ValueError, "expression which can't be assigned to in %s context", ctx_name(want_ctx));
    out->loc = loc;
    TRY(check_positions(loc));
    return out;
}

Result<Pattern*> FromPython::pattern(Value v, bool star_ok)
{
    Guard g;
    TRY(enter_call(" while traversing 'pattern' node"));
    g.entered = true;
    Location loc = TRY(location(v, "pattern", true));
    int k = which(v, first_pattern, C_type_ignore - first_pattern);
    if (k < 0)
        return expected("pattern", v);
    const char* name = k_class_names[first_pattern + k];
    auto kind = PatternKind(k);
    Pattern* out = nullptr;
    switch (kind) {
    case PatternKind::MatchValue: {
        auto* n = A.make<MatchValue>();
        n->value = TRY(req_expr(v, "value", name));
        auto vk = n->value->kind;
        if (vk != ExprKind::Constant && vk != ExprKind::Attribute && vk != ExprKind::UnaryOp && vk != ExprKind::BinOp
            && vk != ExprKind::JoinedStr)
            return throw_error(g_ValueError, "patterns may only match literals and attribute lookups");
        out = n;
        break;
    }
    case PatternKind::MatchSingleton: {
        auto* n = A.make<MatchSingleton>();
        Value x = TRY(field(v, "value", name, true));
        if (is_none(x))
            n->value.kind = ConstantValue::Kind::None;
        else if (x.is(py_bool(true)))
            n->value.kind = ConstantValue::Kind::True;
        else if (x.is(py_bool(false)))
            n->value.kind = ConstantValue::Kind::False;
        else
            return throw_error(g_ValueError, "MatchSingleton can only contain True, False and None");
        out = n;
        break;
    }
    case PatternKind::MatchSequence: {
        auto* n = A.make<MatchSequence>();
        TRY(patterns(v, "patterns", name, n->patterns, true));
        out = n;
        break;
    }
    case PatternKind::MatchMapping: {
        auto* n = A.make<MatchMapping>();
        TRY(exprs(v, "keys", name, n->keys));
        TRY(patterns(v, "patterns", name, n->patterns, false));
        n->rest = TRY(opt_ident(v, "rest", name));
        TRY(check_capture(n->rest));
        if (n->keys.size() != n->patterns.size())
            return throw_error(g_ValueError, "MatchMapping doesn't have the same number of keys as patterns");
        for (Expr* key : n->keys)
            if (key->kind != ExprKind::Constant && key->kind != ExprKind::Attribute && key->kind != ExprKind::UnaryOp
                && key->kind != ExprKind::BinOp && key->kind != ExprKind::JoinedStr)
                return throw_error(g_ValueError, "patterns may only match literals and attribute lookups");
        out = n;
        break;
    }
    case PatternKind::MatchClass: {
        auto* n = A.make<MatchClass>();
        n->cls = TRY(req_expr(v, "cls", name));
        TRY(patterns(v, "patterns", name, n->patterns, false));
        TRY(each_item(v, "kwd_attrs", name, n->kwd_attrs, [&](Value x) -> Result<std::string> {
            auto id = TRY(identifier_value(x));
            if (!id)
                return throw_error(g_ValueError, "None disallowed in kwd_attrs");
            return *id;
        }));
        TRY(patterns(v, "kwd_patterns", name, n->kwd_patterns, false));
        for (Expr* c = n->cls; c->kind != ExprKind::Name;) {
            if (c->kind != ExprKind::Attribute)
                return throw_error(g_ValueError, "MatchClass cls field can only contain Name or Attribute nodes.");
            c = static_cast<Attribute*>(c)->value;
        }
        if (n->kwd_attrs.size() != n->kwd_patterns.size())
            return throw_error(g_ValueError, "MatchClass doesn't have the same number of keyword attributes as patterns");
        out = n;
        break;
    }
    case PatternKind::MatchStar: {
        if (!star_ok)
            return throw_error(g_ValueError, "can't use MatchStar here");
        auto* n = A.make<MatchStar>();
        n->name = TRY(opt_ident(v, "name", name));
        TRY(check_capture(n->name));
        out = n;
        break;
    }
    case PatternKind::MatchAs: {
        auto* n = A.make<MatchAs>();
        Value p = TRY(field(v, "pattern", name, false));
        n->pattern = absent(p) ? nullptr : TRY(pattern(p, false));
        n->name = TRY(opt_ident(v, "name", name));
        TRY(check_capture(n->name));
        if (n->pattern && !n->name)
            return throw_error(g_ValueError, "MatchAs must specify a target name if a pattern is given");
        out = n;
        break;
    }
    case PatternKind::MatchOr: {
        auto* n = A.make<MatchOr>();
        TRY(patterns(v, "patterns", name, n->patterns, false));
        if (n->patterns.size() < 2)
            return throw_error(g_ValueError, "MatchOr requires at least 2 patterns");
        out = n;
        break;
    }
    }
    out->loc = loc;
    TRY(check_positions(loc));
    return out;
}

} // namespace

Result<Converted> from_python(Value tree, parser::Mode mode)
{
    TRY(ensure_classes());
    Converted c;
    c.arena = std::make_unique<Arena>();
    FromPython f(*c.arena);
    c.mod = TRY(f.mod(tree, mode));
    return c;
}

Result<Value> parse_to_python(Value source, std::string_view filename, parser::Mode mode)
{
    std::string text;
    parser::ParseOptions po;
    po.mode = mode;
    if (is_str(source)) {
        text = as_str(source)->data();
        po.source_is_text = true;
    } else {
        std::string_view b;
        if (!bytes_like_view(source, b))
            return throw_error(g_TypeError, "compile() arg 1 must be a string, bytes or AST object");
        text = std::string(b);
    }
    if (text.find('\0') != std::string::npos)
        return throw_error(g_ValueError, "source code string cannot contain null bytes");
    TRY(ensure_classes());
    parser::ParseResult parsed = parser::parse(text, filename, po);
    if (parsed.error || !parsed.mod) {
        parser::SyntaxErrorInfo info;
        if (parsed.error)
            info = *parsed.error;
        else
            info.msg = "invalid syntax";
        set_pending(make_syntax_error(info));
        return pending;
    }
    ToPython t;
    return t.mod(parsed.mod);
}

} // namespace adder::astconv
