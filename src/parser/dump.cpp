// parser::dump(): renders a tree exactly as python3.11's ast.dump(node) with
// its defaults (annotate_fields=True, include_attributes=False, no indent):
// every field as name=value in ASDL order, optional fields omitted when
// absent, lists always shown, constants in Python repr() form.
#include "parser/parser.h"
#include "lexer/printable.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace adder::parser {

using namespace ast;

namespace {

uint32_t next_code_point(std::string_view s, size_t& i)
{
    unsigned char c = s[i];
    int n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    uint32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (int k = 1; k < n && i + k < s.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    return cp;
}

void append_hex(std::string& out, const char* prefix, uint32_t v, int digits)
{
    static const char hex[] = "0123456789abcdef";
    out += prefix;
    for (int i = digits - 1; i >= 0; --i)
        out.push_back(hex[(v >> (4 * i)) & 0xF]);
}

void repr_str(std::string& out, std::string_view s)
{
    bool has_single = s.find('\'') != std::string_view::npos;
    bool has_double = s.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    out.push_back(quote);
    size_t i = 0;
    while (i < s.size()) {
        size_t start = i;
        uint32_t cp = next_code_point(s, i);
        if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(cp));
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp < 0x20 || cp == 0x7F) {
            append_hex(out, "\\x", cp, 2);
        } else if (cp < 0x7F) {
            out.push_back(static_cast<char>(cp));
        } else if (lexer::is_printable_code_point(cp)) {
            out.append(s.substr(start, i - start));
        } else if (cp <= 0xFF) {
            append_hex(out, "\\x", cp, 2);
        } else if (cp <= 0xFFFF) {
            append_hex(out, "\\u", cp, 4);
        } else {
            append_hex(out, "\\U", cp, 8);
        }
    }
    out.push_back(quote);
}

void repr_bytes(std::string& out, std::string_view s)
{
    bool has_single = s.find('\'') != std::string_view::npos;
    bool has_double = s.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    out += 'b';
    out.push_back(quote);
    for (unsigned char c : s) {
        if (c == quote || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c >= 0x7F) {
            append_hex(out, "\\x", c, 2);
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    out.push_back(quote);
}

// repr(float) (or the imaginary part of repr(complex) when `for_complex`):
// the shortest round-tripping digits, in exponent form when the decimal
// exponent is < -4 or >= 16, as CPython's float_repr_style 'short'.
void repr_float(std::string& out, double v, bool for_complex)
{
    if (std::isnan(v)) {
        out += "nan";
        return;
    }
    if (std::isinf(v)) {
        out += v < 0 ? "-inf" : "inf";
        return;
    }
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    std::string_view sci(buf, res.ptr - buf);
    bool neg = false;
    if (!sci.empty() && sci[0] == '-') {
        neg = true;
        sci.remove_prefix(1);
    }
    size_t epos = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, epos))
        if (c != '.')
            digits.push_back(c);
    int exp = std::atoi(std::string(sci.substr(epos + 1)).c_str());
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    int decpt = exp + 1; // digits d1d2... represent 0.d1d2... * 10^decpt
    if (neg)
        out.push_back('-');
    if (decpt <= -4 || decpt > 16) {
        out.push_back(digits[0]);
        if (digits.size() > 1) {
            out.push_back('.');
            out.append(digits, 1);
        }
        out.push_back('e');
        int e = decpt - 1;
        out.push_back(e < 0 ? '-' : '+');
        e = std::abs(e);
        if (e < 10)
            out.push_back('0');
        out += std::to_string(e);
        return;
    }
    if (decpt <= 0) {
        out += "0.";
        out.append(static_cast<size_t>(-decpt), '0');
        out += digits;
        return;
    }
    if (static_cast<int>(digits.size()) <= decpt) {
        out += digits;
        out.append(static_cast<size_t>(decpt - static_cast<int>(digits.size())), '0');
        if (!for_complex)
            out += ".0";
        return;
    }
    out.append(digits, 0, decpt);
    out.push_back('.');
    out.append(digits, decpt);
}

