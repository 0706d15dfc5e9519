// The _struct module: pack/unpack/calcsize/pack_into/unpack_from/iter_unpack
// and the Struct type over CPython's format language (byte order @ = < > !,
// counts, x c b B ? h H i I l L q Q n N e f d s p P), with native alignment
// for '@' and CPython's struct.error messages.
// FIXME: Struct caching (_clearcache is a no-op), the buffer protocol beyond
// bytes/bytearray (memoryview, array).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdarg>
#include <cstring>
#include <string>
#include <vector>

#include <gmp.h>

#include "modules/stdlib_modules.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

static Value g_struct_error_value; // the struct.error class (a heap type: rooted)
static Type* g_struct_error;
static Type* g_struct_type;

struct FormatItem {
    char code;
    size_t count;   // repeat count (for s/p: the byte length)
    size_t size;    // size of one element
    size_t offset;  // offset of the first element
};

struct ParsedFormat {
    std::vector<FormatItem> items;
    size_t size = 0;
    size_t nargs = 0;    // values consumed by pack
    bool native = true;  // '@': native sizes and alignment
    bool little = true;
};

class StructObject : public Object {
public:
    explicit StructObject(Type* t) : Object(t) {}
    void visit_edges(gc::Visitor& v) override
    {
        Object::visit_edges(v);
        v.visit(m_format);
    }
    Value m_format;
    ParsedFormat m_parsed;
};

static Pending struct_error(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
static Pending struct_error(const char* fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return throw_error(g_struct_error, "%s", buf);
}

static size_t code_size(char c, bool native)
{
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? sizeof(long) : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return native ? 8 : 0;
    default: return 0;
    }
}

