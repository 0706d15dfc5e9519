// Writer and bounds-checked reader of the CodeUnit body format described in
// serialize.h. The reader is a small cursor with a sticky error: after the
// first failure every read returns zero and the decode unwinds naturally,
// so callers check once at the end (QuickJS's bc_get_* discipline).
#include "bytecode/serialize.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace adder::bytecode {

namespace {

constexpr char s_body_magic[4] = {'A', 'd', 'B', 'c'};

// ---- writing ------------------------------------------------------------------

// Appends into a buffer grown geometrically and trimmed once in take(): a
// byte-at-a-time std::string::push_back was most of serialize()'s cost.
class Writer {
public:
    Writer() { m_out.resize(16 * 1024); }

    void u8(uint8_t v)
    {
        if (m_len == m_out.size()) [[unlikely]]
            m_out.resize(m_out.size() * 2);
        m_out[m_len++] = static_cast<char>(v);
    }

    void uvarint(uint64_t v)
    {
        if (v < 0x80 && m_len < m_out.size()) [[likely]] {
            m_out[m_len++] = static_cast<char>(v);
            return;
        }
        while (v >= 0x80) {
            u8(static_cast<uint8_t>(v | 0x80));
            v >>= 7;
        }
        u8(static_cast<uint8_t>(v));
    }

    // Zigzag keeps small negative numbers (the -1 "unknown" positions) short.
    void svarint(int64_t v) { uvarint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }

    void str(const std::string& s)
    {
        uvarint(s.size());
        raw(s.data(), s.size());
    }

    void f64(double d)
    {
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        for (int i = 0; i < 8; ++i)
            u8(static_cast<uint8_t>(bits >> (8 * i)));
    }

    void raw(const char* p, size_t n)
    {
        if (n > m_out.size() - m_len)
            m_out.resize(std::max(m_out.size() * 2, m_len + n));
        std::memcpy(m_out.data() + m_len, p, n);
        m_len += n;
    }

    std::string take()
    {
        m_out.resize(m_len);
        return std::move(m_out);
    }

private:
    std::string m_out;
    size_t m_len = 0; // bytes written; m_out.size() is the capacity in use
};

void write_code(Writer& w, const CodeUnit& u, const std::string& parent_filename);
void write_tail(Writer& w, const CodeUnit& u);

void write_const(Writer& w, const Constant& c, const std::string& parent_filename)
{
    w.u8(static_cast<uint8_t>(c.kind));
    switch (c.kind) {
    case Constant::Kind::None:
    case Constant::Kind::Ellipsis:
    case Constant::Kind::False:
    case Constant::Kind::True:
        break;
    case Constant::Kind::Int:
        w.svarint(c.int_value);
        break;
    case Constant::Kind::BigInt:
    case Constant::Kind::Str:
    case Constant::Kind::Bytes:
        w.str(c.text);
        break;
    case Constant::Kind::Float:
        w.f64(c.real);
        break;
    case Constant::Kind::Complex:
        w.f64(c.real);
        w.f64(c.imag);
        break;
    case Constant::Kind::Tuple:
    case Constant::Kind::FrozenSet:
        w.uvarint(c.items.size());
        for (const Constant& item : c.items)
            write_const(w, item, parent_filename);
        break;
    case Constant::Kind::Code:
        // A Code constant without a unit cannot come from the compiler; encode
        // it as an empty unit so the verifier rejects it on load.
        write_code(w, c.code ? *c.code : CodeUnit {}, parent_filename);
        break;
    }
}

void write_code(Writer& w, const CodeUnit& u, const std::string& parent_filename)
{
    w.str(u.name);
    w.str(u.qualname);
    // Nested code almost always shares its parent's file name: 0 means
    // "inherit", otherwise length + 1 and the bytes.
    if (u.filename == parent_filename) {
        w.uvarint(0);
    } else {
        w.uvarint(u.filename.size() + 1);
        w.raw(u.filename.data(), u.filename.size());
    }
    w.svarint(u.firstlineno);
    w.svarint(u.argcount);
    w.svarint(u.posonlyargcount);
    w.svarint(u.kwonlyargcount);
    w.uvarint(u.flags);
    w.svarint(u.stacksize);

    w.uvarint(u.code.size());
    for (Word word : u.code) {
        w.u8(static_cast<uint8_t>(word & 0xFF));
        w.uvarint(word_operand(word));
    }
    // Positions are delta-encoded against the previous line: most consecutive
    // instructions share a line, so each entry is typically four bytes.
    w.uvarint(u.positions.size());
    if (!u.positions.packed().empty() && u.positions.packed_first_line() == u.firstlineno) {
        // Still in the encoded form it was read in: copy it without decoding.
        w.raw(u.positions.packed().data(), u.positions.packed().size());
        return write_tail(w, u);
    }
    int64_t prev_line = u.firstlineno;
    for (const Position& p : u.positions) {
        w.svarint(int64_t(p.lineno) - prev_line);
        w.svarint(int64_t(p.end_lineno) - p.lineno);
        w.svarint(p.col);
        w.svarint(int64_t(p.end_col) - p.col);
        prev_line = p.lineno;
    }
    write_tail(w, u);
}

// Everything after the positions: exception table, constants, names, locals.
void write_tail(Writer& w, const CodeUnit& u)
{
    w.uvarint(u.exception_table.size());
    for (const ExceptionEntry& e : u.exception_table) {
        w.uvarint(e.start);
        w.uvarint(e.end);
        w.uvarint(e.target);
        w.uvarint(e.depth);
        w.u8(e.push_lasti ? 1 : 0);
    }
    w.uvarint(u.consts.size());
    for (const Constant& c : u.consts)
        write_const(w, c, u.filename);
    w.uvarint(u.names.size());
    for (const std::string& n : u.names)
        w.str(n);
    w.uvarint(u.localsplusnames.size());
    for (size_t i = 0; i < u.localsplusnames.size(); ++i) {
        w.str(u.localsplusnames[i]);
        w.u8(i < u.localspluskinds.size() ? u.localspluskinds[i] : 0);
    }
}

// ---- reading ------------------------------------------------------------------

class Reader {
public:
    explicit Reader(std::span<const uint8_t> bytes)
        : m_pos(bytes.data())
        , m_end(bytes.data() + bytes.size())
    {
    }

