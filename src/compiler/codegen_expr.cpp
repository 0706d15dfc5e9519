// Expressions: operators, calls (LOAD_METHOD/KW_NAMES/CALL_FUNCTION_EX
// shapes), displays with star-unpacking, comprehensions (each its own code
// unit, called with the outermost iterator), lambdas, yields and awaits,
// f-strings, subscripts and assignment targets. Follows CPython 3.11's
// compiler_visit_expr1 and helpers.
#include "compiler/codegen.h"
#include "compiler/constfold.h"

#include <algorithm>

namespace adder::compiler {

using bytecode::Constant;
using bytecode::Opcode;
using namespace ast;

uint32_t binary_op_arg(Operator op, bool inplace);

namespace {

// CPython's STACK_USE_GUIDELINE: above this many items, build incrementally.
constexpr size_t stack_use_guideline = 30;

Constant str_const(std::string s)
{
    Constant c;
    c.kind = Constant::Kind::Str;
    c.text = std::move(s);
    return c;
}

bool has_starred(const ast::Seq<Expr*>& elts)
{
    for (const Expr* e : elts)
        if (e->kind == ExprKind::Starred)
            return true;
    return false;
}

// CPython's infer_type: the type name an expression statically has, if known.
std::optional<std::string> infer_type(const Expr* e, int optimize)
{
    switch (e->kind) {
    case ExprKind::Tuple: return "tuple";
    case ExprKind::List:
    case ExprKind::ListComp: return "list";
    case ExprKind::Dict:
    case ExprKind::DictComp: return "dict";
    case ExprKind::Set:
    case ExprKind::SetComp: return "set";
    case ExprKind::GeneratorExp: return "generator";
    case ExprKind::Lambda: return "function";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "str";
    case ExprKind::Slice: return "slice";
    default: break;
    }
    auto c = fold_constant(e, optimize);
    if (!c)
        return std::nullopt;
    switch (c->kind) {
    case Constant::Kind::None: return "NoneType";
    case Constant::Kind::Ellipsis: return "ellipsis";
    case Constant::Kind::True:
    case Constant::Kind::False: return "bool";
    case Constant::Kind::Int:
    case Constant::Kind::BigInt: return "int";
    case Constant::Kind::Float: return "float";
    case Constant::Kind::Complex: return "complex";
    case Constant::Kind::Str: return "str";
    case Constant::Kind::Bytes: return "bytes";
    case Constant::Kind::Tuple: return "tuple";
    case Constant::Kind::FrozenSet: return "frozenset";
    case Constant::Kind::Code: return "code";
    }
    return std::nullopt;
}

} // namespace

// CPython's check_is_arg/check_compare: `x is 1` warns.
void Codegen::check_compare(const Compare* e)
{
    auto is_arg_ok = [&](const Expr* x) {
        // Names and literals (most comparands) without building a Constant.
        if (x->kind == ExprKind::Name)
            return true;
        if (x->kind == ExprKind::Constant) {
            using AK = ast::ConstantValue::Kind;
            AK k = static_cast<const ast::Constant*>(x)->value.kind;
            return k == AK::None || k == AK::True || k == AK::False || k == AK::Ellipsis;
        }
        auto c = fold_constant(x, m_options.optimize);
        if (!c || x->kind == ExprKind::Name)
            return true;
        return c->kind == Constant::Kind::None || c->kind == Constant::Kind::True || c->kind == Constant::Kind::False
            || c->kind == Constant::Kind::Ellipsis;
    };
    bool left = is_arg_ok(e->left);
    for (size_t i = 0; i < e->ops.size(); ++i) {
        bool right = is_arg_ok(e->comparators[i]);
        if ((e->ops[i] == CmpOp::Is || e->ops[i] == CmpOp::IsNot) && (!left || !right)) {
            warn(e->ops[i] == CmpOp::Is ? "\"is\" with a literal. Did you mean \"==\"?" : "\"is not\" with a literal. Did you mean \"!=\"?");
            return;
        }
        left = right;
    }
}

// CPython's check_caller: `(1, 2)(x)` is probably a missing comma.
void Codegen::check_caller(const Expr* func)
{
    switch (func->kind) {
    case ExprKind::Constant:
    case ExprKind::Tuple:
    case ExprKind::List:
    case ExprKind::ListComp:
    case ExprKind::Dict:
    case ExprKind::DictComp:
    case ExprKind::Set:
    case ExprKind::SetComp:
    case ExprKind::GeneratorExp:
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
        if (auto t = infer_type(func, m_options.optimize))
            warn("'" + *t + "' object is not callable; perhaps you missed a comma?");
        break;
    default: break;
    }
}

// CPython's check_subscripter and check_index.
void Codegen::check_subscripter_and_index(const Subscript* e)
{
    const Expr* v = e->value;
    bool warn_sub = false;
    if (v->kind == ExprKind::Constant) {
        auto c = fold_constant(v, m_options.optimize);
        warn_sub = c && (c->kind == Constant::Kind::None || c->kind == Constant::Kind::Ellipsis || c->kind == Constant::Kind::Int
                            || c->kind == Constant::Kind::BigInt || c->kind == Constant::Kind::True || c->kind == Constant::Kind::False
                            || c->kind == Constant::Kind::Float || c->kind == Constant::Kind::Complex);
    } else if (v->kind == ExprKind::Set || v->kind == ExprKind::SetComp || v->kind == ExprKind::GeneratorExp || v->kind == ExprKind::Lambda) {
        warn_sub = true;
    }
    if (warn_sub) {
        if (auto t = infer_type(v, m_options.optimize))
            warn("'" + *t + "' object is not subscriptable; perhaps you missed a comma?");
        return;
    }
    auto index_type = infer_type(e->slice, m_options.optimize);
    if (!index_type || *index_type == "int" || *index_type == "bool" || *index_type == "slice")
        return;
    bool warn_index = false;
    if (v->kind == ExprKind::Constant) {
        auto c = fold_constant(v, m_options.optimize);
        warn_index = c && (c->kind == Constant::Kind::Str || c->kind == Constant::Kind::Bytes || c->kind == Constant::Kind::Tuple);
    } else if (v->kind == ExprKind::Tuple || v->kind == ExprKind::List || v->kind == ExprKind::ListComp || v->kind == ExprKind::JoinedStr
        || v->kind == ExprKind::FormattedValue) {
        warn_index = true;
    }
    if (warn_index) {
        if (auto t = infer_type(v, m_options.optimize))
            warn(*t + " indices must be integers or slices, not " + *index_type + "; perhaps you missed a comma?");
    }
}

void Codegen::visit_exprs(const ast::Seq<Expr*>& es)
{
    for (const Expr* e : es)
        visit_expr(e);
}

void Codegen::visit_expr(const Expr* e)
{
    if (failed())
        return;
    auto saved = u->loc;
    set_loc(e->loc);
    visit_expr1(e);
    u->loc = saved;
}

// CPython's AST optimizer (fold_iter) turns a list display iterated by `for`
// or tested by `in` into a tuple, and a constant set display into a frozenset.
void Codegen::visit_iter(const Expr* e)
{
    if (e->kind == ExprKind::List && static_cast<const List*>(e)->ctx == ExprContext::Load) {
        auto saved = u->loc;
        set_loc(e->loc);
        const auto& elts = static_cast<const List*>(e)->elts;
        Constant folded;
        folded.kind = Constant::Kind::Tuple;
        bool all_const = true;
        for (const Expr* elt : elts) {
            auto c = fold_constant(elt, m_options.optimize);
            if (!c) {
                all_const = false;
                break;
            }
            folded.items.push_back(std::move(*c));
        }
        if (all_const)
            load_const(std::move(folded));
        else
            starunpack_helper(elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true);
        u->loc = saved;
        return;
    }
    if (e->kind == ExprKind::Set) {
        Constant folded;
        folded.kind = Constant::Kind::FrozenSet;
        std::vector<std::string> seen;
        bool all_const = true;
        for (const Expr* elt : static_cast<const Set*>(e)->elts) {
            auto c = fold_constant(elt, m_options.optimize);
            if (!c) {
                all_const = false;
                break;
            }
            std::string key = constant_key(*c);
            if (std::find(seen.begin(), seen.end(), key) == seen.end()) {
                seen.push_back(key);
                folded.items.push_back(std::move(*c));
            }
        }
        if (all_const) {
            auto saved = u->loc;
            set_loc(e->loc);
            load_const(std::move(folded));
            u->loc = saved;
            return;
        }
    }
    visit_expr(e);
}

void Codegen::add_yield_from(bool await)
{
    int start = new_block(), resume = new_block(), exit = new_block();
    use_block(start);
    emit_jump(Opcode::SEND, exit);
    use_block(resume);
    emit(Opcode::YIELD_VALUE);
    emit(Opcode::RESUME, await ? 3 : 2);
    emit_jump(Opcode::JUMP, start);
    use_block(exit);
}

void Codegen::emit_yield()
{
    if (u->ste->is_coroutine)
        emit(Opcode::ASYNC_GEN_WRAP);
    emit(Opcode::YIELD_VALUE);
    emit(Opcode::RESUME, 1);
}

void Codegen::add_compare(CmpOp op)
{
    switch (op) {
    case CmpOp::Eq: emit(Opcode::COMPARE_OP, 2); break;
    case CmpOp::NotEq: emit(Opcode::COMPARE_OP, 3); break;
    case CmpOp::Lt: emit(Opcode::COMPARE_OP, 0); break;
    case CmpOp::LtE: emit(Opcode::COMPARE_OP, 1); break;
    case CmpOp::Gt: emit(Opcode::COMPARE_OP, 4); break;
    case CmpOp::GtE: emit(Opcode::COMPARE_OP, 5); break;
    case CmpOp::Is: emit(Opcode::IS_OP, 0); break;
    case CmpOp::IsNot: emit(Opcode::IS_OP, 1); break;
    case CmpOp::In: emit(Opcode::CONTAINS_OP, 0); break;
    case CmpOp::NotIn: emit(Opcode::CONTAINS_OP, 1); break;
    }
}

// CPython's compiler_jump_if: jump to `next` when `e` is `cond`.
void Codegen::jump_if(const Expr* e, int next, bool cond)
{
    if (failed())
        return;
    jump_if_inner(e, next, cond);
}

void Codegen::jump_if_inner(const Expr* e, int next, bool cond)
{
    // Constant tests fold to an unconditional jump or nothing (3.11 gets the
    // same result from its peephole pass).
    if (auto c = fold_constant(e, m_options.optimize); c && c->kind != Constant::Kind::Tuple) {
        if (constant_truth(*c) == cond)
            emit_jump(Opcode::JUMP, next);
        return;
    }
    switch (e->kind) {
    case ExprKind::UnaryOp: {
        auto* un = static_cast<const UnaryOp*>(e);
        if (un->op == UnaryOpKind::Not) {
            jump_if(un->operand, next, !cond);
            return;
        }
        break;
    }
    case ExprKind::BoolOp: {
        auto* b = static_cast<const BoolOp*>(e);
        size_t n = b->values.size() - 1;
        bool cond2 = b->op == BoolOpKind::Or;
        int next2 = next;
        if (cond2 != cond)
            next2 = new_block();
        for (size_t i = 0; i < n; ++i)
            jump_if(b->values[i], next2, cond2);
        jump_if(b->values[n], next, cond);
        if (next2 != next)
            use_block(next2);
        return;
    }
    case ExprKind::IfExp: {
        auto* ie = static_cast<const IfExp*>(e);
        int end = new_block(), next2 = new_block();
        jump_if(ie->test, next2, false);
        jump_if(ie->body, next, cond);
        emit_jump_noline(Opcode::JUMP, end);
        use_block(next2);
        jump_if(ie->orelse, next, cond);
        use_block(end);
        return;
    }
    case ExprKind::Compare: {
        auto* cmp = static_cast<const Compare*>(e);
        size_t n = cmp->ops.size() - 1;
        if (n > 0) {
            auto saved = u->loc;
            set_loc(e->loc);
            check_compare(cmp);
            int cleanup = new_block();
            visit_expr(cmp->left);
            for (size_t i = 0; i < n; ++i) {
                visit_expr(cmp->comparators[i]);
                emit(Opcode::SWAP, 2);
                emit(Opcode::COPY, 2);
                add_compare(cmp->ops[i]);
                emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
                next_block();
            }
            visit_comparator(cmp->comparators[n], cmp->ops[n]);
            add_compare(cmp->ops[n]);
            emit_jump(cond ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, next);
            next_block();
            int end = new_block();
            emit_jump_noline(Opcode::JUMP, end);
            use_block(cleanup);
            emit(Opcode::POP_TOP);
            if (!cond)
                emit_jump_noline(Opcode::JUMP, next);
            use_block(end);
            u->loc = saved;
            return;
        }
        break;
    }
    default: break;
    }
    visit_expr(e);
    // As in 3.11, a jump on a comparison is located at the comparison; any
    // other test's jump at the enclosing statement or expression.
    auto saved = u->loc;
    if (e->kind == ExprKind::Compare)
        set_loc(e->loc);
    emit_jump(cond ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, next);
    u->loc = saved;
    next_block();
}

void Codegen::compile_boolop(const BoolOp* e)
{
    Opcode op = e->op == BoolOpKind::And ? Opcode::JUMP_IF_FALSE_OR_POP : Opcode::JUMP_IF_TRUE_OR_POP;
    int end = new_block();
    size_t n = e->values.size() - 1;
    for (size_t i = 0; i < n; ++i) {
        visit_expr(e->values[i]);
        emit_jump(op, end);
        next_block();
    }
    visit_expr(e->values[n]);
    use_block(end);
}

void Codegen::compile_compare(const Compare* e)
{
    check_compare(e);
    size_t n = e->ops.size() - 1;
    visit_expr(e->left);
    if (n == 0) {
        visit_comparator(e->comparators[0], e->ops[0]);
        add_compare(e->ops[0]);
        return;
    }
    int cleanup = new_block();
    for (size_t i = 0; i < n; ++i) {
        visit_expr(e->comparators[i]);
        emit(Opcode::SWAP, 2);
        emit(Opcode::COPY, 2);
        add_compare(e->ops[i]);
        emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
        next_block();
    }
    visit_comparator(e->comparators[n], e->ops[n]);
    add_compare(e->ops[n]);
    int end = new_block();
    emit_jump_noline(Opcode::JUMP, end);
    use_block(cleanup);
    emit(Opcode::SWAP, 2);
    emit(Opcode::POP_TOP);
    use_block(end);
}

// CPython's starunpack_helper.
void Codegen::starunpack_helper(const ast::Seq<Expr*>& elts, int pushed, Opcode build, Opcode add, Opcode extend, bool tuple)
{
    size_t n = elts.size();
    if (n > 2) {
        Constant folded;
        folded.kind = Constant::Kind::Tuple;
        bool all_const = true;
        for (const Expr* elt : elts) {
            auto c = fold_constant(elt, m_options.optimize);
            if (!c) {
                all_const = false;
                break;
            }
            folded.items.push_back(std::move(*c));
        }
        if (all_const) {
            if (tuple && !pushed) {
                load_const(std::move(folded));
            } else {
                if (add == Opcode::SET_ADD)
                    folded.kind = Constant::Kind::FrozenSet;
                emit(build, static_cast<uint32_t>(pushed));
                load_const(std::move(folded));
                emit(extend, 1);
                if (tuple)
                    emit(Opcode::LIST_TO_TUPLE);
            }
            return;
        }
    }
    bool big = n + static_cast<size_t>(pushed) > stack_use_guideline;
    bool seen_star = has_starred(elts);
    if (!seen_star && !big) {
        visit_exprs(elts);
        emit(tuple ? Opcode::BUILD_TUPLE : build, static_cast<uint32_t>(n + pushed));
        return;
    }
    bool built = false;
    if (big) {
        emit(build, static_cast<uint32_t>(pushed));
        built = true;
    }
    for (size_t i = 0; i < n; ++i) {
        const Expr* elt = elts[i];
        if (elt->kind == ExprKind::Starred) {
            if (!built) {
                emit(build, static_cast<uint32_t>(i + pushed));
                built = true;
            }
            visit_expr(static_cast<const Starred*>(elt)->value);
            emit(extend, 1);
        } else {
            visit_expr(elt);
            if (built)
                emit(add, 1);
        }
    }
    if (tuple)
        emit(Opcode::LIST_TO_TUPLE);
}

// CPython's unpack_helper + assignment_helper: UNPACK_SEQUENCE/UNPACK_EX then
// store each target.
void Codegen::assignment_helper(const ast::Seq<Expr*>& elts)
{
    size_t n = elts.size();
    bool seen_star = false;
    for (size_t i = 0; i < n; ++i) {
        const Expr* elt = elts[i];
        if (elt->kind == ExprKind::Starred && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 24) >> 8) {
                fail("too many expressions in star-unpacking assignment");
                return;
            }
            emit(Opcode::UNPACK_EX, static_cast<uint32_t>(i + ((n - i - 1) << 8)));
            seen_star = true;
        } else if (elt->kind == ExprKind::Starred) {
            set_loc(elt->loc);
            fail("multiple starred expressions in assignment");
            return;
        }
    }
    if (!seen_star)
        emit(Opcode::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
    for (const Expr* elt : elts)
        visit_expr(elt->kind == ExprKind::Starred ? static_cast<const Starred*>(elt)->value : elt);
}

