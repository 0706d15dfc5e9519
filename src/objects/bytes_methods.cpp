// The Python-visible methods shared by bytes and bytearray (everything but
// the mutators, which live in bytearray_methods.cpp, and decode, in bytes.cpp).
// A method returns the receiver's own type: bytes for bytes, bytearray for
// bytearray. Algorithms come from text/bytes_algo.h (ASCII-only semantics);
// argument checks use CPython 3.11's messages (Objects/bytes_methods.c).
#include <algorithm>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "text/bytes_algo.h"
#include "text/utf8.h"

namespace adder {

// bytes.decode(encoding, errors) for `data` (either argument may be null):
// the codecs of text/utf8.h, raising UnicodeDecodeError with CPython's
// encoding/object/start/end/reason.
Result<Value> bytes_decode_with(std::string_view data, Value encoding, Value errors)
{
    text::Codec codec = text::Codec::Utf8;
    if (encoding) {
        if (!is_str(encoding))
            return throw_error(g_TypeError, "decode() argument 'encoding' must be str, not %s", encoding.type()->m_name.c_str());
        auto c = text::lookup_codec(as_str(encoding)->view());
        if (!c)
            return throw_error(g_LookupError, "unknown encoding: %s", as_str(encoding)->c_str());
        codec = *c;
    }
    text::ErrorHandler handler = text::ErrorHandler::Strict;
    bool unknown_handler = false;
    if (errors) {
        if (!is_str(errors))
            return throw_error(g_TypeError, "decode() argument 'errors' must be str, not %s", errors.type()->m_name.c_str());
        auto h = text::lookup_error_handler(as_str(errors)->view());
        unknown_handler = !h;
        handler = h.value_or(text::ErrorHandler::Strict);
        if (handler == text::ErrorHandler::XmlCharRefReplace)
            handler = text::ErrorHandler::Strict; // FIXME: CPython raises TypeError from the handler instead
    }
    text::CodecResult r = text::decode(codec, data, handler);
    if (r.ok())
        return Value(Str::create(std::move(r.out)));
    if (unknown_handler) {
        // Codecs without a C fast path in CPython (utf-16-le, utf-32-be, ...) wrap the lookup failure.
        bool wrapped = codec != text::Codec::Utf8 && codec != text::Codec::Latin1 && codec != text::Codec::Ascii
            && codec != text::Codec::Utf16 && codec != text::Codec::Utf32;
        if (wrapped)
            return throw_error(g_LookupError, "%s with '%s' codec failed (LookupError: unknown error handler name '%s')",
                "decoding", std::string(text::codec_name(codec)).c_str(), as_str(errors)->c_str());
        return throw_error(g_LookupError, "unknown error handler name '%s'", as_str(errors)->c_str());
    }
    std::string_view name = r.error->encoding.empty() ? text::codec_name(codec) : r.error->encoding;
    Value exc_args[5] = { Value(Str::create(name)), bytes_value(data), int_from_i64(int64_t(r.error->start)),
        int_from_i64(int64_t(r.error->end)), Value(Str::create(r.error->reason)) };
    Value exc = TRY(make_exception(g_UnicodeDecodeError, exc_args));
    set_pending(exc);
    return pending;
}

namespace {

std::string_view data_of(Value v)
{
    std::string_view d;
    bytes_like_view(v, d);
    return d;
}

// A result of the same kind as `self`.
Value like(Value self, std::string_view data)
{
    if (is_bytearray(self))
        return Value(ByteArray::create(data));
    return bytes_value(data);
}

Result<int64_t> slice_index(Value v, int64_t fallback)
{
    if (!v || is_none(v))
        return fallback;
    if (!is_int(v) && !v.type()->index)
        return throw_error(g_TypeError, "slice indices must be integers or None or have an __index__ method");
    Value i = TRY(number_index(v));
    int64_t x;
    if (int_fits_i64(i, x))
        return x;
    return int_sign(i) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
}

Result<int64_t> int_arg(Value v, int64_t fallback)
{
    if (!v)
        return fallback;
    if (!is_int(v) && !v.type()->index)
        return throw_error(g_TypeError, "'%s' object cannot be interpreted as an integer", v.type()->m_name.c_str());
    return index_as_i64(v);
}

// A bytes-like argument; TypeError "a bytes-like object is required, not 'X'".
Result<std::string_view> buffer_arg(Value v)
{
    std::string_view d;
    if (!bytes_like_view(v, d))
        return throw_error(g_TypeError, "a bytes-like object is required, not '%s'", v.type()->m_name.c_str());
    return d;
}

Result<Value> list_of(Value self, const std::vector<std::string_view>& parts)
{
    List* list = List::create();
    list->items().reserve(parts.size());
    for (auto p : parts)
        list->append(like(self, p));
    return Value(list);
}

// ---- find family (sub may be bytes-like or an int byte value) ------------------------

struct FindArgs {
    std::string sub;
    int64_t start = 0;
    int64_t end = text::str_end;
};

Result<FindArgs> parse_find_args(CallArgs args, const char* name)
{
    TRY(check_arity(args, name, 1, 3));
    FindArgs f;
    Value sub = args[0];
    std::string_view d;
    if (bytes_like_view(sub, d)) {
        f.sub = std::string(d);
    } else if (is_int(sub) || sub.type()->index) {
        Value i = TRY(number_index(sub));
        int64_t x;
        if (!int_fits_i64(i, x) || x < 0 || x > 255)
            return throw_error(g_ValueError, "byte must be in range(0, 256)");
        f.sub = std::string(1, static_cast<char>(x));
    } else {
        return throw_error(g_TypeError, "argument should be integer or bytes-like object, not '%s'",
            sub.type()->m_name.c_str());
    }
    f.start = TRY(slice_index(args.nargs > 1 ? args[1] : Value(), 0));
    f.end = TRY(slice_index(args.nargs > 2 ? args[2] : Value(), text::str_end));
    return f;
}

Result<Value> bytes_find(Value self, CallArgs args)
{
    FindArgs f = TRY(parse_find_args(args, "find"));
    return int_from_i64(text::str_find(text::bytes_view(data_of(self)), text::bytes_view(f.sub), f.start, f.end));
}

Result<Value> bytes_rfind(Value self, CallArgs args)
{
    FindArgs f = TRY(parse_find_args(args, "rfind"));
    return int_from_i64(text::str_rfind(text::bytes_view(data_of(self)), text::bytes_view(f.sub), f.start, f.end));
}

Result<Value> bytes_index(Value self, CallArgs args)
{
    FindArgs f = TRY(parse_find_args(args, "index"));
    int64_t r = text::str_find(text::bytes_view(data_of(self)), text::bytes_view(f.sub), f.start, f.end);
    if (r < 0)
        return throw_error(g_ValueError, "subsection not found");
    return int_from_i64(r);
}

Result<Value> bytes_rindex(Value self, CallArgs args)
{
    FindArgs f = TRY(parse_find_args(args, "rindex"));
    int64_t r = text::str_rfind(text::bytes_view(data_of(self)), text::bytes_view(f.sub), f.start, f.end);
    if (r < 0)
        return throw_error(g_ValueError, "subsection not found");
    return int_from_i64(r);
}

Result<Value> bytes_count(Value self, CallArgs args)
{
    FindArgs f = TRY(parse_find_args(args, "count"));
    return int_from_i64(text::str_count(text::bytes_view(data_of(self)), text::bytes_view(f.sub), f.start, f.end));
}

Result<Value> starts_or_ends(Value self, CallArgs args, bool starts)
{
    const char* name = starts ? "startswith" : "endswith";
    TRY(check_arity(args, name, 1, 3));
    int64_t start = TRY(slice_index(args.nargs > 1 ? args[1] : Value(), 0));
    int64_t end = TRY(slice_index(args.nargs > 2 ? args[2] : Value(), text::str_end));
    text::StrView s = text::bytes_view(data_of(self));
    auto test = [&](std::string_view item) {
        return starts ? text::str_startswith(s, text::bytes_view(item), start, end)
                      : text::str_endswith(s, text::bytes_view(item), start, end);
    };
    Value sub = args[0];
    if (is_tuple(sub)) {
        Tuple* t = as_tuple(sub);
        for (size_t i = 0; i < t->size(); ++i) {
            std::string_view d;
            if (!bytes_like_view(t->at(i), d))
                return throw_error(g_TypeError, "a bytes-like object is required, not '%s'", t->at(i).type()->m_name.c_str());
            if (test(d))
                return py_bool(true);
        }
        return py_bool(false);
    }
    std::string_view d;
    if (!bytes_like_view(sub, d))
        return throw_error(g_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name,
            sub.type()->m_name.c_str());
    return py_bool(test(d));
}

Result<Value> bytes_startswith(Value self, CallArgs args) { return starts_or_ends(self, args, true); }
Result<Value> bytes_endswith(Value self, CallArgs args) { return starts_or_ends(self, args, false); }

// ---- split / join / partition ---------------------------------------------------------

Result<Value> split_impl(Value self, CallArgs args, bool right)
{
    const char* name = right ? "rsplit" : "split";
    Value sep, maxsplit_v;
    TRY(parse_args(args, name, { "sep", "maxsplit" }, 0, { &sep, &maxsplit_v }));
    int64_t maxsplit = TRY(int_arg(maxsplit_v, -1));
    std::string_view s = data_of(self);
    if (!sep || is_none(sep))
        return list_of(self, right ? text::bytes_rsplit_whitespace(s, maxsplit) : text::bytes_split_whitespace(s, maxsplit));
    std::string_view sv = TRY(buffer_arg(sep));
    if (sv.empty())
        return throw_error(g_ValueError, "empty separator");
    std::string sep_copy(sv); // `sep` may alias a bytearray being split
    return list_of(self, right ? text::str_rsplit(s, sep_copy, maxsplit) : text::str_split(s, sep_copy, maxsplit));
}

Result<Value> bytes_split(Value self, CallArgs args) { return split_impl(self, args, false); }
Result<Value> bytes_rsplit(Value self, CallArgs args) { return split_impl(self, args, true); }

Result<Value> bytes_splitlines(Value self, CallArgs args)
{
    Value keepends;
    TRY(parse_args(args, "splitlines", { "keepends" }, 0, { &keepends }));
    bool keep = keepends ? TRY(truthy(keepends)) : false;
    return list_of(self, text::bytes_splitlines(data_of(self), keep));
}

Result<Value> bytes_join(Value self, CallArgs args)
{
    TRY(check_arity(args, "join", 1, 1));
    gc::MarkedVector items;
    TRY(collect_iterable(args[0], items));
    std::vector<std::string_view> parts;
    parts.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        std::string_view d;
        if (!bytes_like_view(items[i], d))
            return throw_error(g_TypeError, "sequence item %zu: expected a bytes-like object, %s found", i,
                items[i].type()->m_name.c_str());
        parts.push_back(d);
    }
    return like(self, text::str_join(data_of(self), parts));
}

Result<Value> partition_impl(Value self, CallArgs args, bool right)
{
    TRY(check_arity(args, right ? "rpartition" : "partition", 1, 1));
    std::string_view sep = TRY(buffer_arg(args[0]));
    if (sep.empty())
        return throw_error(g_ValueError, "empty separator");
    std::string_view s = data_of(self);
    text::Partition p = right ? text::str_rpartition(s, sep) : text::str_partition(s, sep);
    if (!p.found) {
        Value empty = like(self, {});
        Value whole = like(self, s);
        Value empty2 = like(self, {});
        return Value(right ? Tuple::create({ empty, empty2, whole }) : Tuple::create({ whole, empty, empty2 }));
    }
    return Value(Tuple::create({ like(self, p.before), like(self, p.sep), like(self, p.after) }));
}

Result<Value> bytes_partition(Value self, CallArgs args) { return partition_impl(self, args, false); }
Result<Value> bytes_rpartition(Value self, CallArgs args) { return partition_impl(self, args, true); }

// ---- strip / replace / affixes --------------------------------------------------------

Result<Value> strip_impl(Value self, CallArgs args, text::StripSide side, const char* name)
{
    TRY(check_arity(args, name, 0, 1));
    std::optional<std::string_view> chars;
    if (args.nargs == 1 && !is_none(args[0]))
        chars = TRY(buffer_arg(args[0]));
    return like(self, text::bytes_strip(data_of(self), side, chars));
}

Result<Value> bytes_strip(Value self, CallArgs args) { return strip_impl(self, args, text::StripSide::Both, "strip"); }
Result<Value> bytes_lstrip(Value self, CallArgs args) { return strip_impl(self, args, text::StripSide::Left, "lstrip"); }
Result<Value> bytes_rstrip(Value self, CallArgs args) { return strip_impl(self, args, text::StripSide::Right, "rstrip"); }

Result<Value> bytes_replace(Value self, CallArgs args)
{
    TRY(check_arity(args, "replace", 2, 3));
    std::string_view old = TRY(buffer_arg(args[0]));
    std::string_view repl = TRY(buffer_arg(args[1]));
    int64_t count = TRY(int_arg(args.nargs > 2 ? args[2] : Value(), -1));
    std::string old_copy(old), repl_copy(repl);
    return like(self, text::str_replace(text::bytes_view(data_of(self)), text::bytes_view(old_copy), repl_copy, count));
}

Result<Value> affix_impl(Value self, CallArgs args, bool prefix)
{
    TRY(check_arity(args, prefix ? "removeprefix" : "removesuffix", 1, 1));
    std::string_view a = TRY(buffer_arg(args[0]));
    std::string_view s = data_of(self);
    if (!a.empty() && (prefix ? s.starts_with(a) : s.ends_with(a)))
        return like(self, prefix ? s.substr(a.size()) : s.substr(0, s.size() - a.size()));
    return like(self, s);
}

Result<Value> bytes_removeprefix(Value self, CallArgs args) { return affix_impl(self, args, true); }
Result<Value> bytes_removesuffix(Value self, CallArgs args) { return affix_impl(self, args, false); }

// ---- case mapping and predicates --------------------------------------------------------

// "bytes.lower" or "bytearray.lower", as CPython names a METH_NOARGS method in arity errors.
std::string qualified(Value self, const char* name) { return std::string(is_bytearray(self) ? "bytearray." : "bytes.") + name; }

template<std::string (*Fn)(std::string_view)>
Result<Value> case_method(Value self, CallArgs args, const char* name)
{
    TRY(check_arity(args, qualified(self, name).c_str(), 0, 0));
    return like(self, Fn(data_of(self)));
}

Result<Value> bytes_lower(Value self, CallArgs args) { return case_method<text::bytes_lower>(self, args, "lower"); }
Result<Value> bytes_upper(Value self, CallArgs args) { return case_method<text::bytes_upper>(self, args, "upper"); }
Result<Value> bytes_swapcase(Value self, CallArgs args) { return case_method<text::bytes_swapcase>(self, args, "swapcase"); }
Result<Value> bytes_capitalize(Value self, CallArgs args) { return case_method<text::bytes_capitalize>(self, args, "capitalize"); }
Result<Value> bytes_title(Value self, CallArgs args) { return case_method<text::bytes_title>(self, args, "title"); }

template<bool (*Fn)(std::string_view)>
Result<Value> predicate(Value self, CallArgs args, const char* name)
{
    TRY(check_arity(args, qualified(self, name).c_str(), 0, 0));
    return py_bool(Fn(data_of(self)));
}

Result<Value> bytes_isalpha(Value self, CallArgs args) { return predicate<text::bytes_isalpha>(self, args, "isalpha"); }
Result<Value> bytes_isalnum(Value self, CallArgs args) { return predicate<text::bytes_isalnum>(self, args, "isalnum"); }
Result<Value> bytes_isdigit(Value self, CallArgs args) { return predicate<text::bytes_isdigit>(self, args, "isdigit"); }
Result<Value> bytes_isspace(Value self, CallArgs args) { return predicate<text::bytes_isspace>(self, args, "isspace"); }
Result<Value> bytes_islower(Value self, CallArgs args) { return predicate<text::bytes_islower>(self, args, "islower"); }
Result<Value> bytes_isupper(Value self, CallArgs args) { return predicate<text::bytes_isupper>(self, args, "isupper"); }
Result<Value> bytes_istitle(Value self, CallArgs args) { return predicate<text::bytes_istitle>(self, args, "istitle"); }
Result<Value> bytes_isascii(Value self, CallArgs args) { return predicate<text::is_ascii>(self, args, "isascii"); }

// ---- layout ---------------------------------------------------------------------------

Result<Value> pad_impl(Value self, CallArgs args, const char* name, std::string (*fn)(std::string_view, int64_t, char))
{
    TRY(check_arity(args, name, 1, 2));
    int64_t width = TRY(int_arg(args[0], 0));
    char fill = ' ';
    if (args.nargs == 2) {
        std::string_view f;
        if (!bytes_like_view(args[1], f) || f.size() != 1)
            return throw_error(g_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name,
                args[1].type()->m_name.c_str());
        fill = f[0];
    }
    return like(self, fn(data_of(self), width, fill));
}

Result<Value> bytes_center(Value self, CallArgs args) { return pad_impl(self, args, "center", text::bytes_center); }
Result<Value> bytes_ljust(Value self, CallArgs args) { return pad_impl(self, args, "ljust", text::bytes_ljust); }
Result<Value> bytes_rjust(Value self, CallArgs args) { return pad_impl(self, args, "rjust", text::bytes_rjust); }

Result<Value> bytes_zfill(Value self, CallArgs args)
{
    TRY(check_arity(args, "zfill", 1, 1));
    int64_t width = TRY(int_arg(args[0], 0));
    return like(self, text::bytes_zfill(data_of(self), width));
}

Result<Value> bytes_expandtabs(Value self, CallArgs args)
{
    Value tabsize;
    TRY(parse_args(args, "expandtabs", { "tabsize" }, 0, { &tabsize }));
    int64_t size = TRY(int_arg(tabsize, 8));
    return like(self, text::bytes_expandtabs(data_of(self), size));
}

Result<Value> bytes_decode(Value self, CallArgs args)
{
    Value encoding, errors;
    TRY(parse_args(args, "decode", { "encoding", "errors" }, 0, { &encoding, &errors }));
    return bytes_decode_with(data_of(self), encoding, errors); // no Python code runs while decoding
}

// ---- hex / fromhex / translate / maketrans -----------------------------------------------

Result<Value> bytes_hex(Value self, CallArgs args)
{
    Value sep, per;
    TRY(parse_args(args, "hex", { "sep", "bytes_per_sep" }, 0, { &sep, &per }));
    std::optional<char32_t> sep_char;
    if (sep) {
        if (is_str(sep)) {
            if (as_str(sep)->length() != 1)
                return throw_error(g_ValueError, "sep must be length 1.");
            sep_char = as_str(sep)->code_point_at(0);
        } else {
            std::string_view d;
            if (!bytes_like_view(sep, d))
                return throw_error(g_TypeError, "sep must be str or bytes.");
            if (d.size() != 1)
                return throw_error(g_ValueError, "sep must be length 1.");
            sep_char = static_cast<unsigned char>(d[0]);
        }
        if (*sep_char > 127)
            return throw_error(g_ValueError, "sep must be ASCII.");
    }
    int64_t group = TRY(int_arg(per, 1));
    return Value(Str::create(text::bytes_hex(data_of(self), sep_char, group)));
}

Result<Value> bytes_fromhex(Value cls, CallArgs args)
{
    TRY(check_arity(args, "fromhex", 1, 1));
    if (!is_str(args[0]))
        return throw_error(g_TypeError, "fromhex() argument must be str, not %s", args[0].type()->m_name.c_str());
    size_t error_pos = 0;
    auto out = text::bytes_fromhex(as_str(args[0])->view(), error_pos);
    if (!out)
        return throw_error(g_ValueError, "non-hexadecimal number found in fromhex() arg at position %zu", error_pos);
    Value result = bytes_value(*out);
    if (is_type(cls) && as_type(cls) != g_bytes_type) {
        if (as_type(cls) == g_bytearray_type)
            return Value(ByteArray::create(*out));
        return call(cls, { result });
    }
    return result;
}

Result<Value> bytes_translate(Value self, CallArgs args)
{
    Value table, del;
    TRY(parse_args(args, "translate", { "table", "delete" }, 1, { &table, &del }, 1));
    std::string_view map;
    bool have_map = !is_none(table);
    if (have_map) {
        map = TRY(buffer_arg(table));
        if (map.size() != 256)
            return throw_error(g_ValueError, "translation table must be 256 characters long");
    }
    bool drop[256] = {};
    if (del) {
        std::string_view d = TRY(buffer_arg(del));
        for (unsigned char c : d)
            drop[c] = true;
    }
    std::string out;
    std::string_view s = data_of(self);
    out.reserve(s.size());
    for (unsigned char c : s) {
        if (drop[c])
            continue;
        out.push_back(have_map ? map[c] : static_cast<char>(c));
    }
    return like(self, out);
}

Result<Value> bytes_maketrans(Value, CallArgs args)
{
    TRY(check_arity(args, "maketrans", 2, 2));
    std::string_view from = TRY(buffer_arg(args[0]));
    std::string_view to = TRY(buffer_arg(args[1]));
    if (from.size() != to.size())
        return throw_error(g_ValueError, "maketrans arguments must have same length");
    std::string table(256, '\0');
    for (int i = 0; i < 256; ++i)
        table[static_cast<size_t>(i)] = static_cast<char>(i);
    for (size_t i = 0; i < from.size(); ++i)
        table[static_cast<unsigned char>(from[i])] = to[i];
    return bytes_value(table);
}

} // namespace

