// The evaluation loop: one body per opcode of bytecode/opcodes.def, in .def
// order, dispatched by computed goto (GCC/Clang) from a table expanded from
// the .def file, so an opcode without a body fails to compile. Every failing
// instruction jumps to `error`, which records a traceback entry and searches
// the code's exception table (3.11's zero-cost model). Slow paths live in
// ops_*.cpp. Semantics follow CPython 3.11 Python/ceval.c.
#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstring>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/range.h"
#include "objects/str.h"
#include "objects/thread_state.h"
#include "objects/tuple.h"
#include "vm/interp.h"
#include "vm/ops.h"

namespace adder::vm {

using bytecode::Opcode;

// Set by the SIGINT handler (runtime.cpp); polled at RESUME and backward jumps.
volatile sig_atomic_t g_interrupt_pending = 0;

static bool take_interrupt()
{
    if (!g_interrupt_pending)
        return false;
    g_interrupt_pending = 0;
    throw_error_value(g_KeyboardInterrupt, Value());
    return true;
}

static const bytecode::ExceptionEntry* find_handler(const Code* code, uint32_t index)
{
    const auto& table = code->m_unit->exception_table;
    size_t lo = 0, hi = table.size();
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (table[mid].end <= index)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < table.size() && table[lo].start <= index && index < table[lo].end)
        return &table[lo];
    return nullptr;
}

} // namespace adder::vm

namespace adder {

Code::GlobalCache* Code::ensure_caches()
{
    if (!m_global_cache) {
        size_t n = m_names.size() ? m_names.size() : 1;
        m_global_cache = std::make_unique<GlobalCache[]>(n);
        for (size_t i = 0; i < n; ++i)
            m_global_cache[i] = { ~0ull, ~0ull, Value() }; // never a dict version
    }
    return m_global_cache.get();
}

Code::AttrCache* Code::ensure_attr_caches()
{
    if (!m_attr_cache) {
        size_t n = m_unit->code.size() ? m_unit->code.size() : 1;
        m_attr_cache = std::make_unique<AttrCache[]>(n);
        for (size_t i = 0; i < n; ++i)
            m_attr_cache[i] = { nullptr, 0, Value(), 0 }; // epoch is never 0
    }
    return m_attr_cache.get();
}

} // namespace adder

namespace adder::vm {

// type_lookup(tp, name) through the inline cache entry of the instruction
// at `index` (pc - 1): a hit costs two compares instead of a hash probe.
// Boxes a float result with the inline allocator (float_value is out of line).
static inline Value box_float(double v) { return Value(make<Float>(g_float_type, v)); }

// float ** float for the common case CPython's float_pow maps straight to
// pow(): positive finite base, finite exponent, finite result. Anything else
// (sign rules, zero, inf/nan, overflow errors) takes the slow path.
static inline bool fast_float_pow(double a, double b, double& out)
{
    if (!(a > 0.0) || !std::isfinite(a) || !std::isfinite(b))
        return false;
    out = std::pow(a, b);
    return std::isfinite(out);
}

// Module and class bodies usually run once, top to bottom: a cache entry
// per instruction word would be allocated (32 bytes a word, fresh memory for
// every imported module) and never hit. Such code gets a scratch entry that
// always misses until it has made many lookups (a loop at module level),
// then its own caches.
static Code::AttrCache& attr_cache_slow(Code* code, uint32_t index)
{
    constexpr uint16_t uncached_limit = 200;
    if (!(code->m_flags & bytecode::CO_OPTIMIZED) && code->m_uncached_attr_uses < uncached_limit) {
        ++code->m_uncached_attr_uses;
        static Code::AttrCache s_scratch;
        s_scratch = { nullptr, 0, Value(), 0 }; // epoch 0 never matches: a miss
        return s_scratch;
    }
    return code->ensure_attr_caches()[index];
}

// COMPARE_OP's operator (CompareOp order: < <= == != > >=) on two machine
// values of the same kind.
template<typename T>
static inline bool compare_values(uint32_t op, T a, T b)
{
    switch (op) {
    case 0: return a < b;
    case 1: return a <= b;
    case 2: return a == b;
    case 3: return a != b;
    case 4: return a > b;
    default: return a >= b;
    }
}

static inline Code::AttrCache& attr_cache(Code* code, uint32_t index)
{
    Code::AttrCache* caches = code->m_attr_cache.get();
    if (!caches) [[unlikely]]
        return attr_cache_slow(code, index);
    return caches[index];
}

static inline Value cached_type_lookup(Code::AttrCache& c, Type* tp, Str* name)
{
    uint64_t epoch = type_cache_epoch();
    if (c.type == tp && c.epoch == epoch) [[likely]]
        return c.descr;
    Value descr = type_lookup(tp, name);
    // type_lookup runs no Python code, so the epoch cannot have moved.
    c.type = tp;
    c.epoch = epoch;
    c.descr = descr;
    return descr;
}

static inline Value cached_type_lookup(Code* code, uint32_t index, Type* tp, Str* name)
{
    return cached_type_lookup(attr_cache(code, index), tp, name);
}

// d[name] for an interned `name`, trying the entry index remembered in
// `hint` first: keys are unique and deleted entries have a null key, so an
// entry whose key is `name` itself is the live one. Instances of one class
// usually share the insertion order, so the hint stays valid across them.
static inline Value dict_get_hinted(Dict* d, Str* name, uint32_t& hint)
{
    const auto& entries = d->entries();
    if (hint < entries.size() && entries[hint].key.as_object() == name) [[likely]]
        return entries[hint].value;
    Value v = d->get_str(name);
    if (v) {
        // Bounded: a site that sees big dicts of varied layouts (modules)
        // must not pay a linear scan per access.
        for (size_t i = 0, n = std::min<size_t>(entries.size(), 32); i < n; ++i) {
            if (entries[i].key.as_object() == name) {
                hint = uint32_t(i);
                break;
            }
        }
    }
    return v;
}

Result<Value> eval_frame(Frame* f, bool throwing)
{
    ThreadState& ts = thread();
    if (Status st = enter_call(); st.is_error())
        return pending;
    f->previous = ts.frame;
    ts.frame = f;

    Code* code = f->code;
    const bytecode::Word* instrs = f->instrs;
    Value* localsplus = f->localsplus();
    Value* stack_base = f->stack_base();
    Value* sp = stack_base + f->stack_depth;
    uint32_t pc = f->pc;
    uint32_t oparg = 0;
    bytecode::Word word;
    Tuple* kwnames = nullptr;
    Value retval;
    const Value* consts = code->m_consts.data();
    Str* const* names = code->m_names.data();

    static void* const labels[256] = {
#define OPCODE(name, operand, pops, pushes, jump_pushes, flags) &&op_##name,
#include "bytecode/opcodes.def"
#undef OPCODE
    };

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<ptrdiff_t>(n)])
#define SET_TOP(v) (sp[-1] = (v))
// f->lasti is not stored per instruction: only the error path reads it, and
// it is derived there from pc (the instruction being executed is pc - 1).
#define DISPATCH()                              \
    do {                                        \
        word = instrs[pc++];                    \
        oparg = word >> 8;                      \
        goto* labels[word & 0xFF];              \
    } while (0)
