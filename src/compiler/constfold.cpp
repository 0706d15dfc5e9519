// Constant conversion and folding. Integer arithmetic is folded only while it
// stays inside int64 (CPython folds bignums too; leaving them to run time
// gives the same result, just slower).
#include "compiler/constfold.h"

#include "compiler/name_index.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace adder::compiler {

using bytecode::Constant;
using Kind = bytecode::Constant::Kind;

namespace {

// Digits in `base` to decimal text, via base-1e9 limbs.
std::string to_decimal(const std::string& digits, int base)
{
    std::vector<uint32_t> limbs { 0 }; // little-endian base 1e9
    for (char ch : digits) {
        int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
        if (d < 0)
            continue; // underscores or stray characters
        uint64_t carry = static_cast<uint64_t>(d);
        for (auto& limb : limbs) {
            uint64_t v = static_cast<uint64_t>(limb) * static_cast<uint64_t>(base) + carry;
            limb = static_cast<uint32_t>(v % 1000000000u);
            carry = v / 1000000000u;
        }
        while (carry) {
            limbs.push_back(static_cast<uint32_t>(carry % 1000000000u));
            carry /= 1000000000u;
        }
    }
    std::string out = std::to_string(limbs.back());
    for (size_t i = limbs.size() - 1; i-- > 0;) {
        std::string part = std::to_string(limbs[i]);
        out += std::string(9 - part.size(), '0') + part;
    }
    return out;
}

// Normalizes a decimal BigInt: one that fits in int64 becomes Int.
Constant make_bigint(std::string text)
{
    Constant c;
    bool neg = !text.empty() && text[0] == '-';
    std::string mag = neg ? text.substr(1) : text;
    if (mag.size() < 19 || (mag.size() == 19 && mag <= (neg ? "9223372036854775808" : "9223372036854775807"))) {
        c.kind = Kind::Int;
        if (neg && mag == "9223372036854775808")
            c.int_value = std::numeric_limits<int64_t>::min();
        else
            c.int_value = neg ? -static_cast<int64_t>(std::stoull(mag)) : static_cast<int64_t>(std::stoull(mag));
        return c;
    }
    c.kind = Kind::BigInt;
    c.text = std::move(text);
    return c;
}

bool is_number(const Constant& c) { return c.kind == Kind::Int || c.kind == Kind::Float || c.kind == Kind::Complex; }

// Real and imaginary parts of a numeric constant (Int widened to double).
void parts(const Constant& c, double& re, double& im)
{
    re = c.kind == Kind::Int ? static_cast<double>(c.int_value) : c.real;
    im = c.kind == Kind::Complex ? c.imag : 0.0;
}

std::optional<Constant> fold_binop(const ast::BinOp* b, int optimize)
{
    auto l = fold_constant(b->left, optimize);
    if (!l)
        return std::nullopt;
    auto r = fold_constant(b->right, optimize);
    if (!r)
        return std::nullopt;
    using Op = ast::Operator;
    if (l->kind == Kind::Int && r->kind == Kind::Int) {
        int64_t x = l->int_value, y = r->int_value, z = 0;
        bool ok = false;
        switch (b->op) {
        case Op::Add: ok = !__builtin_add_overflow(x, y, &z); break;
        case Op::Sub: ok = !__builtin_sub_overflow(x, y, &z); break;
        case Op::Mult: ok = !__builtin_mul_overflow(x, y, &z); break;
        case Op::BitAnd: z = x & y; ok = true; break;
        case Op::BitOr: z = x | y; ok = true; break;
        case Op::BitXor: z = x ^ y; ok = true; break;
        case Op::LShift:
            if (y >= 0 && y < 62 && x >= 0 && x < (int64_t(1) << (62 - y))) {
                z = x << y;
                ok = true;
            }
            break;
        case Op::Pow:
            if (y >= 0 && y <= 128) {
                z = 1;
                ok = true;
                for (int64_t i = 0; i < y && ok; ++i)
                    ok = !__builtin_mul_overflow(z, x, &z);
            }
            break;
        default: break;
        }
        if (!ok)
            return std::nullopt;
        Constant c;
        c.kind = Kind::Int;
        c.int_value = z;
        return c;
    }
    if (is_number(*l) && is_number(*r) && (b->op == Op::Add || b->op == Op::Sub || b->op == Op::Mult)) {
        double a, ai, c2, ci;
        parts(*l, a, ai);
        parts(*r, c2, ci);
        Constant c;
        bool complex = l->kind == Kind::Complex || r->kind == Kind::Complex;
        c.kind = complex ? Kind::Complex : Kind::Float;
        if (b->op == Op::Add) {
            c.real = a + c2;
            c.imag = ai + ci;
        } else if (b->op == Op::Sub) {
            c.real = a - c2;
            c.imag = ai - ci;
        } else {
            if (complex)
                return std::nullopt; // FIXME: fold complex products exactly as CPython does
            c.real = a * c2;
        }
        return c;
    }
    if (b->op == Op::Add && l->kind == r->kind && (l->kind == Kind::Str || l->kind == Kind::Bytes)) {
        if (l->text.size() + r->text.size() > 4096)
            return std::nullopt;
        Constant c = *l;
        c.text += r->text;
        return c;
    }
    return std::nullopt;
}

} // namespace

