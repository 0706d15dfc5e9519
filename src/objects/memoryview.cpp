// See memoryview.h. The view re-reads the exporter's storage on every access
// (offset + length are checked against its current size), so a resized
// bytearray can never be read out of bounds.
// FIXME: multi-dimensional shapes, non-contiguous (stepped) views (a stepped
// slice is a read-only copy), BufferError on resizing an exported bytearray.
#include "objects/memoryview.h"

#include <cstring>

#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/range.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

Type* g_memoryview_type;

namespace {

class MemoryView : public Object {
public:
    MemoryView(Type* type, Value obj, size_t offset, size_t nbytes, char format, size_t itemsize, bool readonly)
        : Object(type), m_obj(obj), m_offset(offset), m_nbytes(nbytes), m_format(format), m_itemsize(itemsize),
          m_readonly(readonly)
    {
    }
    void visit_edges(gc::Visitor& v) override
    {
        Object::visit_edges(v);
        v.visit(m_obj);
    }
    Value m_obj;
    size_t m_offset;
    size_t m_nbytes;
    char m_format;
    size_t m_itemsize;
    bool m_readonly;
    bool m_released = false;
};

MemoryView* as_mv(Value v) { return static_cast<MemoryView*>(v.as_object()); }

size_t format_size(char f)
{
    switch (f) {
    case 'B': case 'b': case 'c': case '?': return 1;
    case 'H': case 'h': return 2;
    case 'I': case 'i': case 'f': return 4;
    case 'L': case 'l': case 'Q': case 'q': case 'd': case 'N': case 'n': case 'P': return 8;
    default: return 0;
    }
}

// The exporter's bytes covered by `mv`; raises for released or shrunk views.
Result<char*> data_of(MemoryView* mv)
{
    if (mv->m_released)
        return throw_error(g_ValueError, "operation forbidden on released memoryview object");
    char* base;
    size_t size;
    if (is_bytearray(mv->m_obj)) {
        base = as_bytearray(mv->m_obj)->data().data();
        size = as_bytearray(mv->m_obj)->size();
    } else {
        base = const_cast<char*>(as_bytes(mv->m_obj)->data().data());
        size = as_bytes(mv->m_obj)->size();
    }
    if (mv->m_offset + mv->m_nbytes > size)
        return throw_error(g_IndexError, "memoryview: underlying buffer was resized");
    return base + mv->m_offset;
}

Value unpack_item(const char* p, char f)
{
    auto load = [&](auto t) { std::memcpy(&t, p, sizeof t); return t; };
    switch (f) {
    case 'B': return Value::small(load(uint8_t()));
    case 'b': return Value::small(load(int8_t()));
    case 'c': return bytes_value(std::string_view(p, 1));
    case '?': return py_bool(load(uint8_t()) != 0);
    case 'H': return Value::small(load(uint16_t()));
    case 'h': return Value::small(load(int16_t()));
    case 'I': return int_from_i64(load(uint32_t()));
    case 'i': return int_from_i64(load(int32_t()));
    case 'f': return float_value(load(float()));
    case 'd': return float_value(load(double()));
    case 'L': case 'Q': case 'N': case 'P': {
        uint64_t u = load(uint64_t());
        if (u <= uint64_t(INT64_MAX))
            return int_from_i64(int64_t(u));
        mpz_t z;
        mpz_init_set_ui(z, u);
        Value r = int_from_mpz(z);
        mpz_clear(z);
        return r;
    }
    default: return int_from_i64(load(int64_t()));
    }
}

Status pack_item(char* p, char f, Value v)
{
    if (f == 'f' || f == 'd') {
        double d = TRY(to_double(v));
        if (f == 'f') {
            float x = float(d);
            std::memcpy(p, &x, 4);
        } else
            std::memcpy(p, &d, 8);
        return ok();
    }
    if (f == 'c') {
        std::string_view b;
        if (!bytes_like_view(v, b) || b.size() != 1)
            return throw_error(g_TypeError, "memoryview: invalid type for format 'c'");
        *p = b[0];
        return ok();
    }
    if (!is_int(v))
        return throw_error(g_TypeError, "memoryview: invalid type for format '%c'", f);
    int64_t x;
    if (!int_fits_i64(v, x))
        return throw_error(g_ValueError, "memoryview: invalid value for format '%c'", f);
    size_t n = format_size(f);
    bool is_signed = f == 'b' || f == 'h' || f == 'i' || f == 'l' || f == 'q' || f == 'n';
    if (n < 8) {
        int64_t lo = is_signed ? -(int64_t(1) << (n * 8 - 1)) : 0;
        int64_t hi = is_signed ? (int64_t(1) << (n * 8 - 1)) - 1 : (int64_t(1) << (n * 8)) - 1;
        if (x < lo || x > hi)
            return throw_error(g_ValueError, "memoryview: invalid value for format '%c'", f);
    } else if (!is_signed && x < 0)
        return throw_error(g_ValueError, "memoryview: invalid value for format '%c'", f);
    std::memcpy(p, &x, n); // little-endian host: the low bytes
    return ok();
}

int64_t item_count(MemoryView* mv) { return int64_t(mv->m_nbytes / mv->m_itemsize); }

Result<Value> mv_new(Type*, CallArgs args)
{
    Value obj;
    TRY(parse_args(args, "memoryview", { "object" }, 1, { &obj }));
    if (obj.type() == g_memoryview_type) {
        MemoryView* src = as_mv(obj);
        TRY(data_of(src));
        return Value(make<MemoryView>(g_memoryview_type, src->m_obj, src->m_offset, src->m_nbytes, src->m_format,
                                      src->m_itemsize, src->m_readonly));
    }
    if (is_bytes(obj))
        return Value(make<MemoryView>(g_memoryview_type, obj, 0, as_bytes(obj)->size(), 'B', 1, true));
    if (is_bytearray(obj))
        return Value(make<MemoryView>(g_memoryview_type, obj, 0, as_bytearray(obj)->size(), 'B', 1, false));
    return throw_error(g_TypeError, "memoryview: a bytes-like object is required, not '%s'", obj.type()->m_name.c_str());
}

Result<int64_t> mv_len(Value self)
{
    TRY(data_of(as_mv(self)));
    return item_count(as_mv(self));
}

Result<Value> mv_getitem(Value self, Value key)
{
    MemoryView* mv = as_mv(self);
    char* p = TRY(data_of(mv));
    int64_t n = item_count(mv);
    if (key.type() == g_slice_type) {
        int64_t start, stop, step, len;
        TRY(slice_indices(key, n, start, stop, step, len));
        if (step == 1)
            return Value(make<MemoryView>(g_memoryview_type, mv->m_obj, mv->m_offset + size_t(start) * mv->m_itemsize,
                                          size_t(len) * mv->m_itemsize, mv->m_format, mv->m_itemsize, mv->m_readonly));
        std::string copy;
        for (int64_t i = 0, j = start; i < len; ++i, j += step)
            copy.append(p + j * int64_t(mv->m_itemsize), mv->m_itemsize);
        Value b = bytes_value(copy);
        return Value(make<MemoryView>(g_memoryview_type, b, 0, copy.size(), mv->m_format, mv->m_itemsize, true));
    }
    if (!key.type()->index)
        return throw_error(g_TypeError, "memoryview: invalid slice key");
    int64_t i = TRY(index_as_i64(key));
    if (!normalize_index(i, n))
        return throw_error(g_IndexError, "index out of bounds on dimension 1");
    return unpack_item(p + i * int64_t(mv->m_itemsize), mv->m_format);
}

Status mv_setitem(Value self, Value key, Value value)
{
    MemoryView* mv = as_mv(self);
    if (mv->m_readonly)
        return throw_error(g_TypeError, "cannot modify read-only memory");
    if (!value)
        return throw_error(g_TypeError, "cannot delete memory");
    char* p = TRY(data_of(mv));
    int64_t n = item_count(mv);
    if (key.type() == g_slice_type) {
        int64_t start, stop, step, len;
        TRY(slice_indices(key, n, start, stop, step, len));
        std::string_view src;
        std::string keep;
        if (value.type() == g_memoryview_type) {
            if (!memoryview_bytes(value, src))
                return throw_error(g_ValueError, "operation forbidden on released memoryview object");
        } else if (!bytes_like_view(value, src))
            return throw_error(g_TypeError, "a bytes-like object is required, not '%s'", value.type()->m_name.c_str());
        if (src.size() != size_t(len) * mv->m_itemsize)
            return throw_error(g_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
        keep.assign(src); // the source may overlap the destination
        for (int64_t i = 0, j = start; i < len; ++i, j += step)
            std::memcpy(p + j * int64_t(mv->m_itemsize), keep.data() + i * int64_t(mv->m_itemsize), mv->m_itemsize);
        return ok();
    }
    int64_t i = TRY(index_as_i64(key));
    if (!normalize_index(i, n))
        return throw_error(g_IndexError, "index out of bounds on dimension 1");
    return pack_item(p + i * int64_t(mv->m_itemsize), mv->m_format, value);
}

Result<Value> mv_richcompare(Value a, Value b, CompareOp op)
{
    if (op != CompareOp::Eq && op != CompareOp::Ne)
        return Value(g_notimplemented);
    std::string_view x, y;
    if (!memoryview_bytes(a, x))
        return Value(g_notimplemented);
    bool other = b.type() == g_memoryview_type ? memoryview_bytes(b, y) : bytes_like_view(b, y);
    if (!other)
        return Value(g_notimplemented);
    bool eq = x == y; // FIXME: compares bytes, not unpacked items, for non-'B' formats
    return py_bool(op == CompareOp::Eq ? eq : !eq);
}

Result<Value> mv_iter(Value self)
{
    TRY(data_of(as_mv(self)));
    return make_index_iterator(IterKind::Sequence, self);
}

Result<Value> mv_repr(Value self)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "<%smemory at %p>", as_mv(self)->m_released ? "released " : "", (void*)self.as_object());
    return Value(Str::create(buf));
}

