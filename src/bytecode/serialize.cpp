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
    void svarint(int64_t v) { uvarint(zigzag(v)); }
    static uint64_t zigzag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }

    // Makes room for `n` more bytes, for the unchecked put_* that follow
    // (the per-instruction loops: one capacity check per table, not per byte).
    void ensure(size_t n)
    {
        if (m_out.size() - m_len < n)
            m_out.resize(std::max(m_out.size() * 2, m_len + n));
    }
    void put_u8(uint8_t v) { m_out[m_len++] = static_cast<char>(v); }
    void put_uvarint(uint64_t v) // at most 10 bytes
    {
        while (v >= 0x80) {
            m_out[m_len++] = static_cast<char>(v | 0x80);
            v >>= 7;
        }
        m_out[m_len++] = static_cast<char>(v);
    }
    void put_svarint(int64_t v) { put_uvarint(zigzag(v)); }

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

    size_t size() const { return m_len; }

    // Five bytes for a varint of up to 35 bits written later by patch_varint5.
    size_t reserve_varint5()
    {
        size_t at = m_len;
        for (int i = 0; i < 5; ++i)
            u8(0);
        return at;
    }

    void patch_varint5(size_t at, uint64_t v)
    {
        for (int i = 0; i < 5; ++i) {
            uint8_t b = static_cast<uint8_t>((v >> (7 * i)) & 0x7F);
            m_out[at + size_t(i)] = static_cast<char>(i < 4 ? (b | 0x80) : b);
        }
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
    case Constant::Kind::Code: {
        // Length-prefixed so a lazy reader can skip it without parsing. The
        // length is a fixed 5-byte (padded) varint patched afterwards, which
        // saves encoding the nested code twice.
        size_t at = w.reserve_varint5();
        // A Code constant without a unit cannot come from the compiler; encode
        // it as an empty unit so the verifier rejects it on load.
        write_code(w, c.code ? *c.code : CodeUnit {}, parent_filename);
        w.patch_varint5(at, w.size() - at - 5);
        break;
    }
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

    // Constants come first so that a lazy reader finds the docstring
    // (consts[0]) right after the header.
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

    w.uvarint(u.code.size());
    w.ensure(u.code.size() * 5); // opcode + a 24-bit operand in at most 4 varint bytes
    for (Word word : u.code) {
        w.put_u8(static_cast<uint8_t>(word & 0xFF));
        w.put_uvarint(word_operand(word));
    }
    // Positions are delta-encoded against the previous line: most consecutive
    // instructions share a line, so each entry is typically four bytes.
    w.uvarint(u.positions.size());
    if (!u.positions.packed().empty() && u.positions.packed_first_line() == u.firstlineno) {
        // Still in the encoded form it was read in: copy it without decoding.
        w.raw(u.positions.packed().data(), u.positions.packed().size());
    } else {
        int64_t prev_line = u.firstlineno;
        w.ensure(u.positions.size() * 40);
        for (const Position& p : u.positions) {
            w.put_svarint(int64_t(p.lineno) - prev_line);
            w.put_svarint(int64_t(p.end_lineno) - p.lineno);
            w.put_svarint(p.col);
            w.put_svarint(int64_t(p.end_col) - p.col);
            prev_line = p.lineno;
        }
    }
    w.uvarint(u.exception_table.size());
    for (const ExceptionEntry& e : u.exception_table) {
        w.uvarint(e.start);
        w.uvarint(e.end);
        w.uvarint(e.target);
        w.uvarint(e.depth);
        w.u8(e.push_lasti ? 1 : 0);
    }
}

// ---- reading ------------------------------------------------------------------

class Reader {
public:
    explicit Reader(std::span<const uint8_t> bytes)
        : m_base(bytes.data())
        , m_pos(bytes.data())
        , m_end(bytes.data() + bytes.size())
    {
    }