Constant constant_from_ast(const ast::ConstantValue& v)
{
    Constant c;
    using AK = ast::ConstantValue::Kind;
    switch (v.kind) {
    case AK::None: c.kind = Kind::None; break;
    case AK::True: c.kind = Kind::True; break;
    case AK::False: c.kind = Kind::False; break;
    case AK::Ellipsis: c.kind = Kind::Ellipsis; break;
    case AK::Int: c.kind = Kind::Int; c.int_value = v.int_value; break;
    case AK::BigInt: return make_bigint(to_decimal(v.text, v.base));
    case AK::Float: c.kind = Kind::Float; c.real = v.float_value; break;
    case AK::Complex: c.kind = Kind::Complex; c.real = 0; c.imag = v.float_value; break;
    case AK::Str: c.kind = Kind::Str; c.text = v.text; break;
    case AK::Bytes: c.kind = Kind::Bytes; c.text = v.text; break;
    }
    return c;
}

std::optional<Constant> fold_constant(const ast::Expr* e, int optimize)
{
    switch (e->kind) {
    case ast::ExprKind::Constant: return constant_from_ast(static_cast<const ast::Constant*>(e)->value);
    case ast::ExprKind::Name: {
        auto* n = static_cast<const ast::Name*>(e);
        if (n->ctx == ast::ExprContext::Load && std::string_view(n->id) == "__debug__") {
            Constant c;
            c.kind = optimize ? Kind::False : Kind::True;
            return c;
        }
        return std::nullopt;
    }
    case ast::ExprKind::Tuple: {
        auto* t = static_cast<const ast::Tuple*>(e);
        if (t->ctx != ast::ExprContext::Load)
            return std::nullopt;
        Constant c;
        c.kind = Kind::Tuple;
        for (ast::Expr* elt : t->elts) {
            auto item = fold_constant(elt, optimize);
            if (!item)
                return std::nullopt;
            c.items.push_back(std::move(*item));
        }
        return c;
    }
    case ast::ExprKind::UnaryOp: {
        auto* u = static_cast<const ast::UnaryOp*>(e);
        auto v = fold_constant(u->operand, optimize);
        if (!v)
            return std::nullopt;
        switch (u->op) {
        case ast::UnaryOpKind::USub:
            if (v->kind == Kind::Int) {
                if (v->int_value == std::numeric_limits<int64_t>::min())
                    return make_bigint("9223372036854775808");
                v->int_value = -v->int_value;
                return v;
            }
            if (v->kind == Kind::BigInt) {
                v->text = v->text[0] == '-' ? v->text.substr(1) : "-" + v->text;
                return make_bigint(v->text);
            }
            if (v->kind == Kind::Float || v->kind == Kind::Complex) {
                v->real = -v->real;
                v->imag = -v->imag;
                return v;
            }
            return std::nullopt;
        case ast::UnaryOpKind::UAdd:
            if (is_number(*v) || v->kind == Kind::BigInt)
                return v;
            return std::nullopt;
        case ast::UnaryOpKind::Invert:
            if (v->kind == Kind::Int) {
                v->int_value = ~v->int_value;
                return v;
            }
            return std::nullopt;
        case ast::UnaryOpKind::Not:
            if (v->kind == Kind::Tuple || v->kind == Kind::Code)
                return std::nullopt;
            {
                Constant c;
                c.kind = constant_truth(*v) ? Kind::False : Kind::True;
                return c;
            }
        }
        return std::nullopt;
    }
    case ast::ExprKind::BinOp: return fold_binop(static_cast<const ast::BinOp*>(e), optimize);
    default: return std::nullopt;
    }
}

