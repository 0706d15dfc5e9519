// Expression rules of the 3.11 grammar, from `expressions` down to `atom`,
// plus calls, subscripts/slices, displays, comprehensions, lambdas and the
// shared parameter-list parser. Binary operator levels are written out one
// function per grammar rule: it keeps the positions and the AST shapes
// (left-associative BinOp chains, one BoolOp per run of `or`/`and`, one Compare
// per chain) identical to CPython's without any backtracking.
#include "parser/parser_impl.h"

#include <cerrno>
#include <cstdlib>

namespace adder::parser {

using namespace ast;

namespace {

template<typename T>
T* with_loc(T* n, const Location& loc)
{
    n->loc = loc;
    return n;
}


bool starts_comprehension(TokenKind k0, TokenKind k1)
{
    return k0 == TokenKind::KwFor || (k0 == TokenKind::KwAsync && k1 == TokenKind::KwFor);
}

} // namespace

Expr* Parser::make_tuple(ExprList& elts, const Location& loc)
{
    auto* t = node<Tuple>(loc);
    store(t->elts, elts);
    return t;
}

// expressions: expression (',' expression)+ [','] | expression ',' | expression
Expr* Parser::parse_expressions()
{
    const Token& start = peek();
    Expr* e = parse_expression();
    ADDER_NEED(e);
    if (!at(TokenKind::Comma))
        return e;
    ExprList elts;
    elts.push_back(e);
    while (accept(TokenKind::Comma)) {
        TokenKind k = kind();
        if (k == TokenKind::Newline || k == TokenKind::EndMarker || k == TokenKind::RPar || k == TokenKind::Colon
            || k == TokenKind::Equal || k == TokenKind::Semi)
            break;
        Expr* x = parse_expression();
        ADDER_NEED(x);
        elts.push_back(x);
    }
    return make_tuple(elts, loc_from(start));
}

namespace {

// Tokens that can begin an expression; used to end optional trailing-comma lists.
bool can_start_expression(TokenKind k)
{
    switch (k) {
    case TokenKind::Name:
    case TokenKind::Number:
    case TokenKind::String:
    case TokenKind::LPar:
    case TokenKind::LSqb:
    case TokenKind::LBrace:
    case TokenKind::Minus:
    case TokenKind::Plus:
    case TokenKind::Tilde:
    case TokenKind::Star:
    case TokenKind::Ellipsis:
    case TokenKind::KwNot:
    case TokenKind::KwLambda:
    case TokenKind::KwAwait:
    case TokenKind::KwNone:
    case TokenKind::KwTrue:
    case TokenKind::KwFalse: return true;
    default: return false;
    }
}

} // namespace

// star_expressions:
//     | star_expression (',' star_expression)+ [','] | star_expression ',' | star_expression
Expr* Parser::parse_star_expressions()
{
    const Token& start = peek();
    Expr* e = parse_star_expression();
    ADDER_NEED(e);
    if (!at(TokenKind::Comma))
        return e;
    ExprList elts;
    elts.push_back(e);
    while (accept(TokenKind::Comma)) {
        if (!can_start_expression(kind()))
            break;
        Expr* x = parse_star_expression();
        ADDER_NEED(x);
        elts.push_back(x);
    }
    return make_tuple(elts, loc_from(start));
}

// star_expression: '*' bitwise_or | expression
Expr* Parser::parse_star_expression()
{
    if (at(TokenKind::Star)) {
        const Token& t = advance();
        Expr* v = parse_bitwise_or();
        ADDER_NEED(v);
        auto* s = node<Starred>(loc_from(t));
        s->value = v;
        return s;
    }
    return parse_expression();
}

// star_named_expression: '*' bitwise_or | named_expression
Expr* Parser::parse_star_named_expression()
{
    if (at(TokenKind::Star))
        return parse_star_expression();
    return parse_named_expression();
}

// named_expression: assignment_expression | expression !':='
// assignment_expression: NAME ':=' ~ expression
Expr* Parser::parse_named_expression(bool check_assignment)
{
    if (at(TokenKind::Name) && kind(1) == TokenKind::ColonEqual) {
        const Token& n = advance();
        auto* target = node<Name>(loc_from(n));
        advance();
        target->id = identifier(n);
        target->ctx = ExprContext::Store;
        Expr* v = parse_expression();
        ADDER_NEED(v);
        auto* ne = node<NamedExpr>(loc_from(n));
        ne->target = target;
        ne->value = v;
        return ne;
    }
    const Token& start = peek();
    Expr* e = parse_expression();
    ADDER_NEED(e);
    if (at(TokenKind::ColonEqual))
        return fail_node(e->loc, std::string("cannot use assignment expressions with ") + expr_name(e));
    if (check_assignment && at(TokenKind::Equal))
        return check_assignment_in_expression(start, e);
    return e;
}

// invalid_named_expression:
//     | a=NAME '=' b=bitwise_or !('='|':=') -> "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
//     | !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
//         -> "cannot assign to %s here. Maybe you meant '==' instead of '='?"
// `e` (starting at `start`) is followed by '='; returns `e` when no rule applies
// (the caller then fails on the '=' as usual).
Expr* Parser::check_assignment_in_expression(const Token& start, Expr* e)
{
    bool parenthesized = start.kind == TokenKind::LPar && (e->loc.lineno != start.lineno || e->loc.col_offset != start.col);
    bool is_name = e->kind == ExprKind::Name && !parenthesized;
    bool excluded = (e->kind == ExprKind::List || e->kind == ExprKind::Tuple || e->kind == ExprKind::GeneratorExp)
        || (!parenthesized && (start.kind == TokenKind::KwTrue || start.kind == TokenKind::KwFalse || start.kind == TokenKind::KwNone));
    if (!is_name && (excluded || !(parenthesized || is_bitwise_or_level(e))))
        return e;
    Mark m = mark();
    advance(); // '='
    Expr* b = parse_bitwise_or();
    bool applies = b && !at(TokenKind::Equal) && !at(TokenKind::ColonEqual);
    if (m_fatal)
        return nullptr;
    if (!applies) {
        reset(m);
        return e;
    }
    if (is_name) {
        return fail_range(e->loc.lineno, e->loc.col_offset, b->loc.end_lineno, b->loc.end_col_offset,
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    return fail_node(e->loc, std::string("cannot assign to ") + expr_name(e) + " here. Maybe you meant '==' instead of '='?");
}

namespace {

// A token that starts an atom with no parts (NAME, NUMBER, True, False, None, ...).
bool is_plain_atom(TokenKind k)
{
    return k == TokenKind::Name || k == TokenKind::Number || k == TokenKind::KwTrue || k == TokenKind::KwFalse
        || k == TokenKind::KwNone || k == TokenKind::Ellipsis;
}

// A token after which no rule between `expression` and `atom` continues
// (no trailer, operator, comparison, and/or, or conditional).
bool ends_operand(TokenKind k)
{
    switch (k) {
    case TokenKind::Comma:
    case TokenKind::RPar:
    case TokenKind::RSqb:
    case TokenKind::RBrace:
    case TokenKind::Colon:
    case TokenKind::Newline:
    case TokenKind::Equal:
    case TokenKind::Semi:
    case TokenKind::KwFor:
    case TokenKind::KwElse:
    case TokenKind::KwAs:
    case TokenKind::KwFrom:
    case TokenKind::PlusEqual:
    case TokenKind::MinEqual:
    case TokenKind::StarEqual:
    case TokenKind::SlashEqual:
    case TokenKind::PercentEqual:
    case TokenKind::AmperEqual:
    case TokenKind::VBarEqual:
    case TokenKind::CircumflexEqual:
    case TokenKind::LeftShiftEqual:
    case TokenKind::RightShiftEqual:
    case TokenKind::DoubleStarEqual:
    case TokenKind::DoubleSlashEqual:
    case TokenKind::AtEqual: return true;
    default: return false;
    }
}

} // namespace

// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
Expr* Parser::parse_expression()
{
    ADDER_DEPTH_GUARD();
    // Fast path for the commonest expression, a lone name or constant: the
    // chain disjunction -> ... -> primary -> atom would only pass it up. It is
    // taken only where that chain's depth guards (inversion, factor,
    // await_primary) could not fail, so the outcome is the same.
    if (is_plain_atom(kind()) && m_depth + 3 <= max_parse_depth) {
        TokenKind next = kind(1);
        if (ends_operand(next)) {
            Expr* e = parse_atom();
            peek(); // the chain looks at the next token too (see m_furthest)
            return e;
        }
        // A name with trailers (`a.b`, `f(x)`, `d[k]`): parse the primary
        // here, at the depth the chain would (its three guards), and skip
        // the chain when nothing follows; else hand it to the chain, whose
        // levels then start from it (see m_primed).
        if (kind() == TokenKind::Name && (next == TokenKind::Dot || next == TokenKind::LPar || next == TokenKind::LSqb)) {
            const Token& first = peek();
            m_depth += 3;
            Expr* p = parse_primary();
            m_depth -= 3;
            ADDER_NEED(p);
            if (ends_operand(kind()))
                return p;
            m_primed = p;
            m_primed_start = &first;
        }
    }
    const Token& start = start_token();
    if (!m_primed && at(TokenKind::KwLambda))
        return parse_lambda();
    Expr* body = parse_disjunction();
    ADDER_NEED(body);
    if (!at(TokenKind::KwIf))
        return body;
    advance();
    Expr* test = parse_disjunction();
    ADDER_NEED(test);
    if (!accept(TokenKind::KwElse)) {
        if (m_fatal || at(TokenKind::ErrorToken) || at(TokenKind::Colon))
            return fail_invalid_syntax();
        return fail_range(body->loc.lineno, body->loc.col_offset, test->loc.end_lineno, test->loc.end_col_offset,
            "expected 'else' after 'if' expression");
    }
    Expr* orelse = parse_expression();
    ADDER_NEED(orelse);
    auto* e = node<IfExp>(loc_from(start));
    e->test = test;
    e->body = body;
    e->orelse = orelse;
    return e;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
Expr* Parser::parse_yield_expr()
{
    const Token& t = advance();
    if (accept(TokenKind::KwFrom)) {
        Expr* v = parse_expression();
        ADDER_NEED(v);
        auto* y = node<YieldFrom>(loc_from(t));
        y->value = v;
        return y;
    }
    auto* y = m_arena.make<Yield>();
    if (can_start_expression(kind())) {
        y->value = parse_star_expressions();
        ADDER_NEED(y->value);
    }
    y->loc = loc_from(t);
    return y;
}

// disjunction: conjunction ('or' conjunction)+ | conjunction
Expr* Parser::parse_disjunction()
{
    const Token& start = start_token();
    Expr* e = parse_conjunction();
    ADDER_NEED(e);
    if (!at(TokenKind::KwOr))
        return e;
    auto* b = m_arena.make<BoolOp>();
    b->op = BoolOpKind::Or;
    ExprList values;
    values.push_back(e);
    while (accept(TokenKind::KwOr)) {
        Expr* x = parse_conjunction();
        ADDER_NEED(x);
        values.push_back(x);
    }
    store(b->values, values);
    b->loc = loc_from(start);
    return b;
}

// conjunction: inversion ('and' inversion)+ | inversion
Expr* Parser::parse_conjunction()
{
    const Token& start = start_token();
    Expr* e = parse_inversion();
    ADDER_NEED(e);
    if (!at(TokenKind::KwAnd))
        return e;
    auto* b = m_arena.make<BoolOp>();
    b->op = BoolOpKind::And;
    ExprList values;
    values.push_back(e);
    while (accept(TokenKind::KwAnd)) {
        Expr* x = parse_inversion();
        ADDER_NEED(x);
        values.push_back(x);
    }
    store(b->values, values);
    b->loc = loc_from(start);
    return b;
}

// inversion: 'not' inversion | comparison
Expr* Parser::parse_inversion()
{
    ADDER_DEPTH_GUARD();
    if (!m_primed && at(TokenKind::KwNot)) {
        const Token& t = advance();
        Expr* v = parse_inversion();
        ADDER_NEED(v);
        auto* u = node<UnaryOp>(loc_from(t));
        u->op = UnaryOpKind::Not;
        u->operand = v;
        return u;
    }
    return parse_comparison();
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
// compare_op_bitwise_or_pair: eq_bitwise_or | noteq_bitwise_or | ... | is_bitwise_or
Expr* Parser::parse_comparison()
{
    const Token& start = start_token();
    Expr* left = parse_bitwise_or();
    ADDER_NEED(left);
    Compare* c = nullptr;
    SmallVec<CmpOp, 4> ops;
    SmallVec<Expr*, 4> comparators;
    for (;;) {
        CmpOp op;
        switch (kind()) {
        case TokenKind::EqEqual: op = CmpOp::Eq; break;
        case TokenKind::NotEqual: op = CmpOp::NotEq; break;
        case TokenKind::Less: op = CmpOp::Lt; break;
        case TokenKind::LessEqual: op = CmpOp::LtE; break;
        case TokenKind::Greater: op = CmpOp::Gt; break;
        case TokenKind::GreaterEqual: op = CmpOp::GtE; break;
        case TokenKind::KwIn: op = CmpOp::In; break;
        case TokenKind::KwNot:
            if (kind(1) != TokenKind::KwIn)
                goto done;
            advance();
            op = CmpOp::NotIn;
            break;
        case TokenKind::KwIs:
            if (kind(1) == TokenKind::KwNot) {
                advance();
                op = CmpOp::IsNot;
            } else {
                op = CmpOp::Is;
            }
            break;
        default: goto done;
        }
        advance();
        {
            Expr* right = parse_bitwise_or();
            ADDER_NEED(right);
            if (!c) {
                c = m_arena.make<Compare>();
                c->left = left;
            }
            ops.push_back(op);
            comparators.push_back(right);
        }
    }
done:
    if (!c)
        return left;
    store(c->ops, ops);
    store(c->comparators, comparators);
    c->loc = loc_from(start);
    return c;
}

namespace {

Expr* make_binop(Arena& arena, Expr* l, Operator op, Expr* r, const Location& loc)
{
    auto* b = arena.make<BinOp>();
    b->left = l;
    b->op = op;
    b->right = r;
    b->loc = loc;
    return b;
}

} // namespace

namespace {

// The binary operator of token kind `k` and its level in the grammar's chain
// bitwise_or (0) > bitwise_xor (1) > bitwise_and (2) > shift_expr (3) > sum (4)
// > term (5); -1 when `k` is not a binary operator.
int binary_level(TokenKind k, Operator& op)
{
    switch (k) {
    case TokenKind::VBar: op = Operator::BitOr; return 0;
    case TokenKind::Circumflex: op = Operator::BitXor; return 1;
    case TokenKind::Amper: op = Operator::BitAnd; return 2;
    case TokenKind::LeftShift: op = Operator::LShift; return 3;
    case TokenKind::RightShift: op = Operator::RShift; return 3;
    case TokenKind::Plus: op = Operator::Add; return 4;
    case TokenKind::Minus: op = Operator::Sub; return 4;
    case TokenKind::Star: op = Operator::Mult; return 5;
    case TokenKind::Slash: op = Operator::Div; return 5;
    case TokenKind::DoubleSlash: op = Operator::FloorDiv; return 5;
    case TokenKind::Percent: op = Operator::Mod; return 5;
    case TokenKind::At: op = Operator::MatMult; return 5;
    default: return -1;
    }
}

} // namespace

// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
// bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
// bitwise_and: bitwise_and '&' shift_expr | shift_expr
// shift_expr: shift_expr '<<' sum | shift_expr '>>' sum | sum
// sum: sum '+' term | sum '-' term | term
// term: term '*' factor | term '/' factor | term '//' factor | term '%' factor | term '@' factor | factor
// The six left-recursive levels by precedence climbing: one call per operand
// instead of six, with the same left-associative BinOp chains and positions
// (every BinOp spans from its leftmost operand's first token).
Expr* Parser::parse_bitwise_or() { return parse_binary(0); }

Expr* Parser::parse_binary(int min_level)
{
    const Token& start = start_token();
    Expr* e = parse_factor();
    ADDER_NEED(e);
    for (;;) {
        Operator op {};
        int level = binary_level(kind(), op);
        if (level < min_level)
            return e;
        advance();
        Expr* r = level == 5 ? parse_factor() : parse_binary(level + 1);
        ADDER_NEED(r);
        e = make_binop(m_arena, e, op, r, loc_from(start));
    }
}

// factor: '+' factor | '-' factor | '~' factor | power
Expr* Parser::parse_factor()
{
    ADDER_DEPTH_GUARD();
    if (m_primed)
        return parse_power();
    UnaryOpKind op;
    switch (kind()) {
    case TokenKind::Plus: op = UnaryOpKind::UAdd; break;
    case TokenKind::Minus: op = UnaryOpKind::USub; break;
    case TokenKind::Tilde: op = UnaryOpKind::Invert; break;
    default: return parse_power();
    }
    const Token& t = advance();
    Expr* v = parse_factor();
    ADDER_NEED(v);
    auto* u = node<UnaryOp>(loc_from(t));
    u->op = op;
    u->operand = v;
    return u;
}

// power: await_primary '**' factor | await_primary
Expr* Parser::parse_power()
{
    const Token& start = start_token();
    Expr* e = parse_await_primary();
    ADDER_NEED(e);
    if (!accept(TokenKind::DoubleStar))
        return e;
    Expr* r = parse_factor();
    ADDER_NEED(r);
    return make_binop(m_arena, e, Operator::Pow, r, loc_from(start));
}

// await_primary: AWAIT primary | primary
Expr* Parser::parse_await_primary()
{
    ADDER_DEPTH_GUARD();
    if (!m_primed && at(TokenKind::KwAwait)) {
        const Token& t = advance();
        Expr* v = parse_primary();
        ADDER_NEED(v);
        auto* a = node<Await>(loc_from(t));
        a->value = v;
        return a;
    }
    return parse_primary();
}

// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' | primary '[' slices ']' | atom
Expr* Parser::parse_primary()
{
    if (m_primed) {
        // Parsed ahead by parse_expression(), trailers and all.
        Expr* e = m_primed;
        m_primed = nullptr;
        return e;
    }
    const Token& start = peek();
    Expr* e = parse_atom();
    ADDER_NEED(e);
    for (;;) {
        switch (kind()) {
        case TokenKind::Dot: {
            advance();
            const Token* n = expect(TokenKind::Name);
            ADDER_NEED(n);
            auto* a = node<Attribute>(loc_from(start));
            a->value = e;
            assign_identifier(a->attr, *n);
            e = a;
            break;
        }
        case TokenKind::LPar:
            e = parse_call(e);
            ADDER_NEED(e);
            e->loc = loc_from(start);
            break;
        case TokenKind::LSqb: {
            advance();
            Expr* s = parse_slices();
            ADDER_NEED(s);
            ADDER_NEED(expect(TokenKind::RSqb));
            auto* sub = node<Subscript>(loc_from(start));
            sub->value = e;
            sub->slice = s;
            e = sub;
            break;
        }
        default: return e;
        }
    }
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
Expr* Parser::parse_slices()
{
    const Token& start = peek();
    Expr* first = at(TokenKind::Star) ? parse_star_expression() : parse_slice();
    ADDER_NEED(first);
    if (!at(TokenKind::Comma) && !at(TokenKind::RSqb))
        return fail_after_element(start, first);
    if (!at(TokenKind::Comma) && first->kind != ExprKind::Starred)
        return first;
    ExprList elts;
    elts.push_back(first);
    while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RSqb))
            break;
        const Token& x_tok = peek();
        Expr* x = at(TokenKind::Star) ? parse_star_expression() : parse_slice();
        ADDER_NEED(x);
        elts.push_back(x);
        if (!at(TokenKind::Comma) && !at(TokenKind::RSqb))
            return fail_after_element(x_tok, x);
    }
    return make_tuple(elts, loc_from(start));
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
Expr* Parser::parse_slice()
{
    const Token& start = peek();
    Expr* lower = nullptr;
    if (!at(TokenKind::Colon)) {
        bool bare_walrus = at(TokenKind::Name) && kind(1) == TokenKind::ColonEqual;
        lower = parse_named_expression();
        ADDER_NEED(lower);
        if (!at(TokenKind::Colon))
            return lower;
        if (bare_walrus)
            return fail_invalid_syntax();
    }
    advance(); // ':'
    auto* s = m_arena.make<Slice>();
    s->lower = lower;
    auto ends_part = [&] {
        TokenKind k = kind();
        return k == TokenKind::Colon || k == TokenKind::Comma || k == TokenKind::RSqb;
    };
    if (!ends_part()) {
        s->upper = parse_expression();
        ADDER_NEED(s->upper);
    }
    if (accept(TokenKind::Colon)) {
        if (!ends_part()) {
            s->step = parse_expression();
            ADDER_NEED(s->step);
        }
    }
    s->loc = loc_from(start);
    return s;
}

// atom: NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER | &'(' (tuple | group | genexp)
//     | &'[' (list | listcomp) | &'{' (dict | set | dictcomp | setcomp) | '...'
Expr* Parser::parse_atom()
{
    const Token& t = peek();
    switch (t.kind) {
    case TokenKind::Name: {
        advance();
        auto* n = node<Name>(loc_from(t));
        assign_identifier(n->id, t);
        return n;
    }
    case TokenKind::KwTrue:
    case TokenKind::KwFalse:
    case TokenKind::KwNone:
    case TokenKind::Ellipsis: {
        advance();
        auto* c = node<Constant>(loc_from(t));
        c->value.kind = t.kind == TokenKind::KwTrue ? ConstantValue::Kind::True
            : t.kind == TokenKind::KwFalse          ? ConstantValue::Kind::False
            : t.kind == TokenKind::KwNone           ? ConstantValue::Kind::None
                                                    : ConstantValue::Kind::Ellipsis;
        return c;
    }
    case TokenKind::Number: advance(); return parse_number(t);
    case TokenKind::String: return parse_strings();
    case TokenKind::LPar: return parse_paren_atom();
    case TokenKind::LSqb: return parse_list_atom();
    case TokenKind::LBrace: return parse_brace_atom();
    default: return fail_invalid_syntax();
    }
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
// group: '(' (yield_expr | named_expression) ')'
// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
Expr* Parser::parse_paren_atom()
{
    const Token& open = advance();
    if (accept(TokenKind::RPar))
        return node<Tuple>(loc_from(open));
    if (at(TokenKind::KwYield)) {
        Expr* y = parse_yield_expr();
        ADDER_NEED(y);
        ADDER_NEED(expect(TokenKind::RPar));
        return y;
    }
    const Token& first_tok = peek();
    Expr* first = parse_star_named_expression();
    ADDER_NEED(first);
    if (starts_comprehension(kind(), kind(1))) {
        if (first->kind == ExprKind::Starred)
            return fail_node(first->loc, "iterable unpacking cannot be used in comprehension");
        auto* g = m_arena.make<GeneratorExp>();
        g->elt = first;
        ADDER_NEED(parse_comprehension_clauses(g->generators));
        ADDER_NEED(expect(TokenKind::RPar));
        g->loc = loc_from(open);
        return g;
    }
    if (accept(TokenKind::RPar)) {
        if (first->kind == ExprKind::Starred)
            return fail_node(first->loc, "cannot use starred expression here");
        return first;
    }
    if (!at(TokenKind::Comma))
        return fail_after_element(first_tok, first);
    ExprList elts;
    elts.push_back(first);
    while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RPar))
            break;
        const Token& x_tok = peek();
        Expr* x = parse_star_named_expression();
        ADDER_NEED(x);
        elts.push_back(x);
        if (!at(TokenKind::Comma) && !at(TokenKind::RPar))
            return fail_after_element(x_tok, x);
    }
    ADDER_NEED(expect(TokenKind::RPar));
    return make_tuple(elts, loc_from(open));
}

// list: '[' [star_named_expressions] ']'
// listcomp: '[' named_expression for_if_clauses ']'
Expr* Parser::parse_list_atom()
{
    const Token& open = advance();
    auto* list = m_arena.make<List>();
    if (accept(TokenKind::RSqb)) {
        list->loc = loc_from(open);
        return list;
    }
    const Token& first_tok = peek();
    Expr* first = parse_star_named_expression();
    ADDER_NEED(first);
    if (starts_comprehension(kind(), kind(1))) {
        if (first->kind == ExprKind::Starred)
            return fail_node(first->loc, "iterable unpacking cannot be used in comprehension");
        auto* c = m_arena.make<ListComp>();
        c->elt = first;
        ADDER_NEED(parse_comprehension_clauses(c->generators));
        ADDER_NEED(expect(TokenKind::RSqb));
        c->loc = loc_from(open);
        return c;
    }
    ExprList elts;
    elts.push_back(first);
    const Token* last_tok = &first_tok;
    while (accept(TokenKind::Comma)) {
        if (starts_comprehension(kind(), kind(1)))
            return fail_range(first->loc.lineno, first->loc.col_offset, prev().end_lineno, prev().end_col,
                "did you forget parentheses around the comprehension target?");
        if (at(TokenKind::RSqb))
            break;
        last_tok = &peek();
        Expr* x = parse_star_named_expression();
        ADDER_NEED(x);
        elts.push_back(x);
    }
    if (starts_comprehension(kind(), kind(1)) && elts.size() > 1)
        return fail_range(first->loc.lineno, first->loc.col_offset, elts.back()->loc.end_lineno,
            elts.back()->loc.end_col_offset, "did you forget parentheses around the comprehension target?");
    if (!at(TokenKind::RSqb))
        return fail_after_element(*last_tok, elts.back());
    advance();
    store(list->elts, elts);
    list->loc = loc_from(open);
    return list;
}

// dict: '{' [double_starred_kvpairs] '}'
// set: '{' star_named_expressions '}'
// dictcomp: '{' kvpair for_if_clauses '}'
// setcomp: '{' named_expression for_if_clauses '}'
// double_starred_kvpair: '**' bitwise_or | kvpair
// kvpair: expression ':' expression
Expr* Parser::parse_brace_atom()
{
    const Token& open = advance();
    if (accept(TokenKind::RBrace))
        return node<Dict>(loc_from(open));
    Expr* first_key = nullptr;
    Expr* first_value = nullptr;
    if (accept(TokenKind::DoubleStar)) {
        first_value = parse_bitwise_or();
        ADDER_NEED(first_value);
    } else {
        bool bare_walrus = at(TokenKind::Name) && kind(1) == TokenKind::ColonEqual;
        const Token& first_tok = peek();
        Expr* first = parse_star_named_expression();
        ADDER_NEED(first);
        if (!at(TokenKind::Colon) || first->kind == ExprKind::Starred) {
            // A set or set comprehension.
            if (starts_comprehension(kind(), kind(1))) {
                if (first->kind == ExprKind::Starred)
                    return fail_node(first->loc, "iterable unpacking cannot be used in comprehension");
                auto* c = m_arena.make<SetComp>();
                c->elt = first;
                ADDER_NEED(parse_comprehension_clauses(c->generators));
                ADDER_NEED(expect(TokenKind::RBrace));
                c->loc = loc_from(open);
                return c;
            }
            auto* s = m_arena.make<Set>();
            ExprList elts;
            elts.push_back(first);
            const Token* last_tok = &first_tok;
            while (accept(TokenKind::Comma)) {
                if (starts_comprehension(kind(), kind(1)))
                    return fail_range(first->loc.lineno, first->loc.col_offset, prev().end_lineno, prev().end_col,
                        "did you forget parentheses around the comprehension target?");
                if (at(TokenKind::RBrace))
                    break;
                last_tok = &peek();
                Expr* x = parse_star_named_expression();
                ADDER_NEED(x);
                elts.push_back(x);
            }
            if (starts_comprehension(kind(), kind(1)) && elts.size() > 1)
                return fail_range(first->loc.lineno, first->loc.col_offset, elts.back()->loc.end_lineno,
                    elts.back()->loc.end_col_offset, "did you forget parentheses around the comprehension target?");
            if (!at(TokenKind::RBrace))
                return fail_after_element(*last_tok, elts.back());
            advance();
            store(s->elts, elts);
            s->loc = loc_from(open);
            return s;
        }
        if (bare_walrus)
            return fail_invalid_syntax();
        advance(); // ':'
        if (at(TokenKind::RBrace) || at(TokenKind::Comma))
            return fail_at(prev(), "expression expected after dictionary key and ':'");
        if (at(TokenKind::Star))
            return fail_starred_dict_value();
        first_key = first;
        const Token& value_tok = peek();
        first_value = parse_expression();
        ADDER_NEED(first_value);
        if (!at(TokenKind::Comma) && !at(TokenKind::RBrace) && !starts_comprehension(kind(), kind(1)))
            return fail_after_element(value_tok, first_value);
        if (starts_comprehension(kind(), kind(1))) {
            auto* c = m_arena.make<DictComp>();
            c->key = first_key;
            c->value = first_value;
            ADDER_NEED(parse_comprehension_clauses(c->generators));
            ADDER_NEED(expect(TokenKind::RBrace));
            c->loc = loc_from(open);
            return c;
        }
    }
    auto* d = m_arena.make<Dict>();
    ExprList keys, values;
    keys.push_back(first_key);
    values.push_back(first_value);
    while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RBrace))
            break;
        if (accept(TokenKind::DoubleStar)) {
            Expr* v = parse_bitwise_or();
            ADDER_NEED(v);
            keys.push_back(nullptr);
            values.push_back(v);
            continue;
        }
        const Token& key_tok = peek();
        Expr* k = parse_expression();
        ADDER_NEED(k);
        if (!at(TokenKind::Colon)) {
            if (m_fatal || at(TokenKind::ErrorToken))
                return fail_invalid_syntax();
            if (can_start_expression(kind()))
                return fail_after_element(key_tok, k);
            // invalid_double_starred_kvpairs: located at the key's last character.
            return fail_range(k->loc.end_lineno, k->loc.end_col_offset - 1, k->loc.end_lineno, -1, "':' expected after dictionary key");
        }
        advance();
        if (at(TokenKind::RBrace) || at(TokenKind::Comma))
            return fail_at(prev(), "expression expected after dictionary key and ':'");
        if (at(TokenKind::Star))
            return fail_starred_dict_value();
        const Token& v_tok = peek();
        Expr* v = parse_expression();
        ADDER_NEED(v);
        if (!at(TokenKind::Comma) && !at(TokenKind::RBrace))
            return fail_after_element(v_tok, v);
        keys.push_back(k);
        values.push_back(v);
    }
    ADDER_NEED(expect(TokenKind::RBrace));
    store(d->keys, keys);
    store(d->values, values);
    d->loc = loc_from(open);
    return d;
}

