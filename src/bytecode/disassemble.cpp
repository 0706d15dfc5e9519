// The disassembler: mirrors the column layout of CPython 3.11's dis module
// (Lib/dis.py _disassemble_bytes) with instruction indices instead of byte
// offsets, since Adder's words are all one instruction long.
#include "bytecode/disassemble.h"

#include "bytecode/opcode_info.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace adder::bytecode {

namespace {

// Decodes one UTF-8 sequence at `s[i]`; returns the code point and advances `i`.
// Invalid bytes decode as themselves so the repr never loses data.
uint32_t next_code_point(const std::string& s, size_t& i)
{
    auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
    if (i + len > s.size())
        len = 1;
    uint32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    return cp;
}

void append_escape(std::string& out, const char* fmt, uint32_t v)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, fmt, v);
    out += buf;
}

// FIXME: non-ASCII printability follows a rough rule (everything >= 0xA0
// except surrogates is printable) rather than the Unicode database.
std::string str_repr(const std::string& s)
{
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out(1, quote);
    for (size_t i = 0; i < s.size();) {
        size_t start = i;
        uint32_t cp = next_code_point(s, i);
        if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            append_escape(out, "\\x%02x", cp);
        } else if (cp >= 0xD800 && cp < 0xE000) {
            append_escape(out, "\\u%04x", cp);
        } else {
            out.append(s, start, i - start);
        }
    }
    out += quote;
    return out;
}

std::string bytes_repr(const std::string& s)
{
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out = "b";
    out += quote;
    for (unsigned char c : s) {
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c >= 0x7F) {
            append_escape(out, "\\x%02x", c);
        } else {
            out += static_cast<char>(c);
        }
    }
    out += quote;
    return out;
}

// Python's float repr: the shortest "%.{p}g" that round-trips, with ".0"
// appended to integral values and exponents written as Python does.
std::string float_repr(double d)
{
    if (std::isnan(d))
        return "nan";
    if (std::isinf(d))
        return d > 0 ? "inf" : "-inf";
    char buf[64];
    for (int prec = 1; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        if (std::strtod(buf, nullptr) == d)
            break;
    }
    // buf is d.ddde[+-]XX; reformat into repr's fixed/exponent choice.
    std::string mant(buf, std::string(buf).find('e'));
    int exp = std::atoi(std::string(buf).substr(std::string(buf).find('e') + 1).c_str());
    bool neg = mant[0] == '-';
    if (neg)
        mant.erase(0, 1);
    std::string digits;
    for (char c : mant)
        if (c != '.')
            digits += c;
    std::string out;
    if (exp < -4 || exp >= 16) {
        out = digits.substr(0, 1);
        if (digits.size() > 1)
            out += "." + digits.substr(1);
        char e[16];
        std::snprintf(e, sizeof e, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
        out += e;
    } else if (exp < 0) {
        out = "0." + std::string(-exp - 1, '0') + digits;
    } else {
        if (static_cast<int>(digits.size()) <= exp + 1) {
            out = digits + std::string(exp + 1 - digits.size(), '0') + ".0";
        } else {
            out = digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
        }
    }
    return neg ? "-" + out : out;
}

std::string complex_part(double d)
{
    std::string r = float_repr(d);
    if (r.size() > 2 && r.compare(r.size() - 2, 2, ".0") == 0)
        r.resize(r.size() - 2);
    return r;
}

} // namespace

std::string constant_repr(const Constant& c)
{
    switch (c.kind) {
    case Constant::Kind::None: return "None";
    case Constant::Kind::Ellipsis: return "Ellipsis";
    case Constant::Kind::False: return "False";
    case Constant::Kind::True: return "True";
    case Constant::Kind::Int: return std::to_string(c.int_value);
    case Constant::Kind::BigInt: return c.text;
    case Constant::Kind::Float: return float_repr(c.real);
    case Constant::Kind::Complex: {
        if (c.real == 0 && !std::signbit(c.real))
            return complex_part(c.imag) + "j";
        std::string im = complex_part(c.imag);
        if (im[0] != '-')
            im = "+" + im;
        return "(" + complex_part(c.real) + im + "j)";
    }
    case Constant::Kind::Str: return str_repr(c.text);
    case Constant::Kind::Bytes: return bytes_repr(c.text);
    case Constant::Kind::Tuple: {
        std::string out = "(";
        for (size_t i = 0; i < c.items.size(); ++i) {
            if (i)
                out += ", ";
            out += constant_repr(c.items[i]);
        }
        if (c.items.size() == 1)
            out += ",";
        return out + ")";
    }
    case Constant::Kind::FrozenSet: {
        if (c.items.empty())
            return "frozenset()";
        std::string out = "frozenset({";
        for (size_t i = 0; i < c.items.size(); ++i) {
            if (i)
                out += ", ";
            out += constant_repr(c.items[i]);
        }
        return out + "})";
    }
    case Constant::Kind::Code:
        if (!c.code)
            return "<code object ?>";
        return "<code object " + c.code->name + ", file \"" + c.code->filename + "\", line "
            + std::to_string(c.code->firstlineno) + ">";
    }
    return "?";
}

