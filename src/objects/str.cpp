// str core: creation and interning, UTF-8 helpers, CPython-compatible hashing
// (SipHash-1-3 over the PEP 393 representation, keyed from PYTHONHASHSEED),
// repr, comparison, concatenation, repetition, indexing, slicing, iteration
// and containment. The method set (split, strip, ...) is str_methods.cpp.
#include "objects/str.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <random>

#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/range.h"
#include "objects/tuple.h"

namespace adder {

// --- UTF-8 helpers -----------------------------------------------------------------

size_t utf8_length(std::string_view s, bool& ascii)
{
    // ASCII runs are skipped eight bytes at a time; the rest counts
    // non-continuation bytes.
    const char* p = s.data();
    const char* end = p + s.size();
    while (end - p >= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        if (w & 0x8080808080808080ULL)
            break;
        p += 8;
    }
    size_t n = size_t(p - s.data());
    ascii = true;
    for (; p < end; ++p) {
        auto c = static_cast<unsigned char>(*p);
        if ((c & 0xC0) != 0x80)
            ++n;
        if (c >= 0x80)
            ascii = false;
    }
    return n;
}

void append_utf8(std::string& out, uint32_t cp)
{
    if (cp < 0x80)
        out += char(cp);
    else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

namespace {
struct NameCharTable {
    bool ok[256] = {};
    constexpr NameCharTable()
    {
        for (int c = '0'; c <= '9'; ++c)
            ok[c] = true;
        for (int c = 'a'; c <= 'z'; ++c)
            ok[c] = ok[c - 'a' + 'A'] = true;
        ok[int('_')] = true;
    }
};
constexpr NameCharTable k_name_chars;
} // namespace

bool is_ascii_name_chars(std::string_view text)
{
    for (char ch : text)
        if (!k_name_chars.ok[static_cast<unsigned char>(ch)])
            return false;
    return true;
}

uint32_t decode_utf8(const char*& p)
{
    auto c = static_cast<unsigned char>(*p++);
    if (c < 0x80)
        return c;
    if (c < 0xE0) {
        uint32_t cp = (c & 0x1F) << 6;
        cp |= static_cast<unsigned char>(*p++) & 0x3F;
        return cp;
    }
    if (c < 0xF0) {
        uint32_t cp = (c & 0x0F) << 12;
        cp |= (static_cast<unsigned char>(*p++) & 0x3F) << 6;
        cp |= static_cast<unsigned char>(*p++) & 0x3F;
        return cp;
    }
    uint32_t cp = (c & 0x07) << 18;
    cp |= (static_cast<unsigned char>(*p++) & 0x3F) << 12;
    cp |= (static_cast<unsigned char>(*p++) & 0x3F) << 6;
    cp |= static_cast<unsigned char>(*p++) & 0x3F;
    return cp;
}

// --- creation and interning ----------------------------------------------------------

namespace {
inline uint64_t load64(const char* p)
{
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}
inline uint64_t load32(const char* p)
{
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}
// 64x64->128 multiply folded to 64 bits (the wyhash mixing step).
inline uint64_t mum(uint64_t a, uint64_t b)
{
    __uint128_t r = static_cast<__uint128_t>(a) * b;
    return uint64_t(r) ^ uint64_t(r >> 64);
}

// The intern table's own hash (wyhash-style), separate from str.__hash__:
// the CPython-compatible SipHash over the PEP 393 form costs several times
// more, and non-ASCII names would need re-encoding first. Seeded per
// process so that crafted names cannot pile up on one probe run.
uint64_t g_intern_seed = 0;

uint64_t intern_hash(std::string_view text)
{
    constexpr uint64_t p0 = 0xa0761d6478bd642fULL, p1 = 0xe7037ed1a0b428dbULL, p2 = 0x8ebc6af09c88c6e3ULL;
    const char* p = text.data();
    size_t n = text.size();
    uint64_t seed = g_intern_seed ^ p0;
    uint64_t a, b;
    if (n <= 16) {
        if (n >= 8) {
            a = load64(p);
            b = load64(p + n - 8);
        } else if (n >= 4) {
            a = load32(p);
            b = load32(p + n - 4);
        } else if (n > 0) {
            auto u = [&](size_t i) { return uint64_t(static_cast<unsigned char>(p[i])); };
            a = (u(0) << 16) | (u(n >> 1) << 8) | u(n - 1);
            b = 0;
        } else {
            a = b = 0;
        }
    } else {
        size_t i = n;
        const char* q = p;
        while (i > 16) {
            seed = mum(load64(q) ^ p1, load64(q + 8) ^ seed);
            q += 16;
            i -= 16;
        }
        a = load64(p + n - 16);
        b = load64(p + n - 8);
    }
    return mum(p1 ^ n, mum(a ^ p1, b ^ seed) ^ p2);
}

// Open addressing with linear probing over a power-of-two array of
// (hash, str) slots: one allocation for the whole table, and a lookup is
// usually one cache line (the stored hash rejects other names without
// touching their Str). Interned strs are immortal (the table is a GC root)
// and never removed, so there are no tombstones.
struct InternTable : gc::RootSource {
    struct Slot {
        uint64_t hash;
        Str* str; // null: free
    };
    // `adder -c pass` interns about 600 distinct names (builtins, type
    // dicts, sys); 2048 slots keep that under the 50% load limit while
    // touching only 32 KiB (startup RSS is a target).
    static constexpr size_t initial_capacity = 2048;

    Slot* slots = nullptr;
    size_t mask = 0;
    size_t used = 0;
    Str* empty = nullptr;
    Str* ascii_chars[128] = {};

    InternTable()
    {
        slots = static_cast<Slot*>(std::calloc(initial_capacity, sizeof(Slot)));
        if (!slots)
            std::abort();
        mask = initial_capacity - 1;
        uint64_t seed = reinterpret_cast<uintptr_t>(this) ^ reinterpret_cast<uintptr_t>(&g_intern_seed);
        std::random_device rd;
        seed ^= (uint64_t(rd()) << 32) | rd();
        g_intern_seed = seed;
    }

    // The slot holding `text` (hash `h`), or the free slot where it belongs.
    Slot& find(std::string_view text, uint64_t h)
    {
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            Slot& s = slots[i];
            if (!s.str)
                return s;
            // Equal 64-bit hashes almost always mean equal text: check the
            // length before the bytes (memcmp is an out-of-line call).
            if (s.hash == h && s.str->byte_size() == text.size() &&
                std::memcmp(s.str->c_str(), text.data(), text.size()) == 0)
                return s;
        }
    }

    void insert(Slot& free_slot, uint64_t h, Str* s)
    {
        free_slot = { h, s };
        if (++used * 2 > mask + 1)
            grow();
    }

    void grow()
    {
        size_t cap = (mask + 1) * 2;
        auto* fresh = static_cast<Slot*>(std::calloc(cap, sizeof(Slot)));
        if (!fresh)
            std::abort();
        size_t m = cap - 1;
        for (size_t k = 0; k <= mask; ++k) {
            if (!slots[k].str)
                continue;
            size_t i = slots[k].hash & m;
            while (fresh[i].str)
                i = (i + 1) & m;
            fresh[i] = slots[k];
        }
        std::free(slots);
        slots = fresh;
        mask = m;
    }

    void visit_roots(gc::Visitor& v) override
    {
        for (size_t k = 0; k <= mask; ++k)
            if (slots[k].str)
                v.visit(slots[k].str);
        v.visit(empty);
        for (Str* s : ascii_chars)
            v.visit(s);
    }
};

InternTable* g_interns = nullptr;

[[gnu::noinline]] InternTable& create_interns()
{
    g_interns = new InternTable;
    gc::heap().add_root_source(g_interns);
    return *g_interns;
}

// Called on every intern: a plain pointer test instead of a function-local
// static's guard and call. Single-threaded (no Python code runs in
// compileall's workers).
inline InternTable& interns()
{
    if (g_interns) [[likely]]
        return *g_interns;
    return create_interns();
}
} // namespace

static Str* new_str(std::string&& data)
{
    bool ascii;
    size_t len = utf8_length(data, ascii);
    return make<Str>(g_str_type, std::move(data), len, ascii);
}

static Str* new_str(std::string_view data)
{
    bool ascii;
    size_t len = utf8_length(data, ascii);
    return make<Str>(g_str_type, data, len, ascii);
}

Str* Str::empty()
{
    auto& t = interns();
    if (!t.empty) {
        t.empty = make<Str>(g_str_type, std::string(), 0, true);
        t.empty->m_is_interned = true;
        uint64_t h = intern_hash(std::string_view());
        InternTable::Slot& slot = t.find(std::string_view(), h);
        if (!slot.str)
            t.insert(slot, h, t.empty);
    }
    return t.empty;
}

Str* Str::create(std::string_view utf8)
{
    if (utf8.empty())
        return empty();
    if (utf8.size() == 1 && static_cast<unsigned char>(utf8[0]) < 128) {
        auto& t = interns();
        Str*& s = t.ascii_chars[static_cast<unsigned char>(utf8[0])];
        if (!s)
            s = intern(utf8);
        return s;
    }
    return new_str(utf8);
}

Str* Str::create(std::string&& utf8)
{
    if (utf8.size() <= 1)
        return create(std::string_view(utf8));
    return new_str(std::move(utf8));
}

Str* Str::create_with_length(std::string&& utf8, size_t length)
{
    if (utf8.size() <= 1)
        return create(std::string_view(utf8));
    bool ascii = length == utf8.size();
    return make<Str>(g_str_type, std::move(utf8), length, ascii);
}

Str* Str::create_with_length(std::string_view utf8, size_t length)
{
    if (utf8.size() <= 1)
        return create(utf8);
    return make<Str>(g_str_type, utf8, length, length == utf8.size());
}

Str* Str::concat(const Value* parts, size_t n)
{
    size_t bytes = 0;
    size_t length = 0;
    for (size_t i = 0; i < n; ++i) {
        bytes += as_str(parts[i])->byte_size();
        length += as_str(parts[i])->length();
    }
    std::string out;
    out.reserve(bytes);
    for (size_t i = 0; i < n; ++i)
        out += as_str(parts[i])->view();
    return create_with_length(std::move(out), length);
}

Str* Str::create_part(const Str* whole, std::string_view part)
{
    if (whole->is_ascii())
        return create_with_length(part, part.size());
    return create(part);
}

Str* Str::intern(std::string_view utf8)
{
    auto& t = interns();
    uint64_t h = intern_hash(utf8);
    InternTable::Slot& slot = t.find(utf8, h);
    if (slot.str)
        return slot.str;
    if (utf8.empty())
        return empty();
    Str* s = new_str(utf8);
    s->m_is_interned = true;
    t.insert(slot, h, s); // no allocation since find(): the slot is still free
    return s;
}

Str* Str::intern(Str* s)
{
    if (s->m_is_interned)
        return s;
    if (s->type() != g_str_type)
        return intern(s->view());
    auto& t = interns();
    uint64_t h = intern_hash(s->view());
    InternTable::Slot& slot = t.find(s->view(), h);
    if (slot.str)
        return slot.str;
    s->m_is_interned = true;
    t.insert(slot, h, s);
    return s;
}

uint32_t Str::code_point_at(size_t i) const
{
    if (m_is_ascii)
        return static_cast<unsigned char>(m_data[i]);
    const char* p = m_data.data() + byte_offset(i);
    return decode_utf8(p);
}

size_t Str::byte_offset(size_t i) const
{
    if (m_is_ascii)
        return i;
    if (i >= m_length)
        return m_data.size();
    size_t n = 0;
    size_t b = 0;
    if (m_length > checkpoint_stride) {
        if (!m_checkpoints) {
            // One pass over the text records every stride-th code point's offset.
            auto* table = new size_t[m_length / checkpoint_stride + 1];
            size_t k = 0;
            for (size_t at = 0; at < m_data.size(); ++at) {
                if ((static_cast<unsigned char>(m_data[at]) & 0xC0) != 0x80) {
                    if (k % checkpoint_stride == 0)
                        table[k / checkpoint_stride] = at;
                    ++k;
                }
            }
            m_checkpoints = table;
        }
        n = i - i % checkpoint_stride;
        b = m_checkpoints[i / checkpoint_stride];
    }
    for (; b < m_data.size(); ++b) {
        if ((static_cast<unsigned char>(m_data[b]) & 0xC0) != 0x80) {
            if (n == i)
                return b;
            ++n;
        }
    }
    return m_data.size();
}

Str* str_from_code_point(uint32_t cp)
{
    std::string s;
    append_utf8(s, cp);
    return Str::create(s);
}

// --- hashing (CPython Python/pyhash.c) -------------------------------------------------

namespace {
uint64_t g_k0, g_k1;
bool g_hash_keyed = false;

void init_hash_secret()
{
    if (g_hash_keyed)
        return;
    g_hash_keyed = true;
    unsigned char secret[24] = {};
    const char* seed = std::getenv("PYTHONHASHSEED");
    if (seed && *seed && std::strcmp(seed, "random") != 0) {
        unsigned long x = std::strtoul(seed, nullptr, 10);
        if (x != 0) {
            unsigned int v = unsigned(x);
            for (auto& b : secret) {
                v *= 214013;
                v += 2531011;
                b = (v >> 16) & 0xff;
            }
        }
    } else {
        std::random_device rd;
        for (auto& b : secret)
            b = static_cast<unsigned char>(rd());
    }
    std::memcpy(&g_k0, secret, 8);
    std::memcpy(&g_k1, secret + 8, 8);
}

inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

#define HALF_ROUND(a, b, c, d, s, t) \
    a += b;                          \
    c += d;                          \
    b = rotl(b, s) ^ a;              \
    d = rotl(d, t) ^ c;              \
    a = rotl(a, 32);
#define SINGLE_ROUND(v0, v1, v2, v3)      \
    HALF_ROUND(v0, v1, v2, v3, 13, 16);   \
    HALF_ROUND(v2, v1, v0, v3, 17, 21);

uint64_t siphash13(uint64_t k0, uint64_t k1, const void* src, size_t src_sz)
{
    uint64_t b = uint64_t(src_sz) << 56;
    const auto* in = static_cast<const uint8_t*>(src);
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    while (src_sz >= 8) {
        uint64_t mi;
        std::memcpy(&mi, in, 8);
        in += 8;
        src_sz -= 8;
        v3 ^= mi;
        SINGLE_ROUND(v0, v1, v2, v3);
        v0 ^= mi;
    }
    uint64_t t = 0;
    auto* pt = reinterpret_cast<uint8_t*>(&t);
    for (size_t i = 0; i < src_sz; ++i)
        pt[i] = in[i];
    b |= t;
    v3 ^= b;
    SINGLE_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}
} // namespace

int64_t hash_bytes(const void* data, size_t size)
{
    if (size == 0)
        return 0;
    init_hash_secret();
    auto h = int64_t(siphash13(g_k0, g_k1, data, size));
    return h == -1 ? -2 : h;
}

int64_t Str::hash()
{
    if (m_hash != -1)
        return m_hash;
    if (m_is_ascii) {
        m_hash = hash_bytes(m_data.data(), m_data.size());
        return m_hash;
    }
    // Re-encode as CPython's PEP 393 canonical form (latin-1, UCS-2 or UCS-4).
    uint32_t maxc = 0;
    std::vector<uint32_t> cps;
    cps.reserve(m_length);
    const char* p = m_data.data();
    const char* end = p + m_data.size();
    while (p < end) {
        uint32_t c = decode_utf8(p);
        maxc = std::max(maxc, c);
        cps.push_back(c);
    }
    if (maxc < 0x100) {
        std::string buf(cps.begin(), cps.end());
        m_hash = hash_bytes(buf.data(), buf.size());
    } else if (maxc < 0x10000) {
        std::vector<uint16_t> buf(cps.begin(), cps.end());
        m_hash = hash_bytes(buf.data(), buf.size() * 2);
    } else {
        m_hash = hash_bytes(cps.data(), cps.size() * 4);
    }
    return m_hash;
}

// --- repr ----------------------------------------------------------------------------

static bool is_printable(uint32_t cp);

std::string str_repr(const Str* s)
{
    std::string_view d = s->view();
    bool has_single = d.find('\'') != std::string_view::npos;
    bool has_double = d.find('"') != std::string_view::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out;
    out.reserve(d.size() + 2);
    out += quote;
    const char* p = d.data();
    const char* end = p + d.size();
    while (p < end) {
        uint32_t c = decode_utf8(p);
        if (c == uint32_t(quote) || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else if (c < 0x7f)
            out += char(c);
        else if (!is_printable(c)) {
            char buf[16];
            if (c < 0x100)
                std::snprintf(buf, sizeof buf, "\\x%02x", c);
            else if (c < 0x10000)
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
            else
                std::snprintf(buf, sizeof buf, "\\U%08x", c);
            out += buf;
        } else
            append_utf8(out, c);
    }
    out += quote;
    return out;
}

bool unicode_is_printable(uint32_t cp);

// Approximates Py_UNICODE_ISPRINTABLE when the text library is absent.
static bool is_printable(uint32_t cp)
{
    if (unicode_is_printable)
        return unicode_is_printable(cp);
    if (cp < 0xa0)
        return false; // C1 controls
    if (cp == 0xad)
        return false;
    if (cp >= 0xd800 && cp <= 0xdfff)
        return false;
    if (cp >= 0x2028 && cp <= 0x2029)
        return false;
    if (cp >= 0xe000 && cp <= 0xf8ff)
        return false;
    if (cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb))
        return false;
    if (cp >= 0x200b && cp <= 0x200f)
        return false;
    if (cp == 0x3000 || cp == 0x2000 || (cp > 0x2000 && cp <= 0x200a) || cp == 0x1680 || cp == 0x202f || cp == 0x205f)
        return false;
    if (cp >= 0xf0000)
        return false;
    return true;
}

// --- slots ---------------------------------------------------------------------------

static Result<Value> str_repr_slot(Value v) { return Value(Str::create(str_repr(as_str(v)))); }

static Result<Value> str_str_slot(Value v)
{
    if (v.type() == g_str_type)
        return v;
    return Value(Str::create(as_str(v)->view()));
}

static Result<int64_t> str_hash_slot(Value v) { return as_str(v)->hash(); }

static Result<Value> str_richcompare(Value a, Value b, CompareOp op)
{
    if (!is_str(b))
        return Value(g_notimplemented);
    Str* x = as_str(a);
    Str* y = as_str(b);
    if (op == CompareOp::Eq)
        return py_bool(x->equals(y));
    if (op == CompareOp::Ne)
        return py_bool(!x->equals(y));
    int c = x->view().compare(y->view());
    bool r = false;
    switch (op) {
    case CompareOp::Lt: r = c < 0; break;
    case CompareOp::Le: r = c <= 0; break;
    case CompareOp::Gt: r = c > 0; break;
    case CompareOp::Ge: r = c >= 0; break;
    default: break;
    }
    return py_bool(r);
}

static Result<int64_t> str_len(Value v) { return int64_t(as_str(v)->length()); }

Result<Value> str_concat(Value a, Value b)
{
    if (!is_str(a) || !is_str(b))
        return Value(g_notimplemented);
    Str* x = as_str(a);
    Str* y = as_str(b);
    if (y->byte_size() == 0 && x->type() == g_str_type)
        return a;
    if (x->byte_size() == 0 && y->type() == g_str_type)
        return b;
    std::string s;
    s.reserve(x->byte_size() + y->byte_size());
    s += x->view();
    s += y->view();
    return Value(Str::create_with_length(std::move(s), x->length() + y->length()));
}

static Result<Value> str_repeat(Value a, Value b)
{
    Value s = a, n = b;
    if (!is_str(s))
        std::swap(s, n);
    if (!is_str(s) || !(is_int(n) || n.type()->index))
        return Value(g_notimplemented);
    int64_t count = TRY(index_as_i64(n));
    Str* x = as_str(s);
    if (count <= 0)
        return Value(Str::empty());
    if (count == 1 && x->type() == g_str_type)
        return s;
    if (x->byte_size() && uint64_t(count) > (uint64_t(1) << 40) / x->byte_size())
        return throw_error(g_MemoryError, "%s", "");
    std::string out;
    out.reserve(x->byte_size() * size_t(count));
    for (int64_t i = 0; i < count; ++i)
        out += x->view();
    return Value(Str::create_with_length(std::move(out), x->length() * size_t(count)));
}

Result<Value> str_mod_format(Value format, Value args);

static Result<Value> str_mod(Value a, Value b)
{
    if (!is_str(a))
        return Value(g_notimplemented);
    if (str_mod_format)
        return str_mod_format(a, b);
    return throw_error(g_NotImplementedError, "str %% formatting is not available yet");
}

Value str_substring(Str* s, size_t start, size_t end)
{
    if (start == 0 && end == s->length() && s->type() == g_str_type)
        return Value(s);
    if (s->is_ascii())
        return Value(Str::create_with_length(s->view().substr(start, end - start), end - start));
    size_t b0 = s->byte_offset(start);
    size_t b1 = s->byte_offset(end);
    return Value(Str::create_with_length(s->view().substr(b0, b1 - b0), end - start));
}

static Result<Value> str_getitem(Value self, Value key)
{
    Str* s = as_str(self);
    int64_t len = int64_t(s->length());
    if (is_slice(key)) {
        int64_t start, stop, step, n;
        TRY(slice_indices(key, len, start, stop, step, n));
        if (n <= 0)
            return Value(Str::empty());
        if (step == 1)
            return str_substring(s, size_t(start), size_t(stop));
        std::string out;
        if (s->is_ascii()) {
            out.resize(size_t(n));
            const char* src = s->c_str();
            if (step == -1)
                std::reverse_copy(src + start - n + 1, src + start + 1, out.data());
            else
                for (int64_t i = 0, j = start; i < n; ++i, j += step)
                    out[size_t(i)] = src[j];
            return Value(Str::create_with_length(std::move(out), size_t(n)));
        }
        std::vector<uint32_t> cps;
        const char* p = s->c_str();
        const char* end = p + s->byte_size();
        while (p < end)
            cps.push_back(decode_utf8(p));
        for (int64_t i = 0, j = start; i < n; ++i, j += step)
            append_utf8(out, cps[size_t(j)]);
        return Value(Str::create_with_length(std::move(out), size_t(n)));
    }
    if (!is_int(key) && !key.type()->index)
        return throw_error(g_TypeError, "string indices must be integers, not '%s'", key.type()->m_name.c_str());
    int64_t i = TRY(index_as_i64(key));
    if (!normalize_index(i, len))
        return throw_error(g_IndexError, "string index out of range");
    if (s->is_ascii())
        return Value(Str::create(s->view().substr(size_t(i), 1)));
    return Value(str_from_code_point(s->code_point_at(size_t(i))));
}

static Result<bool> str_contains(Value self, Value item)
{
    if (!is_str(item))
        return throw_error(g_TypeError, "'in <string>' requires string as left operand, not %s", item.type()->m_name.c_str());
    return as_str(self)->view().find(as_str(item)->view()) != std::string_view::npos;
}

static Result<Value> str_iter(Value self) { return make_index_iterator(IterKind::Str, self); }

Result<Value> bytes_decode_with(std::string_view data, Value encoding, Value errors); // bytes_methods.cpp

static Result<Value> str_new(Type* type, CallArgs args)
{
    Value obj, encoding, errors;
    TRY(parse_args(args, "str", { "object", "encoding", "errors" }, 0, { &obj, &encoding, &errors }));
    Value result;
    if (!obj)
        result = Value(Str::empty());
    else if (encoding || errors) {
        std::string_view data;
        if (!bytes_like_view(obj, data)) {
            if (is_str(obj))
                return throw_error(g_TypeError, "decoding str is not supported");
            return throw_error(g_TypeError, "decoding to str: need a bytes-like object, %s found", obj.type()->m_name.c_str());
        }
        result = TRY(bytes_decode_with(data, encoding, errors));
    } else {
        result = TRY(to_str(obj));
    }
    if (type == g_str_type)
        return result;
    Str* s = as_str(result);
    return Value(make<Str>(type, s->view(), s->length(), s->is_ascii()));
}

Result<Value> format_builtin(Value v, Str* spec);

static Result<Value> str_format_method(Value self, CallArgs args)
{
    TRY(check_arity(args, "__format__", 1, 1));
    if (!is_str(args[0]))
        return throw_error(g_TypeError, "__format__() argument must be str, not %s", args[0].type()->m_name.c_str());
    Str* spec = as_str(args[0]);
    if (spec->length() == 0)
        return str_str_slot(self);
    if (format_builtin)
        return format_builtin(self, spec);
    // FIXME: minimal fallback (width with < > ^ alignment) until format.cpp lands.
    std::string_view s = spec->view();
    char align = '<';
    if (!s.empty() && (s[0] == '<' || s[0] == '>' || s[0] == '^')) {
        align = s[0];
        s.remove_prefix(1);
    }
    size_t width = size_t(std::atoi(std::string(s).c_str()));
    Str* str = as_str(self);
    if (str->length() >= width)
        return str_str_slot(self);
    size_t pad = width - str->length();
    std::string out;
    if (align == '<')
        out = str->data() + std::string(pad, ' ');
    else if (align == '>')
        out = std::string(pad, ' ') + str->data();
    else
        out = std::string(pad / 2, ' ') + str->data() + std::string(pad - pad / 2, ' ');
    return Value(Str::create(out));
}

static Result<Value> str_getnewargs(Value self, CallArgs)
{
    return Value(Tuple::create({ Value(Str::create(as_str(self)->view())) }));
}

void init_str_type()
{
    Type* t = g_str_type;
    t->repr = str_repr_slot;
    t->str = str_str_slot;
    t->hash = str_hash_slot;
    t->richcompare = str_richcompare;
    t->len = str_len;
    t->getitem = str_getitem;
    t->contains = str_contains;
    t->iter = str_iter;
    t->nb[NB_ADD] = str_concat;
    t->nb[NB_MULTIPLY] = str_repeat;
    t->nb[NB_REMAINDER] = str_mod;
    t->new_ = str_new;
    add_method(t, "__format__", str_format_method);
    add_method(t, "__getnewargs__", str_getnewargs);
}

} // namespace adder