Result<Value> mv_tobytes(Value self, CallArgs args)
{
    Value order;
    TRY(parse_args(args, "tobytes", { "order" }, 0, { &order }));
    MemoryView* mv = as_mv(self);
    char* p = TRY(data_of(mv));
    return bytes_value(std::string_view(p, mv->m_nbytes));
}

Result<Value> mv_tolist(Value self, CallArgs args)
{
    TRY(check_arity(args, "tolist", 0, 0));
    MemoryView* mv = as_mv(self);
    char* p = TRY(data_of(mv));
    List* l = List::create();
    for (int64_t i = 0; i < item_count(mv); ++i)
        l->append(unpack_item(p + i * int64_t(mv->m_itemsize), mv->m_format));
    return Value(l);
}

Result<Value> mv_hex(Value self, CallArgs args)
{
    TRY(check_arity(args, "hex", 0, 2)); // FIXME: sep/bytes_per_sep are ignored
    MemoryView* mv = as_mv(self);
    char* p = TRY(data_of(mv));
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < mv->m_nbytes; ++i) {
        out += digits[uint8_t(p[i]) >> 4];
        out += digits[uint8_t(p[i]) & 15];
    }
    return Value(Str::create(out));
}

Result<Value> mv_cast(Value self, CallArgs args)
{
    Value format, shape;
    TRY(parse_args(args, "cast", { "format", "shape" }, 1, { &format, &shape }));
    MemoryView* mv = as_mv(self);
    TRY(data_of(mv));
    if (!is_str(format))
        return throw_error(g_TypeError, "memoryview: format argument must be a string");
    std::string_view f = as_str(format)->view();
    if (!f.empty() && f[0] == '@')
        f.remove_prefix(1);
    size_t size = f.size() == 1 ? format_size(f[0]) : 0;
    if (!size)
        return throw_error(g_ValueError, "memoryview: destination format must be a native single character format prefixed with an optional '@'");
    if (shape && !is_none(shape))
        return throw_error(g_NotImplementedError, "memoryview.cast() with a shape is not supported"); // FIXME
    if (mv->m_nbytes % size != 0)
        return throw_error(g_TypeError, "memoryview: length is not a multiple of itemsize");
    return Value(make<MemoryView>(g_memoryview_type, mv->m_obj, mv->m_offset, mv->m_nbytes, f[0], size, mv->m_readonly));
}