bool constant_truth(const Constant& c)
{
    switch (c.kind) {
    case Kind::None:
    case Kind::False: return false;
    case Kind::True:
    case Kind::Ellipsis:
    case Kind::Code:
    case Kind::BigInt: return true;
    case Kind::Int: return c.int_value != 0;
    case Kind::Float: return c.real != 0;
    case Kind::Complex: return c.real != 0 || c.imag != 0;
    case Kind::Str:
    case Kind::Bytes: return !c.text.empty();
    case Kind::Tuple:
    case Kind::FrozenSet: return !c.items.empty();
    }
    return true;
}

std::string constant_key(const Constant& c)
{
    std::string key(1, static_cast<char>('A' + static_cast<int>(c.kind)));
    switch (c.kind) {
    case Kind::Int: key += std::to_string(c.int_value); break;
    case Kind::Float:
    case Kind::Complex: {
        char buf[2 * sizeof(double)];
        std::memcpy(buf, &c.real, sizeof(double));
        std::memcpy(buf + sizeof(double), &c.imag, sizeof(double));
        key.append(buf, sizeof buf);
        break;
    }
    case Kind::BigInt:
    case Kind::Str:
    case Kind::Bytes: key += c.text; break;
    case Kind::Tuple:
    case Kind::FrozenSet:
        key += "(";
        for (const auto& item : c.items) {
            std::string k = constant_key(item);
            key += std::to_string(k.size()) + ":" + k;
        }
        key += ")";
        break;
    default: break;
    }
    return key;
}

namespace {

uint64_t mix_hash(uint64_t h, uint64_t v)
{
    h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 29);
}

uint64_t double_bits(double d)
{
    uint64_t b;
    std::memcpy(&b, &d, sizeof b);
    return b;
}

} // namespace

uint64_t constant_hash(const Constant& c)
{
    uint64_t h = mix_hash(0x2545F4914F6CDD1Dull, static_cast<uint64_t>(c.kind));
    switch (c.kind) {
    case Kind::Int: return mix_hash(h, static_cast<uint64_t>(c.int_value));
    case Kind::Float:
    case Kind::Complex: return mix_hash(mix_hash(h, double_bits(c.real)), double_bits(c.imag));
    case Kind::BigInt:
    case Kind::Str:
    case Kind::Bytes: return mix_hash(h, hash_string(c.text));
    case Kind::Tuple:
    case Kind::FrozenSet:
        h = mix_hash(h, c.items.size());
        for (const auto& item : c.items)
            h = mix_hash(h, constant_hash(item));
        return h;
    default: return h; // the key is the kind alone
    }
}

bool constant_same(const Constant& a, const Constant& b)
{
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
    case Kind::Int: return a.int_value == b.int_value;
    case Kind::Float:
    case Kind::Complex: // by bits, as the key: 0.0 and -0.0 differ, a NaN equals itself
        return double_bits(a.real) == double_bits(b.real) && double_bits(a.imag) == double_bits(b.imag);
    case Kind::BigInt:
    case Kind::Str:
    case Kind::Bytes: return a.text == b.text;
    case Kind::Tuple:
    case Kind::FrozenSet:
        if (a.items.size() != b.items.size())
            return false;
        for (size_t i = 0; i < a.items.size(); ++i)
            if (!constant_same(a.items[i], b.items[i]))
                return false;
        return true;
    default: return true; // the key is the kind alone
    }
}

} // namespace adder::compiler
