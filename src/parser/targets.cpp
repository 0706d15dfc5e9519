// Assignment and deletion targets: the parser reads a target as an ordinary
// expression, then checks it can be one (CPython's _PyPegen_get_invalid_target)
// and switches its context to Store or Del. expr_name() gives the wording of
// "cannot assign to %s" (CPython's _PyPegen_get_expr_name).
#include "parser/parser_impl.h"

namespace adder::parser {

using namespace ast;

const char* Parser::expr_name(const Expr* e)
{
    switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant: {
        switch (static_cast<const Constant*>(e)->value.kind) {
        case ConstantValue::Kind::None: return "None";
        case ConstantValue::Kind::True: return "True";
        case ConstantValue::Kind::False: return "False";
        case ConstantValue::Kind::Ellipsis: return "ellipsis";
        default: return "literal";
        }
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    }
    return "expression";
}

const Expr* Parser::invalid_target(const Expr* e, ExprContext ctx, bool for_targets)
{
    switch (e->kind) {
    case ExprKind::List:
        for (const Expr* x : static_cast<const List*>(e)->elts)
            if (const Expr* bad = invalid_target(x, ctx, for_targets))
                return bad;
        return nullptr;
    case ExprKind::Tuple:
        for (const Expr* x : static_cast<const Tuple*>(e)->elts)
            if (const Expr* bad = invalid_target(x, ctx, for_targets))
                return bad;
        return nullptr;
    case ExprKind::Starred:
        if (ctx == ExprContext::Del)
            return e;
        return invalid_target(static_cast<const Starred*>(e)->value, ctx, for_targets);
    case ExprKind::Compare:
        if (for_targets) {
            auto* c = static_cast<const Compare*>(e);
            if (c->ops[0] == CmpOp::In)
                return invalid_target(c->left, ctx, for_targets);
            return nullptr;
        }
        return e;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute: return nullptr;
    default: return e;
    }
}

bool Parser::set_context(Expr* e, ExprContext ctx)
{
    switch (e->kind) {
    case ExprKind::Name: static_cast<Name*>(e)->ctx = ctx; return true;
    case ExprKind::Attribute: static_cast<Attribute*>(e)->ctx = ctx; return true;
    case ExprKind::Subscript: static_cast<Subscript*>(e)->ctx = ctx; return true;
    case ExprKind::Starred: static_cast<Starred*>(e)->ctx = ctx; return set_context(static_cast<Starred*>(e)->value, ctx);
    case ExprKind::List: {
        auto* l = static_cast<List*>(e);
        l->ctx = ctx;
        for (Expr* x : l->elts)
            if (!set_context(x, ctx))
                return false;
        return true;
    }
    case ExprKind::Tuple: {
        auto* t = static_cast<Tuple*>(e);
        t->ctx = ctx;
        for (Expr* x : t->elts)
            if (!set_context(x, ctx))
                return false;
        return true;
    }
    default: return false;
    }
}

bool Parser::set_store(Expr* e)
{
    if (const Expr* bad = invalid_target(e, ExprContext::Store, false)) {
        fail_node(bad->loc, std::string("cannot assign to ") + expr_name(bad));
        return false;
    }
    return set_context(e, ExprContext::Store);
}

bool Parser::set_del(Expr* e)
{
    if (const Expr* bad = invalid_target(e, ExprContext::Del, false)) {
        fail_node(bad->loc, std::string("cannot delete ") + expr_name(bad));
        return false;
    }
    return set_context(e, ExprContext::Del);
}

} // namespace adder::parser