// invalid_double_starred_kvpairs: expression ':' a='*' bitwise_or
std::nullptr_t Parser::fail_starred_dict_value()
{
    const Token& star = advance();
    Expr* v = parse_bitwise_or();
    if (!v)
        return nullptr;
    return fail_range(star.lineno, star.col, v->loc.end_lineno, v->loc.end_col_offset,
        "cannot use a starred expression in a dictionary value");
}

// for_if_clauses: for_if_clause+
// for_if_clause: ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
//     | 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
bool Parser::parse_comprehension_clauses(Seq<Comprehension*>& out)
{
    SmallVec<Comprehension*, 2> gens;
    while (starts_comprehension(kind(), kind(1))) {
        auto* c = m_arena.make<Comprehension>();
        if (accept(TokenKind::KwAsync))
            c->is_async = true;
        advance(); // 'for'
        c->target = parse_star_targets();
        if (!c->target)
            return false;
        if (!expect(TokenKind::KwIn))
            return false;
        c->iter = parse_disjunction();
        if (!c->iter)
            return false;
        ExprList ifs;
        while (accept(TokenKind::KwIf)) {
            Expr* cond = parse_disjunction();
            if (!cond)
                return false;
            ifs.push_back(cond);
        }
        store(c->ifs, ifs);
        gens.push_back(c);
    }
    store(out, gens);
    return true;
}