#define JUMP_TO(target) (pc = (target))
#define CHECK(expr)                             \
    ({                                          \
        auto&& _r = (expr);                     \
        if (_r.is_error()) [[unlikely]]         \
            goto error;                         \
        _r.release_value();                     \
    })
#define SAVE() (f->pc = pc, f->stack_depth = int32_t(sp - stack_base))
// Switches the cached frame state to `f` (after an inlined call or return).
#define LOAD_FRAME()                                \
    do {                                            \
        code = f->code;                             \
        instrs = f->instrs;                         \
        localsplus = f->localsplus();               \
        stack_base = f->stack_base();               \
        sp = stack_base + f->stack_depth;           \
        pc = f->pc;                                 \
        consts = code->m_consts.data();             \
        names = code->m_names.data();               \
    } while (0)

    if (throwing) {
        f->lasti = pc ? pc - 1 : 0;
        goto error_lasti_set;
    }
    DISPATCH();

    // --- stack manipulation
op_NOP:
    DISPATCH();
op_POP_TOP:
    --sp;
    DISPATCH();
op_PUSH_NULL:
    PUSH(Value());
    DISPATCH();
op_COPY: {
    Value v = PEEK(oparg);
    PUSH(v);
    DISPATCH();
}
op_SWAP: {
    Value t = TOP();
    SET_TOP(PEEK(oparg));
    PEEK(oparg) = t;
    DISPATCH();
}
op_EXTENDED_ARG: {
    uint32_t high = oparg;
    word = instrs[pc++];
    oparg = (high << 24) | (word >> 8);
    goto* labels[word & 0xFF];
}
op_RESUME:
    if (g_interrupt_pending) [[unlikely]] {
        if (take_interrupt())
            goto error;
    }
    DISPATCH();

    // --- constants and variables
op_LOAD_CONST:
    PUSH(consts[oparg]);
    DISPATCH();
op_LOAD_FAST: {
    Value v = localsplus[oparg];
    if (!v) [[unlikely]] {
        throw_error(g_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
                    code->m_localsplusnames[oparg]->c_str());
        goto error;
    }
    PUSH(v);
    DISPATCH();
}
op_STORE_FAST:
    localsplus[oparg] = POP();
    DISPATCH();
op_DELETE_FAST:
    if (!localsplus[oparg]) {
        throw_error(g_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
                    code->m_localsplusnames[oparg]->c_str());
        goto error;
    }
    localsplus[oparg] = Value();
    DISPATCH();
op_LOAD_NAME: {
    SAVE();
    Value v = CHECK(load_name(f, names[oparg]));
    PUSH(v);
    DISPATCH();
}
op_STORE_NAME: {
    SAVE();
    Value v = POP();
    CHECK(store_name(f, names[oparg], v));
    DISPATCH();
}
op_DELETE_NAME:
    SAVE();
    CHECK(store_name(f, names[oparg], Value()));
    DISPATCH();
op_LOAD_GLOBAL: {
    Code::GlobalCache* caches = code->m_global_cache.get();
    if (!caches) [[unlikely]]
        caches = code->ensure_caches();
    Code::GlobalCache& cache = caches[oparg >> 1];
    Value v;
    if (cache.globals_version == f->globals->version() && cache.builtins_version == f->builtins->version()) [[likely]] {
        v = cache.value;
    } else {
        Str* name = names[oparg >> 1];
        v = f->globals->get_str(name);
        if (!v)
            v = f->builtins->get_str(name);
        if (!v) {
            throw_error(g_NameError, "name '%s' is not defined", name->c_str());
            set_name_error_name(name);
            goto error;
        }
        cache = { f->globals->version(), f->builtins->version(), v };
    }
    if (oparg & 1)
        PUSH(Value());
    PUSH(v);
    DISPATCH();
}
op_STORE_GLOBAL:
    f->globals->set_str(names[oparg], POP());
    DISPATCH();