// Converts BigInt digits in `base` to decimal by schoolbook multiply-add.
std::string to_decimal(const std::string& digits, int base)
{
    if (base == 10)
        return digits;
    std::vector<uint32_t> dec { 0 }; // little-endian base 1e9 limbs
    for (char c : digits) {
        uint32_t d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        uint64_t carry = d;
        for (auto& limb : dec) {
            uint64_t v = static_cast<uint64_t>(limb) * base + carry;
            limb = static_cast<uint32_t>(v % 1000000000);
            carry = v / 1000000000;
        }
        while (carry) {
            dec.push_back(static_cast<uint32_t>(carry % 1000000000));
            carry /= 1000000000;
        }
    }
    std::string out = std::to_string(dec.back());
    for (size_t i = dec.size() - 1; i-- > 0;) {
        std::string part = std::to_string(dec[i]);
        out.append(9 - part.size(), '0');
        out += part;
    }
    return out;
}

void repr_constant(std::string& out, const ConstantValue& v)
{
    switch (v.kind) {
    case ConstantValue::Kind::None: out += "None"; break;
    case ConstantValue::Kind::True: out += "True"; break;
    case ConstantValue::Kind::False: out += "False"; break;
    case ConstantValue::Kind::Ellipsis: out += "Ellipsis"; break;
    case ConstantValue::Kind::Int: out += std::to_string(v.int_value); break;
    case ConstantValue::Kind::BigInt: out += to_decimal(v.text, v.base); break;
    case ConstantValue::Kind::Float: repr_float(out, v.float_value, false); break;
    case ConstantValue::Kind::Complex:
        repr_float(out, v.float_value, true);
        out += 'j';
        break;
    case ConstantValue::Kind::Str: repr_str(out, v.text); break;
    case ConstantValue::Kind::Bytes: repr_bytes(out, v.text); break;
    }
}

const char* op_name(Operator op)
{
    static const char* names[] = { "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift", "BitOr",
        "BitXor", "BitAnd", "FloorDiv" };
    return names[static_cast<int>(op)];
}

const char* cmpop_name(CmpOp op)
{
    static const char* names[] = { "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn" };
    return names[static_cast<int>(op)];
}

const char* ctx_name(ExprContext c)
{
    return c == ExprContext::Load ? "Load()" : c == ExprContext::Store ? "Store()" : "Del()";
}

// Writes "Name(field=value, ...)". Fields are added with the helpers below;
// an optional field that is absent is skipped, as ast.dump does.
class Dumper {
public:
    std::string out;
    bool m_attributes = false; // ast.dump(include_attributes=True)

    void expr(const Expr* e);
    void stmt(const Stmt* s);
    void pattern(const Pattern* p);
    void mod(const Mod* m);

private:
    struct Fields {
        Dumper& d;
        bool first = true;
        const Location* loc;
        Fields(Dumper& dumper, const char* name, const Location* location = nullptr)
            : d(dumper)
            , loc(location)
        {
            d.out += name;
            d.out += '(';
        }
        ~Fields()
        {
            if (d.m_attributes && loc) {
                integer("lineno", loc->lineno);
                integer("col_offset", loc->col_offset);
                integer("end_lineno", loc->end_lineno);
                integer("end_col_offset", loc->end_col_offset);
            }
            d.out += ')';
        }
        void key(const char* name)
        {
            if (!first)
                d.out += ", ";
            first = false;
            d.out += name;
            d.out += '=';
        }
        void raw(const char* name, std::string_view value)
        {
            key(name);
            d.out += value;
        }
        void ident(const char* name, const std::string& id)
        {
            key(name);
            repr_str(d.out, id);
        }
        void opt_ident(const char* name, const std::optional<std::string>& id)
        {
            if (id)
                ident(name, *id);
        }
        void integer(const char* name, long v)
        {
            key(name);
            d.out += std::to_string(v);
        }
        void e(const char* name, const Expr* x)
        {
            key(name);
            d.expr(x);
        }
        void opt_e(const char* name, const Expr* x)
        {
            if (x)
                e(name, x);
        }
        void exprs(const char* name, const Seq<Expr*>& xs)
        {
            key(name);
            d.list(xs, [&](const Expr* x) { d.expr(x); });
        }
        void stmts(const char* name, const Seq<Stmt*>& xs)
        {
            key(name);
            d.list(xs, [&](const Stmt* x) { d.stmt(x); });
        }
        void idents(const char* name, const std::vector<std::string>& xs)
        {
            key(name);
            d.list(xs, [&](const std::string& x) { repr_str(d.out, x); });
        }
    };