// star_targets: star_target !',' | star_target (',' star_target)* [',']
// star_target: '*' (!'*' star_target) | target_with_star_atom
Expr* Parser::parse_star_targets(bool single)
{
    ADDER_DEPTH_GUARD();
    const Token& start = peek();
    auto one = [&]() -> Expr* {
        if (at(TokenKind::Star)) {
            const Token& s = advance();
            Expr* v = parse_bitwise_or();
            ADDER_NEED(v);
            auto* st = node<Starred>(loc_from(s));
            st->value = v;
            return st;
        }
        return parse_bitwise_or();
    };
    Expr* e = one();
    ADDER_NEED(e);
    if (!single && at(TokenKind::Comma)) {
        ExprList elts;
        elts.push_back(e);
        while (accept(TokenKind::Comma)) {
            if (!can_start_expression(kind()))
                break;
            Expr* x = one();
            ADDER_NEED(x);
            elts.push_back(x);
        }
        e = make_tuple(elts, loc_from(start));
    }
    if (const Expr* bad = invalid_target(e, ExprContext::Store, true))
        return fail_node(bad->loc, std::string("cannot assign to ") + expr_name(bad));
    set_context(e, ExprContext::Store);
    return e;
}

// arguments: args [','] &')'
// args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs] | kwargs
// kwarg_or_starred: NAME '=' expression | starred_expression
// kwarg_or_double_starred: NAME '=' expression | '**' expression
// primary: primary genexp | primary '(' [arguments] ')'
Expr* Parser::parse_call(Expr* func, bool allow_genexp)
{
    const Token& open = advance();
    auto* call = m_arena.make<Call>();
    call->func = func;
    SmallVec<Expr*, 4> args;
    SmallVec<Keyword*, 2> keywords;
    bool seen_keyword = false;
    bool seen_double_star = false;
    const Token* first_arg = nullptr;
    int args_end_line = 0, args_end_col = 0;
    while (!at(TokenKind::RPar)) {
        const Token& start = peek();
        if (!first_arg)
            first_arg = &start;
        else {
            args_end_line = last_real_before_comma().end_lineno;
            args_end_col = last_real_before_comma().end_col;
        }
        if (at(TokenKind::Star)) {
            // invalid_arguments: a=args ',' '*' -- after `**kw`, or when the
            // star has no operand, located at the arguments before it.
            bool bad_star = first_arg != &start && !can_start_expression(kind(1));
            advance();
            Expr* v = seen_double_star || bad_star ? nullptr : parse_expression();
            if (!seen_double_star && !bad_star)
                ADDER_NEED(v);
            if (seen_double_star || bad_star) {
                // invalid_arguments: a=args ',' '*' -- located at the arguments before.
                return fail_range(first_arg->lineno, first_arg->col, args_end_line, args_end_col,
                    "iterable argument unpacking follows keyword argument unpacking");
            }
            auto* s = node<Starred>(loc_from(start));
            s->value = v;
            if (starts_comprehension(kind(), kind(1)))
                return fail_node(s->loc, "iterable unpacking cannot be used in comprehension");
            args.push_back(s);
        } else if (at(TokenKind::DoubleStar)) {
            advance();
            Expr* v = parse_expression();
            ADDER_NEED(v);
            auto* k = m_arena.make<Keyword>();
            k->value = v;
            k->loc = loc_from(start);
            keywords.push_back(k);
            seen_double_star = true;
        } else if ((at(TokenKind::KwTrue) || at(TokenKind::KwFalse) || at(TokenKind::KwNone)) && kind(1) == TokenKind::Equal) {
            // invalid_kwarg: ('True'|'False'|'None') '='
            const Token& eq = peek(1);
            return fail_range(start.lineno, start.col, eq.end_lineno, eq.end_col,
                "cannot assign to " + std::string(start.text));
        } else if (at(TokenKind::Name) && kind(1) == TokenKind::Equal) {
            advance();
            advance();
            Expr* v = parse_expression();
            ADDER_NEED(v);
            auto* k = m_arena.make<Keyword>();
            k->arg = identifier(start);
            k->value = v;
            k->loc = loc_from(start);
            keywords.push_back(k);
            seen_keyword = true;
        } else {
            bool bare_walrus = at(TokenKind::Name) && kind(1) == TokenKind::ColonEqual;
            Expr* e = parse_named_expression(false); // invalid_kwarg reports '=' here
            ADDER_NEED(e);
            if (starts_comprehension(kind(), kind(1))) {
                if (!allow_genexp)
                    return fail_invalid_syntax(); // class bases are not a call
                auto* g = m_arena.make<GeneratorExp>();
                g->elt = e;
                ADDER_NEED(parse_comprehension_clauses(g->generators));
                bool sole = args.empty() && keywords.empty() && at(TokenKind::RPar);
                if (!sole) {
                    if (at(TokenKind::Comma) && kind(1) == TokenKind::RPar && args.empty() && keywords.empty()) {
                        // `f(x for x in y, )` is accepted; the genexp spans to the comma.
                        g->loc = loc_from(e->loc);
                        return fail_range(e->loc.lineno, e->loc.col_offset, prev().end_lineno, prev().end_col,
                            "Generator expression must be parenthesized");
                    }
                    return fail_range(e->loc.lineno, e->loc.col_offset, prev().end_lineno, prev().end_col,
                        "Generator expression must be parenthesized");
                }
                advance(); // ')'
                g->loc = loc_from(open);
                store_one(call->args, static_cast<Expr*>(g));
                call->loc = loc_from(func->loc);
                return call;
            }
            if (at(TokenKind::Equal) && !bare_walrus) {
                return fail_range(e->loc.lineno, e->loc.col_offset, peek().end_lineno, peek().end_col,
                    "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            if (seen_keyword || seen_double_star) {
                // _PyPegen_arguments_parsing_error: no location, so the furthest token.
                return fail_at(peek(), seen_double_star ? "positional argument follows keyword argument unpacking"
                                                        : "positional argument follows keyword argument");
            }
            args.push_back(e);
        }
        if (!accept(TokenKind::Comma)) {
            if (!at(TokenKind::RPar) && !m_failed) {
                // The last argument: a positional one, or the value of a keyword.
                bool keyword_last = !keywords.empty()
                    && (args.empty() || keywords.back()->loc.col_offset > args.back()->loc.col_offset
                        || keywords.back()->loc.lineno > args.back()->loc.lineno);
                Expr* last = keyword_last ? keywords.back()->value : args.back();
                const Token* last_tok = &start;
                if (keyword_last) {
                    // The token 1 or 2 after `start` (tokens are not contiguous in memory).
                    const Token* t = m_tokens.after(&start);
                    if (t && keywords.back()->arg)
                        t = m_tokens.after(t);
                    if (t)
                        last_tok = t;
                }
                return fail_after_element(*last_tok, last);
            }
            break;
        }
    }
    ADDER_NEED(expect(TokenKind::RPar));
    store(call->args, args);
    store(call->keywords, keywords);
    call->loc = loc_from(func->loc);
    return call;
}

// invalid_expression:
//     | !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
// Inside brackets, an element directly followed by another expression gets
// "Perhaps you forgot a comma?" over both; anything else is "invalid syntax".
std::nullptr_t Parser::fail_after_element(const Token& a_start, Expr* a)
{
    if (m_failed)
        return nullptr;
    if (!can_start_expression(kind()))
        return fail_invalid_syntax();
    if (a_start.kind == TokenKind::Name) {
        std::string_view t = a_start.text;
        const Token* after = m_tokens.after(&a_start);
        bool soft_keyword = t == "match" || t == "case" || t == "_";
        bool name_string = after && after->kind == TokenKind::String;
        bool legacy = a->kind == ExprKind::Name && (t == "print" || t == "exec");
        if (soft_keyword || name_string || legacy)
            return fail_invalid_syntax();
    }
    Mark m = mark();
    Expr* b = parse_expression();
    if (!b) {
        if (m_fatal)
            return nullptr;
        reset(m);
        return fail_invalid_syntax();
    }
    return fail_range(a->loc.lineno, a->loc.col_offset, b->loc.end_lineno, b->loc.end_col_offset,
        "invalid syntax. Perhaps you forgot a comma?");
}

// invalid_parameters: param_no_default* a='(' param_no_default+ ','? b=')'
// (reported over the parenthesized group, up to its matching ')').
std::nullptr_t Parser::fail_parenthesized_parameter(bool is_lambda)
{
    const Token& open = peek();
    size_t depth = 0;
    for (size_t k = 0;; ++k) {
        const Token& t = peek(k);
        if (t.kind == TokenKind::LPar)
            ++depth;
        else if (t.kind == TokenKind::RPar && --depth == 0)
            return fail_range(open.lineno, open.col, t.end_lineno, t.end_col,
                is_lambda ? "Lambda expression parameters cannot be parenthesized" : "Function parameters cannot be parenthesized");
        else if (t.kind == TokenKind::EndMarker || t.kind == TokenKind::ErrorToken || t.kind == TokenKind::Newline)
            return fail_invalid_syntax();
    }
}

// lambdef: 'lambda' [lambda_params] ':' expression
Expr* Parser::parse_lambda()
{
    const Token& t = advance();
    Arguments* args = parse_parameters(true, TokenKind::Colon);
    ADDER_NEED(args);
    ADDER_NEED(expect(TokenKind::Colon));
    Expr* body = parse_expression();
    ADDER_NEED(body);
    auto* l = node<Lambda>(loc_from(t));
    l->args = args;
    l->body = body;
    return l;
}

// parameters:
//     | slash_no_default param_no_default* param_with_default* [star_etc]
//     | slash_with_default param_with_default* [star_etc]
//     | param_no_default+ param_with_default* [star_etc]
//     | param_with_default+ [star_etc]
//     | star_etc
// star_etc: '*' param_no_default param_maybe_default* [kwds]
//     | '*' param_no_default_star_annotation param_maybe_default* [kwds]
//     | '*' ',' param_maybe_default+ [kwds] | kwds
// kwds: '**' param_no_default
// (lambda_params: the same without annotations)
Arguments* Parser::parse_parameters(bool is_lambda, TokenKind closer)
{
    auto* a = m_arena.make<Arguments>();
    SmallVec<Arg*, 6> args;
    SmallVec<Arg*, 2> kwonlyargs;
    SmallVec<Expr*, 2> kw_defaults;
    SmallVec<Expr*, 4> defaults;
    bool seen_default = false;
    bool seen_star = false;
    bool seen_slash = false;
    bool bare_star = false;
    const Token* bare_star_tok = nullptr;
    auto parse_arg = [&](bool star_annotation) -> Arg* {
        const Token* n = expect(TokenKind::Name);
        if (!n)
            return nullptr;
        auto* arg = m_arena.make<Arg>();
        assign_identifier(arg->arg, *n);
        if (!is_lambda && accept(TokenKind::Colon)) {
            arg->annotation = star_annotation ? parse_star_expression() : parse_expression();
            if (!arg->annotation)
                return nullptr;
        }
        arg->loc = loc_from(*n);
        return arg;
    };
    while (!at(closer)) {
        const Token& t = peek();
        if (t.kind == TokenKind::LPar)
            return fail_parenthesized_parameter(is_lambda);
        if (t.kind == TokenKind::Slash) {
            if (seen_slash)
                return fail_at(t, "/ may appear only once");
            if (seen_star)
                return fail_at(t, "/ must be ahead of *");
            if (args.empty())
                return fail_at(t, "at least one argument must precede /");
            advance();
            seen_slash = true;
            store(a->posonlyargs, args);
            args.clear();
            if (at(TokenKind::Star))
                return fail_at(peek(), "expected comma between / and *");
        } else if (t.kind == TokenKind::Star) {
            if (seen_star)
                return fail_at(t, "* argument may appear only once");
            advance();
            seen_star = true;
            if (at(TokenKind::Comma) || at(closer)) {
                bare_star = true;
                bare_star_tok = &t;
            } else {
                a->vararg = parse_arg(true);
                ADDER_NEED(a->vararg);
                if (at(TokenKind::Equal))
                    return fail_at(peek(), "var-positional argument cannot have default value");
            }
        } else if (t.kind == TokenKind::DoubleStar) {
            advance();
            a->kwarg = parse_arg(false);
            ADDER_NEED(a->kwarg);
            if (at(TokenKind::Equal))
                return fail_at(peek(), "var-keyword argument cannot have default value");
            accept(TokenKind::Comma);
            if (!at(closer)) {
                if (at(TokenKind::Name) || at(TokenKind::Star) || at(TokenKind::DoubleStar) || at(TokenKind::Slash))
                    return fail_at(peek(), "arguments cannot follow var-keyword argument");
                return fail_invalid_syntax();
            }
            break;
        } else {
            Arg* arg = parse_arg(false);
            ADDER_NEED(arg);
            Expr* def = nullptr;
            if (accept(TokenKind::Equal)) {
                if (at(TokenKind::Comma) || at(closer))
                    return fail_at(prev(), "expected default value expression");
                def = parse_expression();
                ADDER_NEED(def);
            }
            if (seen_star) {
                kwonlyargs.push_back(arg);
                kw_defaults.push_back(def);
            } else {
                if (def) {
                    seen_default = true;
                    defaults.push_back(def);
                } else if (seen_default) {
                    return fail_node(arg->loc, "non-default argument follows default argument");
                }
                args.push_back(arg);
            }
        }
        if (!accept(TokenKind::Comma))
            break;
    }
    if (bare_star && kwonlyargs.empty()) {
        if (at(closer) && bare_star_tok)
            return fail_at(is_lambda ? peek() : *bare_star_tok, "named arguments must follow bare *");
    }
    if (!at(closer))
        return fail_invalid_syntax();
    store(a->args, args);
    store(a->kwonlyargs, kwonlyargs);
    store(a->kw_defaults, kw_defaults);
    store(a->defaults, defaults);
    return a;
}

namespace {

// Parses digits of `text` (underscores already removed) in `base`; false on overflow.
bool parse_int64(std::string_view digits, int base, int64_t& out)
{
    uint64_t v = 0;
    for (char c : digits) {
        int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        if (v > (static_cast<uint64_t>(INT64_MAX) - d) / base)
            return false;
        v = v * base + d;
    }
    out = static_cast<int64_t>(v);
    return true;
}

} // namespace

// NUMBER: int, float or imaginary literal (the tokenizer validated its shape).
Expr* Parser::parse_number(const Token& t)
{
    auto* c = node<Constant>(loc_from(t));
    // Fast path: a short plain decimal integer (most literals: 0, 1, 42).
    std::string_view s = t.text;
    if (s.size() <= 18 && (s.size() == 1 || s[0] != '0')) {
        int64_t v = 0;
        size_t i = 0;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
            v = v * 10 + (s[i] - '0');
        if (i == s.size()) {
            c->value.kind = ConstantValue::Kind::Int;
            c->value.int_value = v;
            return c;
        }
    }
    std::string text;
    text.reserve(t.text.size());
    for (char ch : t.text)
        if (ch != '_')
            text.push_back(ch);
    char last = text.back() | 0x20;
    if (last == 'j') {
        text.pop_back();
        c->value.kind = ConstantValue::Kind::Complex;
        c->value.float_value = std::strtod(text.c_str(), nullptr);
        return c;
    }
    int base = 10;
    std::string_view digits = text;
    if (text.size() > 1 && text[0] == '0') {
        char p = text[1] | 0x20;
        if (p == 'x' || p == 'o' || p == 'b') {
            base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
            digits = std::string_view(text).substr(2);
        }
    }
    bool is_float = base == 10 && text.find_first_of(".eE") != std::string::npos;
    if (is_float) {
        c->value.kind = ConstantValue::Kind::Float;
        c->value.float_value = std::strtod(text.c_str(), nullptr);
        return c;
    }
    int64_t v;
    if (parse_int64(digits, base, v)) {
        c->value.kind = ConstantValue::Kind::Int;
        c->value.int_value = v;
        return c;
    }
    // Strip leading zeros so the digits are canonical.
    size_t nz = digits.find_first_not_of('0');
    c->value.kind = ConstantValue::Kind::BigInt;
    c->value.text = std::string(nz == std::string_view::npos ? std::string_view("0") : digits.substr(nz));
    c->value.base = base;
    return c;
}

} // namespace adder::parser