// CPython's compiler_subdict.
void Codegen::subdict(const Dict* e, size_t begin, size_t end)
{
    size_t n = end - begin;
    bool big = n * 2 > stack_use_guideline;
    bool all_const = n > 1 && !big;
    for (size_t i = begin; i < end && all_const; ++i)
        all_const = fold_constant(e->keys[i], m_options.optimize).has_value();
    if (all_const) {
        Constant keys;
        keys.kind = Constant::Kind::Tuple;
        for (size_t i = begin; i < end; ++i) {
            visit_expr(e->values[i]);
            keys.items.push_back(*fold_constant(e->keys[i], m_options.optimize));
        }
        load_const(std::move(keys));
        emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<uint32_t>(n));
        return;
    }
    if (big)
        emit(Opcode::BUILD_MAP, 0);
    for (size_t i = begin; i < end; ++i) {
        visit_expr(e->keys[i]);
        visit_expr(e->values[i]);
        if (big)
            emit(Opcode::MAP_ADD, 1);
    }
    if (!big)
        emit(Opcode::BUILD_MAP, static_cast<uint32_t>(n));
}

// CPython's compiler_dict.
void Codegen::compile_dict(const Dict* e)
{
    size_t n = e->values.size();
    size_t elements = 0;
    bool have_dict = false;
    for (size_t i = 0; i < n; ++i) {
        bool is_unpacking = e->keys[i] == nullptr;
        if (is_unpacking) {
            if (elements) {
                subdict(e, i - elements, i);
                if (have_dict)
                    emit(Opcode::DICT_UPDATE, 1);
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                emit(Opcode::BUILD_MAP, 0);
                have_dict = true;
            }
            visit_expr(e->values[i]);
            emit(Opcode::DICT_UPDATE, 1);
        } else {
            if (elements * 2 > stack_use_guideline) {
                subdict(e, i - elements, i + 1);
                if (have_dict)
                    emit(Opcode::DICT_UPDATE, 1);
                have_dict = true;
                elements = 0;
            } else {
                ++elements;
            }
        }
    }
    if (elements) {
        subdict(e, n - elements, n);
        if (have_dict)
            emit(Opcode::DICT_UPDATE, 1);
        have_dict = true;
    }
    if (!have_dict)
        emit(Opcode::BUILD_MAP, 0);
}

