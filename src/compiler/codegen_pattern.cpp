// The match statement (PEP 634), following CPython 3.11's compiler_match and
// compiler_pattern_*: the subject stays on the stack while a case is tried;
// captured values pile up under it and are stored only once the whole
// pattern matched; failure paths jump to a ladder of POP_TOP blocks
// ("fail_pop") that unwinds exactly what the failing point had pushed.
#include "compiler/codegen.h"
#include "compiler/constfold.h"

#include "bytecode/disassemble.h"

#include <algorithm>

namespace adder::compiler {

using bytecode::Constant;
using bytecode::Opcode;
using namespace ast;

uint32_t binary_op_arg(Operator op, bool inplace);

struct Codegen::PatternContext {
    std::vector<std::string> stores; // names captured so far, in stack order
    bool allow_irrefutable = false;
    std::vector<int> fail_pop; // fail_pop[n]: pops n items, then fails
    int on_top = 0; // items on top of the subject that must survive
};

namespace {

bool wildcard_check(const Pattern* p)
{
    if (p->kind != PatternKind::MatchAs)
        return false;
    auto* a = static_cast<const MatchAs*>(p);
    return !a->pattern && !a->name;
}

bool wildcard_star_check(const Pattern* p)
{
    return p->kind == PatternKind::MatchStar && !static_cast<const MatchStar*>(p)->name;
}

} // namespace

void Codegen::jump_to_fail_pop(PatternContext& pc, int op)
{
    size_t pops = static_cast<size_t>(pc.on_top) + pc.stores.size();
    while (pc.fail_pop.size() <= pops)
        pc.fail_pop.push_back(new_block());
    emit_jump(op, pc.fail_pop[pops]);
    next_block();
}

void Codegen::emit_and_reset_fail_pop(PatternContext& pc)
{
    if (pc.fail_pop.empty())
        return;
    for (size_t n = pc.fail_pop.size() - 1; n > 0; --n) {
        use_block(pc.fail_pop[n]);
        emit(Opcode::POP_TOP);
    }
    use_block(pc.fail_pop[0]);
    pc.fail_pop.clear();
}

void Codegen::pattern_helper_rotate(int count)
{
    while (1 < count)
        emit(Opcode::SWAP, static_cast<uint32_t>(count--));
}

void Codegen::pattern_helper_store_name(const std::optional<std::string>& name, PatternContext& pc, const Location& loc)
{
    if (!name) {
        emit(Opcode::POP_TOP);
        return;
    }
    if (*name == "__debug__") {
        fail_at("cannot assign to __debug__", loc);
        return;
    }
    if (std::find(pc.stores.begin(), pc.stores.end(), *name) != pc.stores.end()) {
        fail_at("multiple assignments to name '" + *name + "' in pattern", loc);
        return;
    }
    pattern_helper_rotate(pc.on_top + static_cast<int>(pc.stores.size()) + 1);
    pc.stores.push_back(*name);
}

void Codegen::pattern_unpack_helper(const ast::Seq<Pattern*>& elts)
{
    size_t n = elts.size();
    bool seen_star = false;
    for (size_t i = 0; i < n; ++i) {
        if (elts[i]->kind != PatternKind::MatchStar)
            continue;
        if (seen_star) {
            fail("multiple starred expressions in sequence pattern");
            return;
        }
        if (i >= (1 << 8) || n - i - 1 >= (1 << 16)) {
            fail("too many expressions in star-unpacking sequence pattern");
            return;
        }
        emit(Opcode::UNPACK_EX, static_cast<uint32_t>(i + ((n - i - 1) << 8)));
        seen_star = true;
    }
    if (!seen_star)
        emit(Opcode::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
}

void Codegen::pattern_helper_sequence_unpack(const ast::Seq<Pattern*>& patterns, int star, PatternContext& pc)
{
    pattern_unpack_helper(patterns);
    int size = static_cast<int>(patterns.size());
    pc.on_top += size;
    for (int i = 0; i < size && !failed(); ++i) {
        pc.on_top--;
        pattern_subpattern(patterns[i], pc);
    }
}

void Codegen::pattern_helper_sequence_subscr(const ast::Seq<Pattern*>& patterns, int star, PatternContext& pc)
{
    pc.on_top++;
    int size = static_cast<int>(patterns.size());
    for (int i = 0; i < size && !failed(); ++i) {
        const Pattern* p = patterns[i];
        if (wildcard_check(p) || i == star)
            continue;
        emit(Opcode::COPY, 1);
        if (i < star) {
            emit(Opcode::LOAD_CONST, add_int_const(i));
        } else {
            // The subject may not support negative indexing.
            emit(Opcode::GET_LEN);
            emit(Opcode::LOAD_CONST, add_int_const(size - i));
            emit(Opcode::BINARY_OP, binary_op_arg(Operator::Sub, false));
        }
        emit(Opcode::BINARY_SUBSCR);
        pattern_subpattern(p, pc);
    }
    pc.on_top--;
    emit(Opcode::POP_TOP);
}

void Codegen::pattern_subpattern(const Pattern* p, PatternContext& pc)
{
    bool saved = pc.allow_irrefutable;
    pc.allow_irrefutable = true;
    pattern(p, pc);
    pc.allow_irrefutable = saved;
}

void Codegen::pattern_as(const MatchAs* p, PatternContext& pc)
{
    if (!p->pattern) {
        if (!pc.allow_irrefutable) {
            if (p->name)
                fail("name capture '" + *p->name + "' makes remaining patterns unreachable");
            else
                fail("wildcard makes remaining patterns unreachable");
            return;
        }
        pattern_helper_store_name(p->name, pc, p->loc);
        return;
    }
    pc.on_top++;
    emit(Opcode::COPY, 1);
    pattern(p->pattern, pc);
    pc.on_top--;
    pattern_helper_store_name(p->name, pc, p->loc);
}

void Codegen::pattern_star(const MatchStar* p, PatternContext& pc)
{
    pattern_helper_store_name(p->name, pc, p->loc);
}

void Codegen::pattern_value(const MatchValue* p, PatternContext& pc)
{
    const Expr* v = p->value;
    if (v->kind != ExprKind::Constant && v->kind != ExprKind::Attribute && v->kind != ExprKind::UnaryOp && v->kind != ExprKind::BinOp) {
        fail("patterns may only match literals and attribute lookups");
        return;
    }
    visit_expr(v);
    add_compare(CmpOp::Eq);
    jump_to_fail_pop(pc, op_of(Opcode::POP_JUMP_IF_FALSE));
}

void Codegen::pattern_singleton(const MatchSingleton* p, PatternContext& pc)
{
    emit(Opcode::LOAD_CONST, add_ast_const(p->value));
    add_compare(CmpOp::Is);
    jump_to_fail_pop(pc, op_of(Opcode::POP_JUMP_IF_FALSE));
}

void Codegen::pattern_sequence(const MatchSequence* p, PatternContext& pc)
{
    const auto& patterns = p->patterns;
    int size = static_cast<int>(patterns.size());
    int star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < size; ++i) {
        const Pattern* q = patterns[i];
        if (q->kind == PatternKind::MatchStar) {
            if (star >= 0) {
                fail("multiple starred names in sequence pattern");
                return;
            }
            star_wildcard = wildcard_star_check(q);
            only_wildcard = only_wildcard && star_wildcard;
            star = i;
            continue;
        }
        only_wildcard = only_wildcard && wildcard_check(q);
    }
    pc.on_top++;
    emit(Opcode::MATCH_SEQUENCE);
    jump_to_fail_pop(pc, op_of(Opcode::POP_JUMP_IF_FALSE));
    if (star < 0) {
        emit(Opcode::GET_LEN);
        emit(Opcode::LOAD_CONST, add_int_const(size));
        add_compare(CmpOp::Eq);
        jump_to_fail_pop(pc, op_of(Opcode::POP_JUMP_IF_FALSE));
    } else if (size - 1 > 0) {
        emit(Opcode::GET_LEN);
        emit(Opcode::LOAD_CONST, add_int_const(size - 1));
        add_compare(CmpOp::GtE);
        jump_to_fail_pop(pc, op_of(Opcode::POP_JUMP_IF_FALSE));
    }
    pc.on_top--;
    if (only_wildcard)
        emit(Opcode::POP_TOP);
    else if (star_wildcard)
        pattern_helper_sequence_subscr(patterns, star, pc);
    else
        pattern_helper_sequence_unpack(patterns, star, pc);
}

void Codegen::pattern_mapping(const MatchMapping* p, PatternContext& pc)
{
    const auto& keys = p->keys;
    size_t size = keys.size();
    if (size != p->patterns.size()) {
        fail("keys / patterns length mismatch in mapping pattern");
        return;
    }
    pc.on_top++;
    emit(Opcode::MATCH_MAPPING);
    jump_to_fail_pop(pc, op_of(Opcode::POP_JUMP_IF_FALSE));
    if (!size && !p->rest) {
        pc.on_top--;
        emit(Opcode::POP_TOP);
        return;
    }
    if (size) {
        emit(Opcode::GET_LEN);
        emit(Opcode::LOAD_CONST, add_int_const(static_cast<int64_t>(size)));
        add_compare(CmpOp::GtE);
        jump_to_fail_pop(pc, op_of(Opcode::POP_JUMP_IF_FALSE));
    }
    std::vector<std::string> seen;
    for (size_t i = 0; i < size; ++i) {
        const Expr* key = keys[i];
        if (auto c = key->kind == ExprKind::Attribute ? std::nullopt : fold_constant(key, m_options.optimize)) {
            // FIXME: keys equal across types (1 == 1.0 == True) are not detected as duplicates.
            std::string k = constant_key(*c);
            if (std::find(seen.begin(), seen.end(), k) != seen.end()) {
                fail("mapping pattern checks duplicate key (" + bytecode::constant_repr(*c) + ")");
                return;
            }
            seen.push_back(k);
        } else if (key->kind != ExprKind::Attribute) {
            fail("mapping pattern keys may only match literals and attribute lookups");
            return;
        }
        visit_expr(key);
    }
    emit(Opcode::BUILD_TUPLE, static_cast<uint32_t>(size));
    emit(Opcode::MATCH_KEYS);
    pc.on_top += 2;
    emit(Opcode::COPY, 1);
    load_none();
    emit(Opcode::IS_OP, 1);
    jump_to_fail_pop(pc, op_of(Opcode::POP_JUMP_IF_FALSE));
    emit(Opcode::UNPACK_SEQUENCE, static_cast<uint32_t>(size));
    pc.on_top += static_cast<int>(size) - 1;
    for (size_t i = 0; i < size && !failed(); ++i) {
        pc.on_top--;
        pattern_subpattern(p->patterns[i], pc);
    }
    pc.on_top -= 2;
    if (p->rest) {
        emit(Opcode::BUILD_MAP, 0);
        emit(Opcode::SWAP, 3);
        emit(Opcode::DICT_UPDATE, 2);
        emit(Opcode::UNPACK_SEQUENCE, static_cast<uint32_t>(size));
        while (size) {
            emit(Opcode::COPY, static_cast<uint32_t>(1 + size--));
            emit(Opcode::SWAP, 2);
            emit(Opcode::DELETE_SUBSCR);
        }
        pattern_helper_store_name(p->rest, pc, p->loc);
    } else {
        emit(Opcode::POP_TOP);
        emit(Opcode::POP_TOP);
    }
}

void Codegen::pattern_class(const MatchClass* p, PatternContext& pc)
{
    size_t nargs = p->patterns.size(), nattrs = p->kwd_attrs.size();
    if (nattrs != p->kwd_patterns.size()) {
        fail("kwd_attrs / kwd_patterns length mismatch in class pattern");
        return;
    }
    for (size_t i = 0; i < nattrs; ++i) {
        const std::string& name = p->kwd_attrs[i];
        if (name == "__debug__") {
            fail_at("cannot assign to __debug__", p->kwd_patterns[i]->loc);
            return;
        }
        for (size_t j = i + 1; j < nattrs; ++j) {
            if (p->kwd_attrs[j] == name) {
                fail_at("attribute name repeated in class pattern: " + name, p->kwd_patterns[j]->loc);
                return;
            }
        }
    }
    set_loc(p->loc);
    visit_expr(p->cls);
    Constant names;
    names.kind = Constant::Kind::Tuple;
    for (const auto& a : p->kwd_attrs) {
        Constant s;
        s.kind = Constant::Kind::Str;
        s.text = a;
        names.items.push_back(std::move(s));
    }
    load_const(std::move(names));
    emit(Opcode::MATCH_CLASS, static_cast<uint32_t>(nargs));
    emit(Opcode::COPY, 1);
    load_none();
    emit(Opcode::IS_OP, 1);
    pc.on_top++;
    jump_to_fail_pop(pc, op_of(Opcode::POP_JUMP_IF_FALSE));
    emit(Opcode::UNPACK_SEQUENCE, static_cast<uint32_t>(nargs + nattrs));
    pc.on_top += static_cast<int>(nargs + nattrs) - 1;
    for (size_t i = 0; i < nargs + nattrs && !failed(); ++i) {
        pc.on_top--;
        const Pattern* q = i < nargs ? p->patterns[i] : p->kwd_patterns[i - nargs];
        if (wildcard_check(q)) {
            emit(Opcode::POP_TOP);
            continue;
        }
        pattern_subpattern(q, pc);
    }
}

void Codegen::pattern_or(const MatchOr* p, PatternContext& pc)
{
    int end = new_block();
    size_t size = p->patterns.size();
    PatternContext old_pc = pc;
    std::vector<std::string> control;
    for (size_t i = 0; i < size && !failed(); ++i) {
        const Pattern* alt = p->patterns[i];
        set_loc(alt->loc);
        pc.stores.clear();
        pc.allow_irrefutable = (i == size - 1) && old_pc.allow_irrefutable;
        pc.fail_pop.clear();
        pc.on_top = 0;
        emit(Opcode::COPY, 1);
        pattern(alt, pc);
        if (failed())
            return;
        size_t nstores = pc.stores.size();
        if (i == 0) {
            control = pc.stores;
        } else if (nstores != control.size()) {
            fail("alternative patterns bind different names");
            return;
        } else if (nstores) {
            // Reorder the captures on the stack to match the first alternative.
            for (size_t icontrol = nstores; icontrol-- > 0;) {
                const std::string& name = control[icontrol];
                auto it = std::find(pc.stores.begin(), pc.stores.end(), name);
                if (it == pc.stores.end()) {
                    fail("alternative patterns bind different names");
                    return;
                }
                size_t istores = static_cast<size_t>(it - pc.stores.begin());
                if (icontrol != istores) {
                    size_t rotations = istores + 1;
                    std::vector<std::string> rotated(pc.stores.begin(), pc.stores.begin() + rotations);
                    pc.stores.erase(pc.stores.begin(), pc.stores.begin() + rotations);
                    pc.stores.insert(pc.stores.begin() + (icontrol - istores), rotated.begin(), rotated.end());
                    while (rotations--)
                        pattern_helper_rotate(static_cast<int>(icontrol + 1));
                }
            }
        }
        emit_jump(Opcode::JUMP, end);
        emit_and_reset_fail_pop(pc);
    }
    pc = old_pc;
    emit(Opcode::POP_TOP);
    jump_to_fail_pop(pc, op_of(Opcode::JUMP));
    use_block(end);
    size_t nstores = control.size();
    int nrots = static_cast<int>(nstores) + 1 + pc.on_top + static_cast<int>(pc.stores.size());
    for (size_t i = 0; i < nstores; ++i) {
        pattern_helper_rotate(nrots);
        const std::string& name = control[i];
        if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end()) {
            fail("multiple assignments to name '" + name + "' in pattern");
            return;
        }
        pc.stores.push_back(name);
    }
    emit(Opcode::POP_TOP);
}