    bool failed() const { return m_failed; }
    const std::string& error() const { return m_error; }
    size_t remaining() const { return static_cast<size_t>(m_end - m_pos); }

    // Records the first failure only and makes every later read return zero.
    void fail(const std::string& why)
    {
        if (!m_failed) {
            m_failed = true;
            m_error = why;
        }
        m_pos = m_end;
    }

    uint8_t u8()
    {
        if (m_pos >= m_end) {
            fail("truncated data");
            return 0;
        }
        return *m_pos++;
    }

    // The one-byte case (almost every operand, count and delta) is inlined;
    // longer encodings take the checked loop.
    [[gnu::always_inline]] uint64_t uvarint()
    {
        if (m_pos < m_end && *m_pos < 0x80) [[likely]]
            return *m_pos++;
        return uvarint_slow();
    }

    [[gnu::noinline]] uint64_t uvarint_slow()
    {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            uint8_t b = u8();
            if (m_failed)
                return 0;
            if (shift == 63 && b > 1) {
                fail("varint overflow");
                return 0;
            }
            v |= uint64_t(b & 0x7F) << shift;
            if (!(b & 0x80))
                return v;
        }
        fail("varint too long");
        return 0;
    }

    int64_t svarint()
    {
        uint64_t z = uvarint();
        return static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1));
    }

    // Fast path for one instruction word: an opcode byte and a one-byte
    // operand. Returns false having consumed nothing.
    bool small_word(uint8_t* op, uint32_t* arg)
    {
        if (remaining() < 2 || (m_pos[1] & 0x80))
            return false;
        *op = m_pos[0];
        *arg = m_pos[1];
        m_pos += 2;
        return true;
    }

    // Copies the bytes of the next `n` varints into `out` (each at most 10
    // bytes long); fails on truncation. Runs of single-byte varints, the
    // usual case, are skipped eight at a time.
    bool varints_span(size_t n, std::string* out)
    {
        const uint8_t* start = m_pos;
        const uint8_t* p = m_pos;
        for (;;) {
            while (n >= 8 && m_end - p >= 8) {
                uint64_t w;
                std::memcpy(&w, p, sizeof w);
                if (w & 0x8080808080808080ull)
                    break;
                p += 8;
                n -= 8;
            }
            if (n == 0)
                break;
            for (int len = 1;; ++len) {
                if (p >= m_end) {
                    fail("truncated data");
                    return false;
                }
                if (!(*p++ & 0x80))
                    break;
                if (len == 10) {
                    fail("varint too long");
                    return false;
                }
            }
            --n;
        }
        out->assign(reinterpret_cast<const char*>(start), static_cast<size_t>(p - start));
        m_pos = p;
        return true;
    }

    // A signed varint that must lie in [lo, hi].
    int64_t svarint_in(int64_t lo, int64_t hi, const char* what)
    {
        int64_t v = svarint();
        if (!m_failed && (v < lo || v > hi)) {
            fail(std::string(what) + " out of range");
            return 0;
        }
        return v;
    }

    uint64_t uvarint_max(uint64_t max, const char* what)
    {
        uint64_t v = uvarint();
        if (!m_failed && v > max) {
            fail(std::string(what) + " out of range");
            return 0;
        }
        return v;
    }

    // An element count: capped, and no larger than the bytes left could hold
    // (each element takes at least `min_bytes`), so a hostile count cannot
    // make us reserve gigabytes before failing.
    size_t count(size_t min_bytes, const char* what)
    {
        uint64_t n = uvarint();
        if (!m_failed && (n > serialize_max_count || n > remaining() / min_bytes)) {
            fail(std::string("bad ") + what + " count");
            return 0;
        }
        return static_cast<size_t>(n);
    }

    std::string str(uint64_t max_len = serialize_max_string)
    {
        std::string s;
        str_into(s, max_len);
        return s;
    }

    // Assigns into `out` in place (no temporary string per name).
    void str_into(std::string& out, uint64_t max_len = serialize_max_string)
    {
        uint64_t n = uvarint();
        if (m_failed)
            return;
        if (n > max_len || n > remaining()) {
            fail("bad string length");
            return;
        }
        out.assign(reinterpret_cast<const char*>(m_pos), static_cast<size_t>(n));
        m_pos += n;
    }

    // `n` bytes as a string; the caller has checked n <= remaining().
    std::string raw(size_t n)
    {
        std::string s(reinterpret_cast<const char*>(m_pos), n);
        m_pos += n;
        return s;
    }

    double f64()
    {
        uint64_t bits = 0;
        if (remaining() < 8)
            fail("truncated data");
        else
            for (int i = 0; i < 8; ++i)
                bits |= uint64_t(*m_pos++) << (8 * i);
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return d;
    }