    template<typename List, typename F>
    void list(const List& xs, F each)
    {
        out += '[';
        for (size_t i = 0; i < xs.size(); ++i) {
            if (i)
                out += ", ";
            each(xs[i]);
        }
        out += ']';
    }

    void arguments(const Arguments* a);
    void arg(const Arg* a);
    void keyword(const Keyword* k);
    void comprehensions(const Seq<Comprehension*>& gens);
    void alias(const Alias* a);
    void handler(const ExceptHandler* h);
    friend struct Fields;
};

void Dumper::arg(const Arg* a)
{
    Fields f(*this, "arg", &a->loc);
    f.ident("arg", a->arg);
    f.opt_e("annotation", a->annotation);
    if (a->type_comment)
        f.ident("type_comment", *a->type_comment);
}

void Dumper::arguments(const Arguments* a)
{
    Fields f(*this, "arguments");
    f.key("posonlyargs");
    list(a->posonlyargs, [&](const Arg* x) { arg(x); });
    f.key("args");
    list(a->args, [&](const Arg* x) { arg(x); });
    if (a->vararg) {
        f.key("vararg");
        arg(a->vararg);
    }
    f.key("kwonlyargs");
    list(a->kwonlyargs, [&](const Arg* x) { arg(x); });
    f.key("kw_defaults");
    list(a->kw_defaults, [&](const Expr* x) {
        if (x)
            expr(x);
        else
            out += "None";
    });
    if (a->kwarg) {
        f.key("kwarg");
        arg(a->kwarg);
    }
    f.exprs("defaults", a->defaults);
}

void Dumper::keyword(const Keyword* k)
{
    Fields f(*this, "keyword", &k->loc);
    f.opt_ident("arg", k->arg);
    f.e("value", k->value);
}

void Dumper::comprehensions(const Seq<Comprehension*>& gens)
{
    list(gens, [&](const Comprehension* c) {
        Fields f(*this, "comprehension");
        f.e("target", c->target);
        f.e("iter", c->iter);
        f.exprs("ifs", c->ifs);
        f.integer("is_async", c->is_async ? 1 : 0);
    });
}

void Dumper::alias(const Alias* a)
{
    Fields f(*this, "alias", &a->loc);
    f.ident("name", a->name);
    f.opt_ident("asname", a->asname);
}

void Dumper::handler(const ExceptHandler* h)
{
    Fields f(*this, "ExceptHandler", &h->loc);
    f.opt_e("type", h->type);
    f.opt_ident("name", h->name);
    f.stmts("body", h->body);
}