void Codegen::pattern(const Pattern* p, PatternContext& pc)
{
    if (failed())
        return;
    set_loc(p->loc);
    switch (p->kind) {
    case PatternKind::MatchValue: pattern_value(static_cast<const MatchValue*>(p), pc); break;
    case PatternKind::MatchSingleton: pattern_singleton(static_cast<const MatchSingleton*>(p), pc); break;
    case PatternKind::MatchSequence: pattern_sequence(static_cast<const MatchSequence*>(p), pc); break;
    case PatternKind::MatchMapping: pattern_mapping(static_cast<const MatchMapping*>(p), pc); break;
    case PatternKind::MatchClass: pattern_class(static_cast<const MatchClass*>(p), pc); break;
    case PatternKind::MatchStar: pattern_star(static_cast<const MatchStar*>(p), pc); break;
    case PatternKind::MatchAs: pattern_as(static_cast<const MatchAs*>(p), pc); break;
    case PatternKind::MatchOr: pattern_or(static_cast<const MatchOr*>(p), pc); break;
    }
}

// CPython's compiler_match / compiler_match_inner.
void Codegen::compile_match(const Match* s)
{
    visit_expr(s->subject);
    int end = new_block();
    size_t cases = s->cases.size();
    const MatchCase* m = s->cases.back();
    bool has_default = wildcard_check(m->pattern) && 1 < cases;
    PatternContext pc;
    for (size_t i = 0; i < cases - (has_default ? 1 : 0) && !failed(); ++i) {
        m = s->cases[i];
        set_loc(m->pattern->loc);
        bool last = i == cases - (has_default ? 1 : 0) - 1;
        if (!last)
            emit(Opcode::COPY, 1);
        pc.stores.clear();
        pc.allow_irrefutable = m->guard != nullptr || i == cases - 1;
        pc.fail_pop.clear();
        pc.on_top = 0;
        pattern(m->pattern, pc);
        if (failed())
            return;
        for (const auto& name : pc.stores)
            nameop(name, ExprContext::Store);
        if (m->guard) {
            if (pc.fail_pop.empty())
                pc.fail_pop.push_back(new_block());
            jump_if(m->guard, pc.fail_pop[0], false);
        }
        if (!last)
            emit(Opcode::POP_TOP);
        visit_stmts(m->body);
        emit_jump(Opcode::JUMP, end);
        set_loc(m->pattern->loc);
        emit_and_reset_fail_pop(pc);
    }
    if (has_default && !failed()) {
        m = s->cases.back();
        set_loc(m->pattern->loc);
        if (cases == 1)
            emit(Opcode::POP_TOP);
        else
            emit(Opcode::NOP);
        if (m->guard)
            jump_if(m->guard, end, false);
        visit_stmts(m->body);
    }
    use_block(end);
}

} // namespace adder::compiler