op_DELETE_GLOBAL:
    if (!f->globals->del_str(names[oparg])) {
        throw_error(g_NameError, "name '%s' is not defined", names[oparg]->c_str());
        goto error;
    }
    DISPATCH();
op_MAKE_CELL: {
    Value init = localsplus[oparg];
    localsplus[oparg] = Value(make<CellObject>(g_cell_type, init));
    DISPATCH();
}
op_COPY_FREE_VARS: {
    Tuple* closure = f->func->m_closure;
    int offset = code->m_nlocalsplus - int(oparg);
    for (uint32_t i = 0; i < oparg; ++i)
        localsplus[offset + int(i)] = closure->at(i);
    DISPATCH();
}
op_LOAD_CLOSURE:
    PUSH(localsplus[oparg]);
    DISPATCH();
op_LOAD_DEREF: {
    Value v = static_cast<CellObject*>(localsplus[oparg].as_object())->m_value;
    if (!v) [[unlikely]] {
        raise_unbound_deref(code, oparg);
        goto error;
    }
    PUSH(v);
    DISPATCH();
}
op_LOAD_CLASSDEREF: {
    SAVE();
    Value v = CHECK(load_classderef(f, oparg));
    PUSH(v);
    DISPATCH();
}
op_STORE_DEREF:
    static_cast<CellObject*>(localsplus[oparg].as_object())->m_value = POP();
    DISPATCH();
op_DELETE_DEREF: {
    auto* cell = static_cast<CellObject*>(localsplus[oparg].as_object());
    if (!cell->m_value) {
        raise_unbound_deref(code, oparg);
        goto error;
    }
    cell->m_value = Value();
    DISPATCH();
}

    // --- attributes and subscripts
op_LOAD_ATTR: {
    Value owner = TOP();
    if (owner.is_object()) {
        // generic_getattr inlined for the common instance cases (no Python
        // code can run): an instance-dict hit with no descriptor on the
        // type, or a plain class attribute. Everything else takes the slow path.
        Object* o = owner.as_object();
        Type* tp = o->type();
        if (tp->getattro == generic_getattr) {
            Str* name = names[oparg];
            Code::AttrCache& cache = attr_cache(code, pc - 1);
            Value descr = cached_type_lookup(cache, tp, name);
            if (!descr || !descr.type()->descr_get) {
                Dict* d = o->dict();
                Value v = d ? dict_get_hinted(d, name, cache.hint) : Value();
                if (!v)
                    v = descr;
                if (v) {
                    SET_TOP(v);
                    DISPATCH();
                }
            }
        }
    }
    SAVE();
    Value v = CHECK(get_attr(owner, names[oparg]));
    SET_TOP(v);
    DISPATCH();
}
op_STORE_ATTR: {
    Value owner = TOP();
    Value v = PEEK(2);
    sp -= 2;
    if (owner.is_object()) {
        // generic_setattr inlined when the instance dict exists and the type
        // has no data descriptor for the name.
        Object* o = owner.as_object();
        Type* tp = o->type();
        Dict* d = o->dict();
        if (d && tp->setattro == generic_setattr) {
            Str* name = names[oparg];
            Value descr = cached_type_lookup(code, pc - 1, tp, name);
            if (!descr || !descr.type()->descr_set) {
                d->set_str(name, v);
                DISPATCH();
            }
        }
    }
    SAVE();
    CHECK(set_attr(owner, names[oparg], v));
    DISPATCH();
}
op_DELETE_ATTR: {
    SAVE();
    Value owner = POP();
    CHECK(del_attr(owner, names[oparg]));
    DISPATCH();
}
op_LOAD_METHOD: {
    Value owner = TOP();
    if (owner.is_object()) {
        // get_method inlined for a method (Python function or builtin method
        // descriptor, as in get_method) found on the type and not shadowed
        // by the instance dict (no Python code can run).
        Object* o = owner.as_object();
        Type* tp = o->type();
        if (tp->getattro == generic_getattr) {
            Str* name = names[oparg];
            Value descr = cached_type_lookup(code, pc - 1, tp, name);
            Type* dt = descr.is_object() ? descr.as_object()->type() : nullptr;
            if (dt && (dt == g_function_type || dt == g_method_descriptor_type || dt == g_wrapper_descriptor_type)) {
                Dict* d = o->dict();
                if (!d || !d->get_str(name)) {
                    SET_TOP(descr);
                    PUSH(owner);
                    DISPATCH();
                }
            }
        }
    }
    SAVE();
    bool is_method;
    Value m = CHECK(get_method(owner, names[oparg], is_method));
    if (is_method) {
        SET_TOP(m);
        PUSH(owner);
    } else {
        SET_TOP(Value());
        PUSH(m);
    }
    DISPATCH();
}
op_BINARY_SUBSCR: {
    SAVE();
    Value sub = TOP();
    Value container = PEEK(2);
    Value v;
    if (sub.is_small_int() && container.is_object()) {
        Type* t = container.type();
        int64_t i = sub.small_int();
        if (t == g_list_type) {
            List* l = as_list(container);
            if (i < 0)
                i += int64_t(l->size());
            if (i >= 0 && size_t(i) < l->size()) {
                --sp;
                SET_TOP(l->at(size_t(i)));
                DISPATCH();
            }
        } else if (t == g_tuple_type) {
            Tuple* tu = as_tuple(container);
            if (i < 0)
                i += int64_t(tu->size());
            if (i >= 0 && size_t(i) < tu->size()) {
                --sp;
                SET_TOP(tu->at(size_t(i)));
                DISPATCH();
            }
        }
    }
    if (container.is_object() && container.type() == g_dict_type && sub.is_object() && sub.type() == g_str_type) {
        // Exact str key: no Python code runs in the lookup.
        if (Value hit = as_dict(container)->get_str(as_str(sub))) {
            --sp;
            SET_TOP(hit);
            DISPATCH();
        }
    }
    v = CHECK(get_item(container, sub));
    --sp;
    SET_TOP(v);
    DISPATCH();
}
op_STORE_SUBSCR: {
    SAVE();
    Value sub = TOP();
    Value container = PEEK(2);
    Value v = PEEK(3);
    sp -= 3;
    if (sub.is_small_int() && container.is_object() && container.type() == g_list_type) {
        List* l = as_list(container);
        int64_t i = sub.small_int();
        if (i < 0)
            i += int64_t(l->size());
        if (i >= 0 && size_t(i) < l->size()) {
            l->items()[size_t(i)] = v;
            DISPATCH();
        }
    }
    if (container.is_object() && container.type() == g_dict_type && sub.is_object() && sub.type() == g_str_type) {
        as_dict(container)->set_str(as_str(sub), v);
        DISPATCH();
    }
    CHECK(set_item(container, sub, v));
    DISPATCH();
}
op_DELETE_SUBSCR: {
    SAVE();
    Value sub = TOP();
    Value container = PEEK(2);
    sp -= 2;
    CHECK(del_item(container, sub));
    DISPATCH();
}
op_BUILD_SLICE: {
    Value step = oparg == 3 ? POP() : none();
    Value stop = POP();
    Value start = TOP();
    SET_TOP(make_slice(start, stop, step));
    DISPATCH();
}

    // --- operators