private:
    const uint8_t* m_pos;
    const uint8_t* m_end;
    bool m_failed = false;
    std::string m_error;
};

constexpr int64_t s_int_min = std::numeric_limits<int32_t>::min();
constexpr int64_t s_int_max = std::numeric_limits<int32_t>::max();
constexpr int s_max_kind = static_cast<int>(Constant::Kind::Code);

std::shared_ptr<CodeUnit> read_code(Reader& r, int depth, const std::string& parent_filename);

void read_const(Reader& r, Constant& c, int depth, const std::string& parent_filename)
{
    if (depth > serialize_max_depth) {
        r.fail("constants nested too deeply");
        return;
    }
    uint8_t kind = r.u8();
    if (kind > s_max_kind) {
        r.fail("unknown constant kind");
        return;
    }
    c.kind = static_cast<Constant::Kind>(kind);
    switch (c.kind) {
    case Constant::Kind::None:
    case Constant::Kind::Ellipsis:
    case Constant::Kind::False:
    case Constant::Kind::True:
        break;
    case Constant::Kind::Int:
        c.int_value = r.svarint();
        break;
    case Constant::Kind::BigInt:
    case Constant::Kind::Str:
    case Constant::Kind::Bytes:
        r.str_into(c.text);
        break;
    case Constant::Kind::Float:
        c.real = r.f64();
        break;
    case Constant::Kind::Complex:
        c.real = r.f64();
        c.imag = r.f64();
        break;
    case Constant::Kind::Tuple:
    case Constant::Kind::FrozenSet: {
        size_t n = r.count(1, "item");
        c.items.resize(n);
        for (size_t i = 0; i < n && !r.failed(); ++i)
            read_const(r, c.items[i], depth + 1, parent_filename);
        break;
    }
    case Constant::Kind::Code:
        c.code = read_code(r, depth + 1, parent_filename);
        break;
    }
}

