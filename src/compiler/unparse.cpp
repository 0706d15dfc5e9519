// Precedence-driven unparsing (ast_unparse.c's append_ast_expr and friends).
// Parenthesizes only where the precedence of the context requires it.
#include "compiler/unparse.h"

#include "bytecode/disassemble.h"
#include "compiler/constfold.h"

#include <cmath>

namespace adder::compiler {

using namespace ast;

namespace {

enum Prec {
    PR_TUPLE,
    PR_TEST,
    PR_OR,
    PR_AND,
    PR_NOT,
    PR_CMP,
    PR_EXPR,
    PR_BOR = PR_EXPR,
    PR_BXOR,
    PR_BAND,
    PR_SHIFT,
    PR_ARITH,
    PR_TERM,
    PR_FACTOR,
    PR_POWER,
    PR_AWAIT,
    PR_ATOM,
};

class Unparser {
public:
    std::string out;

    void expr(const Expr* e, int level);

private:
    void constant(const ConstantValue& v);
    void fstring_body(const ast::Seq<Expr*>& values, std::string& body);
    void formatted(const FormattedValue* f, std::string& body);
    void args(const Arguments* a);
    void comprehensions(const ast::Seq<Comprehension*>& gens);
    void seq(const ast::Seq<Expr*>& es, const char* sep = ", ")
    {
        for (size_t i = 0; i < es.size(); ++i) {
            if (i)
                out += sep;
            expr(es[i], PR_TEST);
        }
    }
};

void Unparser::constant(const ConstantValue& v)
{
    if (v.kind == ConstantValue::Kind::Ellipsis) {
        out += "...";
        return;
    }
    bytecode::Constant c = constant_from_ast(v);
    if (c.kind == bytecode::Constant::Kind::Float && std::isinf(c.real)) {
        out += "1e309";
        return;
    }
    if (c.kind == bytecode::Constant::Kind::Complex && std::isinf(c.imag)) {
        out += "1e309j";
        return;
    }
    out += bytecode::constant_repr(c);
}

void Unparser::formatted(const FormattedValue* f, std::string& body)
{
    Unparser inner;
    inner.expr(f->value, PR_TEST + 1);
    std::string text = inner.out;
    body += text.size() && text[0] == '{' ? "{ " : "{";
    body += text;
    if (f->conversion > 0) {
        body += "!";
        body += static_cast<char>(f->conversion);
    }
    if (f->format_spec) {
        body += ":";
        if (f->format_spec->kind == ExprKind::JoinedStr)
            fstring_body(static_cast<const JoinedStr*>(f->format_spec)->values, body);
        else if (f->format_spec->kind == ExprKind::Constant)
            body += static_cast<const ast::Constant*>(f->format_spec)->value.text;
    }
    body += "}";
}

void Unparser::fstring_body(const ast::Seq<Expr*>& values, std::string& body)
{
    for (const Expr* v : values) {
        if (v->kind == ExprKind::Constant) {
            // Literal braces are doubled inside an f-string.
            for (char ch : static_cast<const ast::Constant*>(v)->value.text) {
                body += ch;
                if (ch == '{' || ch == '}')
                    body += ch;
            }
        } else if (v->kind == ExprKind::FormattedValue) {
            formatted(static_cast<const FormattedValue*>(v), body);
        }
    }
}

void Unparser::args(const Arguments* a)
{
    bool first = true;
    auto sep = [&] {
        if (!first)
            out += ", ";
        first = false;
    };
    size_t npos = a->posonlyargs.size() + a->args.size();
    size_t ndefaults = a->defaults.size();
    for (size_t i = 0; i < npos; ++i) {
        sep();
        const Arg* arg = i < a->posonlyargs.size() ? a->posonlyargs[i] : a->args[i - a->posonlyargs.size()];
        out += arg->arg;
        if (i + ndefaults >= npos) {
            out += "=";
            expr(a->defaults[i + ndefaults - npos], PR_TEST);
        }
        if (!a->posonlyargs.empty() && i + 1 == a->posonlyargs.size()) {
            out += ", /";
        }
    }
    if (a->vararg || !a->kwonlyargs.empty()) {
        sep();
        out += "*";
        if (a->vararg)
            out += a->vararg->arg;
    }
    for (size_t i = 0; i < a->kwonlyargs.size(); ++i) {
        sep();
        out += a->kwonlyargs[i]->arg;
        if (i < a->kw_defaults.size() && a->kw_defaults[i]) {
            out += "=";
            expr(a->kw_defaults[i], PR_TEST);
        }
    }
    if (a->kwarg) {
        sep();
        out += "**" + a->kwarg->arg;
    }
}

void Unparser::comprehensions(const ast::Seq<Comprehension*>& gens)
{
    for (const Comprehension* g : gens) {
        out += g->is_async ? " async for " : " for ";
        expr(g->target, PR_TUPLE);
        out += " in ";
        expr(g->iter, PR_TEST + 1);
        for (const Expr* cond : g->ifs) {
            out += " if ";
            expr(cond, PR_TEST + 1);
        }
    }
}

const char* binop_text(Operator op)
{
    switch (op) {
    case Operator::Add: return " + ";
    case Operator::Sub: return " - ";
    case Operator::Mult: return " * ";
    case Operator::MatMult: return " @ ";
    case Operator::Div: return " / ";
    case Operator::Mod: return " % ";
    case Operator::LShift: return " << ";
    case Operator::RShift: return " >> ";
    case Operator::BitOr: return " | ";
    case Operator::BitXor: return " ^ ";
    case Operator::BitAnd: return " & ";
    case Operator::FloorDiv: return " // ";
    case Operator::Pow: return " ** ";
    }
    return " ? ";
}

int binop_prec(Operator op)
{
    switch (op) {
    case Operator::Add:
    case Operator::Sub: return PR_ARITH;
    case Operator::Mult:
    case Operator::MatMult:
    case Operator::Div:
    case Operator::Mod:
    case Operator::FloorDiv: return PR_TERM;
    case Operator::LShift:
    case Operator::RShift: return PR_SHIFT;
    case Operator::BitOr: return PR_BOR;
    case Operator::BitXor: return PR_BXOR;
    case Operator::BitAnd: return PR_BAND;
    case Operator::Pow: return PR_POWER;
    }
    return PR_ATOM;
}

const char* cmp_text(CmpOp op)
{
    switch (op) {
    case CmpOp::Eq: return " == ";
    case CmpOp::NotEq: return " != ";
    case CmpOp::Lt: return " < ";
    case CmpOp::LtE: return " <= ";
    case CmpOp::Gt: return " > ";
    case CmpOp::GtE: return " >= ";
    case CmpOp::Is: return " is ";
    case CmpOp::IsNot: return " is not ";
    case CmpOp::In: return " in ";
    case CmpOp::NotIn: return " not in ";
    }
    return " ? ";
}

void Unparser::expr(const Expr* e, int level)
{
    switch (e->kind) {
    case ExprKind::BoolOp: {
        auto* b = static_cast<const BoolOp*>(e);
        int pr = b->op == BoolOpKind::And ? PR_AND : PR_OR;
        if (level > pr)
            out += "(";
        for (size_t i = 0; i < b->values.size(); ++i) {
            if (i)
                out += b->op == BoolOpKind::And ? " and " : " or ";
            expr(b->values[i], pr + 1);
        }
        if (level > pr)
            out += ")";
        break;
    }
    case ExprKind::BinOp: {
        auto* b = static_cast<const BinOp*>(e);
        int pr = binop_prec(b->op);
        bool rassoc = b->op == Operator::Pow;
        if (level > pr)
            out += "(";
        expr(b->left, pr + (rassoc ? 1 : 0));
        out += binop_text(b->op);
        expr(b->right, pr + (rassoc ? 0 : 1));
        if (level > pr)
            out += ")";
        break;
    }
    case ExprKind::UnaryOp: {
        auto* un = static_cast<const UnaryOp*>(e);
        int pr = un->op == UnaryOpKind::Not ? PR_NOT : PR_FACTOR;
        if (level > pr)
            out += "(";
        out += un->op == UnaryOpKind::Not ? "not " : un->op == UnaryOpKind::Invert ? "~" : un->op == UnaryOpKind::UAdd ? "+" : "-";
        expr(un->operand, pr);
        if (level > pr)
            out += ")";
        break;
    }
    case ExprKind::Lambda: {
        auto* l = static_cast<const Lambda*>(e);
        if (level > PR_TEST)
            out += "(";
        bool has_args = !l->args->args.empty() || !l->args->posonlyargs.empty() || l->args->vararg || !l->args->kwonlyargs.empty() || l->args->kwarg;
        out += has_args ? "lambda " : "lambda";
        args(l->args);
        out += ": ";
        expr(l->body, PR_TEST);
        if (level > PR_TEST)
            out += ")";
        break;
    }
    case ExprKind::IfExp: {
        auto* ie = static_cast<const IfExp*>(e);
        if (level > PR_TEST)
            out += "(";
        expr(ie->body, PR_TEST + 1);
        out += " if ";
        expr(ie->test, PR_TEST + 1);
        out += " else ";
        expr(ie->orelse, PR_TEST);
        if (level > PR_TEST)
            out += ")";
        break;
    }
    case ExprKind::Dict: {
        auto* d = static_cast<const Dict*>(e);
        out += "{";
        for (size_t i = 0; i < d->values.size(); ++i) {
            if (i)
                out += ", ";
            if (d->keys[i]) {
                expr(d->keys[i], PR_TEST);
                out += ": ";
                expr(d->values[i], PR_TEST);
            } else {
                out += "**";
                expr(d->values[i], PR_EXPR);
            }
        }
        out += "}";
        break;
    }
    case ExprKind::Set: {
        auto* s = static_cast<const Set*>(e);
        if (s->elts.empty()) {
            out += "{*()}";
            break;
        }
        out += "{";
        seq(s->elts);
        out += "}";
        break;
    }
    case ExprKind::ListComp: {
        auto* c = static_cast<const ListComp*>(e);
        out += "[";
        expr(c->elt, PR_TEST);
        comprehensions(c->generators);
        out += "]";
        break;
    }
    case ExprKind::SetComp: {
        auto* c = static_cast<const SetComp*>(e);
        out += "{";
        expr(c->elt, PR_TEST);
        comprehensions(c->generators);
        out += "}";
        break;
    }
    case ExprKind::DictComp: {
        auto* c = static_cast<const DictComp*>(e);
        out += "{";
        expr(c->key, PR_TEST);
        out += ": ";
        expr(c->value, PR_TEST);
        comprehensions(c->generators);
        out += "}";
        break;
    }
    case ExprKind::GeneratorExp: {
        auto* c = static_cast<const GeneratorExp*>(e);
        out += "(";
        expr(c->elt, PR_TEST);
        comprehensions(c->generators);
        out += ")";
        break;
    }
    case ExprKind::Await: {
        if (level > PR_AWAIT)
            out += "(";
        out += "await ";
        expr(static_cast<const Await*>(e)->value, PR_ATOM);
        if (level > PR_AWAIT)
            out += ")";
        break;
    }
    case ExprKind::Yield: {
        auto* y = static_cast<const Yield*>(e);
        out += "(yield";
        if (y->value) {
            out += " ";
            expr(y->value, PR_TEST);
        }
        out += ")";
        break;
    }
    case ExprKind::YieldFrom:
        out += "(yield from ";
        expr(static_cast<const YieldFrom*>(e)->value, PR_TEST);
        out += ")";
        break;
    case ExprKind::Compare: {
        auto* c = static_cast<const Compare*>(e);
        if (level > PR_CMP)
            out += "(";
        expr(c->left, PR_CMP + 1);
        for (size_t i = 0; i < c->ops.size(); ++i) {
            out += cmp_text(c->ops[i]);
            expr(c->comparators[i], PR_CMP + 1);
        }
        if (level > PR_CMP)
            out += ")";
        break;
    }
    case ExprKind::Call: {
        auto* c = static_cast<const Call*>(e);
        expr(c->func, PR_ATOM);
        if (c->args.size() == 1 && c->keywords.empty() && c->args[0]->kind == ExprKind::GeneratorExp) {
            expr(c->args[0], PR_TEST);
            break;
        }
        out += "(";
        bool first = true;
        for (const Expr* a : c->args) {
            if (!first)
                out += ", ";
            first = false;
            expr(a, PR_TEST);
        }
        for (const Keyword* k : c->keywords) {
            if (!first)
                out += ", ";
            first = false;
            if (k->arg) {
                out += *k->arg + "=";
                expr(k->value, PR_TEST);
            } else {
                out += "**";
                expr(k->value, PR_EXPR);
            }
        }
        out += ")";
        break;
    }
    case ExprKind::FormattedValue: {
        std::string body;
        formatted(static_cast<const FormattedValue*>(e), body);
        bytecode::Constant c;
        c.kind = bytecode::Constant::Kind::Str;
        c.text = body;
        out += "f" + bytecode::constant_repr(c);
        break;
    }
    case ExprKind::JoinedStr: {
        std::string body;
        fstring_body(static_cast<const JoinedStr*>(e)->values, body);
        bytecode::Constant c;
        c.kind = bytecode::Constant::Kind::Str;
        c.text = body;
        out += "f" + bytecode::constant_repr(c);
        break;
    }
    case ExprKind::Constant: {
        auto* c = static_cast<const ast::Constant*>(e);
        if (c->kind == "u")
            out += "u";
        constant(c->value);
        break;
    }
    case ExprKind::Attribute: {
        auto* a = static_cast<const Attribute*>(e);
        expr(a->value, PR_ATOM);
        // `1 .real` needs the space so the dot is not read as a decimal point.
        if (a->value->kind == ExprKind::Constant && static_cast<const ast::Constant*>(a->value)->value.kind == ConstantValue::Kind::Int)
            out += " ";
        out += "." + a->attr;
        break;
    }
    case ExprKind::Subscript: {
        auto* s = static_cast<const Subscript*>(e);
        expr(s->value, PR_ATOM);
        out += "[";
        if (s->slice->kind == ExprKind::Tuple && !static_cast<const Tuple*>(s->slice)->elts.empty()) {
            auto* t = static_cast<const Tuple*>(s->slice);
            for (size_t i = 0; i < t->elts.size(); ++i) {
                if (i)
                    out += ", ";
                expr(t->elts[i], PR_TEST);
            }
            if (t->elts.size() == 1)
                out += ",";
        } else {
            expr(s->slice, PR_TUPLE);
        }
        out += "]";
        break;
    }
    case ExprKind::Starred:
        out += "*";
        expr(static_cast<const Starred*>(e)->value, PR_EXPR);
        break;
    case ExprKind::Name: out += static_cast<const Name*>(e)->id; break;
    case ExprKind::List:
        out += "[";
        seq(static_cast<const List*>(e)->elts);
        out += "]";
        break;
    case ExprKind::Tuple: {
        auto* t = static_cast<const Tuple*>(e);
        if (t->elts.empty()) {
            out += "()";
            break;
        }
        if (level > PR_TUPLE)
            out += "(";
        seq(t->elts);
        if (t->elts.size() == 1)
            out += ",";
        if (level > PR_TUPLE)
            out += ")";
        break;
    }
    case ExprKind::Slice: {
        auto* s = static_cast<const Slice*>(e);
        if (s->lower)
            expr(s->lower, PR_TEST);
        out += ":";
        if (s->upper)
            expr(s->upper, PR_TEST);
        if (s->step) {
            out += ":";
            expr(s->step, PR_TEST);
        }
        break;
    }
    case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        if (level > PR_TUPLE)
            out += "(";
        expr(n->target, PR_ATOM);
        out += " := ";
        expr(n->value, PR_ATOM);
        if (level > PR_TUPLE)
            out += ")";
        break;
    }
    }
}

} // namespace

std::string unparse_annotation(const Expr* e)
{
    Unparser u;
    u.expr(e, PR_TEST);
    return u.out;
}

} // namespace adder::compiler