op_UNARY_POSITIVE: {
    SAVE();
    Value v = CHECK(unary_positive(TOP()));
    SET_TOP(v);
    DISPATCH();
}
op_UNARY_NEGATIVE: {
    SAVE();
    Value x = TOP();
    if (x.is_small_int()) {
        SET_TOP(int_from_i64(-x.small_int()));
        DISPATCH();
    }
    Value v = CHECK(unary_negative(x));
    SET_TOP(v);
    DISPATCH();
}
op_UNARY_NOT: {
    SAVE();
    bool b = CHECK(truthy(TOP()));
    SET_TOP(py_bool(!b));
    DISPATCH();
}
op_UNARY_INVERT: {
    SAVE();
    Value v = CHECK(unary_invert(TOP()));
    SET_TOP(v);
    DISPATCH();
}
op_BINARY_OP: {
    SAVE();
    Value rhs = TOP();
    Value lhs = PEEK(2);
    // The fast paths treat `a op= b` like `a op b` (no int/float has in-place slots).
    unsigned op = oparg >= NB_INPLACE_ADD ? oparg - NB_INPLACE_ADD : oparg;
    if (lhs.is_small_int() && rhs.is_small_int()) {
        int64_t a = lhs.small_int(), b = rhs.small_int(), r;
        switch (op) {
        case NB_ADD:
            --sp;
            SET_TOP(int_from_i64(a + b));
            DISPATCH();
        case NB_SUBTRACT:
            --sp;
            SET_TOP(int_from_i64(a - b));
            DISPATCH();
        case NB_MULTIPLY:
            if (!__builtin_mul_overflow(a, b, &r)) {
                --sp;
                SET_TOP(int_from_i64(r));
                DISPATCH();
            }
            break;
        case NB_FLOOR_DIVIDE:
            if (b != 0) {
                // Floor division: C truncates toward zero, Python floors.
                r = a / b;
                if ((a % b != 0) && ((a < 0) != (b < 0)))
                    --r;
                --sp;
                SET_TOP(int_from_i64(r));
                DISPATCH();
            }
            break;
        case NB_REMAINDER:
            if (b != 0) {
                // The result takes the sign of the divisor.
                r = a % b;
                if (r != 0 && ((r < 0) != (b < 0)))
                    r += b;
                --sp;
                SET_TOP(int_from_i64(r));
                DISPATCH();
            }
            break;
        case NB_AND:
            --sp;
            SET_TOP(Value::small(a & b));
            DISPATCH();
        case NB_OR:
            --sp;
            SET_TOP(Value::small(a | b));
            DISPATCH();
        case NB_XOR:
            --sp;
            SET_TOP(Value::small(a ^ b));
            DISPATCH();
        case NB_RSHIFT:
            if (b >= 0) {
                --sp;
                SET_TOP(Value::small(b >= 63 ? (a < 0 ? -1 : 0) : (a >> b)));
                DISPATCH();
            }
            break;
        default:
            break;
        }
    } else if ((lhs.is_small_int() || (lhs.is_object() && lhs.type() == g_float_type)) &&
               (rhs.is_small_int() || (rhs.is_object() && rhs.type() == g_float_type))) {
        // At least one float (two small ints were handled above); a small int
        // converts exactly as int.__float__ does (round-half-even).
        double a = lhs.is_small_int() ? double(lhs.small_int()) : float_of(lhs);
        double b = rhs.is_small_int() ? double(rhs.small_int()) : float_of(rhs);
        switch (op) {
        case NB_ADD:
            --sp;
            SET_TOP(box_float(a + b));
            DISPATCH();
        case NB_SUBTRACT:
            --sp;
            SET_TOP(box_float(a - b));
            DISPATCH();
        case NB_MULTIPLY:
            --sp;
            SET_TOP(box_float(a * b));
            DISPATCH();
        case NB_TRUE_DIVIDE:
            if (b != 0.0) {
                --sp;
                SET_TOP(box_float(a / b));
                DISPATCH();
            }
            break;
        case NB_POWER: {
            double r;
            if (fast_float_pow(a, b, r)) {
                --sp;
                SET_TOP(box_float(r));
                DISPATCH();
            }
            break;
        }
        default:
            break;
        }
    }
    Value v = CHECK(binary_op(lhs, rhs, int(oparg)));
    --sp;
    SET_TOP(v);
    DISPATCH();
}
op_COMPARE_OP: {
    Value rhs = TOP();
    Value lhs = PEEK(2);
    if (lhs.is_small_int() && rhs.is_small_int()) {
        // Tagged small ints compare like their payloads.
        --sp;
        SET_TOP(py_bool(compare_values(oparg, lhs.small_int(), rhs.small_int())));
        DISPATCH();
    }
    if (lhs.is_object() && rhs.is_object() && lhs.type() == g_float_type && rhs.type() == g_float_type) {
        // IEEE comparisons give Python's NaN semantics (only != is true).
        --sp;
        SET_TOP(py_bool(compare_values(oparg, float_of(lhs), float_of(rhs))));
        DISPATCH();
    }
    SAVE();
    Value v = CHECK(rich_compare(lhs, rhs, CompareOp(oparg)));
    --sp;
    SET_TOP(v);
    DISPATCH();
}
op_IS_OP: {
    Value rhs = POP();
    bool r = TOP().is(rhs);
    SET_TOP(py_bool(oparg ? !r : r));
    DISPATCH();
}
op_CONTAINS_OP: {
    SAVE();
    Value container = TOP();
    Value item = PEEK(2);
    bool r = CHECK(contains(container, item));
    --sp;
    SET_TOP(py_bool(oparg ? !r : r));
    DISPATCH();
}

    // --- building containers
