// bytes and bytearray core: creation, repr, hash, compare, concatenation,
// repetition, indexing, slicing, iteration, containment, the constructors,
// and UTF-8/latin-1/ASCII decoding used by bytes.decode and str(b, enc).
#include "objects/bytes.h"
#include "objects/memoryview.h"

#include <cstring>

#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/range.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

int64_t hash_bytes(const void* data, size_t size); // str.cpp

Bytes* Bytes::create(std::string_view data) { return make<Bytes>(g_bytes_type, std::string(data)); }
ByteArray* ByteArray::create(std::string_view data) { return make<ByteArray>(g_bytearray_type, std::string(data)); }

int64_t Bytes::hash()
{
    if (m_hash == -1)
        m_hash = hash_bytes(m_data.data(), m_data.size());
    return m_hash;
}

bool bytes_like_view(Value v, std::string_view& out)
{
    if (is_bytes(v)) {
        out = as_bytes(v)->view();
        return true;
    }
    if (is_bytearray(v)) {
        out = as_bytearray(v)->view();
        return true;
    }
    return memoryview_bytes(v, out);
}

std::string bytes_repr(std::string_view data, bool bytearray_form)
{
    bool has_single = data.find('\'') != std::string_view::npos;
    bool has_double = data.find('"') != std::string_view::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out = bytearray_form ? "bytearray(b" : "b";
    out += quote;
    for (unsigned char c : data) {
        if (c == uint8_t(quote) || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c < 0x20 || c >= 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else
            out += char(c);
    }
    out += quote;
    if (bytearray_form)
        out += ')';
    return out;
}

Result<Value> bytes_decode_with(std::string_view data, Value encoding, Value errors); // bytes_methods.cpp

// Decodes `data` with `encoding` and `errors` (either may be null): kept as
// the name other files use; the codecs themselves live in bytes_methods.cpp.
Result<Value> bytes_decode(std::string_view data, Value encoding, Value errors)
{
    return bytes_decode_with(data, encoding, errors);
}

// Encodes str `s` to bytes with `encoding`/`errors` (utf-8, ascii, latin-1).
Result<Value> str_encode(Str* s, Value encoding, Value errors)
{
    std::string enc = "utf-8";
    if (encoding && !is_none(encoding)) {
        enc.clear();
        for (char c : as_str(encoding)->view())
            enc += (c == '_') ? '-' : char(std::tolower(static_cast<unsigned char>(c)));
    }
    std::string err = errors && is_str(errors) ? as_str(errors)->data() : "strict";
    bool utf8 = enc == "utf-8" || enc == "utf8" || enc == "u8";
    bool latin1 = enc == "latin-1" || enc == "latin1" || enc == "iso-8859-1" || enc == "l1";
    bool ascii = enc == "ascii" || enc == "us-ascii";
    if (!utf8 && !latin1 && !ascii)
        return throw_error(g_LookupError, "unknown encoding: %s", as_str(encoding)->c_str());
    if (s->is_ascii())
        return Value(Bytes::create(s->view()));
    std::string out;
    const char* p = s->c_str();
    const char* end = p + s->byte_size();
    size_t index = 0;
    while (p < end) {
        uint32_t cp = decode_utf8(p);
        uint32_t limit = utf8 ? 0x110000 : latin1 ? 0x100 : 0x80;
        bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        if (cp < limit && !(utf8 && surrogate)) {
            if (utf8)
                append_utf8(out, cp);
            else
                out += char(cp);
        } else if (err == "surrogateescape" && cp >= 0xDC80 && cp <= 0xDCFF) {
            out += char(cp - 0xDC00);
        } else if (err == "replace") {
            out += '?';
        } else if (err == "ignore") {
        } else if (err == "backslashreplace") {
            char buf[16];
            std::snprintf(buf, sizeof buf, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x", cp);
            out += buf;
        } else if (err == "xmlcharrefreplace") {
            out += "&#" + std::to_string(cp) + ";";
        } else {
            const char* encname = utf8 ? "utf-8" : latin1 ? "latin-1" : "ascii";
            const char* reason = utf8 ? "surrogates not allowed" : latin1 ? "ordinal not in range(256)" : "ordinal not in range(128)";
            Value args[5] = { Value(Str::intern(encname)), Value(s), int_from_i64(int64_t(index)), int_from_i64(int64_t(index + 1)),
                              Value(Str::create(reason)) };
            Value exc = TRY(make_exception(g_UnicodeEncodeError, args));
            set_pending(exc);
            return pending;
        }
        ++index;
    }
    return Value(Bytes::create(out));
}

// --- shared sequence slots ------------------------------------------------------------

static std::string_view view_of(Value v)
{
    std::string_view out;
    bytes_like_view(v, out);
    return out;
}

static Value make_like(Value self, std::string data)
{
    if (is_bytearray(self))
        return Value(ByteArray::create(data));
    return Value(Bytes::create(data));
}

static Result<Value> bytes_repr_slot(Value v) { return Value(Str::create(bytes_repr(view_of(v), is_bytearray(v)))); }

static Result<Value> bytes_str_slot(Value v) { return bytes_repr_slot(v); }

static Result<int64_t> bytes_hash_slot(Value v) { return as_bytes(v)->hash(); }

static Result<Value> bytes_richcompare(Value a, Value b, CompareOp op)
{
    std::string_view y;
    if (!bytes_like_view(b, y))
        return Value(g_notimplemented);
    int c = view_of(a).compare(y);
    bool r = false;
    switch (op) {
    case CompareOp::Lt: r = c < 0; break;
    case CompareOp::Le: r = c <= 0; break;
    case CompareOp::Eq: r = c == 0; break;
    case CompareOp::Ne: r = c != 0; break;
    case CompareOp::Gt: r = c > 0; break;
    case CompareOp::Ge: r = c >= 0; break;
    }
    return py_bool(r);
}

static Result<int64_t> bytes_len(Value v) { return int64_t(view_of(v).size()); }

static Result<Value> bytes_concat(Value a, Value b)
{
    std::string_view x, y;
    if (!bytes_like_view(a, x))
        return Value(g_notimplemented);
    if (!bytes_like_view(b, y))
        return throw_error(g_TypeError, "can't concat %s to %s", b.type()->m_name.c_str(), a.type()->m_name.c_str());
    std::string s(x);
    s += y;
    return make_like(a, std::move(s));
}

static Result<Value> bytes_repeat(Value a, Value b)
{
    Value s = a, n = b;
    std::string_view x;
    if (!bytes_like_view(s, x)) {
        std::swap(s, n);
        if (!bytes_like_view(s, x))
            return Value(g_notimplemented);
    }
    if (!is_int(n) && !n.type()->index)
        return Value(g_notimplemented);
    int64_t count = TRY(index_as_i64(n));
    std::string out;
    for (int64_t i = 0; i < count; ++i)
        out += x;
    return make_like(s, std::move(out));
}

Result<Value> bytes_mod_format(Value format, Value args);

static Result<Value> bytes_mod(Value a, Value b)
{
    std::string_view x;
    if (!bytes_like_view(a, x))
        return Value(g_notimplemented);
    if (bytes_mod_format)
        return bytes_mod_format(a, b);
    return throw_error(g_NotImplementedError, "bytes %% formatting is not available yet");
}

static Result<Value> bytes_getitem(Value self, Value key)
{
    std::string_view d = view_of(self);
    int64_t len = int64_t(d.size());
    if (is_slice(key)) {
        int64_t start, stop, step, n;
        TRY(slice_indices(key, len, start, stop, step, n));
        std::string out;
        for (int64_t i = 0, j = start; i < n; ++i, j += step)
            out += d[size_t(j)];
        return make_like(self, std::move(out));
    }
    if (!is_int(key) && !key.type()->index)
        return throw_error(g_TypeError, "byte indices must be integers or slices, not %s", key.type()->m_name.c_str());
    int64_t i = TRY(index_as_i64(key));
    if (!normalize_index(i, len))
        return throw_error(g_IndexError, is_bytearray(self) ? "bytearray index out of range" : "index out of range");
    return Value::small(static_cast<unsigned char>(d[size_t(i)]));
}

static Result<int64_t> byte_value(Value v)
{
    if (!is_int(v) && !v.type()->index)
        return throw_error(g_TypeError, "'%s' object cannot be interpreted as an integer", v.type()->m_name.c_str());
    int64_t b = TRY(index_as_i64(v));
    if (b < 0 || b > 255)
        return throw_error(g_ValueError, "byte must be in range(0, 256)");
    return b;
}

static Result<bool> bytes_contains(Value self, Value item)
{
    std::string_view d = view_of(self);
    std::string_view needle;
    if (bytes_like_view(item, needle))
        return d.find(needle) != std::string_view::npos;
    int64_t b = TRY(byte_value(item));
    return d.find(char(b)) != std::string_view::npos;
}

static Result<Value> bytes_iter(Value self)
{
    return make_index_iterator(is_bytearray(self) ? IterKind::ByteArray : IterKind::Bytes, self);
}

Status collect_iterable(Value iterable, gc::MarkedVector& out);

// bytes(x) / bytearray(x) contents.
static Result<std::string> bytes_from_object(Value x, Value encoding, Value errors, const char* tname)
{
    if (is_str(x)) {
        if (!encoding)
            return throw_error(g_TypeError, "string argument without an encoding");
        Value b = TRY(str_encode(as_str(x), encoding, errors));
        return std::string(as_bytes(b)->view());
    }
    if (encoding)
        return throw_error(g_TypeError, "encoding without a string argument");
    std::string_view d;
    if (bytes_like_view(x, d))
        return std::string(d);
    if (is_int(x) || (x.type()->index && !x.type()->iter)) {
        int64_t n = TRY(index_as_i64(x));
        if (n < 0)
            return throw_error(g_ValueError, "negative count");
        return std::string(size_t(n), '\0');
    }
    Value bytes_method = type_lookup(x.type(), "__bytes__");
    if (bytes_method) {
        Value r = TRY(call_method(x, "__bytes__", {}));
        if (!is_bytes(r))
            return throw_error(g_TypeError, "__bytes__ returned non-bytes (type %s)", r.type()->m_name.c_str());
        return std::string(as_bytes(r)->view());
    }
    if (!x.type()->iter && !x.type()->getitem)
        return throw_error(g_TypeError, "cannot convert '%s' object to %s", x.type()->m_name.c_str(), tname);
    gc::MarkedVector items;
    TRY(collect_iterable(x, items));
    std::string out;
    for (Value v : items) {
        Result<int64_t> b = byte_value(v);
        if (b.is_error()) {
            if (pending_matches(g_ValueError)) {
                take_pending();
                return throw_error(g_ValueError, "bytes must be in range(0, 256)");
            }
            return pending;
        }
        out += char(b.value());
    }
    return out;
}

static Result<Value> bytes_new(Type* type, CallArgs args)
{
    Value x, encoding, errors;
    TRY(parse_args(args, "bytes", { "source", "encoding", "errors" }, 0, { &x, &encoding, &errors }));
    std::string data;
    if (x)
        data = TRY(bytes_from_object(x, encoding, errors, "bytes"));
    return Value(make<Bytes>(type, std::move(data)));
}

static Result<Value> bytearray_new(Type* type, CallArgs)
{
    return Value(make<ByteArray>(type, std::string()));
}

static Status bytearray_init(Value self, CallArgs args)
{
    Value x, encoding, errors;
    TRY(parse_args(args, "bytearray", { "source", "encoding", "errors" }, 0, { &x, &encoding, &errors }));
    if (x)
        as_bytearray(self)->data() = TRY(bytes_from_object(x, encoding, errors, "bytearray"));
    return ok();
}

static Status bytearray_setitem(Value self, Value key, Value value)
{
    std::string& d = as_bytearray(self)->data();
    int64_t len = int64_t(d.size());
    if (is_slice(key)) {
        int64_t start, stop, step, n;
        TRY(slice_indices(key, len, start, stop, step, n));
        std::string repl;
        if (value) {
            std::string_view v;
            if (bytes_like_view(value, v))
                repl = std::string(v);
            else
                repl = TRY(bytes_from_object(value, Value(), Value(), "bytearray"));
        }
        if (step == 1) {
            if (stop < start)
                stop = start;
            d.replace(size_t(start), size_t(stop - start), repl);
            return ok();
        }
        if (!value) {
            std::string out;
            for (int64_t i = 0; i < len; ++i) {
                bool removed = step > 0 ? (i >= start && i < stop && (i - start) % step == 0)
                                        : (i <= start && i > stop && (start - i) % (-step) == 0);
                if (!removed)
                    out += d[size_t(i)];
            }
            d = out;
            return ok();
        }
        if (int64_t(repl.size()) != n)
            return throw_error(g_ValueError, "attempt to assign bytes of size %zu to extended slice of size %ld", repl.size(), long(n));
        for (int64_t i = 0, j = start; i < n; ++i, j += step)
            d[size_t(j)] = repl[size_t(i)];
        return ok();
    }
    int64_t i = TRY(index_as_i64(key));
    if (!normalize_index(i, len))
        return throw_error(g_IndexError, "bytearray index out of range");
    if (!value) {
        d.erase(size_t(i), 1);
        return ok();
    }
    int64_t b = TRY(byte_value(value));
    d[size_t(i)] = char(b);
    return ok();
}

static Result<Value> bytes_decode_method(Value self, CallArgs args)
{
    Value encoding, errors;
    TRY(parse_args(args, "decode", { "encoding", "errors" }, 0, { &encoding, &errors }));
    return bytes_decode(view_of(self), encoding, errors);
}

static Result<Value> str_encode_method(Value self, CallArgs args)
{
    Value encoding, errors;
    TRY(parse_args(args, "encode", { "encoding", "errors" }, 0, { &encoding, &errors }));
    return str_encode(as_str(self), encoding, errors);
}

static Result<Value> bytearray_append(Value self, CallArgs args)
{
    TRY(check_arity(args, "append", 1, 1));
    int64_t b = TRY(byte_value(args[0]));
    as_bytearray(self)->data() += char(b);
    return none();
}

static Result<Value> bytearray_extend(Value self, CallArgs args)
{
    TRY(check_arity(args, "extend", 1, 1));
    std::string more = TRY(bytes_from_object(args[0], Value(), Value(), "bytearray"));
    as_bytearray(self)->data() += more;
    return none();
}

static Result<Value> bytearray_iconcat(Value a, Value b)
{
    std::string_view y;
    if (!bytes_like_view(b, y))
        return throw_error(g_TypeError, "can't concat %s to bytearray", b.type()->m_name.c_str());
    as_bytearray(a)->data() += y;
    return a;
}

void init_bytes_types()
{
    for (Type* t : { g_bytes_type, g_bytearray_type }) {
        t->repr = bytes_repr_slot;
        t->str = bytes_str_slot;
        t->richcompare = bytes_richcompare;
        t->len = bytes_len;
        t->getitem = bytes_getitem;
        t->contains = bytes_contains;
        t->iter = bytes_iter;
        t->nb[NB_ADD] = bytes_concat;
        t->nb[NB_MULTIPLY] = bytes_repeat;
        t->nb[NB_REMAINDER] = bytes_mod;
        add_method(t, "decode", bytes_decode_method);
    }
    g_bytes_type->hash = bytes_hash_slot;
    g_bytes_type->new_ = bytes_new;
    g_bytearray_type->new_ = bytearray_new;
    g_bytearray_type->init = bytearray_init;
    g_bytearray_type->setitem = bytearray_setitem;
    g_bytearray_type->nb_inplace[NB_ADD] = bytearray_iconcat;
    add_method(g_bytearray_type, "append", bytearray_append);
    add_method(g_bytearray_type, "extend", bytearray_extend);
    add_method(g_str_type, "encode", str_encode_method);
}

} // namespace adder
