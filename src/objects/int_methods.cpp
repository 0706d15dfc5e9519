// int's Python-visible methods beyond the core (int.cpp): to_bytes,
// from_bytes, bit_count, as_integer_ratio. Conversions go through
// numeric::BigInt; messages match CPython 3.11 Objects/longobject.c.
#include "numeric/bigint.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "text/str_algo.h"

namespace adder {

namespace {

numeric::BigInt big_of(Value v)
{
    numeric::BigInt b;
    int_to_mpz(v, b.raw());
    return b;
}

// byteorder argument: true for 'little'.
Result<bool> parse_byteorder(Value v)
{
    if (!v)
        return false;
    if (!is_str(v))
        return throw_error(g_TypeError, "to_bytes() argument 'byteorder' must be str, not %s", v.type()->m_name.c_str());
    std::string_view s = as_str(v)->view();
    if (s == "little")
        return true;
    if (s == "big")
        return false;
    return throw_error(g_ValueError, "byteorder must be either 'little' or 'big'");
}

Result<Value> int_to_bytes(Value self, CallArgs args)
{
    Value length_v, order_v, signed_v;
    TRY(parse_args(args, "to_bytes", { "length", "byteorder", "signed" }, 0, { &length_v, &order_v, &signed_v }));
    int64_t length = 1;
    if (length_v) {
        length = TRY(index_as_i64(length_v));
        if (length < 0)
            return throw_error(g_ValueError, "length argument must be non-negative");
    }
    bool little = TRY(parse_byteorder(order_v));
    bool is_signed = signed_v ? TRY(truthy(signed_v)) : false;
    numeric::BigInt v = big_of(self);
    if (v.sign() < 0 && !is_signed)
        return throw_error(g_OverflowError, "can't convert negative int to unsigned");
    std::string out;
    if (!v.to_bytes(static_cast<size_t>(length), little, is_signed, out))
        return throw_error(g_OverflowError, "int too big to convert");
    return bytes_value(out);
}

Result<Value> int_from_bytes(Value cls, CallArgs args)
{
    Value bytes_v, order_v, signed_v;
    TRY(parse_args(args, "from_bytes", { "bytes", "byteorder", "signed" }, 1, { &bytes_v, &order_v, &signed_v }));
    bool little = TRY(parse_byteorder(order_v));
    bool is_signed = signed_v ? TRY(truthy(signed_v)) : false;
    std::string_view data;
    Value holder;
    if (!bytes_like_view(bytes_v, data)) {
        // Any iterable of ints: convert through bytes(), as CPython does.
        holder = TRY(call(Value(g_bytes_type), { bytes_v }));
        bytes_like_view(holder, data);
    }
    numeric::BigInt v = numeric::BigInt::from_bytes(data, little, is_signed);
    Value result = int_from_mpz(v.raw());
    if (is_type(cls) && as_type(cls) != g_int_type)
        return call(cls, { result });
    return result;
}

Result<Value> int_bit_count(Value self, CallArgs args)
{
    TRY(check_arity(args, "bit_count", 0, 0));
    return int_from_i64(static_cast<int64_t>(big_of(self).bit_count()));
}

Result<Value> int_as_integer_ratio(Value self, CallArgs args)
{
    TRY(check_arity(args, "as_integer_ratio", 0, 0));
    return Value(Tuple::create({ int_exact(self), Value::small(1) }));
}

} // namespace

// int(x, base) for a str/bytes/bytearray `original` whose text is `text`
// (UTF-8 for str): CPython 3.11 semantics, including Unicode digits and
// spaces (int("\u0663") == 3), the prefix/underscore rules, and the
// max_str_digits limit (`max_digits`, 0 = none) for non-power-of-two bases.
// `base` must already be validated (0 or 2..36).
Result<Value> int_parse_text(Value original, std::string_view text, int base, int64_t max_digits)
{
    std::string ascii = is_str(original) ? text::to_ascii_decimal(text) : std::string(text);
    numeric::BigInt v;
    size_t digits = 0;
    auto status = numeric::BigInt::parse(ascii, base, v, max_digits > 0 ? size_t(max_digits) : 0, &digits);
    if (status == numeric::ParseIntStatus::Ok)
        return int_from_mpz(v.raw());
    if (status == numeric::ParseIntStatus::TooManyDigits)
        return throw_error(g_ValueError,
            "Exceeds the limit (%lld digits) for integer string conversion: value has %zu digits; use "
            "sys.set_int_max_str_digits() to increase the limit",
            static_cast<long long>(max_digits), digits);
    std::string rep = TRY(repr_text(original));
    // CPython formats the repr with %.200R: at most 200 code points.
    size_t cut = text::byte_offset(rep, 200);
    rep.resize(cut);
    return throw_error(g_ValueError, "invalid literal for int() with base %d: %s", base, rep.c_str());
}

void init_int_methods()
{
    Type* t = g_int_type;
    add_method(t, "to_bytes", int_to_bytes);
    add_method(t, "from_bytes", int_from_bytes, MethodKind::Class);
    add_method(t, "bit_count", int_bit_count);
    add_method(t, "as_integer_ratio", int_as_integer_ratio);
}

} // namespace adder