// Registers the methods bytes and bytearray share on `t` (also used by bytearray_methods.cpp).
void register_bytes_common_methods(Type* t)
{
    add_method(t, "find", bytes_find);
    add_method(t, "rfind", bytes_rfind);
    add_method(t, "index", bytes_index);
    add_method(t, "rindex", bytes_rindex);
    add_method(t, "count", bytes_count);
    add_method(t, "startswith", bytes_startswith);
    add_method(t, "endswith", bytes_endswith);
    add_method(t, "split", bytes_split);
    add_method(t, "rsplit", bytes_rsplit);
    add_method(t, "splitlines", bytes_splitlines);
    add_method(t, "join", bytes_join);
    add_method(t, "partition", bytes_partition);
    add_method(t, "rpartition", bytes_rpartition);
    add_method(t, "strip", bytes_strip);
    add_method(t, "lstrip", bytes_lstrip);
    add_method(t, "rstrip", bytes_rstrip);
    add_method(t, "replace", bytes_replace);
    add_method(t, "removeprefix", bytes_removeprefix);
    add_method(t, "removesuffix", bytes_removesuffix);
    add_method(t, "lower", bytes_lower);
    add_method(t, "upper", bytes_upper);
    add_method(t, "swapcase", bytes_swapcase);
    add_method(t, "capitalize", bytes_capitalize);
    add_method(t, "title", bytes_title);
    add_method(t, "isalpha", bytes_isalpha);
    add_method(t, "isalnum", bytes_isalnum);
    add_method(t, "isdigit", bytes_isdigit);
    add_method(t, "isspace", bytes_isspace);
    add_method(t, "islower", bytes_islower);
    add_method(t, "isupper", bytes_isupper);
    add_method(t, "istitle", bytes_istitle);
    add_method(t, "isascii", bytes_isascii);
    add_method(t, "center", bytes_center);
    add_method(t, "ljust", bytes_ljust);
    add_method(t, "rjust", bytes_rjust);
    add_method(t, "zfill", bytes_zfill);
    add_method(t, "expandtabs", bytes_expandtabs);
    add_method(t, "hex", bytes_hex);
    add_method(t, "fromhex", bytes_fromhex, MethodKind::Class);
    add_method(t, "translate", bytes_translate);
    add_method(t, "maketrans", bytes_maketrans, MethodKind::Static);
    add_method(t, "decode", bytes_decode); // replaces bytes.cpp's utf-8/latin-1/ascii-only version
}

void init_bytes_methods() { register_bytes_common_methods(g_bytes_type); }

} // namespace adder
