// Statement rules of the 3.11 grammar (Grammar/python.gram), one function per
// rule or small group of rules, each headed by the rule it implements.
#include "parser/parser_impl.h"

namespace adder::parser {

using namespace ast;

// statements: statement+   (until_dedent: a block's body, ended by DEDENT)
bool Parser::parse_statements(StmtList& out, bool until_dedent)
{
    for (;;) {
        TokenKind k = kind();
        if (k == TokenKind::EndMarker || (until_dedent && k == TokenKind::Dedent))
            return true;
        if (k == TokenKind::ErrorToken) {
            fail_invalid_syntax();
            return false;
        }
        if (!parse_statement(out))
            return false;
    }
}

// statement: compound_stmt | simple_stmts
bool Parser::parse_statement(StmtList& out)
{
    switch (kind()) {
    case TokenKind::KwDef:
    case TokenKind::KwIf:
    case TokenKind::KwClass:
    case TokenKind::KwWith:
    case TokenKind::KwFor:
    case TokenKind::KwTry:
    case TokenKind::KwWhile:
    case TokenKind::At:
    case TokenKind::KwAsync: {
        Stmt* s = parse_compound_stmt();
        if (!s)
            return false;
        out.push_back(s);
        return true;
    }
    case TokenKind::Name:
        if (peek().text == "match") {
            m_match_missing_colon = 0;
            Stmt* s = parse_match_stmt();
            if (s) {
                out.push_back(s);
                return true;
            }
            if (m_failed)
                return false;
            if (m_match_missing_colon) {
                size_t newline = m_match_missing_colon;
                if (parse_simple_stmts(out))
                    return true;
                if (!m_fatal) {
                    m_failed = false;
                    fail_at(m_tokens[newline], "expected ':'");
                }
                return false;
            }
        }
        break;
    case TokenKind::Indent:
        fail_at(peek(), "unexpected indent", "IndentationError");
        return false;
    default: break;
    }
    return parse_simple_stmts(out);
}

// simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
bool Parser::parse_simple_stmts(StmtList& out)
{
    for (;;) {
        Stmt* s = parse_simple_stmt();
        if (!s)
            return false;
        out.push_back(s);
        if (accept(TokenKind::Semi)) {
            if (accept(TokenKind::Newline))
                return true;
            continue;
        }
        if (accept(TokenKind::Newline))
            return true;
        fail_invalid_syntax();
        return false;
    }
}

// simple_stmt: assignment | star_expressions | return_stmt | import_stmt | raise_stmt
//     | 'pass' | del_stmt | yield_stmt | assert_stmt | 'break' | 'continue'
//     | global_stmt | nonlocal_stmt
Stmt* Parser::parse_simple_stmt()
{
    const Token& t = peek();
    switch (t.kind) {
    case TokenKind::KwPass: advance(); return node<Pass>(loc_from(t));
    case TokenKind::KwBreak: advance(); return node<Break>(loc_from(t));
    case TokenKind::KwContinue: advance(); return node<Continue>(loc_from(t));
    case TokenKind::KwReturn: {
        // return_stmt: 'return' [star_expressions]
        advance();
        auto* r = m_arena.make<Return>();
        if (!at(TokenKind::Newline) && !at(TokenKind::Semi)) {
            r->value = parse_star_expressions();
            ADDER_NEED(r->value);
        }
        r->loc = loc_from(t);
        return r;
    }
    case TokenKind::KwImport: return parse_import_name();
    case TokenKind::KwFrom: return parse_import_from();
    case TokenKind::KwRaise: {
        // raise_stmt: 'raise' expression ['from' expression] | 'raise'
        advance();
        auto* r = m_arena.make<Raise>();
        if (!at(TokenKind::Newline) && !at(TokenKind::Semi)) {
            r->exc = parse_expression();
            ADDER_NEED(r->exc);
            if (accept(TokenKind::KwFrom)) {
                r->cause = parse_expression();
                ADDER_NEED(r->cause);
            }
        }
        r->loc = loc_from(t);
        return r;
    }
    case TokenKind::KwDel: {
        // del_stmt: 'del' del_targets &(';' | NEWLINE)
        // del_targets: ','.del_target+ [',']
        advance();
        auto* d = m_arena.make<Delete>();
        ExprList targets;
        for (;;) {
            Expr* e = at(TokenKind::Star) ? parse_star_expression() : parse_bitwise_or();
            ADDER_NEED(e);
            targets.push_back(e);
            if (!accept(TokenKind::Comma))
                break;
            if (at(TokenKind::Newline) || at(TokenKind::Semi))
                break;
        }
        if (!at(TokenKind::Newline) && !at(TokenKind::Semi))
            return fail_invalid_syntax();
        for (Expr* e : targets)
            ADDER_NEED(set_del(e));
        store(d->targets, targets);
        d->loc = loc_from(t);
        return d;
    }
    case TokenKind::KwAssert: {
        // assert_stmt: 'assert' expression [',' expression]
        advance();
        auto* a = m_arena.make<Assert>();
        a->test = parse_expression();
        ADDER_NEED(a->test);
        if (accept(TokenKind::Comma)) {
            a->msg = parse_expression();
            ADDER_NEED(a->msg);
        }
        a->loc = loc_from(t);
        return a;
    }
    case TokenKind::KwGlobal:
    case TokenKind::KwNonlocal: {
        // global_stmt: 'global' ','.NAME+    nonlocal_stmt: 'nonlocal' ','.NAME+
        advance();
        std::vector<Identifier> names;
        for (;;) {
            const Token* n = expect(TokenKind::Name);
            ADDER_NEED(n);
            names.push_back(identifier(*n));
            if (!accept(TokenKind::Comma))
                break;
        }
        if (t.kind == TokenKind::KwGlobal) {
            auto* g = node<Global>(loc_from(t));
            g->names = std::move(names);
            return g;
        }
        auto* g = node<Nonlocal>(loc_from(t));
        g->names = std::move(names);
        return g;
    }
    default: return parse_expr_or_assign_stmt();
    }
}

namespace {

bool augassign_op(TokenKind k, Operator& op)
{
    switch (k) {
    case TokenKind::PlusEqual: op = Operator::Add; return true;
    case TokenKind::MinEqual: op = Operator::Sub; return true;
    case TokenKind::StarEqual: op = Operator::Mult; return true;
    case TokenKind::AtEqual: op = Operator::MatMult; return true;
    case TokenKind::SlashEqual: op = Operator::Div; return true;
    case TokenKind::PercentEqual: op = Operator::Mod; return true;
    case TokenKind::AmperEqual: op = Operator::BitAnd; return true;
    case TokenKind::VBarEqual: op = Operator::BitOr; return true;
    case TokenKind::CircumflexEqual: op = Operator::BitXor; return true;
    case TokenKind::LeftShiftEqual: op = Operator::LShift; return true;
    case TokenKind::RightShiftEqual: op = Operator::RShift; return true;
    case TokenKind::DoubleStarEqual: op = Operator::Pow; return true;
    case TokenKind::DoubleSlashEqual: op = Operator::FloorDiv; return true;
    default: return false;
    }
}


} // namespace

// assignment:
//     | NAME ':' expression ['=' annotated_rhs]
//     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
//     | (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
//     | single_target augassign ~ (yield_expr | star_expressions)
// star_expressions (as an expression statement)
Stmt* Parser::parse_expr_or_assign_stmt()
{
    const Token& first = peek();
    // `print "x"` and `exec "x"`: Python 2 statements get a dedicated message.
    if (first.kind == TokenKind::Name && (first.text == "print" || first.text == "exec")) {
        TokenKind k1 = kind(1);
        if (k1 == TokenKind::String || k1 == TokenKind::Name || k1 == TokenKind::Number) {
            Mark m = mark();
            advance();
            Expr* arg = parse_star_expressions();
            if (arg && (at(TokenKind::Newline) || at(TokenKind::Semi))) {
                std::string msg = "Missing parentheses in call to '" + std::string(first.text) + "'. Did you mean "
                    + std::string(first.text) + "(...)?";
                return fail_range(first.lineno, first.col, arg->loc.end_lineno, arg->loc.end_col_offset, msg);
            }
            if (m_fatal)
                return nullptr;
            reset(m);
        }
    }
    Expr* e = at(TokenKind::KwYield) ? parse_yield_expr() : parse_star_expressions();
    ADDER_NEED(e);
    TokenKind k = kind();
    if (k == TokenKind::Colon) {
        // Annotated assignment.
        advance();
        bool parenthesized = first.kind == TokenKind::LPar;
        if (e->kind == ExprKind::Tuple && !static_cast<Tuple*>(e)->elts.empty()
            && static_cast<Tuple*>(e)->elts[0]->loc.col_offset == e->loc.col_offset
            && static_cast<Tuple*>(e)->elts[0]->loc.lineno == e->loc.lineno) {
            // An unparenthesized tuple: CPython points at its first element.
            return fail_node(static_cast<Tuple*>(e)->elts[0]->loc, "only single target (not tuple) can be annotated");
        }
        if (e->kind == ExprKind::Tuple || e->kind == ExprKind::List) {
            return fail_node(e->loc, std::string("only single target (not ") + (e->kind == ExprKind::Tuple ? "tuple" : "list")
                    + ") can be annotated");
        }
        if (e->kind != ExprKind::Name && e->kind != ExprKind::Attribute && e->kind != ExprKind::Subscript)
            return fail_node(e->loc, "illegal target for annotation");
        auto* a = m_arena.make<AnnAssign>();
        a->target = e;
        ADDER_NEED(set_store(e));
        a->simple = e->kind == ExprKind::Name && !parenthesized;
        a->annotation = parse_expression();
        ADDER_NEED(a->annotation);
        if (accept(TokenKind::Equal)) {
            a->value = at(TokenKind::KwYield) ? parse_yield_expr() : parse_star_expressions();
            ADDER_NEED(a->value);
        }
        a->loc = loc_from(first);
        return a;
    }
    if (k == TokenKind::Equal) {
        auto* a = m_arena.make<Assign>();
        // Each item of `t1 = t2 = ... = value` with its first token and
        // whether it was a bare (unparenthesized) yield expression.
        struct Item {
            Expr* e;
            const Token* start;
            bool bare_yield;
        };
        SmallVec<Item, 4> items;
        items.push_back({ e, &first, first.kind == TokenKind::KwYield });
        while (accept(TokenKind::Equal)) {
            const Token& start = peek();
            bool bare_yield = at(TokenKind::KwYield);
            Expr* v = bare_yield ? parse_yield_expr() : parse_star_expressions();
            ADDER_NEED(v);
            items.push_back({ v, &start, bare_yield });
        }
        auto parenthesized = [](const Item& it) {
            return it.start->kind == TokenKind::LPar
                && (it.e->loc.lineno != it.start->lineno || it.e->loc.col_offset != it.start->col);
        };
        ExprList targets;
        for (size_t i = 0; i + 1 < items.size(); ++i) {
            Expr* target = items[i].e;
            if (items[i].bare_yield)
                return fail_node(target->loc, "assignment to yield expression not possible");
            const Expr* bad = invalid_target(target, ExprContext::Store, false);
            if (bad) {
                // CPython's invalid_named_expression fires first for `target = value`
                // with a plain operand on both sides.
                bool last = i + 2 == items.size();
                bool excluded = target->kind == ExprKind::List || target->kind == ExprKind::Tuple
                    || target->kind == ExprKind::GeneratorExp
                    || (target->kind == ExprKind::Constant && !parenthesized(items[i])
                        && (static_cast<Constant*>(target)->value.kind == ConstantValue::Kind::True
                            || static_cast<Constant*>(target)->value.kind == ConstantValue::Kind::False
                            || static_cast<Constant*>(target)->value.kind == ConstantValue::Kind::None));
                bool target_operand = parenthesized(items[i]) || is_bitwise_or_level(target);
                bool value_operand = !items[i + 1].bare_yield && (parenthesized(items[i + 1]) || is_bitwise_or_level(items[i + 1].e));
                if (last && i == 0 && !excluded && target_operand && value_operand) {
                    return fail_node(target->loc, std::string("cannot assign to ") + expr_name(target)
                            + " here. Maybe you meant '==' instead of '='?");
                }
                return fail_node(bad->loc, std::string("cannot assign to ") + expr_name(bad));
            }
            set_context(target, ExprContext::Store);
            targets.push_back(target);
        }
        store(a->targets, targets);
        a->value = items.back().e;
        a->loc = loc_from(first);
        return a;
    }
    Operator op;
    if (augassign_op(k, op)) {
        if (e->kind != ExprKind::Name && e->kind != ExprKind::Attribute && e->kind != ExprKind::Subscript) {
            return fail_node(e->loc, std::string("'") + expr_name(e) + "' is an illegal expression for augmented assignment");
        }
        advance();
        auto* a = m_arena.make<AugAssign>();
        set_context(e, ExprContext::Store);
        a->target = e;
        a->op = op;
        a->value = at(TokenKind::KwYield) ? parse_yield_expr() : parse_star_expressions();
        ADDER_NEED(a->value);
        a->loc = loc_from(first);
        return a;
    }
    if (k != TokenKind::Newline && k != TokenKind::Semi && !m_failed) {
        // Two plain expressions in a row: CPython suggests a missing comma
        // only inside brackets; at statement level it is plain invalid syntax.
    }
    auto* s = m_arena.make<ExprStmt>();
    s->value = e;
    s->loc = loc_from(first);
    return s;
}

// import_name: 'import' dotted_as_names
// dotted_as_names: ','.dotted_as_name+
// dotted_as_name: dotted_name ['as' NAME]
Stmt* Parser::parse_import_name()
{
    const Token& t = advance();
    auto* imp = m_arena.make<Import>();
    SmallVec<Alias*, 4> names;
    for (;;) {
        const Token& start = peek();
        auto* a = m_arena.make<Alias>();
        ADDER_NEED(parse_dotted_name(a->name));
        if (accept(TokenKind::KwAs)) {
            const Token* n = expect(TokenKind::Name);
            ADDER_NEED(n);
            a->asname = identifier(*n);
        }
        a->loc = loc_from(start);
        names.push_back(a);
        if (!accept(TokenKind::Comma))
            break;
    }
    store(imp->names, names);
    imp->loc = loc_from(t);
    return imp;
}

// dotted_name: dotted_name '.' NAME | NAME
bool Parser::parse_dotted_name(std::string& out)
{
    const Token* n = expect(TokenKind::Name);
    if (!n)
        return false;
    out = identifier(*n);
    while (at(TokenKind::Dot)) {
        advance();
        n = expect(TokenKind::Name);
        if (!n)
            return false;
        out += '.';
        out += identifier(*n);
    }
    return true;
}

// import_from:
//     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//     | 'from' ('.' | '...')+ 'import' import_from_targets
// import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*'
// import_from_as_names: ','.import_from_as_name+
// import_from_as_name: NAME ['as' NAME]
Stmt* Parser::parse_import_from()
{
    const Token& t = advance();
    auto* imp = m_arena.make<ImportFrom>();
    for (;;) {
        if (accept(TokenKind::Dot))
            imp->level += 1;
        else if (accept(TokenKind::Ellipsis))
            imp->level += 3;
        else
            break;
    }
    if (!at(TokenKind::KwImport) || imp->level == 0) {
        std::string name;
        ADDER_NEED(parse_dotted_name(name));
        imp->module = name;
    }
    ADDER_NEED(expect(TokenKind::KwImport));
    if (at(TokenKind::Star)) {
        const Token& s = advance();
        auto* a = m_arena.make<Alias>();
        a->name = "*";
        a->loc = loc_from(s);
        store_one(imp->names, a);
    } else {
        bool paren = accept(TokenKind::LPar);
        SmallVec<Alias*, 8> names;
        for (;;) {
            const Token* n = expect(TokenKind::Name);
            ADDER_NEED(n);
            auto* a = m_arena.make<Alias>();
            a->name = identifier(*n);
            if (accept(TokenKind::KwAs)) {
                const Token* as = expect(TokenKind::Name);
                ADDER_NEED(as);
                a->asname = identifier(*as);
            }
            a->loc = loc_from(*n);
            names.push_back(a);
            if (!at(TokenKind::Comma))
                break;
            advance();
            if (paren && at(TokenKind::RPar))
                break;
            if (!paren && (at(TokenKind::Newline) || at(TokenKind::Semi)))
                return fail_at(peek(), "trailing comma not allowed without surrounding parentheses");
        }
        store(imp->names, names);
        if (paren)
            ADDER_NEED(expect(TokenKind::RPar));
    }
    imp->loc = loc_from(t);
    return imp;
}

// compound_stmt: &('def' | '@' | ASYNC) function_def | &'if' if_stmt | &('class' | '@') class_def
//     | &('with' | ASYNC) with_stmt | &('for' | ASYNC) for_stmt | &'try' try_stmt
//     | &'while' while_stmt | match_stmt
Stmt* Parser::parse_compound_stmt()
{
    ADDER_DEPTH_GUARD();
    switch (kind()) {
    case TokenKind::KwDef: return parse_function_def({}, nullptr);
    case TokenKind::KwIf: return parse_if_stmt(false);
    case TokenKind::KwClass: return parse_class_def({});
    case TokenKind::KwWith: return parse_with_stmt(nullptr);
    case TokenKind::KwFor: return parse_for_stmt(nullptr);
    case TokenKind::KwTry: return parse_try_stmt();
    case TokenKind::KwWhile: return parse_while_stmt();
    case TokenKind::At: return parse_decorated();
    case TokenKind::KwAsync: {
        const Token& a = advance();
        switch (kind()) {
        case TokenKind::KwDef: return parse_function_def({}, &a);
        case TokenKind::KwWith: return parse_with_stmt(&a);
        case TokenKind::KwFor: return parse_for_stmt(&a);
        default: return fail_invalid_syntax();
        }
    }
    default: return fail_invalid_syntax();
    }
}

// decorators: ('@' f=named_expression NEWLINE)+
Stmt* Parser::parse_decorated()
{
    ExprList list;
    while (accept(TokenKind::At)) {
        Expr* d = parse_named_expression();
        ADDER_NEED(d);
        list.push_back(d);
        ADDER_NEED(expect(TokenKind::Newline));
    }
    Seq<Expr*> decorators;
    store(decorators, list);
    if (at(TokenKind::KwClass))
        return parse_class_def(std::move(decorators));
    if (at(TokenKind::KwDef))
        return parse_function_def(std::move(decorators), nullptr);
    if (at(TokenKind::KwAsync) && kind(1) == TokenKind::KwDef) {
        const Token& a = advance();
        return parse_function_def(std::move(decorators), &a);
    }
    return fail_invalid_syntax();
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
bool Parser::parse_block(Seq<Stmt*>& body, const char* what, int lineno)
{
    StmtList out;
    if (!parse_block_into(out, what, lineno))
        return false;
    store(body, out);
    return true;
}

bool Parser::parse_block_into(StmtList& out, const char* what, int lineno)
{
    if (accept(TokenKind::Newline)) {
        if (!at(TokenKind::Indent)) {
            if (m_fatal || at(TokenKind::ErrorToken)) {
                fail_invalid_syntax();
                return false;
            }
            std::string msg = std::string("expected an indented block after ") + what + " on line " + std::to_string(lineno);
            const Token& t = peek();
            if (t.col < 0)
                fail_at(t, msg, "IndentationError");
            else
                fail_range(t.lineno, t.col, t.end_lineno, t.end_col, msg, "IndentationError");
            return false;
        }
        advance();
        if (!parse_statements(out, true))
            return false;
        if (!accept(TokenKind::Dedent)) {
            fail_invalid_syntax();
            return false;
        }
        return true;
    }
    if (at(TokenKind::Newline) || at(TokenKind::EndMarker)) {
        fail_invalid_syntax();
        return false;
    }
    return parse_simple_stmts(out);
}

// function_def_raw:
//     | 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
//     | ASYNC 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
Stmt* Parser::parse_function_def(Seq<Expr*> decorators, const Token* async_tok)
{
    const Token& def = advance();
    const Token& start = async_tok ? *async_tok : def;
    auto* f = m_arena.make<FunctionDef>(async_tok != nullptr);
    f->decorator_list = std::move(decorators);
    const Token* name = expect(TokenKind::Name);
    ADDER_NEED(name);
    f->name = identifier(*name);
    ADDER_NEED(expect_forced(TokenKind::LPar));
    f->args = parse_parameters(false, TokenKind::RPar);
    ADDER_NEED(f->args);
    ADDER_NEED(expect(TokenKind::RPar));
    if (accept(TokenKind::RArrow)) {
        f->returns = parse_expression();
        ADDER_NEED(f->returns);
    }
    ADDER_NEED(expect_forced(TokenKind::Colon));
    ADDER_NEED(parse_block(f->body, "function definition", def.lineno));
    f->loc = loc_from(start);
    return f;
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] &&':' block
Stmt* Parser::parse_class_def(Seq<Expr*> decorators)
{
    const Token& t = advance();
    auto* c = m_arena.make<ClassDef>();
    c->decorator_list = std::move(decorators);
    const Token* name = expect(TokenKind::Name);
    ADDER_NEED(name);
    c->name = identifier(*name);
    if (at(TokenKind::LPar)) {
        // Reuse the call-argument parser: a class's bases are call arguments.
        auto* fake = m_arena.make<Name>();
        auto* call = static_cast<Call*>(parse_call(fake, false));
        ADDER_NEED(call);
        c->bases = std::move(call->args);
        c->keywords = std::move(call->keywords);
    }
    ADDER_NEED(expect_colon());
    ADDER_NEED(parse_block(c->body, "class definition", t.lineno));
    c->loc = loc_from(t);
    return c;
}

// if_stmt: 'if' named_expression ':' block elif_stmt | 'if' named_expression ':' block [else_block]
// elif_stmt: 'elif' named_expression ':' block elif_stmt | 'elif' named_expression ':' block [else_block]
// else_block: 'else' &&':' block
Stmt* Parser::parse_if_stmt(bool is_elif)
{
    const Token& t = advance();
    auto* s = m_arena.make<If>();
    s->test = parse_named_expression();
    ADDER_NEED(s->test);
    ADDER_NEED(expect_colon());
    ADDER_NEED(parse_block(s->body, is_elif ? "'elif' statement" : "'if' statement", t.lineno));
    if (at(TokenKind::KwElif)) {
        Stmt* e = parse_if_stmt(true);
        ADDER_NEED(e);
        store_one(s->orelse, e);
    } else if (at(TokenKind::KwElse)) {
        const Token& el = advance();
        ADDER_NEED(expect_forced(TokenKind::Colon));
        ADDER_NEED(parse_block(s->orelse, "'else' statement", el.lineno));
    }
    s->loc = loc_from(t);
    return s;
}

// while_stmt: 'while' named_expression ':' block [else_block]
Stmt* Parser::parse_while_stmt()
{
    const Token& t = advance();
    auto* s = m_arena.make<While>();
    s->test = parse_named_expression();
    ADDER_NEED(s->test);
    ADDER_NEED(expect_colon());
    ADDER_NEED(parse_block(s->body, "'while' statement", t.lineno));
    if (at(TokenKind::KwElse)) {
        const Token& el = advance();
        ADDER_NEED(expect_forced(TokenKind::Colon));
        ADDER_NEED(parse_block(s->orelse, "'else' statement", el.lineno));
    }
    s->loc = loc_from(t);
    return s;
}

// for_stmt:
//     | 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
//     | ASYNC 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
Stmt* Parser::parse_for_stmt(const Token* async_tok)
{
    const Token& t = advance();
    auto* s = m_arena.make<For>(async_tok != nullptr);
    s->target = parse_star_targets();
    ADDER_NEED(s->target);
    ADDER_NEED(expect(TokenKind::KwIn));
    s->iter = parse_star_expressions();
    ADDER_NEED(s->iter);
    ADDER_NEED(expect_colon());
    ADDER_NEED(parse_block(s->body, "'for' statement", t.lineno));
    if (at(TokenKind::KwElse)) {
        const Token& el = advance();
        ADDER_NEED(expect_forced(TokenKind::Colon));
        ADDER_NEED(parse_block(s->orelse, "'else' statement", el.lineno));
    }
    s->loc = loc_from(async_tok ? *async_tok : t);
    return s;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
WithItem* Parser::parse_with_item()
{
    auto* item = m_arena.make<WithItem>();
    item->context_expr = parse_expression();
    ADDER_NEED(item->context_expr);
    if (accept(TokenKind::KwAs)) {
        Expr* target = parse_star_targets(true);
        ADDER_NEED(target);
        item->optional_vars = target;
    }
    return item;
}

// with_stmt:
//     | 'with' '(' ','.with_item+ ','? ')' ':' block
//     | 'with' ','.with_item+ ':' [TYPE_COMMENT] block
//     | ASYNC 'with' '(' ','.with_item+ ','? ')' ':' block
//     | ASYNC 'with' ','.with_item+ ':' [TYPE_COMMENT] block
Stmt* Parser::parse_with_stmt(const Token* async_tok)
{
    const Token& t = advance();
    auto* s = m_arena.make<With>(async_tok != nullptr);
    SmallVec<WithItem*, 4> items;
    bool done = false;
    if (at(TokenKind::LPar)) {
        // Try the parenthesized form; fall back to an ordinary expression.
        Mark m = mark();
        advance();
        bool ok = true;
        for (;;) {
            WithItem* item = parse_with_item();
            if (!item) {
                ok = false;
                break;
            }
            items.push_back(item);
            if (!accept(TokenKind::Comma))
                break;
            if (at(TokenKind::RPar))
                break;
        }
        if (ok && accept(TokenKind::RPar) && (at(TokenKind::Colon) || at(TokenKind::Newline))) {
            done = true;
        } else {
            if (m_fatal)
                return nullptr;
            reset(m);
            items.clear();
        }
    }
    if (!done) {
        for (;;) {
            WithItem* item = parse_with_item();
            ADDER_NEED(item);
            items.push_back(item);
            if (!accept(TokenKind::Comma))
                break;
        }
    }
    store(s->items, items);
    ADDER_NEED(expect_colon());
    ADDER_NEED(parse_block(s->body, "'with' statement", t.lineno));
    s->loc = loc_from(async_tok ? *async_tok : t);
    return s;
}

// try_stmt:
//     | 'try' &&':' block finally_block
//     | 'try' &&':' block except_block+ [else_block] [finally_block]
//     | 'try' &&':' block except_star_block+ [else_block] [finally_block]
// except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
// except_star_block: 'except' '*' expression ['as' NAME] ':' block
// finally_block: 'finally' &&':' block
Stmt* Parser::parse_try_stmt()
{
    const Token& t = advance();
    ADDER_NEED(expect_forced(TokenKind::Colon));
    Seq<Stmt*> body;
    ADDER_NEED(parse_block(body, "'try' statement", t.lineno));
    bool star = false;
    SmallVec<ExceptHandler*, 4> handlers;
    bool first_handler = true;
    while (at(TokenKind::KwExcept)) {
        const Token& ex = advance();
        bool this_star = accept(TokenKind::Star);
        if (first_handler)
            star = this_star;
        else if (this_star != star) {
            const Token& end = this_star ? prev() : ex;
            return fail_range(ex.lineno, ex.col, end.end_lineno, end.end_col,
                "cannot have both 'except' and 'except*' on the same 'try'");
        }
        first_handler = false;
        auto* h = m_arena.make<ExceptHandler>();
        if (!at(TokenKind::Colon) && !at(TokenKind::Newline)) {
            h->type = parse_expression();
            ADDER_NEED(h->type);
            if (at(TokenKind::Comma)) {
                // invalid_except_stmt: 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
                Expr* a = h->type;
                Mark m = mark();
                advance();
                Expr* rest = parse_expressions();
                if (rest) {
                    int end_line = rest->loc.end_lineno, end_col = rest->loc.end_col_offset;
                    if (at(TokenKind::KwAs) && kind(1) == TokenKind::Name) {
                        end_line = peek(1).end_lineno;
                        end_col = peek(1).end_col;
                    }
                    return fail_range(a->loc.lineno, a->loc.col_offset, end_line, end_col,
                        "multiple exception types must be parenthesized");
                }
                reset(m);
            }
            if (accept(TokenKind::KwAs)) {
                const Token* n = expect(TokenKind::Name);
                ADDER_NEED(n);
                h->name = identifier(*n);
            }
        } else if (this_star) {
            return fail_at(peek(), "expected one or more exception types");
        }
        ADDER_NEED(expect_colon());
        ADDER_NEED(parse_block(h->body, this_star ? "'except*' statement" : "'except' statement", ex.lineno));
        h->loc = loc_from(ex);
        handlers.push_back(h);
    }
    auto* s = m_arena.make<Try>(star);
    s->body = std::move(body);
    store(s->handlers, handlers);
    if (!s->handlers.empty() && at(TokenKind::KwElse)) {
        const Token& el = advance();
        ADDER_NEED(expect_forced(TokenKind::Colon));
        ADDER_NEED(parse_block(s->orelse, "'else' statement", el.lineno));
    }
    if (at(TokenKind::KwFinally)) {
        const Token& fin = advance();
        ADDER_NEED(expect_forced(TokenKind::Colon));
        ADDER_NEED(parse_block(s->finalbody, "'finally' statement", fin.lineno));
    }
    if (s->handlers.empty() && s->finalbody.empty()) {
        const Token& bad = peek();
        return fail_at(bad, "expected 'except' or 'finally' block");
    }
    s->loc = loc_from(t);
    return s;
}

} // namespace adder::parser