void Dumper::expr(const Expr* e)
{
    if (!e) {
        out += "None";
        return;
    }
    switch (e->kind) {
    case ExprKind::BoolOp: {
        auto* n = static_cast<const BoolOp*>(e);
        Fields f(*this, "BoolOp", &e->loc);
        f.raw("op", n->op == BoolOpKind::And ? "And()" : "Or()");
        f.exprs("values", n->values);
        break;
    }
    case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        Fields f(*this, "NamedExpr", &e->loc);
        f.e("target", n->target);
        f.e("value", n->value);
        break;
    }
    case ExprKind::BinOp: {
        auto* n = static_cast<const BinOp*>(e);
        Fields f(*this, "BinOp", &e->loc);
        f.e("left", n->left);
        f.key("op");
        out += op_name(n->op);
        out += "()";
        f.e("right", n->right);
        break;
    }
    case ExprKind::UnaryOp: {
        auto* n = static_cast<const UnaryOp*>(e);
        Fields f(*this, "UnaryOp", &e->loc);
        static const char* names[] = { "Invert()", "Not()", "UAdd()", "USub()" };
        f.raw("op", names[static_cast<int>(n->op)]);
        f.e("operand", n->operand);
        break;
    }
    case ExprKind::Lambda: {
        auto* n = static_cast<const Lambda*>(e);
        Fields f(*this, "Lambda", &e->loc);
        f.key("args");
        arguments(n->args);
        f.e("body", n->body);
        break;
    }
    case ExprKind::IfExp: {
        auto* n = static_cast<const IfExp*>(e);
        Fields f(*this, "IfExp", &e->loc);
        f.e("test", n->test);
        f.e("body", n->body);
        f.e("orelse", n->orelse);
        break;
    }
    case ExprKind::Dict: {
        auto* n = static_cast<const Dict*>(e);
        Fields f(*this, "Dict", &e->loc);
        f.exprs("keys", n->keys);
        f.exprs("values", n->values);
        break;
    }
    case ExprKind::Set: {
        Fields f(*this, "Set", &e->loc);
        f.exprs("elts", static_cast<const Set*>(e)->elts);
        break;
    }
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::GeneratorExp: {
        const Expr* elt;
        const Seq<Comprehension*>* gens;
        const char* name;
        if (e->kind == ExprKind::ListComp) {
            elt = static_cast<const ListComp*>(e)->elt;
            gens = &static_cast<const ListComp*>(e)->generators;
            name = "ListComp";
        } else if (e->kind == ExprKind::SetComp) {
            elt = static_cast<const SetComp*>(e)->elt;
            gens = &static_cast<const SetComp*>(e)->generators;
            name = "SetComp";
        } else {
            elt = static_cast<const GeneratorExp*>(e)->elt;
            gens = &static_cast<const GeneratorExp*>(e)->generators;
            name = "GeneratorExp";
        }
        Fields f(*this, name, &e->loc);
        f.e("elt", elt);
        f.key("generators");
        comprehensions(*gens);
        break;
    }
    case ExprKind::DictComp: {
        auto* n = static_cast<const DictComp*>(e);
        Fields f(*this, "DictComp", &e->loc);
        f.e("key", n->key);
        f.e("value", n->value);
        f.key("generators");
        comprehensions(n->generators);
        break;
    }
    case ExprKind::Await: {
        Fields f(*this, "Await", &e->loc);
        f.e("value", static_cast<const Await*>(e)->value);
        break;
    }
    case ExprKind::Yield: {
        Fields f(*this, "Yield", &e->loc);
        f.opt_e("value", static_cast<const Yield*>(e)->value);
        break;
    }
    case ExprKind::YieldFrom: {
        Fields f(*this, "YieldFrom", &e->loc);
        f.e("value", static_cast<const YieldFrom*>(e)->value);
        break;
    }
    case ExprKind::Compare: {
        auto* n = static_cast<const Compare*>(e);
        Fields f(*this, "Compare", &e->loc);
        f.e("left", n->left);
        f.key("ops");
        list(n->ops, [&](CmpOp op) {
            out += cmpop_name(op);
            out += "()";
        });
        f.exprs("comparators", n->comparators);
        break;
    }
    case ExprKind::Call: {
        auto* n = static_cast<const Call*>(e);
        Fields f(*this, "Call", &e->loc);
        f.e("func", n->func);
        f.exprs("args", n->args);
        f.key("keywords");
        list(n->keywords, [&](const Keyword* k) { keyword(k); });
        break;
    }
    case ExprKind::FormattedValue: {
        auto* n = static_cast<const FormattedValue*>(e);
        Fields f(*this, "FormattedValue", &e->loc);
        f.e("value", n->value);
        f.integer("conversion", n->conversion);
        f.opt_e("format_spec", n->format_spec);
        break;
    }
    case ExprKind::JoinedStr: {
        Fields f(*this, "JoinedStr", &e->loc);
        f.exprs("values", static_cast<const JoinedStr*>(e)->values);
        break;
    }
    case ExprKind::Constant: {
        auto* n = static_cast<const Constant*>(e);
        Fields f(*this, "Constant", &e->loc);
        f.key("value");
        repr_constant(out, n->value);
        if (!n->kind.empty())
            f.ident("kind", n->kind);
        break;
    }
    case ExprKind::Attribute: {
        auto* n = static_cast<const Attribute*>(e);
        Fields f(*this, "Attribute", &e->loc);
        f.e("value", n->value);
        f.ident("attr", n->attr);
        f.raw("ctx", ctx_name(n->ctx));
        break;
    }
    case ExprKind::Subscript: {
        auto* n = static_cast<const Subscript*>(e);
        Fields f(*this, "Subscript", &e->loc);
        f.e("value", n->value);
        f.e("slice", n->slice);
        f.raw("ctx", ctx_name(n->ctx));
        break;
    }
    case ExprKind::Starred: {
        auto* n = static_cast<const Starred*>(e);
        Fields f(*this, "Starred", &e->loc);
        f.e("value", n->value);
        f.raw("ctx", ctx_name(n->ctx));
        break;
    }
    case ExprKind::Name: {
        auto* n = static_cast<const Name*>(e);
        Fields f(*this, "Name", &e->loc);
        f.ident("id", n->id);
        f.raw("ctx", ctx_name(n->ctx));
        break;
    }
    case ExprKind::List: {
        auto* n = static_cast<const List*>(e);
        Fields f(*this, "List", &e->loc);
        f.exprs("elts", n->elts);
        f.raw("ctx", ctx_name(n->ctx));
        break;
    }
    case ExprKind::Tuple: {
        auto* n = static_cast<const Tuple*>(e);
        Fields f(*this, "Tuple", &e->loc);
        f.exprs("elts", n->elts);
        f.raw("ctx", ctx_name(n->ctx));
        break;
    }
    case ExprKind::Slice: {
        auto* n = static_cast<const Slice*>(e);
        Fields f(*this, "Slice", &e->loc);
        f.opt_e("lower", n->lower);
        f.opt_e("upper", n->upper);
        f.opt_e("step", n->step);
        break;
    }
    }
}