    // Position relative to the start of the span given to the constructor.
    size_t offset() const { return static_cast<size_t>(m_pos - m_base); }
    void skip(size_t n) { m_pos += n; } // the caller has checked n <= remaining()
    // Ends the readable range `n` bytes from here (n <= remaining()); returns
    // the old end for restore_end().
    const uint8_t* limit(size_t n)
    {
        const uint8_t* old = m_end;
        m_end = m_pos + n;
        return old;
    }
    void restore_end(const uint8_t* end)
    {
        if (!m_failed)
            m_end = end;
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

    // The 5-byte padded form the writer uses for code record lengths,
    // decoded in one step; any other encoding takes uvarint().
    uint64_t uvarint5()
    {
        if (remaining() >= 5 && (m_pos[0] & m_pos[1] & m_pos[2] & m_pos[3] & 0x80) && !(m_pos[4] & 0x80)) {
            uint64_t v = uint64_t(m_pos[0] & 0x7F) | uint64_t(m_pos[1] & 0x7F) << 7 | uint64_t(m_pos[2] & 0x7F) << 14 |
                uint64_t(m_pos[3] & 0x7F) << 21 | uint64_t(m_pos[4]) << 28;
            m_pos += 5;
            return v;
        }
        return uvarint();
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
    // The failing paths build their message out of line, so the checks
    // themselves stay small enough to inline (they run per header field).
    [[gnu::noinline, gnu::cold]] void fail_range(const char* what) { fail(std::string(what) + " out of range"); }
    [[gnu::noinline, gnu::cold]] void fail_count(const char* what) { fail(std::string("bad ") + what + " count"); }

    [[gnu::always_inline]] int64_t svarint_in(int64_t lo, int64_t hi, const char* what)
    {
        int64_t v = svarint();
        if ((v < lo || v > hi) && !m_failed) [[unlikely]] {
            fail_range(what);
            return 0;
        }
        return v;
    }

    [[gnu::always_inline]] uint64_t uvarint_max(uint64_t max, const char* what)
    {
        uint64_t v = uvarint();
        if (v > max && !m_failed) [[unlikely]] {
            fail_range(what);
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
        if ((n > serialize_max_count || n > remaining() / min_bytes) && !m_failed) [[unlikely]] {
            fail_count(what);
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
    const uint8_t* m_base;
    const uint8_t* m_pos;
    const uint8_t* m_end;
    bool m_failed = false;
    std::string m_error;
};

// Item vectors of tuple constants freed by recycle_consts(), reused by the
// next read (a warm import decodes a default-argument tuple per function).
thread_local std::vector<std::vector<Constant>> t_spare_items;

void take_spare_items(std::vector<Constant>& items)
{
    if (!t_spare_items.empty()) {
        items.swap(t_spare_items.back());
        t_spare_items.pop_back();
    }
}

constexpr int64_t s_int_min = std::numeric_limits<int32_t>::min();
constexpr int64_t s_int_max = std::numeric_limits<int32_t>::max();
constexpr int s_max_kind = static_cast<int>(Constant::Kind::Code);

std::shared_ptr<CodeUnit> read_code(Reader& r, int depth, const std::string& parent_filename, bool shallow);

// A code constant: varint length, then exactly that many bytes of `code`.
// With `shallow` the record is only delimited (lazy_offset/lazy_size).
void read_code_const(Reader& r, Constant& c, int depth, const std::string& parent_filename, bool shallow)
{
    uint64_t len = r.uvarint5();
    if (r.failed())
        return;
    if (len > r.remaining() || len > 0xFFFFFFFFu) {
        r.fail("bad code length");
        return;
    }
    if (shallow) {
        if (len == 0) {
            r.fail("empty code constant");
            return;
        }
        c.lazy_offset = static_cast<uint32_t>(r.offset());
        c.lazy_size = static_cast<uint32_t>(len);
        r.skip(static_cast<size_t>(len));
        return;
    }
    const uint8_t* end = r.limit(static_cast<size_t>(len));
    c.code = read_code(r, depth, parent_filename, false);
    if (!r.failed() && r.remaining() != 0)
        r.fail("code length mismatch");
    r.restore_end(end);
}

void read_const(Reader& r, Constant& c, int depth, const std::string& parent_filename, bool shallow_code)
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
        // Code inside a tuple (never produced by the compiler) is decoded
        // eagerly: only direct code constants are lazy.
        size_t n = r.count(1, "item");
        if (n)
            take_spare_items(c.items);
        c.items.resize(n);
        for (size_t i = 0; i < n && !r.failed(); ++i)
            read_const(r, c.items[i], depth + 1, parent_filename, false);
        break;
    }
    case Constant::Kind::Code:
        read_code_const(r, c, depth + 1, parent_filename, shallow_code);
        break;
    }
}

// The fields before the constants. With `inherited` (header-only reads) an
// inherited filename is not copied: *inherited is set instead.
void read_header(Reader& r, CodeUnit& u, const std::string& parent_filename, bool* inherited = nullptr)
{
    r.str_into(u.name);
    r.str_into(u.qualname);
    uint64_t filename_tag = r.uvarint_max(serialize_max_string + 1, "filename length");
    if (inherited)
        *inherited = filename_tag == 0;
    if (filename_tag == 0) {
        if (!inherited)
            u.filename = parent_filename;
    } else if (filename_tag - 1 > r.remaining()) {
        r.fail("bad string length");
    } else {
        u.filename = r.raw(static_cast<size_t>(filename_tag - 1));
    }
    u.firstlineno = static_cast<int>(r.svarint_in(s_int_min, s_int_max, "firstlineno"));
    u.argcount = static_cast<int>(r.svarint_in(0, s_int_max, "argcount"));
    u.posonlyargcount = static_cast<int>(r.svarint_in(0, s_int_max, "posonlyargcount"));
    u.kwonlyargcount = static_cast<int>(r.svarint_in(0, s_int_max, "kwonlyargcount"));
    u.flags = static_cast<uint32_t>(r.uvarint_max(0xFFFFFFFFu, "flags"));
    u.stacksize = static_cast<int>(r.svarint_in(0, s_int_max, "stacksize"));
}

std::shared_ptr<CodeUnit> read_code(Reader& r, int depth, const std::string& parent_filename, bool shallow)
{
    if (depth > serialize_max_depth) {
        r.fail("code nested too deeply");
        return nullptr;
    }
    auto u = std::make_shared<CodeUnit>();
    read_header(r, *u, parent_filename);

    size_t n_consts = r.count(1, "constant");
    u->consts = take_spare_consts();
    u->consts.resize(n_consts);
    for (size_t i = 0; i < n_consts && !r.failed(); ++i)
        read_const(r, u->consts[i], depth + 1, u->filename, shallow);

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
    return r.failed() ? nullptr : u;
}

// Checks the body magic and version; returns false (r failed) otherwise.
bool read_body_magic(Reader& r)
{
    for (char c : s_body_magic)
        if (r.u8() != static_cast<uint8_t>(c))
            r.fail("bad body magic");
    if (!r.failed() && r.uvarint() != format_version)
        r.fail("format version mismatch");
    return !r.failed();
}

std::shared_ptr<CodeUnit> finish(Reader& r, std::shared_ptr<CodeUnit> unit, std::string* error)
{
    if (!r.failed() && r.remaining() != 0)
        r.fail("trailing bytes after code");
    if (r.failed() || !unit) {
        if (error)
            *error = r.failed() ? r.error() : "no code";
        return nullptr;
    }
    return unit;
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
    std::shared_ptr<CodeUnit> unit;
    if (read_body_magic(r))
        unit = read_code(r, 0, std::string(), false);
    unit = finish(r, std::move(unit), error);
    if (!unit)
        return std::nullopt;
    return unit;
}

std::shared_ptr<CodeUnit> deserialize_shallow(std::span<const uint8_t> body, std::string* error)
{
    Reader r(body);
    std::shared_ptr<CodeUnit> unit;
    if (read_body_magic(r))
        unit = read_code(r, 0, std::string(), true);
    return finish(r, std::move(unit), error);
}

std::shared_ptr<CodeUnit> deserialize_nested(std::span<const uint8_t> body, uint32_t offset, uint32_t size,
    const std::string& parent_filename, std::string* error)
{
    if (size_t(offset) + size > body.size()) {
        if (error)
            *error = "code record out of range";
        return nullptr;
    }
    Reader r(body.subspan(offset, size));
    std::shared_ptr<CodeUnit> unit = read_code(r, 0, parent_filename, true);
    unit = finish(r, std::move(unit), error);
    if (unit)
        // Offsets of its own nested records are relative to `body`.
        for (Constant& c : unit->consts)
            if (c.kind == Constant::Kind::Code && !c.code)
                c.lazy_offset += offset;
    return unit;
}

namespace {

// One varint with Reader::uvarint()'s rules (at most 10 bytes, no bits past
// 64); false on truncated or malformed input.
[[gnu::always_inline]] inline bool next_uvarint(const uint8_t*& p, const uint8_t* end, uint64_t* out)
{
    if (p < end && *p < 0x80) [[likely]] {
        *out = *p++;
        return true;
    }
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (p >= end)
            return false;
        uint8_t b = *p++;
        if (shift == 63 && b > 1)
            return false;
        v |= uint64_t(b & 0x7F) << shift;
        if (!(b & 0x80)) {
            *out = v;
            return true;
        }
    }
    return false;
}

[[gnu::always_inline]] inline bool next_svarint_in(const uint8_t*& p, const uint8_t* end, int64_t lo, int64_t hi,
    int* out)
{
    uint64_t z;
    if (!next_uvarint(p, end, &z))
        return false;
    auto v = static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1));
    if (v < lo || v > hi)
        return false;
    *out = static_cast<int>(v);
    return true;
}