void Codegen::call_simple_kw_helper(const ast::Seq<Keyword*>& keywords)
{
    Constant names;
    names.kind = Constant::Kind::Tuple;
    for (const Keyword* k : keywords)
        names.items.push_back(str_const(*k->arg));
    emit(Opcode::KW_NAMES, add_const(std::move(names)));
}

// CPython's compiler_subkwargs: a dict of keywords[begin:end].
void Codegen::subkwargs(const ast::Seq<Keyword*>& keywords, size_t begin, size_t end)
{
    size_t n = end - begin;
    bool big = n * 2 > stack_use_guideline;
    if (n > 1 && !big) {
        Constant keys;
        keys.kind = Constant::Kind::Tuple;
        for (size_t i = begin; i < end; ++i) {
            visit_expr(keywords[i]->value);
            keys.items.push_back(str_const(*keywords[i]->arg));
        }
        load_const(std::move(keys));
        emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<uint32_t>(n));
        return;
    }
    if (big)
        emit(Opcode::BUILD_MAP, 0);
    for (size_t i = begin; i < end; ++i) {
        emit(Opcode::LOAD_CONST, add_str_const(*keywords[i]->arg));
        visit_expr(keywords[i]->value);
        if (big)
            emit(Opcode::MAP_ADD, 1);
    }
    if (!big)
        emit(Opcode::BUILD_MAP, static_cast<uint32_t>(n));
}

