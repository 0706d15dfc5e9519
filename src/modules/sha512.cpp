// The _sha512 module: sha512() and sha384() hash objects (update, digest,
// hexdigest, copy, name, digest_size, block_size) implementing FIPS 180-4.
// random.py imports it to seed from str/bytes; hashlib falls back to it.
#include <algorithm>
#include <cstring>
#include <string>

#include "modules/stdlib_modules.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/str.h"

namespace adder {

namespace {

constexpr uint64_t K[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL, 0x3956c25bf348b538ULL,
    0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL, 0xd807aa98a3030242ULL, 0x12835b0145706fbeULL,
    0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL, 0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL,
    0xc19bf174cf692694ULL, 0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL, 0x983e5152ee66dfabULL,
    0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL, 0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
    0x06ca6351e003826fULL, 0x142929670a0e6e70ULL, 0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL,
    0x53380d139d95b3dfULL, 0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL, 0xd192e819d6ef5218ULL,
    0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL, 0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL,
    0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL, 0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL,
    0x682e6ff3d6b2b8a3ULL, 0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL, 0xca273eceea26619cULL,
    0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL, 0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL,
    0x113f9804bef90daeULL, 0x1b710b35131c471bULL, 0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL,
    0x431d67c49c100d4cULL, 0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

inline uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

} // namespace

// The running hash (plain data, so digest() can finalize a copy).
struct ShaState {
    uint64_t m_h[8];
    unsigned char m_buf[128];
    size_t m_buflen = 0;
    uint64_t m_total = 0;   // bytes hashed (messages < 2^61 bytes)
    size_t m_digest_size = 64;
};

class ShaObject : public Object, public ShaState {
public:
    explicit ShaObject(Type* t) : Object(t) {}
};

static Type* g_sha512_type;
static Type* g_sha384_type;
static ShaObject* as_sha(Value v) { return static_cast<ShaObject*>(v.as_object()); }

static void compress(ShaState* s, const unsigned char* block)
{
    uint64_t w[80];
    for (int i = 0; i < 16; ++i) {
        uint64_t x = 0;
        for (int k = 0; k < 8; ++k)
            x = (x << 8) | block[i * 8 + k];
        w[i] = x;
    }
    for (int i = 16; i < 80; ++i) {
        uint64_t s0 = rotr(w[i - 15], 1) ^ rotr(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = rotr(w[i - 2], 19) ^ rotr(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = s->m_h[0], b = s->m_h[1], c = s->m_h[2], d = s->m_h[3], e = s->m_h[4], f = s->m_h[5], g = s->m_h[6], h = s->m_h[7];
    for (int i = 0; i < 80; ++i) {
        uint64_t S1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = h + S1 + ch + K[i] + w[i];
        uint64_t S0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
        uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint64_t t2 = S0 + maj;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    s->m_h[0] += a; s->m_h[1] += b; s->m_h[2] += c; s->m_h[3] += d;
    s->m_h[4] += e; s->m_h[5] += f; s->m_h[6] += g; s->m_h[7] += h;
}

static void sha_update(ShaState* s, std::string_view data)
{
    s->m_total += data.size();
    const unsigned char* p = reinterpret_cast<const unsigned char*>(data.data());
    size_t n = data.size();
    while (n) {
        size_t take = std::min(n, 128 - s->m_buflen);
        std::memcpy(s->m_buf + s->m_buflen, p, take);
        s->m_buflen += take;
        p += take;
        n -= take;
        if (s->m_buflen == 128) {
            compress(s, s->m_buf);
            s->m_buflen = 0;
        }
    }
}

static std::string sha_digest(const ShaState* src)
{
    ShaState s = *src; // finalize a copy: the object stays usable
    uint64_t bits = s.m_total * 8;
    unsigned char pad[256] = { 0x80 };
    size_t padlen = (s.m_buflen < 112) ? 112 - s.m_buflen : 240 - s.m_buflen;
    unsigned char len[16] = {};
    for (int i = 0; i < 8; ++i)
        len[15 - i] = static_cast<unsigned char>(bits >> (8 * i));
    uint64_t total = s.m_total;
    sha_update(&s, std::string_view(reinterpret_cast<const char*>(pad), padlen));
    sha_update(&s, std::string_view(reinterpret_cast<const char*>(len), 16));
    (void)total;
    std::string out;
    for (int i = 0; i < 8; ++i)
        for (int k = 7; k >= 0; --k)
            out.push_back(static_cast<char>(s.m_h[i] >> (8 * k)));
    out.resize(src->m_digest_size);
    return out;
}

static Result<std::string_view> data_arg(Value v)
{
    if (is_str(v))
        return throw_error(g_TypeError, "Strings must be encoded before hashing");
    if (is_bytes(v))
        return as_bytes(v)->view();
    if (is_bytearray(v))
        return as_bytearray(v)->view();
    return throw_error(g_TypeError, "object supporting the buffer API required");
}

static Result<Value> sha_new(bool is384, CallArgs args, const char* fname)
{
    Value data, usedforsecurity, string;
    TRY(parse_args(args, fname, { "string", "usedforsecurity" }, 0, { &string, &usedforsecurity }));
    ShaObject* s = make<ShaObject>(is384 ? g_sha384_type : g_sha512_type);
    static const uint64_t iv512[8] = { 0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
                                       0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL };
    static const uint64_t iv384[8] = { 0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL, 0x152fecd8f70e5939ULL,
                                       0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL, 0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL };
    std::memcpy(s->m_h, is384 ? iv384 : iv512, sizeof s->m_h);
    s->m_digest_size = is384 ? 48 : 64;
    if (string && !is_none(string))
        sha_update(s, TRY(data_arg(string)));
    return Value(s);
}

static Result<Value> m_sha512(Value, CallArgs args) { return sha_new(false, args, "sha512"); }
static Result<Value> m_sha384(Value, CallArgs args) { return sha_new(true, args, "sha384"); }

static Result<Value> sha_update_method(Value self, CallArgs args)
{
    TRY(check_arity(args, "update", 1, 1));
    sha_update(as_sha(self), TRY(data_arg(args[0])));
    return none();
}

static Result<Value> sha_digest_method(Value self, CallArgs args)
{
    TRY(check_arity(args, "digest", 0, 0));
    return bytes_value(sha_digest(as_sha(self)));
}

static Result<Value> sha_hexdigest(Value self, CallArgs args)
{
    TRY(check_arity(args, "hexdigest", 0, 0));
    std::string d = sha_digest(as_sha(self)), out;
    static const char* hex = "0123456789abcdef";
    for (unsigned char c : d) {
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 15]);
    }
    return str_value(out);
}

static Result<Value> sha_copy(Value self, CallArgs args)
{
    TRY(check_arity(args, "copy", 0, 0));
    ShaObject* src = as_sha(self);
    ShaObject* c = make<ShaObject>(self.type());
    std::memcpy(c->m_h, src->m_h, sizeof c->m_h);
    std::memcpy(c->m_buf, src->m_buf, sizeof c->m_buf);
    c->m_buflen = src->m_buflen;
    c->m_total = src->m_total;
    c->m_digest_size = src->m_digest_size;
    return Value(c);
}

Module* create_sha512_module()
{
    if (!g_sha512_type) {
        for (Type** slot : { &g_sha512_type, &g_sha384_type }) {
            Type* t = *slot = new_builtin_type(slot == &g_sha512_type ? "sha512" : "sha384", g_object_type, Layout::Other, 0);
            add_method(t, "update", sha_update_method);
            add_method(t, "digest", sha_digest_method);
            add_method(t, "hexdigest", sha_hexdigest);
            add_method(t, "copy", sha_copy);
            add_getset(t, "name", [](Value self) -> Result<Value> {
                return str_value(as_sha(self)->m_digest_size == 64 ? "sha512" : "sha384");
            });
            add_getset(t, "digest_size", [](Value self) -> Result<Value> { return int_from_i64(int64_t(as_sha(self)->m_digest_size)); });
            add_getset(t, "block_size", [](Value) -> Result<Value> { return Value::small(128); });
            type_ready(t);
            t->dict()->set_str("__module__", Value(Str::intern("_sha512")));
        }
    }
    Module* m = Module::create("_sha512");
    stdmod::def(m, "sha512", m_sha512);
    stdmod::def(m, "sha384", m_sha384);
    return m;
}

} // namespace adder
