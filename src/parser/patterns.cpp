// The match statement (PEP 634) and its patterns. `match` and `case` are soft
// keywords: a statement starting with the name `match` is tried as a match
// statement first and re-read as an ordinary statement when that fails, as
// CPython's PEG parser does.
#include "parser/parser_impl.h"

#include <algorithm>

namespace adder::parser {

using namespace ast;

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
Stmt* Parser::parse_match_stmt()
{
    Mark m = mark();
    const Token& t = advance();
    // Quick rejections: `match` used as a plain name.
    switch (kind()) {
    case TokenKind::Equal:
    case TokenKind::Dot:
    case TokenKind::Newline:
    case TokenKind::Colon:
    case TokenKind::Comma:
    case TokenKind::RPar:
    case TokenKind::EndMarker:
        reset(m);
        return nullptr;
    default: break;
    }
    Expr* subject = nullptr;
    {
        const Token& start = peek();
        Expr* first = parse_star_named_expression();
        if (first && at(TokenKind::Comma)) {
            ExprList elts;
            elts.push_back(first);
            while (accept(TokenKind::Comma)) {
                if (at(TokenKind::Colon))
                    break;
                Expr* x = parse_star_named_expression();
                if (!x) {
                    first = nullptr;
                    break;
                }
                elts.push_back(x);
            }
            if (first)
                subject = make_tuple(elts, loc_from(start));
        } else if (first) {
            if (first->kind == ExprKind::Starred)
                first = nullptr;
            subject = first;
        }
    }
    if (!subject || !at(TokenKind::Colon) || kind(1) != TokenKind::Newline) {
        if (m_fatal)
            return nullptr;
        // invalid_match_stmt: "match" subject_expr NEWLINE -> "expected ':'", but
        // only if the statement is not valid otherwise (CPython's second pass).
        if (subject && at(TokenKind::Newline))
            m_match_missing_colon = m_pos;
        size_t furthest = m_furthest; // CPython has read these tokens
        reset(m);
        m_furthest = std::max(m_furthest, furthest);
        return nullptr;
    }
    advance(); // ':'
    advance(); // NEWLINE
    if (!at(TokenKind::Indent)) {
        fail_at(peek(), "expected an indented block after 'match' statement on line " + std::to_string(t.lineno),
            "IndentationError");
        return nullptr;
    }
    advance();
    auto* s = m_arena.make<Match>();
    s->subject = subject;
    while (!at(TokenKind::Dedent)) {
        MatchCase* c = parse_case_block();
        ADDER_NEED(c);
        s->cases.push_back(c);
    }
    advance();
    s->loc = loc_from(t);
    return s;
}

// case_block: "case" patterns guard? ':' block
// guard: 'if' named_expression
MatchCase* Parser::parse_case_block()
{
    if (!at_name("case"))
        return fail_invalid_syntax();
    const Token& t = advance();
    auto* c = m_arena.make<MatchCase>();
    c->pattern = parse_patterns();
    ADDER_NEED(c->pattern);
    if (accept(TokenKind::KwIf)) {
        c->guard = parse_named_expression();
        ADDER_NEED(c->guard);
    }
    ADDER_NEED(expect_colon());
    ADDER_NEED(parse_block(c->body, "'case' statement", t.lineno));
    return c;
}

// patterns: open_sequence_pattern | pattern
// open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
Pattern* Parser::parse_patterns()
{
    const Token& start = peek();
    Pattern* first = parse_maybe_star_pattern();
    ADDER_NEED(first);
    if (!at(TokenKind::Comma)) {
        if (first->kind == PatternKind::MatchStar)
            return fail_invalid_syntax(); // a star pattern needs a sequence
        return first;
    }
    auto* seq = m_arena.make<MatchSequence>();
    seq->patterns.push_back(first);
    while (accept(TokenKind::Comma)) {
        if (at(TokenKind::Colon) || at(TokenKind::KwIf))
            break;
        Pattern* p = parse_maybe_star_pattern();
        ADDER_NEED(p);
        seq->patterns.push_back(p);
    }
    seq->loc = loc_from(start);
    return seq;
}

// maybe_star_pattern: star_pattern | pattern
// star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
Pattern* Parser::parse_maybe_star_pattern()
{
    ADDER_DEPTH_GUARD();
    if (at(TokenKind::Star)) {
        const Token& t = advance();
        const Token* n = expect(TokenKind::Name);
        ADDER_NEED(n);
        auto* s = node<MatchStar>(loc_from(t));
        if (n->text != "_")
            s->name = identifier(*n);
        return s;
    }
    return parse_pattern();
}

// pattern: as_pattern | or_pattern
// as_pattern: or_pattern 'as' pattern_capture_target
Pattern* Parser::parse_pattern()
{
    ADDER_DEPTH_GUARD();
    const Token& start = peek();
    Pattern* p = parse_or_pattern();
    ADDER_NEED(p);
    if (!accept(TokenKind::KwAs))
        return p;
    if (!at(TokenKind::Name)) {
        // invalid_as_pattern: or_pattern 'as' !NAME a=expression
        Mark m = mark();
        Expr* target = parse_expression();
        if (target)
            return fail_node(target->loc, "invalid pattern target");
        if (m_fatal)
            return nullptr;
        reset(m);
        return fail_invalid_syntax();
    }
    const Token* n = expect(TokenKind::Name);
    ADDER_NEED(n);
    if (n->text == "_")
        return fail_at(*n, "cannot use '_' as a target");
    auto* as = node<MatchAs>(loc_from(start));
    as->pattern = p;
    as->name = identifier(*n);
    return as;
}

// or_pattern: '|'.closed_pattern+
Pattern* Parser::parse_or_pattern()
{
    const Token& start = peek();
    Pattern* p = parse_closed_pattern();
    ADDER_NEED(p);
    if (!at(TokenKind::VBar))
        return p;
    auto* o = m_arena.make<MatchOr>();
    o->patterns.push_back(p);
    while (accept(TokenKind::VBar)) {
        Pattern* q = parse_closed_pattern();
        ADDER_NEED(q);
        o->patterns.push_back(q);
    }
    o->loc = loc_from(start);
    return o;
}

// name_or_attr: attr | NAME
// attr: name_or_attr '.' NAME
Expr* Parser::parse_name_or_attr()
{
    const Token& t = advance();
    auto* n = node<Name>(loc_from(t));
    n->id = identifier(t);
    Expr* e = n;
    while (accept(TokenKind::Dot)) {
        const Token* a = expect(TokenKind::Name);
        ADDER_NEED(a);
        auto* attr = node<Attribute>(loc_from(e->loc));
        attr->value = e;
        attr->attr = identifier(*a);
        e = attr;
    }
    return e;
}

// literal_expr / literal_pattern:
//     | signed_number !('+' | '-') | complex_number | strings | 'None' | 'True' | 'False'
// complex_number: signed_real_number ('+' | '-') imaginary_number
// signed_number: NUMBER | '-' NUMBER
Expr* Parser::parse_literal_expr(bool& ok)
{
    ok = true;
    const Token& start = peek();
    if (at(TokenKind::String))
        return parse_strings();
    if (at(TokenKind::KwNone) || at(TokenKind::KwTrue) || at(TokenKind::KwFalse))
        return parse_atom();
    Expr* num = nullptr;
    if (at(TokenKind::Minus)) {
        advance();
        const Token* n = expect(TokenKind::Number);
        ADDER_NEED(n);
        auto* u = m_arena.make<UnaryOp>();
        u->op = UnaryOpKind::USub;
        u->operand = parse_number(*n);
        u->loc = loc_from(start);
        num = u;
    } else if (at(TokenKind::Number)) {
        const Token& n = advance();
        num = parse_number(n);
    } else {
        ok = false;
        return nullptr;
    }
    if (at(TokenKind::Plus) || at(TokenKind::Minus)) {
        Operator op = at(TokenKind::Plus) ? Operator::Add : Operator::Sub;
        advance();
        const Token* n = expect(TokenKind::Number);
        ADDER_NEED(n);
        Expr* imag = parse_number(*n);
        auto* c = static_cast<Constant*>(imag);
        if (c->value.kind != ConstantValue::Kind::Complex)
            return fail_node(c->loc, "imaginary number required in complex literal");
        auto* b = node<BinOp>(loc_from(start));
        b->left = num;
        b->op = op;
        b->right = imag;
        return b;
    }
    return num;
}

// closed_pattern: literal_pattern | capture_pattern | wildcard_pattern | value_pattern
//     | group_pattern | sequence_pattern | mapping_pattern | class_pattern
Pattern* Parser::parse_closed_pattern()
{
    const Token& start = peek();
    switch (start.kind) {
    case TokenKind::KwNone:
    case TokenKind::KwTrue:
    case TokenKind::KwFalse: {
        advance();
        auto* s = node<MatchSingleton>(loc_from(start));
        s->value.kind = start.kind == TokenKind::KwNone ? ConstantValue::Kind::None
            : start.kind == TokenKind::KwTrue          ? ConstantValue::Kind::True
                                                       : ConstantValue::Kind::False;
        return s;
    }
    case TokenKind::String:
    case TokenKind::Number:
    case TokenKind::Minus: {
        bool ok;
        Expr* v = parse_literal_expr(ok);
        ADDER_NEED(v);
        auto* mv = node<MatchValue>(v->loc);
        mv->value = v;
        return mv;
    }
    case TokenKind::LPar: {
        // group_pattern: '(' pattern ')' | sequence_pattern: '(' open_sequence_pattern? ')'
        advance();
        if (accept(TokenKind::RPar))
            return node<MatchSequence>(loc_from(start));
        Pattern* first = parse_maybe_star_pattern();
        ADDER_NEED(first);
        if (at(TokenKind::RPar)) {
            if (first->kind == PatternKind::MatchStar)
                return fail_invalid_syntax(); // `(*x)` is neither a group nor a sequence
            advance();
            return first;
        }
        auto* seq = m_arena.make<MatchSequence>();
        seq->patterns.push_back(first);
        ADDER_NEED(expect(TokenKind::Comma));
        while (!at(TokenKind::RPar)) {
            Pattern* p = parse_maybe_star_pattern();
            ADDER_NEED(p);
            seq->patterns.push_back(p);
            if (!accept(TokenKind::Comma))
                break;
        }
        ADDER_NEED(expect(TokenKind::RPar));
        seq->loc = loc_from(start);
        return seq;
    }
    case TokenKind::LSqb: {
        advance();
        auto* seq = m_arena.make<MatchSequence>();
        while (!at(TokenKind::RSqb)) {
            Pattern* p = parse_maybe_star_pattern();
            ADDER_NEED(p);
            seq->patterns.push_back(p);
            if (!accept(TokenKind::Comma))
                break;
        }
        ADDER_NEED(expect(TokenKind::RSqb));
        seq->loc = loc_from(start);
        return seq;
    }
    case TokenKind::LBrace: return parse_mapping_pattern();
    case TokenKind::Name: {
        if (kind(1) != TokenKind::Dot && kind(1) != TokenKind::LPar) {
            advance();
            auto* as = node<MatchAs>(loc_from(start));
            if (start.text != "_")
                as->name = identifier(start);
            return as;
        }
        Expr* e = parse_name_or_attr();
        ADDER_NEED(e);
        if (at(TokenKind::LPar))
            return parse_class_pattern(e);
        auto* mv = node<MatchValue>(e->loc);
        mv->value = e;
        return mv;
    }
    default: return fail_invalid_syntax();
    }
}

// mapping_pattern: '{' '}' | '{' double_star_pattern ','? '}'
//     | '{' items_pattern ',' double_star_pattern ','? '}' | '{' items_pattern ','? '}'
// key_value_pattern: (literal_expr | attr) ':' pattern
// double_star_pattern: '**' pattern_capture_target
Pattern* Parser::parse_mapping_pattern()
{
    const Token& start = advance();
    auto* m = m_arena.make<MatchMapping>();
    while (!at(TokenKind::RBrace)) {
        if (accept(TokenKind::DoubleStar)) {
            const Token* n = expect(TokenKind::Name);
            ADDER_NEED(n);
            if (n->text == "_")
                return fail_invalid_syntax(); // pattern_capture_target: !"_" NAME
            m->rest = identifier(*n);
            accept(TokenKind::Comma);
            break;
        }
        Expr* key = nullptr;
        if (at(TokenKind::Name)) {
            key = parse_name_or_attr();
            ADDER_NEED(key);
        } else {
            bool ok;
            key = parse_literal_expr(ok);
            if (!ok)
                return fail_invalid_syntax();
            ADDER_NEED(key);
        }
        ADDER_NEED(expect(TokenKind::Colon));
        Pattern* p = parse_pattern();
        ADDER_NEED(p);
        m->keys.push_back(key);
        m->patterns.push_back(p);
        if (!accept(TokenKind::Comma))
            break;
    }
    ADDER_NEED(expect(TokenKind::RBrace));
    m->loc = loc_from(start);
    return m;
}

// class_pattern: name_or_attr '(' [positional_patterns ','?] ')'
//     | name_or_attr '(' [positional_patterns ','] keyword_patterns ','? ')'
// keyword_pattern: NAME '=' pattern
Pattern* Parser::parse_class_pattern(Expr* cls)
{
    advance(); // '('
    auto* c = m_arena.make<MatchClass>();
    c->cls = cls;
    while (!at(TokenKind::RPar)) {
        if (at(TokenKind::Name) && kind(1) == TokenKind::Equal) {
            const Token& n = advance();
            advance();
            Pattern* p = parse_pattern();
            ADDER_NEED(p);
            c->kwd_attrs.push_back(identifier(n));
            c->kwd_patterns.push_back(p);
        } else {
            Pattern* p = parse_pattern();
            ADDER_NEED(p);
            if (!c->kwd_attrs.empty())
                return fail_node(p->loc, "positional patterns follow keyword patterns");
            c->patterns.push_back(p);
        }
        if (!accept(TokenKind::Comma))
            break;
    }
    ADDER_NEED(expect(TokenKind::RPar));
    c->loc = loc_from(cls->loc);
    return c;
}

} // namespace adder::parser