Result<Value> mv_release(Value self, CallArgs args)
{
    TRY(check_arity(args, "release", 0, 0));
    as_mv(self)->m_released = true;
    return none();
}

Result<Value> mv_enter(Value self, CallArgs args)
{
    TRY(check_arity(args, "__enter__", 0, 0));
    TRY(data_of(as_mv(self)));
    return self;
}

Result<Value> mv_exit(Value self, CallArgs) { return mv_release(self, CallArgs {}); }

Result<Value> mv_get_nbytes(Value self) { return int_from_i64(int64_t(as_mv(self)->m_nbytes)); }
Result<Value> mv_get_itemsize(Value self) { return int_from_i64(int64_t(as_mv(self)->m_itemsize)); }
Result<Value> mv_get_readonly(Value self) { return py_bool(as_mv(self)->m_readonly); }
Result<Value> mv_get_obj(Value self) { return as_mv(self)->m_obj; }
Result<Value> mv_get_ndim(Value) { return Value::small(1); }
Result<Value> mv_get_format(Value self) { return Value(Str::create(std::string(1, as_mv(self)->m_format))); }
Result<Value> mv_get_shape(Value self) { return Value(Tuple::create({ int_from_i64(item_count(as_mv(self))) })); }
Result<Value> mv_get_released(Value self) { return py_bool(as_mv(self)->m_released); }

} // namespace