void Dumper::pattern(const Pattern* p)
{
    switch (p->kind) {
    case PatternKind::MatchValue: {
        Fields f(*this, "MatchValue", &p->loc);
        f.e("value", static_cast<const MatchValue*>(p)->value);
        break;
    }
    case PatternKind::MatchSingleton: {
        Fields f(*this, "MatchSingleton", &p->loc);
        f.key("value");
        repr_constant(out, static_cast<const MatchSingleton*>(p)->value);
        break;
    }
    case PatternKind::MatchSequence: {
        Fields f(*this, "MatchSequence", &p->loc);
        f.key("patterns");
        list(static_cast<const MatchSequence*>(p)->patterns, [&](const Pattern* x) { pattern(x); });
        break;
    }
    case PatternKind::MatchMapping: {
        auto* n = static_cast<const MatchMapping*>(p);
        Fields f(*this, "MatchMapping", &p->loc);
        f.exprs("keys", n->keys);
        f.key("patterns");
        list(n->patterns, [&](const Pattern* x) { pattern(x); });
        f.opt_ident("rest", n->rest);
        break;
    }
    case PatternKind::MatchClass: {
        auto* n = static_cast<const MatchClass*>(p);
        Fields f(*this, "MatchClass", &p->loc);
        f.e("cls", n->cls);
        f.key("patterns");
        list(n->patterns, [&](const Pattern* x) { pattern(x); });
        f.idents("kwd_attrs", n->kwd_attrs);
        f.key("kwd_patterns");
        list(n->kwd_patterns, [&](const Pattern* x) { pattern(x); });
        break;
    }
    case PatternKind::MatchStar: {
        Fields f(*this, "MatchStar", &p->loc);
        f.opt_ident("name", static_cast<const MatchStar*>(p)->name);
        break;
    }
    case PatternKind::MatchAs: {
        auto* n = static_cast<const MatchAs*>(p);
        Fields f(*this, "MatchAs", &p->loc);
        if (n->pattern) {
            f.key("pattern");
            pattern(n->pattern);
        }
        f.opt_ident("name", n->name);
        break;
    }
    case PatternKind::MatchOr: {
        Fields f(*this, "MatchOr", &p->loc);
        f.key("patterns");
        list(static_cast<const MatchOr*>(p)->patterns, [&](const Pattern* x) { pattern(x); });
        break;
    }
    }
}