static Result<ParsedFormat> parse_format(Value fmtv)
{
    std::string fmt;
    if (is_str(fmtv))
        fmt = as_str(fmtv)->data();
    else if (is_bytes(fmtv))
        fmt = as_bytes(fmtv)->data();
    else
        return throw_error(g_TypeError, "Struct() argument 1 must be a str or bytes object, not %s", fmtv.type()->m_name.c_str());
    ParsedFormat pf;
    size_t i = 0;
    if (!fmt.empty() && std::strchr("@=<>!", fmt[0]) && fmt[0] != '\0') {
        char o = fmt[0];
        pf.native = o == '@';
        pf.little = o == '<' || ((o == '@' || o == '=') && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
        i = 1;
    }
    size_t offset = 0;
    while (i < fmt.size()) {
        char c = fmt[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        size_t count = 1;
        bool has_count = false;
        if (c >= '0' && c <= '9') {
            count = 0;
            while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
                if (count > (SIZE_MAX / 2 - 9) / 10)
                    return struct_error("total struct size too long");
                count = count * 10 + size_t(fmt[i] - '0');
                ++i;
            }
            if (i >= fmt.size())
                return struct_error("repeat count given without format specifier");
            c = fmt[i];
            has_count = true;
        }
        (void)has_count;
        size_t sz = code_size(c, pf.native);
        if (sz == 0)
            return struct_error("bad char in struct format");
        if (pf.native && c != 's' && c != 'p' && c != 'x' && sz > 1)
            offset = (offset + sz - 1) / sz * sz;
        FormatItem item { c, count, sz, offset };
        if (c == 's' || c == 'p') {
            offset += count;
            pf.nargs += 1;
        } else {
            offset += sz * count;
            if (c != 'x')
                pf.nargs += count;
        }
        if (count)
            pf.items.push_back(item);
        ++i;
    }
    pf.size = offset;
    return pf;
}

static void store_uint(unsigned char* p, uint64_t v, size_t size, bool little)
{
    for (size_t k = 0; k < size; ++k) {
        size_t idx = little ? k : size - 1 - k;
        p[idx] = static_cast<unsigned char>(v & 0xff);
        v >>= 8;
    }
}

static uint64_t load_uint(const unsigned char* p, size_t size, bool little)
{
    uint64_t v = 0;
    for (size_t k = 0; k < size; ++k) {
        size_t idx = little ? size - 1 - k : k;
        v = (v << 8) | p[idx];
    }
    return v;
}

// Half-precision packing (IEEE 754 binary16, round half to even).
static Result<uint16_t> double_to_half(double x)
{
    uint16_t sign = std::signbit(x) ? 0x8000 : 0;
    if (std::isnan(x))
        return uint16_t(sign | 0x7e00);
    double a = std::fabs(x);
    if (std::isinf(a))
        return uint16_t(sign | 0x7c00);
    if (a == 0)
        return sign;
    int e;
    double f = std::frexp(a, &e); // a = f * 2^e, 0.5 <= f < 1
    if (e > 16)
        return throw_error(g_OverflowError, "float too large to pack with e format");
    int exp = e + 14;  // biased exponent for f*2 in [1,2): (e-1) + 15
    double mant;
    if (exp <= 0) {
        mant = std::ldexp(a, 24); // subnormal: units of 2^-24
        exp = 0;
    } else {
        mant = (f * 2 - 1) * 1024.0;
    }
    double r = std::nearbyint(mant); // default rounding mode: half to even
    uint32_t bits = uint32_t(r);
    if (exp == 0) {
        if (bits >= 1024) {
            exp = 1;
            bits -= 1024;
        }
    } else if (bits >= 1024) {
        bits = 0;
        exp += 1;
    }
    if (exp >= 31)
        return throw_error(g_OverflowError, "float too large to pack with e format");
    return uint16_t(sign | (exp << 10) | bits);
}

static double half_to_double(uint16_t h)
{
    int sign = h >> 15, exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
    double v;
    if (exp == 0)
        v = std::ldexp(double(mant), -24);
    else if (exp == 31)
        v = mant ? NAN : INFINITY;
    else
        v = std::ldexp(double(mant + 1024), exp - 25);
    return sign ? -v : v;
}

static Result<Value> int_arg(Value v)
{
    if (is_int(v))
        return v;
    if (!is_float(v) && type_lookup(v.type(), "__index__"))
        return number_index(v);
    return struct_error("required argument is not an integer");
}

static Pending range_error(const FormatItem& it, const ParsedFormat& pf)
{
    bool is_unsigned = std::strchr("BHILQN", it.code) != nullptr;
    if (it.size >= 8)
        return struct_error("argument out of range");
    if (pf.native && std::strchr("bBhH", it.code)) {
        const char* names[] = { "byte", "ubyte", "short", "ushort" };
        const char* name = names[std::strchr("bBhH", it.code) - "bBhH"];
        int64_t lo = is_unsigned ? 0 : -(int64_t(1) << (it.size * 8 - 1));
        int64_t hi = is_unsigned ? (int64_t(1) << (it.size * 8)) - 1 : (int64_t(1) << (it.size * 8 - 1)) - 1;
        return struct_error("%s format requires %lld <= number <= %lld", name, (long long)lo, (long long)hi);
    }
    int64_t lo = is_unsigned ? 0 : -(int64_t(1) << (it.size * 8 - 1));
    int64_t hi = is_unsigned ? (int64_t(1) << (it.size * 8)) - 1 : (int64_t(1) << (it.size * 8 - 1)) - 1;
    return struct_error("'%c' format requires %lld <= number <= %lld", it.code, (long long)lo, (long long)hi);
}

static Status pack_one(const ParsedFormat& pf, const FormatItem& it, unsigned char* p, Value v)
{
    switch (it.code) {
    case 'c':
        if ((!is_bytes(v) && !is_bytearray(v)) || (is_bytes(v) ? as_bytes(v)->size() : as_bytearray(v)->size()) != 1)
            return struct_error("char format requires a bytes object of length 1");
        *p = static_cast<unsigned char>(is_bytes(v) ? as_bytes(v)->view()[0] : as_bytearray(v)->view()[0]);
        return ok();
    case '?':
        *p = TRY(truthy(v)) ? 1 : 0;
        return ok();
    case 'e': case 'f': case 'd': {
        if (!is_float(v) && !is_int(v) && !type_lookup(v.type(), "__float__") && !type_lookup(v.type(), "__index__"))
            return struct_error("required argument is not a float");
        double x = TRY(to_double(v));
        if (it.code == 'd') {
            uint64_t bits;
            std::memcpy(&bits, &x, 8);
            store_uint(p, bits, 8, pf.little);
        } else if (it.code == 'f') {
            float f = float(x);
            if (!pf.native && std::isinf(f) && !std::isinf(x))
                return throw_error(g_OverflowError, "float too large to pack with f format");
            uint32_t bits;
            std::memcpy(&bits, &f, 4);
            store_uint(p, bits, 4, pf.little);
        } else {
            uint16_t h = TRY(double_to_half(x));
            store_uint(p, h, 2, pf.little);
        }
        return ok();
    }
    default: break;
    }
    // Integer codes.
    Value n = TRY(int_arg(v));
    bool is_unsigned = std::strchr("BHILQNP", it.code) != nullptr;
    mpz_t z;
    mpz_init(z);
    int_to_mpz(n, z);
    bool fits;
    uint64_t bits = 0;
    if (is_unsigned) {
        fits = mpz_sgn(z) >= 0 && mpz_sizeinbase(z, 2) <= it.size * 8;
        if (fits)
            bits = mpz_get_ui(z);
    } else {
        fits = mpz_fits_slong_p(z);
        if (fits) {
            int64_t s = mpz_get_si(z);
            if (it.size < 8) {
                int64_t lo = -(int64_t(1) << (it.size * 8 - 1)), hi = (int64_t(1) << (it.size * 8 - 1)) - 1;
                fits = s >= lo && s <= hi;
            }
            bits = uint64_t(s);
        }
    }
    mpz_clear(z);
    if (!fits) {
        if (is_unsigned && int_sign(n) < 0 && it.size >= 8)
            return struct_error("argument out of range");
        return range_error(it, pf);
    }
    store_uint(p, bits, it.size, pf.little);
    return ok();
}

static Status pack_into_buffer(const ParsedFormat& pf, unsigned char* buf, const Value* args, size_t nargs, const char* fname)
{
    if (nargs != pf.nargs)
        return struct_error("%s expected %zu items for packing (got %zu)", fname, pf.nargs, nargs);
    std::memset(buf, 0, pf.size);
    size_t a = 0;
    for (const FormatItem& it : pf.items) {
        unsigned char* p = buf + it.offset;
        if (it.code == 'x')
            continue;
        if (it.code == 's' || it.code == 'p') {
            Value v = args[a++];
            std::string_view data;
            if (is_bytes(v))
                data = as_bytes(v)->view();
            else if (is_bytearray(v))
                data = as_bytearray(v)->view();
            else
                return struct_error("argument for '%c' must be a bytes object", it.code);
            if (it.code == 's') {
                std::memcpy(p, data.data(), std::min(data.size(), it.count));
            } else {
                size_t n = std::min(data.size(), it.count ? it.count - 1 : 0);
                if (n > 255)
                    n = 255;
                if (it.count) {
                    std::memcpy(p + 1, data.data(), n);
                    p[0] = static_cast<unsigned char>(n);
                }
            }
            continue;
        }
        for (size_t k = 0; k < it.count; ++k)
            TRY(pack_one(pf, it, p + k * it.size, args[a++]));
    }
    return ok();
}

static Result<Value> unpack_buffer(const ParsedFormat& pf, const unsigned char* buf)
{
    gc::MarkedVector roots;
    for (const FormatItem& it : pf.items) {
        const unsigned char* p = buf + it.offset;
        if (it.code == 'x')
            continue;
        if (it.code == 's') {
            roots.push_back(bytes_value(std::string_view(reinterpret_cast<const char*>(p), it.count)));
            continue;
        }
        if (it.code == 'p') {
            size_t n = it.count ? std::min<size_t>(p[0], it.count - 1) : 0;
            roots.push_back(bytes_value(std::string_view(reinterpret_cast<const char*>(p + 1), n)));
            continue;
        }
        for (size_t k = 0; k < it.count; ++k) {
            const unsigned char* q = p + k * it.size;
            Value v;
            switch (it.code) {
            case 'c': v = bytes_value(std::string_view(reinterpret_cast<const char*>(q), 1)); break;
            case '?': v = py_bool(*q != 0); break;
            case 'e': v = float_value(half_to_double(uint16_t(load_uint(q, 2, pf.little)))); break;
            case 'f': {
                uint32_t bits = uint32_t(load_uint(q, 4, pf.little));
                float f;
                std::memcpy(&f, &bits, 4);
                v = float_value(double(f));
                break;
            }
            case 'd': {
                uint64_t bits = load_uint(q, 8, pf.little);
                double d;
                std::memcpy(&d, &bits, 8);
                v = float_value(d);
                break;
            }
            default: {
                uint64_t bits = load_uint(q, it.size, pf.little);
                if (std::strchr("BHILQNP", it.code)) {
                    v = int_from_u64(bits);
                } else {
                    int shift = int(64 - it.size * 8);
                    int64_t s = shift ? int64_t(bits << shift) >> shift : int64_t(bits);
                    v = int_from_i64(s);
                }
            }
            }
            roots.push_back(v);
        }
    }
    return Value(Tuple::create(std::span<const Value>(roots.items())));
}

static Result<std::string_view> buffer_arg(Value v)
{
    if (is_bytes(v))
        return as_bytes(v)->view();
    if (is_bytearray(v))
        return as_bytearray(v)->view();
    return throw_error(g_TypeError, "a bytes-like object is required, not '%s'", v.type()->m_name.c_str());
}

// --- the Struct type ---------------------------------------------------------------

static StructObject* as_struct(Value v) { return static_cast<StructObject*>(v.as_object()); }

static Result<Value> struct_new(Type* type, CallArgs args)
{
    Value fmt;
    TRY(parse_args(args, "Struct", { "format" }, 1, { &fmt }));
    ParsedFormat pf = TRY(parse_format(fmt));
    StructObject* s = make<StructObject>(type);
    s->m_format = is_bytes(fmt) ? Value(Str::create(as_bytes(fmt)->view())) : fmt;
    s->m_parsed = std::move(pf);
    return Value(s);
}

static Status struct_init(Value, CallArgs) { return ok(); }

static Result<Value> s_pack(Value self, CallArgs args)
{
    const ParsedFormat& pf = as_struct(self)->m_parsed;
    std::string buf(pf.size, '\0');
    TRY(pack_into_buffer(pf, reinterpret_cast<unsigned char*>(buf.data()), args.items, args.nargs, "pack"));
    return bytes_value(buf);
}

static Result<Value> s_pack_into(Value self, CallArgs args)
{
    const ParsedFormat& pf = as_struct(self)->m_parsed;
    if (args.nargs < 2) {
        if (args.nargs == 0)
            return throw_error(g_TypeError, "pack_into expected buffer argument");
        return throw_error(g_TypeError, "pack_into expected offset argument");
    }
    if (!is_bytearray(args[0]))
        return throw_error(g_TypeError, "argument must be read-write bytes-like object, not %s", args[0].type()->m_name.c_str());
    std::string& data = as_bytearray(args[0])->data();
    int64_t offset = TRY(index_as_i64(args[1]));
    if (offset < 0) {
        if (offset + int64_t(pf.size) > 0)
            return struct_error("no space to pack %zu bytes at offset %lld", pf.size, (long long)offset);
        if (offset + int64_t(data.size()) < 0)
            return struct_error("offset %lld out of range for %zu-byte buffer", (long long)offset, data.size());
        offset += int64_t(data.size());
    }
    if (int64_t(data.size()) - offset < int64_t(pf.size)) {
        if (offset > int64_t(data.size()))
            return struct_error("offset %lld out of range for %zu-byte buffer", (long long)offset, data.size());
        return struct_error("pack_into requires a buffer of at least %zu bytes for packing %zu bytes at offset %lld (actual buffer size is %zu)",
                            size_t(offset) + pf.size, pf.size, (long long)offset, data.size());
    }
    std::string tmp(pf.size, '\0');
    TRY(pack_into_buffer(pf, reinterpret_cast<unsigned char*>(tmp.data()), args.items + 2, args.nargs - 2, "pack_into"));
    std::memcpy(data.data() + offset, tmp.data(), pf.size);
    return none();
}

static Result<Value> s_unpack(Value self, CallArgs args)
{
    TRY(check_arity(args, "unpack", 1, 1));
    const ParsedFormat& pf = as_struct(self)->m_parsed;
    std::string_view buf = TRY(buffer_arg(args[0]));
    if (buf.size() != pf.size)
        return struct_error("unpack requires a buffer of %zu bytes", pf.size);
    std::string copy(buf);
    return unpack_buffer(pf, reinterpret_cast<const unsigned char*>(copy.data()));
}

static Result<Value> s_unpack_from(Value self, CallArgs args)
{
    Value buffer, offsetv;
    TRY(parse_args(args, "unpack_from", { "buffer", "offset" }, 1, { &buffer, &offsetv }));
    const ParsedFormat& pf = as_struct(self)->m_parsed;
    std::string_view buf = TRY(buffer_arg(buffer));
    int64_t offset = offsetv ? TRY(index_as_i64(offsetv)) : 0;
    if (offset < 0) {
        if (offset + int64_t(buf.size()) < 0)
            return struct_error("offset %lld out of range for %zu-byte buffer", (long long)offset, buf.size());
        offset += int64_t(buf.size());
    }
    if (int64_t(buf.size()) - offset < int64_t(pf.size)) {
        if (offset > int64_t(buf.size()))
            return struct_error("offset %lld out of range for %zu-byte buffer", (long long)offset, buf.size());
        return struct_error("unpack_from requires a buffer of at least %zu bytes for unpacking %zu bytes at offset %lld (actual buffer size is %zu)",
                            size_t(offset) + pf.size, pf.size, (long long)offset, buf.size());
    }
    std::string copy(buf.substr(size_t(offset), pf.size));
    return unpack_buffer(pf, reinterpret_cast<const unsigned char*>(copy.data()));
}

static Result<Value> s_iter_unpack(Value self, CallArgs args)
{
    TRY(check_arity(args, "iter_unpack", 1, 1));
    const ParsedFormat& pf = as_struct(self)->m_parsed;
    if (pf.size == 0)
        return struct_error("cannot iteratively unpack with a struct of length 0");
    std::string_view buf = TRY(buffer_arg(args[0]));
    if (buf.size() % pf.size)
        return struct_error("iterative unpacking requires a buffer of a multiple of %zu bytes", pf.size);
    // FIXME: CPython returns a lazy unpack_iterator; this builds the tuples eagerly.
    std::string copy(buf);
    List* out = List::create();
    for (size_t off = 0; off < copy.size(); off += pf.size)
        out->append(TRY(unpack_buffer(pf, reinterpret_cast<const unsigned char*>(copy.data() + off))));
    return get_iter(Value(out));
}

static Result<Value> s_get_format(Value self) { return as_struct(self)->m_format; }
static Result<Value> s_get_size(Value self) { return int_from_i64(int64_t(as_struct(self)->m_parsed.size)); }

// --- module functions: format first, then as the Struct method --------------------

static Result<Value> with_struct(CallArgs args, const char* fname, NativeFn method)
{
    if (args.nargs == 0)
        return throw_error(g_TypeError, "%s expected at least 1 argument, got 0", fname);
    Value fmt = args[0];
    Value s = TRY(struct_new(g_struct_type, CallArgs { &fmt, 1, nullptr }));
    CallArgs rest = args;
    rest.items = args.items + 1;
    rest.nargs = args.nargs - 1;
    return method(s, rest);
}

static Result<Value> m_pack(Value, CallArgs args) { return with_struct(args, "pack", s_pack); }
static Result<Value> m_pack_into(Value, CallArgs args) { return with_struct(args, "pack_into", s_pack_into); }
static Result<Value> m_unpack(Value, CallArgs args)
{
    TRY(check_arity(args, "unpack", 2, 2));
    return with_struct(args, "unpack", s_unpack);
}
static Result<Value> m_unpack_from(Value, CallArgs args) { return with_struct(args, "unpack_from", s_unpack_from); }
static Result<Value> m_iter_unpack(Value, CallArgs args)
{
    TRY(check_arity(args, "iter_unpack", 2, 2));
    return with_struct(args, "iter_unpack", s_iter_unpack);
}
static Result<Value> m_calcsize(Value, CallArgs args)
{
    TRY(check_arity(args, "calcsize", 1, 1));
    ParsedFormat pf = TRY(parse_format(args[0]));
    return int_from_i64(int64_t(pf.size));
}
static Result<Value> m_clearcache(Value, CallArgs) { return none(); }

Module* create_struct_module()
{
    Module* m = Module::create("_struct");
    if (!g_struct_type) {
        Type* t = g_struct_type = new_builtin_type("Struct", g_object_type, Layout::Other);
        t->new_ = struct_new;
        t->init = struct_init;
        add_method(t, "pack", s_pack);
        add_method(t, "pack_into", s_pack_into);
        add_method(t, "unpack", s_unpack);
        add_method(t, "unpack_from", s_unpack_from);
        add_method(t, "iter_unpack", s_iter_unpack);
        add_getset(t, "format", s_get_format);
        add_getset(t, "size", s_get_size);
        type_ready(t);
        t->dict()->set_str("__module__", Value(Str::intern("_struct")));
    }
    Dict* d = m->dict();
    d->set_str("Struct", Value(g_struct_type));
    d->set_str("__doc__", Value(Str::create("Functions to convert between Python values and C structs.")));
    using stdmod::def;
    def(m, "pack", m_pack);
    def(m, "pack_into", m_pack_into);
    def(m, "unpack", m_unpack);
    def(m, "unpack_from", m_unpack_from);
    def(m, "iter_unpack", m_iter_unpack);
    def(m, "calcsize", m_calcsize);
    def(m, "_clearcache", m_clearcache);
    if (stdmod::run_prelude(m, "class error(Exception):\n    pass\nerror.__module__ = 'struct'\n").is_error())
        return nullptr;
    g_struct_error_value = d->get_str("error");
    stdmod::root(&g_struct_error_value);
    g_struct_error = as_type(g_struct_error_value);
    return m;
}

} // namespace adder