op_BUILD_TUPLE: {
    Tuple* t = Tuple::create(std::span<const Value>(sp - oparg, oparg));
    sp -= oparg;
    PUSH(Value(t));
    DISPATCH();
}
op_BUILD_LIST: {
    List* l = List::create(std::span<const Value>(sp - oparg, oparg));
    sp -= oparg;
    PUSH(Value(l));
    DISPATCH();
}
op_BUILD_SET: {
    SAVE();
    Value s = new_empty_set();
    for (uint32_t i = 0; i < oparg; ++i)
        CHECK(set_add(s, sp[-int(oparg) + int(i)]));
    sp -= oparg;
    PUSH(s);
    DISPATCH();
}
op_BUILD_MAP: {
    SAVE();
    Dict* d = Dict::create();
    for (uint32_t i = 0; i < oparg; ++i)
        CHECK(d->set(sp[-2 * int(oparg) + 2 * int(i)], sp[-2 * int(oparg) + 2 * int(i) + 1]));
    sp -= 2 * oparg;
    PUSH(Value(d));
    DISPATCH();
}
op_BUILD_CONST_KEY_MAP: {
    SAVE();
    Tuple* keys = as_tuple(TOP());
    Dict* d = Dict::create();
    for (uint32_t i = 0; i < oparg; ++i)
        CHECK(d->set(keys->at(i), sp[-1 - int(oparg) + int(i)]));
    sp -= oparg + 1;
    PUSH(Value(d));
    DISPATCH();
}
op_BUILD_STRING: {
    Str* s = Str::concat(sp - oparg, oparg);
    sp -= oparg;
    PUSH(Value(s));
    DISPATCH();
}
op_LIST_APPEND: {
    Value v = POP();
    as_list(PEEK(oparg))->append(v);
    DISPATCH();
}
op_SET_ADD: {
    SAVE();
    Value v = POP();
    CHECK(set_add(PEEK(oparg), v));
    DISPATCH();
}
op_MAP_ADD: {
    SAVE();
    Value value = POP();
    Value key = POP();
    CHECK(set_item(PEEK(oparg), key, value));
    DISPATCH();
}
op_LIST_EXTEND: {
    SAVE();
    Value iterable = POP();
    CHECK(list_extend_op(PEEK(oparg), iterable));
    DISPATCH();
}
op_SET_UPDATE: {
    SAVE();
    Value iterable = POP();
    CHECK(set_update_op(PEEK(oparg), iterable));
    DISPATCH();
}
op_DICT_UPDATE: {
    SAVE();
    Value update = POP();
    CHECK(dict_update_op(PEEK(oparg), update));
    DISPATCH();
}
op_DICT_MERGE: {
    SAVE();
    Value update = POP();
    CHECK(dict_merge_op(PEEK(oparg), update, PEEK(oparg + 2)));
    DISPATCH();
}
op_LIST_TO_TUPLE: {
    List* l = as_list(TOP());
    SET_TOP(Value(Tuple::create(std::span<const Value>(l->items()))));
    DISPATCH();
}
op_UNPACK_SEQUENCE: {
    SAVE();
    Value seq = TOP();
    if (seq.is_object() && (seq.type() == g_tuple_type || seq.type() == g_list_type)) {
        std::span<const Value> items = seq.type() == g_tuple_type ? as_tuple(seq)->items() : std::span<const Value>(as_list(seq)->items());
        if (items.size() == oparg) {
            --sp;
            for (uint32_t i = oparg; i-- > 0;)
                PUSH(items[i]);
            DISPATCH();
        }
    }
    --sp;
    CHECK(unpack_iterable(seq, int(oparg), -1, sp));
    sp += oparg;
    DISPATCH();
}
op_UNPACK_EX: {
    SAVE();
    Value seq = POP();
    int before = int(oparg & 0xFF), after = int(oparg >> 8);
    CHECK(unpack_iterable(seq, before, after, sp));
    sp += before + after + 1;
    DISPATCH();
}
op_FORMAT_VALUE: {
    SAVE();
    Value spec = (oparg & 4) ? POP() : Value();
    Value v = TOP();
    Value r = CHECK(format_value_op(v, int(oparg & 3), spec));
    SET_TOP(r);
    DISPATCH();
}

    // --- control flow
