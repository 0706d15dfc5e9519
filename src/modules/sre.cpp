// The _sre module: the regular-expression engine behind re. re/_compiler.py
// (pure Python, from the stdlib) compiles a pattern to SRE code words; this
// file executes them with a backtracking matcher following CPython 3.11's
// Modules/_sre/sre_lib.h opcode semantics (greedy/lazy/possessive repeats,
// atomic groups, lookaround, group references, the ASCII/Unicode categories
// and case-insensitive variants). The Pattern/Match/Scanner API is a Python
// prelude over two native objects: _Program (the code words) and _State
// (a subject string decoded once to code points, searched repeatedly).
// FIXME: LOCALE flag variants use the ASCII/Latin-1 rules; very deep
// backtracking recurses on the C++ stack (CPython uses a heap stack).
#include <algorithm>
#include <string>
#include <vector>

#include "modules/stdlib_modules.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "text/unicode_db.h"
#include "text/utf8.h"

namespace adder {

namespace sre {

enum Op : uint32_t {
    FAILURE, SUCCESS, ANY, ANY_ALL, ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CHARSET, BIGCHARSET, GROUPREF,
    GROUPREF_EXISTS, IN, INFO, JUMP, LITERAL, MARK, MAX_UNTIL, MIN_UNTIL, NOT_LITERAL, NEGATE, RANGE, REPEAT,
    REPEAT_ONE, SUBPATTERN, MIN_REPEAT_ONE, ATOMIC_GROUP, POSSESSIVE_REPEAT, POSSESSIVE_REPEAT_ONE, GROUPREF_IGNORE,
    IN_IGNORE, LITERAL_IGNORE, NOT_LITERAL_IGNORE, GROUPREF_LOC_IGNORE, IN_LOC_IGNORE, LITERAL_LOC_IGNORE,
    NOT_LITERAL_LOC_IGNORE, GROUPREF_UNI_IGNORE, IN_UNI_IGNORE, LITERAL_UNI_IGNORE, NOT_LITERAL_UNI_IGNORE,
    RANGE_UNI_IGNORE
};

enum At : uint32_t {
    AT_BEGINNING, AT_BEGINNING_LINE, AT_BEGINNING_STRING, AT_BOUNDARY, AT_NON_BOUNDARY, AT_END, AT_END_LINE,
    AT_END_STRING, AT_LOC_BOUNDARY, AT_LOC_NON_BOUNDARY, AT_UNI_BOUNDARY, AT_UNI_NON_BOUNDARY
};

enum Category : uint32_t {
    CAT_DIGIT, CAT_NOT_DIGIT, CAT_SPACE, CAT_NOT_SPACE, CAT_WORD, CAT_NOT_WORD, CAT_LINEBREAK, CAT_NOT_LINEBREAK,
    CAT_LOC_WORD, CAT_LOC_NOT_WORD, CAT_UNI_DIGIT, CAT_UNI_NOT_DIGIT, CAT_UNI_SPACE, CAT_UNI_NOT_SPACE,
    CAT_UNI_WORD, CAT_UNI_NOT_WORD, CAT_UNI_LINEBREAK, CAT_UNI_NOT_LINEBREAK
};

constexpr uint32_t MAXREPEAT = 0xffffffffu;

static bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static bool is_space(uint32_t c) { return c == ' ' || (c >= 9 && c <= 13); }
static bool is_word(uint32_t c) { return c < 128 && (std::isalnum(int(c)) || c == '_'); }
static bool uni_flag(uint32_t c, text::UnicodeFlag f) { return c <= 0x10ffff && text::has_flag(char32_t(c), f); }
static bool uni_digit(uint32_t c) { return uni_flag(c, text::flag_decimal); }
static bool uni_space(uint32_t c) { return uni_flag(c, text::flag_space); }
static bool uni_word(uint32_t c)
{
    return c == '_' || uni_flag(c, text::flag_alpha) || uni_flag(c, text::flag_decimal) || uni_flag(c, text::flag_digit) ||
           uni_flag(c, text::flag_numeric);
}
static bool uni_linebreak(uint32_t c) { return uni_flag(c, text::flag_line_break); }
static uint32_t lower_ascii(uint32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
static uint32_t lower_uni(uint32_t c) { return c <= 0x10ffff ? uint32_t(text::simple_lower(char32_t(c))) : c; }
static uint32_t upper_uni(uint32_t c) { return c <= 0x10ffff ? uint32_t(text::simple_upper(char32_t(c))) : c; }
static uint32_t lower_loc(uint32_t c) { return c < 256 ? lower_ascii(c) : c; }
static uint32_t upper_loc(uint32_t c) { return (c >= 'a' && c <= 'z') ? c - 32 : c; }

static bool category(uint32_t cat, uint32_t c)
{
    switch (cat) {
    case CAT_DIGIT: return is_digit(c);
    case CAT_NOT_DIGIT: return !is_digit(c);
    case CAT_SPACE: return is_space(c);
    case CAT_NOT_SPACE: return !is_space(c);
    case CAT_WORD: return is_word(c);
    case CAT_NOT_WORD: return !is_word(c);
    case CAT_LINEBREAK: return c == '\n';
    case CAT_NOT_LINEBREAK: return c != '\n';
    case CAT_LOC_WORD: return is_word(c);
    case CAT_LOC_NOT_WORD: return !is_word(c);
    case CAT_UNI_DIGIT: return uni_digit(c);
    case CAT_UNI_NOT_DIGIT: return !uni_digit(c);
    case CAT_UNI_SPACE: return uni_space(c);
    case CAT_UNI_NOT_SPACE: return !uni_space(c);
    case CAT_UNI_WORD: return uni_word(c);
    case CAT_UNI_NOT_WORD: return !uni_word(c);
    case CAT_UNI_LINEBREAK: return uni_linebreak(c);
    case CAT_UNI_NOT_LINEBREAK: return !uni_linebreak(c);
    default: return false;
    }
}

// Is `c` in the set starting at code[i] (terminated by FAILURE)?
static bool in_charset(const std::vector<uint32_t>& code, size_t i, uint32_t c)
{
    bool ok = true;
    for (;;) {
        switch (code[i++]) {
        case FAILURE: return !ok;
        case LITERAL:
            if (c == code[i])
                return ok;
            i += 1;
            break;
        case CATEGORY:
            if (category(code[i], c))
                return ok;
            i += 1;
            break;
        case CHARSET:
            if (c < 256 && (code[i + c / 32] & (1u << (c & 31))))
                return ok;
            i += 8;
            break;
        case RANGE:
            if (code[i] <= c && c <= code[i + 1])
                return ok;
            i += 2;
            break;
        case RANGE_UNI_IGNORE: {
            if (code[i] <= c && c <= code[i + 1])
                return ok;
            uint32_t u = upper_uni(c);
            if (code[i] <= u && u <= code[i + 1])
                return ok;
            i += 2;
            break;
        }
        case NEGATE: ok = !ok; break;
        case BIGCHARSET: {
            uint32_t count = code[i++];
            int block = -1;
            if (c < 0x10000) {
                uint32_t word = code[i + (c >> 8) / 4];
                block = int((word >> (8 * ((c >> 8) & 3))) & 0xff); // little-endian bytes
            }
            i += 64;
            if (block >= 0 && (code[i + (uint32_t(block) * 256 + (c & 255)) / 32] & (1u << (c & 31))))
                return ok;
            i += count * 8;
            break;
        }
        default: return false; // invalid set
        }
    }
}

struct Repeat {
    int64_t count;
    size_t body;     // pc of the repeated body
    uint32_t min, max;
    int64_t last_pos;
    Repeat* prev;
};

struct Matcher {
    const std::vector<uint32_t>& code;
    const std::vector<uint32_t>& s;
    int64_t end;           // endpos
    int64_t start;         // where this attempt started (for must_advance)
    bool match_all = false;
    bool must_advance = false;
    std::vector<int64_t> marks;
    int64_t lastindex = -1;
    int64_t lastmark = -1;
    Repeat* repeat = nullptr;
    int64_t end_pos = -1;
    int depth = 0;         // 0: top level (SUCCESS ends the whole match)
    size_t steps = 0;

    struct Saved {
        std::vector<int64_t> marks;
        int64_t lastindex, lastmark;
    };
    Saved save() const { return { marks, lastindex, lastmark }; }
    void restore(const Saved& sv)
    {
        marks = sv.marks;
        lastindex = sv.lastindex;
        lastmark = sv.lastmark;
    }

    bool at(uint32_t kind, int64_t pos) const
    {
        auto word_at = [&](int64_t p, bool uni) { return uni ? uni_word(s[size_t(p)]) : is_word(s[size_t(p)]); };
        switch (kind) {
        case AT_BEGINNING:
        case AT_BEGINNING_STRING: return pos == 0;
        case AT_BEGINNING_LINE: return pos == 0 || s[size_t(pos - 1)] == '\n';
        case AT_END: return pos == end || (pos + 1 == end && s[size_t(pos)] == '\n');
        case AT_END_LINE: return pos == end || s[size_t(pos)] == '\n';
        case AT_END_STRING: return pos == end;
        case AT_BOUNDARY:
        case AT_LOC_BOUNDARY:
        case AT_UNI_BOUNDARY:
        case AT_NON_BOUNDARY:
        case AT_LOC_NON_BOUNDARY:
        case AT_UNI_NON_BOUNDARY: {
            if (end == 0)
                return false;
            bool uni = kind == AT_UNI_BOUNDARY || kind == AT_UNI_NON_BOUNDARY;
            bool that = pos > 0 && word_at(pos - 1, uni);
            bool thisw = pos < end && word_at(pos, uni);
            bool boundary = kind == AT_BOUNDARY || kind == AT_LOC_BOUNDARY || kind == AT_UNI_BOUNDARY;
            return boundary ? thisw != that : thisw == that;
        }
        default: return false;
        }
    }

    // Does the single-character item at code[pc] match s[pos]? (pos < end)
    bool char_ok(size_t pc, uint32_t c) const
    {
        switch (code[pc]) {
        case ANY: return c != '\n';
        case ANY_ALL: return true;
        case LITERAL: return c == code[pc + 1];
        case NOT_LITERAL: return c != code[pc + 1];
        case LITERAL_IGNORE: return lower_ascii(c) == code[pc + 1];
        case NOT_LITERAL_IGNORE: return lower_ascii(c) != code[pc + 1];
        case LITERAL_UNI_IGNORE: return lower_uni(c) == code[pc + 1];
        case NOT_LITERAL_UNI_IGNORE: return lower_uni(c) != code[pc + 1];
        case LITERAL_LOC_IGNORE: return c == code[pc + 1] || lower_loc(c) == code[pc + 1] || upper_loc(c) == code[pc + 1];
        case NOT_LITERAL_LOC_IGNORE:
            return !(c == code[pc + 1] || lower_loc(c) == code[pc + 1] || upper_loc(c) == code[pc + 1]);
        case IN: return in_charset(code, pc + 2, c);
        case IN_IGNORE: return in_charset(code, pc + 2, lower_ascii(c));
        case IN_UNI_IGNORE: return in_charset(code, pc + 2, lower_uni(c));
        case IN_LOC_IGNORE: return in_charset(code, pc + 2, c) || in_charset(code, pc + 2, lower_loc(c)) ||
                                   in_charset(code, pc + 2, upper_loc(c));
        default: return false;
        }
    }

    // How many times (up to maxcount) the single-character item at pc matches from pos.
    int64_t count_item(size_t pc, int64_t pos, int64_t maxcount) const
    {
        int64_t n = 0;
        int64_t limit = std::min<int64_t>(end - pos, maxcount);
        while (n < limit && char_ok(pc, s[size_t(pos + n)]))
            ++n;
        return n;
    }

    bool group_span(uint32_t g, int64_t& b, int64_t& e) const
    {
        size_t i = size_t(g) * 2;
        if (int64_t(i + 1) > lastmark || i + 1 >= marks.size())
            return false;
        b = marks[i];
        e = marks[i + 1];
        return b >= 0 && e >= 0 && b <= e;
    }

    // Sub-match of a body ending in SUCCESS (assertions, atomic groups): returns its end or -1.
    int64_t sub(size_t pc, int64_t pos)
    {
        Repeat* saved_repeat = repeat;
        ++depth;
        int64_t saved_end = end_pos;
        bool ok = run(pc, pos);
        int64_t r = ok ? end_pos : -1;
        end_pos = saved_end;
        --depth;
        repeat = saved_repeat;
        return r;
    }

    bool run(size_t pc, int64_t pos);
};

bool Matcher::run(size_t pc, int64_t pos)
{
    for (;;) {
        ++steps;
        uint32_t op = code[pc];
        switch (op) {
        case FAILURE: return false;
        case SUCCESS:
            if (depth == 0) {
                if (match_all && pos != end)
                    return false;
                if (must_advance && pos == start)
                    return false;
            }
            end_pos = pos;
            return true;
        case AT:
            if (!at(code[pc + 1], pos))
                return false;
            pc += 2;
            break;
        case ANY: case ANY_ALL:
            if (pos >= end || !char_ok(pc, s[size_t(pos)]))
                return false;
            ++pos;
            pc += 1;
            break;
        case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE: case NOT_LITERAL_IGNORE: case LITERAL_UNI_IGNORE:
        case NOT_LITERAL_UNI_IGNORE: case LITERAL_LOC_IGNORE: case NOT_LITERAL_LOC_IGNORE:
            if (pos >= end || !char_ok(pc, s[size_t(pos)]))
                return false;
            ++pos;
            pc += 2;
            break;
        case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE:
            if (pos >= end || !char_ok(pc, s[size_t(pos)]))
                return false;
            ++pos;
            pc += 1 + code[pc + 1];
            break;
        case INFO:
            // <INFO> <skip> <flags> <min> ...: fail early when too little text remains.
            if (end - pos < int64_t(code[pc + 3]))
                return false;
            pc += 1 + code[pc + 1];
            break;
        case JUMP: pc += 1 + code[pc + 1]; break;
        case MARK: {
            uint32_t i = code[pc + 1];
            if (i & 1)
                lastindex = i / 2 + 1;
            if (int64_t(i) > lastmark) {
                for (int64_t k = lastmark + 1; k < int64_t(i); ++k)
                    if (size_t(k) < marks.size())
                        marks[size_t(k)] = -1;
                lastmark = i;
            }
            if (i < marks.size())
                marks[i] = pos;
            pc += 2;
            break;
        }
        case BRANCH: {
            Saved sv = save();
            for (size_t alt = pc + 1; code[alt]; alt += code[alt]) {
                if (run(alt + 1, pos))
                    return true;
                restore(sv);
            }
            return false;
        }
        case REPEAT_ONE: case MIN_REPEAT_ONE: case POSSESSIVE_REPEAT_ONE: {
            // <op> <skip> <min> <max> item <SUCCESS> tail
            uint32_t mn = code[pc + 2], mx = code[pc + 3];
            size_t item = pc + 4;
            size_t tail = pc + 1 + code[pc + 1];
            int64_t maxc = mx == MAXREPEAT ? INT64_MAX : int64_t(mx);
            if (op == MIN_REPEAT_ONE) {
                int64_t n = count_item(item, pos, mn);
                if (n < int64_t(mn))
                    return false;
                int64_t p = pos + n;
                Saved sv = save();
                for (;;) {
                    if (run(tail, p))
                        return true;
                    restore(sv);
                    if (n >= maxc || p >= end || !char_ok(item, s[size_t(p)]))
                        return false;
                    ++p;
                    ++n;
                }
            }
            int64_t n = count_item(item, pos, maxc);
            if (n < int64_t(mn))
                return false;
            if (op == POSSESSIVE_REPEAT_ONE) {
                pos += n;
                pc = tail;
                break;
            }
            // Greedy; when the tail starts with a literal, skip positions it cannot match.
            bool lit_tail = code[tail] == LITERAL;
            uint32_t lit = lit_tail ? code[tail + 1] : 0;
            if (code[tail] == SUCCESS && depth == 0 && !match_all && !(must_advance && pos + n == start)) {
                end_pos = pos + n;
                return true;
            }
            Saved sv = save();
            for (int64_t k = n; k >= int64_t(mn); --k) {
                if (lit_tail && (pos + k >= end || s[size_t(pos + k)] != lit))
                    continue;
                if (run(tail, pos + k))
                    return true;
                restore(sv);
            }
            return false;
        }
        case REPEAT: {
            // <REPEAT> <skip> <min> <max> body <MAX_UNTIL|MIN_UNTIL> tail
            Repeat r { -1, pc + 4, code[pc + 2], code[pc + 3], -1, repeat };
            repeat = &r;
            bool ok = run(pc + 1 + code[pc + 1], pos);
            repeat = r.prev;
            return ok;
        }
        case MAX_UNTIL: {
            Repeat* r = repeat;
            if (!r)
                return false;
            int64_t count = r->count + 1;
            if (count < int64_t(r->min)) {
                r->count = count;
                if (run(r->body, pos))
                    return true;
                r->count = count - 1;
                return false;
            }
            if ((count < int64_t(r->max) || r->max == MAXREPEAT) && pos != r->last_pos) {
                Saved sv = save();
                r->count = count;
                int64_t old_last = r->last_pos;
                r->last_pos = pos;
                if (run(r->body, pos))
                    return true;
                r->last_pos = old_last;
                r->count = count - 1;
                restore(sv);
            }
            repeat = r->prev;
            if (run(pc + 1, pos))
                return true;
            repeat = r;
            return false;
        }
        case MIN_UNTIL: {
            Repeat* r = repeat;
            if (!r)
                return false;
            int64_t count = r->count + 1;
            if (count < int64_t(r->min)) {
                r->count = count;
                if (run(r->body, pos))
                    return true;
                r->count = count - 1;
                return false;
            }
            Saved sv = save();
            repeat = r->prev;
            if (run(pc + 1, pos))
                return true;
            repeat = r;
            restore(sv);
            if ((count >= int64_t(r->max) && r->max != MAXREPEAT) || pos == r->last_pos)
                return false;
            r->count = count;
            int64_t old_last = r->last_pos;
            r->last_pos = pos;
            if (run(r->body, pos))
                return true;
            r->last_pos = old_last;
            r->count = count - 1;
            return false;
        }
        case POSSESSIVE_REPEAT: {
            // <POSSESSIVE_REPEAT> <skip> <min> <max> body <SUCCESS> tail
            uint32_t mn = code[pc + 2], mx = code[pc + 3];
            int64_t count = 0;
            while (mx == MAXREPEAT || count < int64_t(mx)) {
                Saved sv = save();
                int64_t e = sub(pc + 4, pos);
                if (e < 0) {
                    restore(sv);
                    break;
                }
                if (e == pos && count >= int64_t(mn))
                    break;
                pos = e;
                ++count;
            }
            if (count < int64_t(mn))
                return false;
            pc += 1 + code[pc + 1];
            break;
        }
        case ATOMIC_GROUP: {
            // <ATOMIC_GROUP> <skip> body <SUCCESS> tail
            int64_t e = sub(pc + 2, pos);
            if (e < 0)
                return false;
            pos = e;
            pc += 1 + code[pc + 1];
            break;
        }
        case ASSERT: {
            // <ASSERT> <skip> <back> pattern <SUCCESS>
            int64_t back = code[pc + 2];
            if (pos - back < 0)
                return false;
            if (sub(pc + 3, pos - back) < 0)
                return false;
            pc += 1 + code[pc + 1];
            break;
        }
        case ASSERT_NOT: {
            int64_t back = code[pc + 2];
            if (pos - back >= 0) {
                Saved sv = save();
                int64_t e = sub(pc + 3, pos - back);
                restore(sv);
                if (e >= 0)
                    return false;
            }
            pc += 1 + code[pc + 1];
            break;
        }
        case GROUPREF: case GROUPREF_IGNORE: case GROUPREF_UNI_IGNORE: case GROUPREF_LOC_IGNORE: {
            int64_t b, e;
            if (!group_span(code[pc + 1], b, e))
                return false;
            if (pos + (e - b) > end)
                return false;
            for (int64_t k = 0; k < e - b; ++k) {
                uint32_t x = s[size_t(b + k)], y = s[size_t(pos + k)];
                bool eq = op == GROUPREF ? x == y
                          : op == GROUPREF_UNI_IGNORE ? lower_uni(x) == lower_uni(y)
                                                      : lower_loc(x) == lower_loc(y);
                if (!eq)
                    return false;
            }
            pos += e - b;
            pc += 2;
            break;
        }
        case GROUPREF_EXISTS: {
            int64_t b, e;
            if (group_span(code[pc + 1], b, e))
                pc += 3;
            else
                pc += 1 + code[pc + 2];
            break;
        }
        default:
            return false; // unknown opcode: treat as failure (re._compiler never emits one)
        }
    }
}

} // namespace sre

class SreProgram : public Object {
public:
    explicit SreProgram(Type* t) : Object(t) {}
    std::vector<uint32_t> m_code;
    int64_t m_groups = 0;
};

class SreState : public Object {
public:
    explicit SreState(Type* t) : Object(t) {}
    void visit_edges(gc::Visitor& v) override
    {
        Object::visit_edges(v);
        v.visit(m_program);
    }
    SreProgram* m_program = nullptr;
    std::vector<uint32_t> m_text;
};

static Type* g_program_type;
static Type* g_state_type;

static Result<Value> sre_program(Value, CallArgs args)
{
    TRY(check_arity(args, "_Program", 2, 2));
    SreProgram* p = make<SreProgram>(g_program_type);
    gc::MarkedVector items;
    TRY(collect_iterable(args[0], items));
    p->m_code.reserve(items.size());
    for (Value v : items.items()) {
        int64_t x;
        if (!is_int(v) || !int_fits_i64(v, x) || x < 0 || x > 0xffffffffLL)
            return throw_error(g_OverflowError, "regular expression code size limit exceeded");
        p->m_code.push_back(uint32_t(x));
    }
    p->m_code.push_back(sre::FAILURE); // guard
    p->m_groups = TRY(index_as_i64(args[1]));
    return Value(p);
}

static Result<Value> sre_state(Value, CallArgs args)
{
    TRY(check_arity(args, "_State", 2, 2));
    if (args[0].type() != g_program_type)
        return throw_error(g_TypeError, "_State expects a _Program");
    SreState* st = make<SreState>(g_state_type);
    st->m_program = static_cast<SreProgram*>(args[0].as_object());
    Value s = args[1];
    if (is_str(s)) {
        std::string_view u = as_str(s)->view();
        for (size_t i = 0; i < u.size();)
            st->m_text.push_back(uint32_t(text::decode_at(u, i)));
    } else if (is_bytes(s) || is_bytearray(s)) {
        std::string_view b = is_bytes(s) ? as_bytes(s)->view() : as_bytearray(s)->view();
        for (unsigned char c : b)
            st->m_text.push_back(c);
    } else {
        return throw_error(g_TypeError, "expected string or bytes-like object, got '%s'", s.type()->m_name.c_str());
    }
    return Value(st);
}

// state._run(pos, endpos, mode, must_advance): mode 0 match, 1 fullmatch,
// 2 search. Returns None or (start, end, lastindex, marks-tuple).
static Result<Value> state_run(Value self, CallArgs args)
{
    TRY(check_arity(args, "_run", 4, 4));
    SreState* st = static_cast<SreState*>(self.as_object());
    int64_t n = int64_t(st->m_text.size());
    int64_t pos = std::clamp<int64_t>(TRY(index_as_i64(args[0])), 0, n);
    int64_t endpos = std::clamp<int64_t>(TRY(index_as_i64(args[1])), 0, n);
    int64_t mode = TRY(index_as_i64(args[2]));
    bool must_advance = TRY(truthy(args[3]));
    if (endpos < pos)
        return none();
    const std::vector<uint32_t>& code = st->m_program->m_code;
    sre::Matcher m { code, st->m_text, endpos, pos };
    m.match_all = mode == 1;
    size_t nmarks = size_t(st->m_program->m_groups + 1) * 2;
    int64_t found = -1;
    for (int64_t p = pos; p <= endpos; ++p) {
        m.marks.assign(nmarks, -1);
        m.lastindex = -1;
        m.lastmark = -1;
        m.repeat = nullptr;
        m.start = pos;
        m.must_advance = must_advance && p == pos;
        if (m.run(0, p)) {
            found = p;
            break;
        }
        if (mode != 2)
            break;
    }
    if (found < 0)
        return none();
    std::vector<Value> marks;
    for (size_t i = 0; i < nmarks; ++i)
        marks.push_back(int64_t(i) <= m.lastmark ? int_from_i64(m.marks[i]) : Value::small(-1));
    return Value(Tuple::create({ int_from_i64(found), int_from_i64(m.end_pos), int_from_i64(m.lastindex),
                                 Value(Tuple::create(std::move(marks))) }));
}

static Result<Value> sre_getcodesize(Value, CallArgs) { return Value::small(4); }

static Result<Value> sre_ascii_iscased(Value, CallArgs args)
{
    TRY(check_arity(args, "ascii_iscased", 1, 1));
    int64_t c = TRY(index_as_i64(args[0]));
    return py_bool(c < 128 && std::isalpha(int(c)));
}

static Result<Value> sre_unicode_iscased(Value, CallArgs args)
{
    TRY(check_arity(args, "unicode_iscased", 1, 1));
    int64_t c = TRY(index_as_i64(args[0]));
    uint32_t u = uint32_t(c);
    return py_bool(c >= 0 && c <= 0x10ffff && (sre::lower_uni(u) != u || sre::upper_uni(u) != u));
}

static Result<Value> sre_ascii_tolower(Value, CallArgs args)
{
    TRY(check_arity(args, "ascii_tolower", 1, 1));
    int64_t c = TRY(index_as_i64(args[0]));
    return int_from_i64(c >= 0 && c < 128 ? int64_t(sre::lower_ascii(uint32_t(c))) : c);
}

static Result<Value> sre_unicode_tolower(Value, CallArgs args)
{
    TRY(check_arity(args, "unicode_tolower", 1, 1));
    int64_t c = TRY(index_as_i64(args[0]));
    return int_from_i64(c >= 0 && c <= 0x10ffff ? int64_t(sre::lower_uni(uint32_t(c))) : c);
}

extern const char* k_sre_prelude; // sre_api.cpp

Module* create_sre_module()
{
    if (!g_program_type) {
        g_program_type = new_builtin_type("_Program", g_object_type, Layout::Other, 0);
        type_ready(g_program_type);
        g_state_type = new_builtin_type("_State", g_object_type, Layout::Other, 0);
        add_method(g_state_type, "_run", state_run);
        type_ready(g_state_type);
    }
    Module* m = Module::create("_sre");
    Dict* d = m->dict();
    d->set_str("MAGIC", int_from_i64(20220615));
    d->set_str("CODESIZE", Value::small(4));
    d->set_str("MAXREPEAT", int_from_i64(sre::MAXREPEAT));
    d->set_str("MAXGROUPS", int_from_i64(1073741823));
    using stdmod::def;
    def(m, "_Program", sre_program);
    def(m, "_State", sre_state);
    def(m, "getcodesize", sre_getcodesize);
    def(m, "ascii_iscased", sre_ascii_iscased);
    def(m, "unicode_iscased", sre_unicode_iscased);
    def(m, "ascii_tolower", sre_ascii_tolower);
    def(m, "unicode_tolower", sre_unicode_tolower);
    if (stdmod::run_prelude(m, k_sre_prelude).is_error())
        return nullptr;
    return m;
}

} // namespace adder