// CPython's validate_keywords: no `__debug__=`, no repeated keyword.
bool Codegen::validate_keywords(const ast::Seq<Keyword*>& keywords)
{
    for (size_t i = 0; i < keywords.size(); ++i) {
        if (!keywords[i]->arg)
            continue;
        if (std::string_view(*keywords[i]->arg) == "__debug__")
            return fail("cannot assign to __debug__");
        for (size_t j = i + 1; j < keywords.size(); ++j) {
            if (keywords[j]->arg && *keywords[j]->arg == *keywords[i]->arg)
                return fail_at("keyword argument repeated: " + *keywords[i]->arg, keywords[j]->loc);
        }
    }
    return true;
}

// CPython's compiler_check_debug_args: no parameter may be called __debug__.
bool Codegen::check_debug_args(const Arguments* args)
{
    auto bad = [](const Arg* a) { return a && std::string_view(a->arg) == "__debug__"; };
    for (const Arg* a : args->posonlyargs)
        if (bad(a))
            return fail("cannot assign to __debug__");
    for (const Arg* a : args->args)
        if (bad(a))
            return fail("cannot assign to __debug__");
    if (bad(args->vararg))
        return fail("cannot assign to __debug__");
    for (const Arg* a : args->kwonlyargs)
        if (bad(a))
            return fail("cannot assign to __debug__");
    if (bad(args->kwarg))
        return fail("cannot assign to __debug__");
    return true;
}