op_JUMP:
    if (oparg < pc && g_interrupt_pending) [[unlikely]] {
        if (take_interrupt())
            goto error;
    }
    JUMP_TO(oparg);
    DISPATCH();
op_POP_JUMP_IF_FALSE: {
    Value v = POP();
    if (v.is(g_false) || v.bits() == Value::small(0).bits() || is_none(v))
        JUMP_TO(oparg);
    else if (!v.is(g_true) && !v.is_small_int()) {
        SAVE();
        bool b = CHECK(truthy(v));
        if (!b)
            JUMP_TO(oparg);
    }
    DISPATCH();
}
op_POP_JUMP_IF_TRUE: {
    Value v = POP();
    if (v.is(g_true) || (v.is_small_int() && v.small_int() != 0))
        JUMP_TO(oparg);
    else if (!v.is(g_false) && !v.is_small_int() && !is_none(v)) {
        SAVE();
        bool b = CHECK(truthy(v));
        if (b)
            JUMP_TO(oparg);
    }
    DISPATCH();
}
op_POP_JUMP_IF_NONE:
    if (is_none(POP()))
        JUMP_TO(oparg);
    DISPATCH();
op_POP_JUMP_IF_NOT_NONE:
    if (!is_none(POP()))
        JUMP_TO(oparg);
    DISPATCH();
op_JUMP_IF_FALSE_OR_POP: {
    SAVE();
    bool b = CHECK(truthy(TOP()));
    if (!b)
        JUMP_TO(oparg);
    else
        --sp;
    DISPATCH();
}
op_JUMP_IF_TRUE_OR_POP: {
    SAVE();
    bool b = CHECK(truthy(TOP()));
    if (b)
        JUMP_TO(oparg);
    else
        --sp;
    DISPATCH();
}
op_GET_ITER: {
    SAVE();
    Value it = CHECK(get_iter(TOP()));
    SET_TOP(it);
    DISPATCH();
}
op_FOR_ITER: {
    Value it = TOP();
    if (it.type() == g_iterator_type) {
        auto* ii = static_cast<IndexIterator*>(it.as_object());
        if (ii->m_kind == IterKind::Range) {
            if (ii->m_index < ii->m_count) {
                PUSH(Value::small(ii->m_start + ii->m_step * ii->m_index++));
                DISPATCH();
            }
            --sp;
            JUMP_TO(oparg);
            DISPATCH();
        }
        if (ii->m_kind == IterKind::List && ii->m_seq) {
            List* l = as_list(ii->m_seq);
            if (size_t(ii->m_index) < l->size()) {
                PUSH(l->at(size_t(ii->m_index++)));
                DISPATCH();
            }
            ii->m_seq = Value();
            --sp;
            JUMP_TO(oparg);
            DISPATCH();
        }
    }
    SAVE();
    Value next = CHECK(iter_next(it));
    if (next) {
        PUSH(next);
    } else {
        --sp;
        JUMP_TO(oparg);
    }
    DISPATCH();
}
op_RETURN_VALUE:
    retval = POP();
    f->yielded = false;
    f->stack_depth = int32_t(sp - stack_base);
    if (f->exit_flags != FRAME_INLINED) [[unlikely]] {
        if (f->exit_flags & FRAME_HAS_OBJECT)
            frame_object_exit(f, pc - 1);
        if (!(f->exit_flags & FRAME_INLINED))
            goto exit_frame;
    }
    {
        // Back to the caller's CALL, in this loop.
        Frame* caller = f->previous;
        ts.frame = caller;
        --ts.depth;
        data_stack().pop(f);
        f = caller;
        LOAD_FRAME();
        PUSH(retval);
        DISPATCH();
    }
op_RAISE_VARARGS: {
    SAVE();
    Value cause = oparg == 2 ? POP() : Value();
    Value exc = oparg >= 1 ? POP() : Value();
    if (do_raise(exc, cause, oparg == 2)) {
        f->lasti = pc - 1;
        goto exception_unwind;
    }
    goto error;
}
op_RERAISE: {
    f->lasti = pc - 1;
    if (oparg) {
        Value lasti = PEEK(oparg + 1);
        if (lasti.is_small_int())
            f->lasti = uint32_t(lasti.small_int());
    }
    Value exc = POP();
    restore_pending(exc);
    goto exception_unwind;
}

    // --- functions and calls
op_MAKE_FUNCTION: {
    Code* fcode = static_cast<Code*>(POP().as_object());
    Function* fn = make_function(fcode, f->globals);
    if (oparg & 8)
        fn->m_closure = as_tuple(POP());
    if (oparg & 4)
        fn->m_annotations = POP();
    if (oparg & 2)
        fn->m_kwdefaults = as_dict(POP());
    if (oparg & 1)
        fn->m_defaults = as_tuple(POP());
    if (f->func || f->builtins)
        fn->m_builtins = f->builtins;
    PUSH(Value(fn));
    DISPATCH();
}
op_KW_NAMES:
    kwnames = as_tuple(consts[oparg]);
    DISPATCH();