std::shared_ptr<CodeUnit> read_code(Reader& r, int depth, const std::string& parent_filename)
{
    if (depth > serialize_max_depth) {
        r.fail("code nested too deeply");
        return nullptr;
    }
    auto u = std::make_shared<CodeUnit>();
    r.str_into(u->name);
    r.str_into(u->qualname);
    uint64_t filename_tag = r.uvarint_max(serialize_max_string + 1, "filename length");
    if (filename_tag == 0) {
        u->filename = parent_filename;
    } else if (filename_tag - 1 > r.remaining()) {
        r.fail("bad string length");
    } else {
        u->filename = r.raw(static_cast<size_t>(filename_tag - 1));
    }
    u->firstlineno = static_cast<int>(r.svarint_in(s_int_min, s_int_max, "firstlineno"));
    u->argcount = static_cast<int>(r.svarint_in(0, s_int_max, "argcount"));
    u->posonlyargcount = static_cast<int>(r.svarint_in(0, s_int_max, "posonlyargcount"));
    u->kwonlyargcount = static_cast<int>(r.svarint_in(0, s_int_max, "kwonlyargcount"));
    u->flags = static_cast<uint32_t>(r.uvarint_max(0xFFFFFFFFu, "flags"));
    u->stacksize = static_cast<int>(r.svarint_in(0, s_int_max, "stacksize"));

    size_t n_words = r.count(2, "instruction");
    u->code.resize(n_words);
    for (size_t i = 0; i < n_words && !r.failed(); ++i) {
        uint8_t op;
        uint32_t small;
        if (r.small_word(&op, &small)) {
            u->code[i] = static_cast<Word>(op) | (small << 8);
            continue;
        }
        op = r.u8();
        uint64_t arg = r.uvarint_max(max_operand, "operand");
        u->code[i] = static_cast<Word>(op) | static_cast<Word>(arg << 8);
    }

    size_t n_pos = r.count(4, "position");
    if (!r.failed() && n_pos != n_words)
        r.fail("positions do not match instructions");
    // Positions stay encoded until needed (PositionTable): only the extent of
    // the 4 * n_pos varints is found and checked here.
    if (!r.failed()) {
        std::string packed;
        if (r.varints_span(4 * n_pos, &packed))
            u->positions.set_packed(std::move(packed), n_pos, u->firstlineno);
    }

    size_t n_exc = r.count(5, "exception entry");
    u->exception_table.resize(n_exc);
    for (size_t i = 0; i < n_exc && !r.failed(); ++i) {
        ExceptionEntry& e = u->exception_table[i];
        e.start = static_cast<uint32_t>(r.uvarint_max(n_words, "exception start"));
        e.end = static_cast<uint32_t>(r.uvarint_max(n_words, "exception end"));
        uint64_t target = r.uvarint();
        if (!r.failed() && target >= n_words)
            r.fail("exception target out of range");
        e.target = static_cast<uint32_t>(target);
        e.depth = static_cast<uint32_t>(r.uvarint_max(s_int_max, "exception depth"));
        uint8_t lasti = r.u8();
        if (lasti > 1)
            r.fail("bad push_lasti");
        e.push_lasti = lasti == 1;
    }

    size_t n_consts = r.count(1, "constant");
    u->consts.resize(n_consts);
    for (size_t i = 0; i < n_consts && !r.failed(); ++i)
        read_const(r, u->consts[i], depth + 1, u->filename);

    size_t n_names = r.count(1, "name");
    u->names.resize(n_names);
    for (size_t i = 0; i < n_names && !r.failed(); ++i)
        r.str_into(u->names[i]);

    size_t n_locals = r.count(2, "local");
    u->localsplusnames.resize(n_locals);
    u->localspluskinds.resize(n_locals);
    for (size_t i = 0; i < n_locals && !r.failed(); ++i) {
        r.str_into(u->localsplusnames[i]);
        u->localspluskinds[i] = r.u8();
    }
    return r.failed() ? nullptr : u;
}

} // namespace

std::string serialize(const CodeUnit& unit)
{
    Writer w;
    w.raw(s_body_magic, sizeof s_body_magic);
    w.uvarint(format_version);
    write_code(w, unit, std::string());
    return w.take();
}

std::optional<std::shared_ptr<CodeUnit>> deserialize(std::span<const uint8_t> bytes, std::string* error)
{
    Reader r(bytes);
    for (char c : s_body_magic)
        if (r.u8() != static_cast<uint8_t>(c))
            r.fail("bad body magic");
    if (!r.failed() && r.uvarint() != format_version)
        r.fail("format version mismatch");
    std::shared_ptr<CodeUnit> unit;
    if (!r.failed())
        unit = read_code(r, 0, std::string());
    if (!r.failed() && r.remaining() != 0)
        r.fail("trailing bytes after code");
    if (r.failed() || !unit) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return unit;
}

} // namespace adder::bytecode