bool memoryview_bytes(Value v, std::string_view& out)
{
    if (!v.is_object() || v.type() != g_memoryview_type || as_mv(v)->m_released)
        return false;
    MemoryView* mv = as_mv(v);
    std::string_view all = is_bytearray(mv->m_obj) ? as_bytearray(mv->m_obj)->view() : as_bytes(mv->m_obj)->view();
    if (mv->m_offset + mv->m_nbytes > all.size())
        return false;
    out = all.substr(mv->m_offset, mv->m_nbytes);
    return true;
}

Type* init_memoryview_type()
{
    Type* t = new_builtin_type("memoryview", g_object_type, Layout::Other, 0);
    g_memoryview_type = t;
    t->new_ = mv_new;
    t->len = mv_len;
    t->getitem = mv_getitem;
    t->setitem = mv_setitem;
    t->richcompare = mv_richcompare;
    t->iter = mv_iter;
    t->repr = mv_repr;
    add_method(t, "tobytes", mv_tobytes);
    add_method(t, "tolist", mv_tolist);
    add_method(t, "hex", mv_hex);
    add_method(t, "cast", mv_cast);
    add_method(t, "release", mv_release);
    add_method(t, "__enter__", mv_enter);
    add_method(t, "__exit__", mv_exit);
    add_getset(t, "nbytes", mv_get_nbytes);
    add_getset(t, "itemsize", mv_get_itemsize);
    add_getset(t, "readonly", mv_get_readonly);
    add_getset(t, "obj", mv_get_obj);
    add_getset(t, "ndim", mv_get_ndim);
    add_getset(t, "format", mv_get_format);
    add_getset(t, "shape", mv_get_shape);
    add_getset(t, "released", mv_get_released);
    type_ready(t);
    return t;
}

} // namespace adder