op_CALL: {
    SAVE();
    Value callable;
    Value* args;
    size_t total = oparg;
    if (PEEK(oparg + 2)) {
        callable = PEEK(oparg + 2);
        args = sp - oparg - 1;
        total = oparg + 1;
    } else {
        callable = PEEK(oparg + 1);
        args = sp - oparg;
        if (callable.is_object() && callable.type() == g_method_type) {
            // A bound method of a Python function: call the function with
            // self in the NULL slot's place (no argument copying).
            auto* m = static_cast<Method*>(callable.as_object());
            if (m->m_func.is_object() && m->m_func.type() == g_function_type) {
                PEEK(oparg + 2) = m->m_func;
                PEEK(oparg + 1) = m->m_self;
                callable = m->m_func;
                args = sp - oparg - 1;
                total = oparg + 1;
            }
        }
    }
    Tuple* kw = kwnames;
    kwnames = nullptr;
    size_t nkw = kw ? kw->size() : 0;
    CallArgs ca { args, total - nkw, kw };
    Result<Value> r = Value();
    if (callable.is_object() && callable.type() == g_function_type) {
        auto* fn = static_cast<Function*>(callable.as_object());
        if (!(fn->m_code->m_flags & (bytecode::CO_GENERATOR | bytecode::CO_COROUTINE | bytecode::CO_ASYNC_GENERATOR))) {
            // Inlined call: run the callee in this loop (CPython 3.11's
            // start_frame) instead of recursing in C++.
            Code* fco = fn->m_code;
            Frame* callee;
            // A stub (body not built yet) takes the slow path, which builds it.
            if (!kw && fco->m_ready && ca.nargs == size_t(fco->m_argcount) && fco->m_kwonlyargcount == 0 &&
                !(fco->m_flags & (bytecode::CO_VARARGS | bytecode::CO_VARKEYWORDS)) &&
                (callee = data_stack().push_for_call(fco))) [[likely]] {
                // Exactly the positional parameters: no binding logic needed.
                callee->func = fn;
                callee->globals = fn->m_globals;
                callee->builtins = fn->m_builtins;
                callee->instrs = fco->m_unit->code.data();
                Value* locals = callee->localsplus();
                for (size_t i = 0; i < ca.nargs; ++i)
                    locals[i] = args[i];
            } else {
                callee = push_function_frame(fn, ca);
            }
            sp -= oparg + 2;
            if (!callee)
                goto error;
            // Only the depth limit applies: an inlined call uses no native stack.
            // enter_call() raises the RecursionError (message and headroom as elsewhere).
            if (ts.depth >= ts.recursion_limit) [[unlikely]] {
                if (enter_call().is_error()) {
                    data_stack().pop(callee);
                    goto error;
                }
            } else {
                ++ts.depth;
            }
            SAVE();
            callee->previous = f;
            callee->exit_flags = FRAME_INLINED;
            ts.frame = callee;
            f = callee;
            LOAD_FRAME();
            DISPATCH();
        }
        r = call_function(fn, ca);
    } else {
        r = call(callable, ca);
    }
    sp -= oparg + 2;
    if (r.is_error())
        goto error;
    PUSH(r.value());
    DISPATCH();
}
op_CALL_FUNCTION_EX: {
    SAVE();
    Value kwargs = (oparg & 1) ? POP() : Value();
    Value callargs = POP();
    Value func = POP();
    --sp; // NULL
    Value r = CHECK(call_function_ex(func, callargs, kwargs));
    PUSH(r);
    DISPATCH();
}
op_LOAD_BUILD_CLASS: {
    Value bc = f->builtins->get_str("__build_class__");
    if (!bc) {
        throw_error(g_NameError, "__build_class__ not found");
        goto error;
    }
    PUSH(bc);
    DISPATCH();
}
op_LOAD_ASSERTION_ERROR:
    PUSH(Value(g_AssertionError));
    DISPATCH();
op_SETUP_ANNOTATIONS:
    SAVE();
    CHECK(setup_annotations(f));
    DISPATCH();
op_PRINT_EXPR: {
    SAVE();
    Value v = POP();
    CHECK(display_hook(v));
    DISPATCH();
}

    // --- imports
op_IMPORT_NAME: {
    SAVE();
    Value fromlist = POP();
    Value level = TOP();
    Value m = CHECK(import_name_op(f, names[oparg], fromlist, level));
    SET_TOP(m);
    DISPATCH();
}
op_IMPORT_FROM: {
    SAVE();
    Value v = CHECK(import_from_op(TOP(), names[oparg]));
    PUSH(v);
    DISPATCH();
}
op_IMPORT_STAR: {
    SAVE();
    Value m = POP();
    CHECK(import_star_op(f, m));
    DISPATCH();
}

    // --- exceptions and with-statements
op_PUSH_EXC_INFO: {
    Value exc = TOP();
    Value prev = ts.handled ? ts.handled : none();
    SET_TOP(prev);
    PUSH(exc);
    ts.handled = exc;
    DISPATCH();
}
op_POP_EXCEPT: {
    Value prev = POP();
    ts.handled = is_none(prev) ? Value() : prev;
    DISPATCH();
}
op_CHECK_EXC_MATCH: {
    SAVE();
    Value type = TOP();
    Value exc = PEEK(2);
    bool m = CHECK(exception_matches(exc, type));
    SET_TOP(py_bool(m));
    DISPATCH();
}
op_CHECK_EG_MATCH: {
    SAVE();
    Value type = POP();
    Value eg = POP();
    Value match, rest;
    CHECK(check_eg_match(eg, type, match, rest));
    PUSH(rest);
    PUSH(match);
    DISPATCH();
}
op_PREP_RERAISE_STAR: {
    SAVE();
    Value list = POP();
    Value orig = TOP();
    Value r = CHECK(prep_reraise_star(orig, list));
    SET_TOP(r);
    DISPATCH();
}
op_BEFORE_WITH: {
    SAVE();
    Value mgr = TOP();
    Value exit_fn, enter_res;
    CHECK(before_with(mgr, exit_fn, enter_res, false));
    SET_TOP(exit_fn);
    PUSH(enter_res);
    DISPATCH();
}
op_WITH_EXCEPT_START: {
    SAVE();
    Value exc = TOP();
    Value exit_fn = PEEK(4);
    Value tb = as_exception(exc)->m_traceback;
    Value args[3] = { Value(exc.type()), exc, tb ? tb : none() };
    Value r = CHECK(call(exit_fn, std::span<const Value>(args, 3)));
    PUSH(r);
    DISPATCH();
}

    // --- generators and coroutines