namespace {

const char* const s_binop_names[] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};
const char* const s_cmp_names[] = { "<", "<=", "==", "!=", ">", ">=" };

std::string local_name(const CodeUnit& code, uint32_t i)
{
    return i < code.localsplusnames.size() ? code.localsplusnames[i] : "<" + std::to_string(i) + ">";
}

} // namespace

std::string instruction_argrepr(const CodeUnit& code, Opcode op, uint32_t arg)
{
    switch (operand_kind(op)) {
    case OperandKind::CONST:
        return arg < code.consts.size() ? constant_repr(code.consts[arg]) : "<bad const>";
    case OperandKind::NAME:
        return arg < code.names.size() ? code.names[arg] : "<bad name>";
    case OperandKind::GLOBAL: {
        std::string n = (arg >> 1) < code.names.size() ? code.names[arg >> 1] : "<bad name>";
        return (arg & 1) ? "NULL + " + n : n;
    }
    case OperandKind::LOCAL:
    case OperandKind::FREE:
        return local_name(code, arg);
    case OperandKind::JUMP:
        return "to " + std::to_string(arg);
    case OperandKind::BINOP:
        return arg < 26 ? s_binop_names[arg] : "?";
    case OperandKind::CMP:
        return arg < 6 ? s_cmp_names[arg] : "?";
    case OperandKind::FLAGS:
        if (op == Opcode::FORMAT_VALUE) {
            static const char* const conv[] = { "", "str", "repr", "ascii" };
            std::string r = conv[arg & 3];
            if (arg & 4)
                r += r.empty() ? "with format" : ", with format";
            return r;
        }
        return "";
    default:
        return "";
    }
}

namespace {

void pad_to(std::string& line, size_t width)
{
    if (line.size() < width)
        line.append(width - line.size(), ' ');
}

void disassemble_one(const CodeUnit& code, std::string& out)
{
    // Jump targets get a ">>" marker, like dis.
    std::vector<bool> is_target(code.code.size(), false);
    for (Word w : code.code) {
        Opcode op = word_opcode(w);
        if (is_valid_opcode(static_cast<uint32_t>(op)) && operand_kind(op) == OperandKind::JUMP
            && word_operand(w) < code.code.size())
            is_target[word_operand(w)] = true;
    }
    for (const auto& e : code.exception_table)
        if (e.target < code.code.size())
            is_target[e.target] = true;

    int last_line = -2;
    uint32_t ext = 0;
    for (size_t i = 0; i < code.code.size(); ++i) {
        Word w = code.code[i];
        Opcode op = word_opcode(w);
        uint32_t arg = word_operand(w) | ext;
        ext = op == Opcode::EXTENDED_ARG ? arg << operand_bits : 0;
        int line = i < code.positions.size() ? code.positions[i].lineno : -1;
        std::string text;
        if (line != last_line) {
            if (i > 0)
                out += "\n";
            text = line >= 0 ? std::to_string(line) : "None";
            last_line = line;
        }
        pad_to(text, 4);
        text += is_target[i] ? "      >> " : "         ";
        std::string idx = std::to_string(i);
        pad_to(text, text.size() + (idx.size() < 4 ? 4 - idx.size() : 0));
        text += idx + " ";
        if (!is_valid_opcode(static_cast<uint32_t>(op))) {
            text += "<" + std::to_string(static_cast<int>(op)) + ">";
            out += text + "\n";
            continue;
        }
        text += opcode_name(op);
        if (operand_kind(op) != OperandKind::NONE) {
            pad_to(text, 43);
            std::string a = std::to_string(arg);
            text += std::string(a.size() < 5 ? 5 - a.size() : 0, ' ') + a;
            std::string r = instruction_argrepr(code, op, arg);
            if (!r.empty())
                text += " (" + r + ")";
        }
        out += text + "\n";
    }
    if (!code.exception_table.empty()) {
        out += "ExceptionTable:\n";
        for (const auto& e : code.exception_table) {
            out += "  " + std::to_string(e.start) + " to " + std::to_string(e.end) + " -> "
                + std::to_string(e.target) + " [" + std::to_string(e.depth) + "]"
                + (e.push_lasti ? " lasti" : "") + "\n";
        }
    }
}

} // namespace

std::string disassemble(const CodeUnit& code, bool recursive)
{
    std::string out;
    disassemble_one(code, out);
    if (recursive) {
        for (const auto& c : code.consts) {
            if (c.kind == Constant::Kind::Code && c.code) {
                out += "\nDisassembly of " + constant_repr(c) + ":\n";
                out += disassemble(*c.code, true);
            }
        }
    }
    return out;
}

} // namespace adder::bytecode