[[gnu::always_inline]] inline bool next_str_view(const uint8_t*& p, const uint8_t* end, std::string_view* out)
{
    uint64_t n;
    if (!next_uvarint(p, end, &n) || n > serialize_max_string || n > static_cast<uint64_t>(end - p))
        return false;
    *out = std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
    p += n;
    return true;
}

} // namespace

// The same reads and checks as read_header() (and the
// docstring), on a bare pointer: it runs once per function of every module
// a warm import loads.
bool read_code_header_view(std::span<const uint8_t> body, uint32_t offset, uint32_t size, CodeHeaderView* out)
{
    if (size_t(offset) + size > body.size())
        return false;
    const uint8_t* p = body.data() + offset;
    const uint8_t* end = p + size;
    uint64_t filename_tag, flags, n_consts;
    if (!next_str_view(p, end, &out->name) || !next_str_view(p, end, &out->qualname) ||
        !next_uvarint(p, end, &filename_tag) || filename_tag > serialize_max_string + 1)
        return false;
    out->filename_inherited = filename_tag == 0;
    out->filename = {};
    if (filename_tag != 0) {
        size_t n = static_cast<size_t>(filename_tag - 1);
        if (filename_tag - 1 > static_cast<uint64_t>(end - p))
            return false;
        out->filename = std::string_view(reinterpret_cast<const char*>(p), n);
        p += n;
    }
    if (!next_svarint_in(p, end, s_int_min, s_int_max, &out->firstlineno) ||
        !next_svarint_in(p, end, 0, s_int_max, &out->argcount) ||
        !next_svarint_in(p, end, 0, s_int_max, &out->posonlyargcount) ||
        !next_svarint_in(p, end, 0, s_int_max, &out->kwonlyargcount) || !next_uvarint(p, end, &flags) ||
        flags > 0xFFFFFFFFu || !next_svarint_in(p, end, 0, s_int_max, &out->stacksize))
        return false;
    out->flags = static_cast<uint32_t>(flags);
    out->has_doc = false;
    out->doc = {};
    // Reader::count(1, ...): capped, and no more than the bytes left.
    if (!next_uvarint(p, end, &n_consts) || n_consts > serialize_max_count || n_consts > static_cast<uint64_t>(end - p))
        return false;
    if (n_consts > 0 && p < end && *p++ == static_cast<uint8_t>(Constant::Kind::Str)) {
        if (!next_str_view(p, end, &out->doc))
            return false;
        out->has_doc = true;
    }
    return true;
}

// One spare constants vector (see recycle_consts in serialize.h).
static thread_local std::vector<Constant> t_spare_consts;

std::vector<Constant> take_spare_consts()
{
    std::vector<Constant> v;
    v.swap(t_spare_consts);
    return v;
}

void recycle_consts(std::vector<Constant>&& consts)
{
    for (Constant& c : consts) {
        if (c.items.capacity() == 0 || c.items.capacity() > 64 || t_spare_items.size() >= 4096)
            continue;
        c.items.clear();
        t_spare_items.push_back(std::move(c.items));
    }
    consts.clear();
    if (consts.capacity() > t_spare_consts.capacity() && consts.capacity() <= 4096)
        t_spare_consts.swap(consts);
    std::vector<Constant>().swap(consts);
}

} // namespace adder::bytecode