// CPython's compiler_call_helper: `n` callable-side items are already pushed.
void Codegen::call_helper(int n, const ast::Seq<Expr*>& args, const ast::Seq<Keyword*>& keywords)
{
    if (!validate_keywords(keywords))
        return;
    size_t nelts = args.size(), nkwelts = keywords.size();
    bool ex_call = nelts + nkwelts * 2 > stack_use_guideline || has_starred(args);
    for (const Keyword* k : keywords)
        if (!k->arg)
            ex_call = true;
    if (!ex_call) {
        visit_exprs(args);
        if (nkwelts) {
            for (const Keyword* k : keywords)
                visit_expr(k->value);
            call_simple_kw_helper(keywords);
        }
        emit(Opcode::CALL, static_cast<uint32_t>(n + nelts + nkwelts));
        return;
    }
    if (n == 0 && nelts == 1 && args[0]->kind == ExprKind::Starred)
        visit_expr(static_cast<const Starred*>(args[0])->value);
    else
        starunpack_helper(args, n, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true);
    if (nkwelts) {
        bool have_dict = false;
        size_t nseen = 0;
        for (size_t i = 0; i < nkwelts; ++i) {
            const Keyword* kw = keywords[i];
            if (!kw->arg) {
                if (nseen) {
                    subkwargs(keywords, i - nseen, i);
                    if (have_dict)
                        emit(Opcode::DICT_MERGE, 1);
                    have_dict = true;
                    nseen = 0;
                }
                if (!have_dict) {
                    emit(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                visit_expr(kw->value);
                emit(Opcode::DICT_MERGE, 1);
            } else {
                ++nseen;
            }
        }
        if (nseen) {
            subkwargs(keywords, nkwelts - nseen, nkwelts);
            if (have_dict)
                emit(Opcode::DICT_MERGE, 1);
        }
    }
    emit(Opcode::CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
}

// CPython's maybe_optimize_method_call: obj.meth(args) via LOAD_METHOD.
bool Codegen::maybe_optimize_method_call(const Call* e)
{
    const Expr* meth = e->func;
    if (meth->kind != ExprKind::Attribute || static_cast<const Attribute*>(meth)->ctx != ExprContext::Load)
        return false;
    // CPython's is_import_originated: `mod.f()` on a module-level import
    // stays an attribute load (modules have no methods to bind).
    const Expr* base = static_cast<const Attribute*>(meth)->value;
    if (base->kind == ExprKind::Name && (m_table.top()->flags_of(static_cast<const Name*>(base)->id) & DEF_IMPORT))
        return false;
    size_t argsl = e->args.size(), kwdsl = e->keywords.size();
    if (argsl + kwdsl + (kwdsl != 0) >= stack_use_guideline)
        return false;
    if (has_starred(e->args))
        return false;
    for (const Keyword* k : e->keywords)
        if (!k->arg)
            return false;
    for (size_t i = 0; i < kwdsl; ++i)
        for (size_t j = i + 1; j < kwdsl; ++j)
            if (*e->keywords[i]->arg == *e->keywords[j]->arg)
                return false; // let call_helper report it
    auto* attr = static_cast<const Attribute*>(meth);
    visit_expr(attr->value);
    // LOAD_METHOD and KW_NAMES sit on the attribute (its last line), CALL on the call.
    auto saved = u->loc;
    set_loc(meth->loc);
    u->loc.lineno = meth->loc.end_lineno;
    emit_name(Opcode::LOAD_METHOD, attr->attr);
    visit_exprs(e->args);
    if (kwdsl) {
        for (const Keyword* k : e->keywords)
            visit_expr(k->value);
        call_simple_kw_helper(e->keywords);
    }
    u->loc = saved;
    emit(Opcode::CALL, static_cast<uint32_t>(argsl + kwdsl));
    return true;
}

void Codegen::compile_call(const Call* e)
{
    if (!validate_keywords(e->keywords))
        return;
    if (maybe_optimize_method_call(e))
        return;
    check_caller(e->func);
    auto saved = u->loc;
    set_loc(e->func->loc);
    emit(Opcode::PUSH_NULL);
    u->loc = saved;
    visit_expr(e->func);
    call_helper(0, e->args, e->keywords);
}

void Codegen::compile_lambda(const Lambda* e)
{
    if (!check_debug_args(e->args))
        return;
    uint32_t funcflags = default_arguments(e->args);
    if (failed())
        return;
    enter_scope("<lambda>", ScopeType::Lambda, e, e->loc.lineno);
    // None first, so a lambda never has a docstring.
    add_const(Constant {});
    u->argcount = static_cast<int>(e->args->args.size() + e->args->posonlyargs.size());
    u->posonlyargcount = static_cast<int>(e->args->posonlyargs.size());
    u->kwonlyargcount = static_cast<int>(e->args->kwonlyargs.size());
    visit_expr(e->body);
    if (u->ste->is_generator)
        emit(Opcode::POP_TOP);
    else
        emit(Opcode::RETURN_VALUE);
    auto code = leave_scope_assemble(true);
    if (failed())
        return;
    make_closure(std::move(code), funcflags);
}

void Codegen::comprehension_element(const Expr* elt, const Expr* val, ExprKind type, int depth)
{
    switch (type) {
    case ExprKind::GeneratorExp:
        visit_expr(elt);
        emit_yield();
        emit(Opcode::POP_TOP);
        break;
    case ExprKind::ListComp:
        visit_expr(elt);
        emit(Opcode::LIST_APPEND, static_cast<uint32_t>(depth + 1));
        break;
    case ExprKind::SetComp:
        visit_expr(elt);
        emit(Opcode::SET_ADD, static_cast<uint32_t>(depth + 1));
        break;
    default:
        visit_expr(elt);
        visit_expr(val);
        emit(Opcode::MAP_ADD, static_cast<uint32_t>(depth + 1));
        break;
    }
}

// CPython's compiler_sync_comprehension_generator.
void Codegen::comprehension_generator(const ast::Seq<Comprehension*>& generators, size_t gen_index, int depth,
    const Expr* elt, const Expr* val, ExprKind type)
{
    const Comprehension* gen = generators[gen_index];
    if (gen->is_async) {
        async_comprehension_generator(generators, gen_index, depth, elt, val, type);
        return;
    }
    int start = new_block(), if_cleanup = new_block(), anchor = new_block();
    bool has_loop = true;
    if (gen_index == 0) {
        u->argcount = 1;
        emit(Opcode::LOAD_FAST, 0);
    } else {
        // `for y in [f(x)]` binds y without a loop.
        const ast::Seq<Expr*>* elts = nullptr;
        if (gen->iter->kind == ExprKind::List)
            elts = &static_cast<const List*>(gen->iter)->elts;
        else if (gen->iter->kind == ExprKind::Tuple)
            elts = &static_cast<const Tuple*>(gen->iter)->elts;
        if (elts && elts->size() == 1 && (*elts)[0]->kind != ExprKind::Starred) {
            visit_expr((*elts)[0]);
            has_loop = false;
        } else {
            visit_iter(gen->iter);
            emit(Opcode::GET_ITER);
        }
    }
    if (has_loop) {
        ++depth;
        use_block(start);
        emit_jump(Opcode::FOR_ITER, anchor);
        next_block();
    }
    visit_expr(gen->target);
    for (const Expr* cond : gen->ifs) {
        jump_if(cond, if_cleanup, false);
        next_block();
    }
    if (++gen_index < generators.size())
        comprehension_generator(generators, gen_index, depth, elt, val, type);
    if (gen_index >= generators.size())
        comprehension_element(elt, val, type, depth);
    use_block(if_cleanup);
    if (has_loop) {
        emit_jump(Opcode::JUMP, start);
        use_block(anchor);
    }
}

// CPython's compiler_async_comprehension_generator.
void Codegen::async_comprehension_generator(const ast::Seq<Comprehension*>& generators, size_t gen_index, int depth,
    const Expr* elt, const Expr* val, ExprKind type)
{
    const Comprehension* gen = generators[gen_index];
    int start = new_block(), except = new_block(), if_cleanup = new_block();
    if (gen_index == 0) {
        u->argcount = 1;
        emit(Opcode::LOAD_FAST, 0);
    } else {
        visit_expr(gen->iter);
        emit(Opcode::GET_AITER);
    }
    use_block(start);
    push_fblock(FBlockType::AsyncComprehensionGenerator, start, -1);
    emit_jump(PSEUDO_SETUP_FINALLY, except);
    emit(Opcode::GET_ANEXT);
    load_none();
    add_yield_from(true);
    emit(PSEUDO_POP_BLOCK);
    visit_expr(gen->target);
    for (const Expr* cond : gen->ifs) {
        jump_if(cond, if_cleanup, false);
        next_block();
    }
    ++depth;
    if (++gen_index < generators.size())
        comprehension_generator(generators, gen_index, depth, elt, val, type);
    if (gen_index >= generators.size())
        comprehension_element(elt, val, type, depth);
    use_block(if_cleanup);
    emit_jump(Opcode::JUMP, start);
    pop_fblock();
    use_block(except);
    emit(Opcode::END_ASYNC_FOR);
}

// CPython's compiler_comprehension.
void Codegen::compile_comprehension(const Expr* e, const ast::Seq<Comprehension*>& generators, const Expr* elt, const Expr* val)
{
    ExprKind type = e->kind;
    const char* name = type == ExprKind::ListComp ? "<listcomp>" : type == ExprKind::SetComp ? "<setcomp>" : type == ExprKind::DictComp ? "<dictcomp>" : "<genexpr>";
    const Comprehension* outermost = generators[0];
    ScopeType outer_type = u->scope_type;
    bool top_level_await = is_top_level_await();
    enter_scope(name, ScopeType::Comprehension, e, e->loc.lineno);
    set_loc(e->loc);
    bool is_async_generator = u->ste->is_coroutine;
    if (is_async_generator && type != ExprKind::GeneratorExp && outer_type != ScopeType::AsyncFunction
        && outer_type != ScopeType::Comprehension && !top_level_await) {
        fail("asynchronous comprehension outside of an asynchronous function");
        leave_scope_assemble(true);
        return;
    }
    if (type == ExprKind::ListComp)
        emit(Opcode::BUILD_LIST, 0);
    else if (type == ExprKind::SetComp)
        emit(Opcode::BUILD_SET, 0);
    else if (type == ExprKind::DictComp)
        emit(Opcode::BUILD_MAP, 0);
    comprehension_generator(generators, 0, 0, elt, val, type);
    if (type != ExprKind::GeneratorExp)
        emit(Opcode::RETURN_VALUE);
    auto code = leave_scope_assemble(true);
    if (failed())
        return;
    if (top_level_await && is_async_generator)
        u->ste->is_coroutine = true;
    make_closure(std::move(code), 0);
    visit_iter(outermost->iter);
    emit(outermost->is_async ? Opcode::GET_AITER : Opcode::GET_ITER);
    emit(Opcode::CALL, 0);
    if (is_async_generator && type != ExprKind::GeneratorExp) {
        emit(Opcode::GET_AWAITABLE, 0);
        load_none();
        add_yield_from(true);
    }
}

void Codegen::compile_formatted_value(const FormattedValue* e)
{
    visit_expr(e->value);
    uint32_t oparg = 0;
    switch (e->conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    default: oparg = 0; break;
    }
    if (e->format_spec) {
        visit_expr(e->format_spec);
        oparg |= 4;
    }
    emit(Opcode::FORMAT_VALUE, oparg);
}

void Codegen::compile_joined_str(const JoinedStr* e)
{
    size_t n = e->values.size();
    if (n > stack_use_guideline) {
        emit(Opcode::LOAD_CONST, add_str_const(""));
        emit(Opcode::LOAD_METHOD, add_name("join"));
        emit(Opcode::BUILD_LIST, 0);
        for (const Expr* v : e->values) {
            visit_expr(v);
            emit(Opcode::LIST_APPEND, 1);
        }
        emit(Opcode::CALL, 1);
        return;
    }
    visit_exprs(e->values);
    if (n != 1)
        emit(Opcode::BUILD_STRING, static_cast<uint32_t>(n));
}

void Codegen::compile_slice(const Slice* e)
{
    uint32_t n = 2;
    if (e->lower)
        visit_expr(e->lower);
    else
        load_none();
    if (e->upper)
        visit_expr(e->upper);
    else
        load_none();
    if (e->step) {
        visit_expr(e->step);
        n = 3;
    }
    emit(Opcode::BUILD_SLICE, n);
}

void Codegen::compile_subscript(const Subscript* e)
{
    if (e->ctx == ExprContext::Load)
        check_subscripter_and_index(e);
    visit_expr(e->value);
    visit_expr(e->slice);
    switch (e->ctx) {
    case ExprContext::Load: emit(Opcode::BINARY_SUBSCR); break;
    case ExprContext::Store: emit(Opcode::STORE_SUBSCR); break;
    case ExprContext::Del: emit(Opcode::DELETE_SUBSCR); break;
    }
}

// Guards for trees that did not come from the parser (compile() of an `ast`
// object): CPython's validator rejects these with ValueError before compiling.
bool Codegen::malformed(const Expr* e)
{
    const char* msg = nullptr;
    switch (e->kind) { // one jump for the kinds that cannot be malformed
    case ExprKind::BoolOp:
        if (static_cast<const BoolOp*>(e)->values.size() < 2)
            msg = "BoolOp with less than 2 values";
        break;
    case ExprKind::Compare: {
        auto* c = static_cast<const Compare*>(e);
        if (c->comparators.empty())
            msg = "Compare with no comparators";
        else if (c->comparators.size() != c->ops.size())
            msg = "Compare has a different number of comparators and operands";
        break;
    }
    case ExprKind::Dict:
        if (static_cast<const Dict*>(e)->keys.size() != static_cast<const Dict*>(e)->values.size())
            msg = "Dict doesn't have the same number of keys as values";
        break;
    case ExprKind::ListComp:
        if (static_cast<const ListComp*>(e)->generators.empty())
            msg = "comprehension with no generators";
        break;
    case ExprKind::SetComp:
        if (static_cast<const SetComp*>(e)->generators.empty())
            msg = "comprehension with no generators";
        break;
    case ExprKind::DictComp:
        if (static_cast<const DictComp*>(e)->generators.empty())
            msg = "comprehension with no generators";
        break;
    case ExprKind::GeneratorExp:
        if (static_cast<const GeneratorExp*>(e)->generators.empty())
            msg = "comprehension with no generators";
        break;
    default: return false;
    }
    if (!msg)
        return false;
    fail(msg);
    m_error->type = "ValueError";
    return true;
}

void Codegen::visit_expr1(const Expr* e)
{
    if (malformed(e))
        return;
    switch (e->kind) {
    case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        visit_expr(n->value);
        emit(Opcode::COPY, 1);
        visit_expr(n->target);
        break;
    }
    case ExprKind::BoolOp: compile_boolop(static_cast<const BoolOp*>(e)); break;
    case ExprKind::BinOp: {
        if (auto c = fold_constant(e, m_options.optimize)) {
            load_const(std::move(*c));
            break;
        }
        auto* b = static_cast<const BinOp*>(e);
        visit_expr(b->left);
        visit_expr(b->right);
        emit(Opcode::BINARY_OP, binary_op_arg(b->op, false));
        break;
    }
    case ExprKind::UnaryOp: {
        auto* un = static_cast<const UnaryOp*>(e);
        if (un->op != UnaryOpKind::Not) {
            if (auto c = fold_constant(e, m_options.optimize)) {
                load_const(std::move(*c));
                break;
            }
        }
        visit_expr(un->operand);
        switch (un->op) {
        case UnaryOpKind::Invert: emit(Opcode::UNARY_INVERT); break;
        case UnaryOpKind::Not: emit(Opcode::UNARY_NOT); break;
        case UnaryOpKind::UAdd: emit(Opcode::UNARY_POSITIVE); break;
        case UnaryOpKind::USub: emit(Opcode::UNARY_NEGATIVE); break;
        }
        break;
    }
    case ExprKind::Lambda: compile_lambda(static_cast<const Lambda*>(e)); break;
    case ExprKind::IfExp: {
        auto* ie = static_cast<const IfExp*>(e);
        int end = new_block(), next = new_block();
        jump_if(ie->test, next, false);
        visit_expr(ie->body);
        emit_jump_noline(Opcode::JUMP, end);
        use_block(next);
        visit_expr(ie->orelse);
        use_block(end);
        break;
    }
    case ExprKind::Dict: compile_dict(static_cast<const Dict*>(e)); break;
    case ExprKind::Set:
        starunpack_helper(static_cast<const Set*>(e)->elts, 0, Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE, false);
        break;
    case ExprKind::GeneratorExp: {
        auto* g = static_cast<const GeneratorExp*>(e);
        compile_comprehension(e, g->generators, g->elt, nullptr);
        break;
    }
    case ExprKind::ListComp: {
        auto* g = static_cast<const ListComp*>(e);
        compile_comprehension(e, g->generators, g->elt, nullptr);
        break;
    }
    case ExprKind::SetComp: {
        auto* g = static_cast<const SetComp*>(e);
        compile_comprehension(e, g->generators, g->elt, nullptr);
        break;
    }
    case ExprKind::DictComp: {
        auto* g = static_cast<const DictComp*>(e);
        compile_comprehension(e, g->generators, g->key, g->value);
        break;
    }
    case ExprKind::Yield: {
        if (u->ste->type != BlockType::Function) {
            fail("'yield' outside function");
            return;
        }
        auto* y = static_cast<const Yield*>(e);
        if (y->value)
            visit_expr(y->value);
        else
            load_none();
        emit_yield();
        break;
    }
    case ExprKind::YieldFrom: {
        if (u->ste->type != BlockType::Function) {
            fail("'yield' outside function");
            return;
        }
        if (u->scope_type == ScopeType::AsyncFunction) {
            fail("'yield from' inside async function");
            return;
        }
        visit_expr(static_cast<const YieldFrom*>(e)->value);
        emit(Opcode::GET_YIELD_FROM_ITER);
        load_none();
        add_yield_from(false);
        break;
    }
    case ExprKind::Await: {
        if (!is_top_level_await()) {
            if (u->ste->type != BlockType::Function) {
                fail("'await' outside function");
                return;
            }
            if (u->scope_type != ScopeType::AsyncFunction && u->scope_type != ScopeType::Comprehension) {
                fail("'await' outside async function");
                return;
            }
        }
        visit_expr(static_cast<const Await*>(e)->value);
        emit(Opcode::GET_AWAITABLE, 0);
        load_none();
        add_yield_from(true);
        break;
    }
    case ExprKind::Compare: compile_compare(static_cast<const Compare*>(e)); break;
    case ExprKind::Call: compile_call(static_cast<const Call*>(e)); break;
    case ExprKind::FormattedValue: compile_formatted_value(static_cast<const FormattedValue*>(e)); break;
    case ExprKind::JoinedStr: compile_joined_str(static_cast<const JoinedStr*>(e)); break;
    case ExprKind::Constant: emit(Opcode::LOAD_CONST, add_ast_const(static_cast<const ast::Constant*>(e)->value)); break;
    case ExprKind::Attribute: {
        auto* a = static_cast<const Attribute*>(e);
        if (a->ctx == ExprContext::Store && std::string_view(a->attr) == "__debug__") {
            fail("cannot assign to __debug__");
            return;
        }
        visit_expr(a->value);
        auto saved = u->loc;
        u->loc.lineno = e->loc.end_lineno;
        switch (a->ctx) {
        case ExprContext::Load: emit_name(Opcode::LOAD_ATTR, a->attr); break;
        case ExprContext::Store: emit_name(Opcode::STORE_ATTR, a->attr); break;
        case ExprContext::Del: emit_name(Opcode::DELETE_ATTR, a->attr); break;
        }
        u->loc = saved;
        break;
    }
    case ExprKind::Subscript: compile_subscript(static_cast<const Subscript*>(e)); break;
    case ExprKind::Starred:
        if (static_cast<const Starred*>(e)->ctx == ExprContext::Store)
            fail("starred assignment target must be in a list or tuple");
        else
            fail("can't use starred expression here");
        break;
    case ExprKind::Slice: compile_slice(static_cast<const Slice*>(e)); break;
    case ExprKind::Name: {
        auto* n = static_cast<const Name*>(e);
        nameop(n->id, n->ctx);
        break;
    }
    case ExprKind::List: {
        auto* l = static_cast<const List*>(e);
        if (l->ctx == ExprContext::Store)
            assignment_helper(l->elts);
        else if (l->ctx == ExprContext::Load)
            starunpack_helper(l->elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, false);
        else
            visit_exprs(l->elts);
        break;
    }
    case ExprKind::Tuple: {
        auto* t = static_cast<const Tuple*>(e);
        if (t->ctx == ExprContext::Store) {
            assignment_helper(t->elts);
        } else if (t->ctx == ExprContext::Load) {
            if (auto c = fold_constant(e, m_options.optimize)) {
                load_const(std::move(*c));
                break;
            }
            starunpack_helper(t->elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true);
        } else {
            visit_exprs(t->elts);
        }
        break;
    }
    }
}

} // namespace adder::compiler