void Dumper::stmt(const Stmt* s)
{
    switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef: {
        auto* n = static_cast<const FunctionDef*>(s);
        Fields f(*this, s->kind == StmtKind::FunctionDef ? "FunctionDef" : "AsyncFunctionDef", &s->loc);
        f.ident("name", n->name);
        f.key("args");
        arguments(n->args);
        f.stmts("body", n->body);
        f.exprs("decorator_list", n->decorator_list);
        f.opt_e("returns", n->returns);
        f.opt_ident("type_comment", n->type_comment);
        break;
    }
    case StmtKind::ClassDef: {
        auto* n = static_cast<const ClassDef*>(s);
        Fields f(*this, "ClassDef", &s->loc);
        f.ident("name", n->name);
        f.exprs("bases", n->bases);
        f.key("keywords");
        list(n->keywords, [&](const Keyword* k) { keyword(k); });
        f.stmts("body", n->body);
        f.exprs("decorator_list", n->decorator_list);
        break;
    }
    case StmtKind::Return: {
        Fields f(*this, "Return", &s->loc);
        f.opt_e("value", static_cast<const Return*>(s)->value);
        break;
    }
    case StmtKind::Delete: {
        Fields f(*this, "Delete", &s->loc);
        f.exprs("targets", static_cast<const Delete*>(s)->targets);
        break;
    }
    case StmtKind::Assign: {
        auto* n = static_cast<const Assign*>(s);
        Fields f(*this, "Assign", &s->loc);
        f.exprs("targets", n->targets);
        f.e("value", n->value);
        f.opt_ident("type_comment", n->type_comment);
        break;
    }
    case StmtKind::AugAssign: {
        auto* n = static_cast<const AugAssign*>(s);
        Fields f(*this, "AugAssign", &s->loc);
        f.e("target", n->target);
        f.key("op");
        out += op_name(n->op);
        out += "()";
        f.e("value", n->value);
        break;
    }
    case StmtKind::AnnAssign: {
        auto* n = static_cast<const AnnAssign*>(s);
        Fields f(*this, "AnnAssign", &s->loc);
        f.e("target", n->target);
        f.e("annotation", n->annotation);
        f.opt_e("value", n->value);
        f.integer("simple", n->simple ? 1 : 0);
        break;
    }
    case StmtKind::For:
    case StmtKind::AsyncFor: {
        auto* n = static_cast<const For*>(s);
        Fields f(*this, s->kind == StmtKind::For ? "For" : "AsyncFor", &s->loc);
        f.e("target", n->target);
        f.e("iter", n->iter);
        f.stmts("body", n->body);
        f.stmts("orelse", n->orelse);
        f.opt_ident("type_comment", n->type_comment);
        break;
    }
    case StmtKind::While: {
        auto* n = static_cast<const While*>(s);
        Fields f(*this, "While", &s->loc);
        f.e("test", n->test);
        f.stmts("body", n->body);
        f.stmts("orelse", n->orelse);
        break;
    }
    case StmtKind::If: {
        auto* n = static_cast<const If*>(s);
        Fields f(*this, "If", &s->loc);
        f.e("test", n->test);
        f.stmts("body", n->body);
        f.stmts("orelse", n->orelse);
        break;
    }
    case StmtKind::With:
    case StmtKind::AsyncWith: {
        auto* n = static_cast<const With*>(s);
        Fields f(*this, s->kind == StmtKind::With ? "With" : "AsyncWith", &s->loc);
        f.key("items");
        list(n->items, [&](const WithItem* w) {
            Fields g(*this, "withitem");
            g.e("context_expr", w->context_expr);
            g.opt_e("optional_vars", w->optional_vars);
        });
        f.stmts("body", n->body);
        f.opt_ident("type_comment", n->type_comment);
        break;
    }
    case StmtKind::Match: {
        auto* n = static_cast<const Match*>(s);
        Fields f(*this, "Match", &s->loc);
        f.e("subject", n->subject);
        f.key("cases");
        list(n->cases, [&](const MatchCase* c) {
            Fields g(*this, "match_case");
            g.key("pattern");
            pattern(c->pattern);
            g.opt_e("guard", c->guard);
            g.stmts("body", c->body);
        });
        break;
    }
    case StmtKind::Raise: {
        auto* n = static_cast<const Raise*>(s);
        Fields f(*this, "Raise", &s->loc);
        f.opt_e("exc", n->exc);
        f.opt_e("cause", n->cause);
        break;
    }
    case StmtKind::Try:
    case StmtKind::TryStar: {
        auto* n = static_cast<const Try*>(s);
        Fields f(*this, s->kind == StmtKind::Try ? "Try" : "TryStar", &s->loc);
        f.stmts("body", n->body);
        f.key("handlers");
        list(n->handlers, [&](const ExceptHandler* h) { handler(h); });
        f.stmts("orelse", n->orelse);
        f.stmts("finalbody", n->finalbody);
        break;
    }
    case StmtKind::Assert: {
        auto* n = static_cast<const Assert*>(s);
        Fields f(*this, "Assert", &s->loc);
        f.e("test", n->test);
        f.opt_e("msg", n->msg);
        break;
    }
    case StmtKind::Import: {
        Fields f(*this, "Import", &s->loc);
        f.key("names");
        list(static_cast<const Import*>(s)->names, [&](const Alias* a) { alias(a); });
        break;
    }
    case StmtKind::ImportFrom: {
        auto* n = static_cast<const ImportFrom*>(s);
        Fields f(*this, "ImportFrom", &s->loc);
        f.opt_ident("module", n->module);
        f.key("names");
        list(n->names, [&](const Alias* a) { alias(a); });
        f.integer("level", n->level);
        break;
    }
    case StmtKind::Global: {
        Fields f(*this, "Global", &s->loc);
        f.idents("names", static_cast<const Global*>(s)->names);
        break;
    }
    case StmtKind::Nonlocal: {
        Fields f(*this, "Nonlocal", &s->loc);
        f.idents("names", static_cast<const Nonlocal*>(s)->names);
        break;
    }
    case StmtKind::Expr: {
        Fields f(*this, "Expr", &s->loc);
        f.e("value", static_cast<const ExprStmt*>(s)->value);
        break;
    }
    case StmtKind::Pass: { Fields f(*this, "Pass", &s->loc); break; }
    case StmtKind::Break: { Fields f(*this, "Break", &s->loc); break; }
    case StmtKind::Continue: { Fields f(*this, "Continue", &s->loc); break; }
    }
}

void Dumper::mod(const Mod* m)
{
    switch (m->kind) {
    case ModKind::Module: {
        Fields f(*this, "Module");
        f.stmts("body", m->body);
        f.raw("type_ignores", "[]");
        break;
    }
    case ModKind::Interactive: {
        Fields f(*this, "Interactive");
        f.stmts("body", m->body);
        break;
    }
    case ModKind::Expression: {
        Fields f(*this, "Expression");
        f.e("body", m->expression);
        break;
    }
    }
}

} // namespace

std::string dump(const Mod* mod)
{
    if (!mod)
        return "None";
    Dumper d;
    d.mod(mod);
    return std::move(d.out);
}

std::string dump_with_positions(const Mod* mod)
{
    if (!mod)
        return "None";
    Dumper d;
    d.m_attributes = true;
    d.mod(mod);
    return std::move(d.out);
}

std::string dump(const Expr* expr)
{
    Dumper d;
    d.expr(expr);
    return std::move(d.out);
}

} // namespace adder::parser