op_RETURN_GENERATOR: {
    f->pc = pc;
    f->stack_depth = int32_t(sp - stack_base);
    retval = make_generator(f);
    f->yielded = false;
    goto exit_frame;
}
op_YIELD_VALUE:
    retval = POP();
    f->pc = pc;
    f->stack_depth = int32_t(sp - stack_base);
    f->yielded = true;
    goto exit_frame;
op_GET_YIELD_FROM_ITER: {
    SAVE();
    Value v = CHECK(get_yield_from_iter(f, TOP()));
    SET_TOP(v);
    DISPATCH();
}
op_SEND: {
    SAVE();
    Value v = POP();
    Value receiver = TOP();
    bool returned = false;
    Value r = CHECK(send_op(receiver, v, returned));
    if (returned) {
        SET_TOP(r);
        JUMP_TO(oparg);
    } else {
        PUSH(r);
    }
    DISPATCH();
}
op_ASYNC_GEN_WRAP: {
    SET_TOP(async_gen_wrap(TOP()));
    DISPATCH();
}
op_GET_AWAITABLE: {
    SAVE();
    Value v = CHECK(get_awaitable(TOP(), int(oparg)));
    SET_TOP(v);
    DISPATCH();
}
op_GET_AITER: {
    SAVE();
    Value v = CHECK(get_aiter(TOP()));
    SET_TOP(v);
    DISPATCH();
}
op_GET_ANEXT: {
    SAVE();
    Value v = CHECK(get_anext(TOP()));
    PUSH(v);
    DISPATCH();
}
op_END_ASYNC_FOR: {
    Value exc = POP();
    --sp; // the async iterator
    if (exc.type()->is_subtype_of(g_StopAsyncIteration)) {
        DISPATCH();
    }
    restore_pending(exc);
    f->lasti = pc - 1;
    goto exception_unwind;
}
op_BEFORE_ASYNC_WITH: {
    SAVE();
    Value mgr = TOP();
    Value exit_fn, enter_res;
    CHECK(before_with(mgr, exit_fn, enter_res, true));
    SET_TOP(exit_fn);
    PUSH(enter_res);
    DISPATCH();
}

    // --- pattern matching
op_GET_LEN: {
    SAVE();
    int64_t n = CHECK(length(TOP()));
    PUSH(int_from_i64(n));
    DISPATCH();
}
op_MATCH_MAPPING: {
    Value v = py_bool(TOP().type()->m_flags & TF_IS_ABC_MAPPING);
    PUSH(v);
    DISPATCH();
}
op_MATCH_SEQUENCE: {
    Value v = py_bool(TOP().type()->m_flags & TF_IS_ABC_SEQUENCE);
    PUSH(v);
    DISPATCH();
}
op_MATCH_KEYS: {
    SAVE();
    Value keys = TOP();
    Value subject = PEEK(2);
    Value values = CHECK(match_keys(subject, keys));
    PUSH(values);
    DISPATCH();
}
op_MATCH_CLASS: {
    SAVE();
    Value kwargs = POP();
    Value cls = POP();
    Value subject = TOP();
    Value attrs = CHECK(match_class(subject, cls, int(oparg), kwargs));
    SET_TOP(attrs);
    DISPATCH();
}

error:
    f->lasti = pc - 1;
error_lasti_set:
    {
        Value exc = pending_exception();
        if (exc && is_exception(exc))
            exception_add_traceback(exc, Value(code), int(f->lasti), f->line_of(f->lasti), Value(f->globals), Value(f->builtins),
                                    Value(frame_object(f)));
    }
exception_unwind: {
    // The handler is found from the instruction actually executing (RERAISE
    // may have restored f->lasti to the original raise site, which only
    // serves line numbers and the pushed lasti), as in ceval.c.
    const bytecode::ExceptionEntry* h = find_handler(code, pc - 1);
    if (!h) {
        if (f->exit_flags & FRAME_HAS_OBJECT) [[unlikely]]
            frame_object_exit(f, f->lasti);
        f->stack_depth = 0;
        f->yielded = false;
        ts.frame = f->previous;
        leave_call();
        if (f->exit_flags & FRAME_INLINED) {
            // Propagate into the inlining caller, which records its own
            // traceback entry at its CALL.
            Frame* caller = f->previous;
            data_stack().pop(f);
            f = caller;
            LOAD_FRAME();
            goto error;
        }
        return pending;
    }
    sp = stack_base + h->depth;
    if (h->push_lasti)
        PUSH(Value::small(int64_t(f->lasti)));
    PUSH(take_pending());
    kwnames = nullptr;
    JUMP_TO(h->target);
    DISPATCH();
}

exit_frame:
    ts.frame = f->previous;
    leave_call();
    return retval;
}

} // namespace adder::vm
