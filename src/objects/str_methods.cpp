// The Python-visible methods of str (all but the core slots, encode and
// __format__, which live in str.cpp/bytes.cpp). Each is a thin adapter: check
// arguments with CPython 3.11's messages, call the algorithm in
// text/str_algo.h, wrap the result. Also defines the unicode_is_printable
// hook that str.cpp's repr uses.
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/format.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "text/str_algo.h"
#include "text/unicode_db.h"

namespace adder {

bool unicode_is_printable(uint32_t cp) { return text::has_flag(cp, text::flag_printable); }

Result<Value> str_encode_with(Str* s, Value encoding, Value errors);

namespace {

text::StrView view_of(Value v)
{
    Str* s = as_str(v);
    return text::StrView(s->view(), static_cast<int64_t>(s->length()), s->is_ascii());
}

Value new_str(std::string&& s) { return Value(Str::create(std::move(s))); }
Value new_str(std::string_view s) { return Value(Str::create(s)); }

// A slice-style index argument: None/absent gives `fallback`; out-of-range ints clamp.
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

// An int argument (maxsplit, width, tabsize, count) via __index__.
Result<int64_t> int_arg(Value v, int64_t fallback)
{
    if (!v)
        return fallback;
    if (!is_int(v) && !v.type()->index)
        return throw_error(g_TypeError, "'%s' object cannot be interpreted as an integer", v.type()->m_name.c_str());
    return index_as_i64(v);
}

Status require_str(Value v, const char* message_prefix = "must be str")
{
    if (!is_str(v))
        return throw_error(g_TypeError, "%s, not %s", message_prefix, v.type()->m_name.c_str());
    return ok();
}

// A list of the strs for `parts`, pieces of `whole`'s text.
Result<Value> list_of(const Str* whole, const std::vector<std::string_view>& parts)
{
    List* list = List::create();
    list->items().reserve(parts.size());
    for (auto p : parts)
        list->append(Value(Str::create_part(whole, p)));
    return Value(list);
}

// ---- find family ------------------------------------------------------------------

struct FindArgs {
    Value sub;
    int64_t start = 0;
    int64_t end = text::str_end;
};

Result<FindArgs> parse_find_args(CallArgs args, const char* name)
{
    TRY(check_arity(args, name, 1, 3));
    FindArgs f;
    f.sub = args[0];
    f.start = TRY(slice_index(args.nargs > 1 ? args[1] : Value(), 0));
    f.end = TRY(slice_index(args.nargs > 2 ? args[2] : Value(), text::str_end));
    return f;
}

Result<Value> str_find(Value self, CallArgs args)
{
    FindArgs f = TRY(parse_find_args(args, "find"));
    TRY(require_str(f.sub));
    return int_from_i64(text::str_find(view_of(self), view_of(f.sub), f.start, f.end));
}

Result<Value> str_rfind(Value self, CallArgs args)
{
    FindArgs f = TRY(parse_find_args(args, "rfind"));
    TRY(require_str(f.sub));
    return int_from_i64(text::str_rfind(view_of(self), view_of(f.sub), f.start, f.end));
}

Result<Value> str_index(Value self, CallArgs args)
{
    FindArgs f = TRY(parse_find_args(args, "index"));
    TRY(require_str(f.sub));
    int64_t r = text::str_find(view_of(self), view_of(f.sub), f.start, f.end);
    if (r < 0)
        return throw_error(g_ValueError, "substring not found");
    return int_from_i64(r);
}

Result<Value> str_rindex(Value self, CallArgs args)
{
    FindArgs f = TRY(parse_find_args(args, "rindex"));
    TRY(require_str(f.sub));
    int64_t r = text::str_rfind(view_of(self), view_of(f.sub), f.start, f.end);
    if (r < 0)
        return throw_error(g_ValueError, "substring not found");
    return int_from_i64(r);
}

Result<Value> str_count(Value self, CallArgs args)
{
    FindArgs f = TRY(parse_find_args(args, "count"));
    TRY(require_str(f.sub));
    return int_from_i64(text::str_count(view_of(self), view_of(f.sub), f.start, f.end));
}

Result<Value> starts_or_ends(Value self, CallArgs args, bool starts)
{
    const char* name = starts ? "startswith" : "endswith";
    FindArgs f = TRY(parse_find_args(args, name));
    text::StrView s = view_of(self);
    auto test = [&](Value item) {
        return starts ? text::str_startswith(s, view_of(item), f.start, f.end)
                      : text::str_endswith(s, view_of(item), f.start, f.end);
    };
    if (is_tuple(f.sub)) {
        Tuple* t = as_tuple(f.sub);
        for (size_t i = 0; i < t->size(); ++i) {
            Value item = t->at(i);
            if (!is_str(item))
                return throw_error(g_TypeError, "tuple for %s must only contain str, not %s", name,
                    item.type()->m_name.c_str());
            if (test(item))
                return py_bool(true);
        }
        return py_bool(false);
    }
    if (!is_str(f.sub))
        return throw_error(g_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
            f.sub.type()->m_name.c_str());
    return py_bool(test(f.sub));
}

Result<Value> str_startswith(Value self, CallArgs args) { return starts_or_ends(self, args, true); }
Result<Value> str_endswith(Value self, CallArgs args) { return starts_or_ends(self, args, false); }

// ---- split / join / partition -------------------------------------------------------

Result<Value> split_impl(Value self, CallArgs args, bool right)
{
    const char* name = right ? "rsplit" : "split";
    Value sep, maxsplit_v;
    TRY(parse_args(args, name, { "sep", "maxsplit" }, 0, { &sep, &maxsplit_v }));
    int64_t maxsplit = TRY(int_arg(maxsplit_v, -1));
    Str* whole = as_str(self);
    std::string_view s = whole->view();
    if (!sep || is_none(sep))
        return list_of(whole, right ? text::str_rsplit_whitespace(s, maxsplit) : text::str_split_whitespace(s, maxsplit));
    if (!is_str(sep))
        return throw_error(g_TypeError, "must be str or None, not %s", sep.type()->m_name.c_str());
    if (as_str(sep)->byte_size() == 0)
        return throw_error(g_ValueError, "empty separator");
    std::string_view sv = as_str(sep)->view();
    return list_of(whole, right ? text::str_rsplit(s, sv, maxsplit) : text::str_split(s, sv, maxsplit));
}

Result<Value> str_split(Value self, CallArgs args) { return split_impl(self, args, false); }
Result<Value> str_rsplit(Value self, CallArgs args) { return split_impl(self, args, true); }

Result<Value> str_splitlines(Value self, CallArgs args)
{
    Value keepends;
    TRY(parse_args(args, "splitlines", { "keepends" }, 0, { &keepends }));
    bool keep = keepends ? TRY(truthy(keepends)) : false;
    return list_of(as_str(self), text::str_splitlines(as_str(self)->view(), keep));
}

Result<Value> str_join(Value self, CallArgs args)
{
    TRY(check_arity(args, "join", 1, 1));
    Value iterable = args[0];
    if (!is_list(iterable) && !is_tuple(iterable) && !iterable.type()->iter && !iterable.type()->getitem)
        return throw_error(g_TypeError, "can only join an iterable");
    gc::MarkedVector items;
    TRY(collect_iterable(iterable, items));
    std::vector<std::string_view> parts;
    parts.reserve(items.size());
    size_t length = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        Value item = items[i];
        if (!is_str(item))
            return throw_error(g_TypeError, "sequence item %zu: expected str instance, %s found", i,
                item.type()->m_name.c_str());
        parts.push_back(as_str(item)->view());
        length += as_str(item)->length();
    }
    if (items.size() == 1 && items[0].type() == g_str_type)
        return items[0];
    Str* sep = as_str(self);
    if (!parts.empty())
        length += sep->length() * (parts.size() - 1);
    return Value(Str::create_with_length(text::str_join(sep->view(), parts), length));
}

Result<Value> partition_impl(Value self, CallArgs args, bool right)
{
    TRY(check_arity(args, right ? "rpartition" : "partition", 1, 1));
    Value sep = args[0];
    TRY(require_str(sep));
    if (as_str(sep)->byte_size() == 0)
        return throw_error(g_ValueError, "empty separator");
    std::string_view s = as_str(self)->view();
    text::Partition p = right ? text::str_rpartition(s, as_str(sep)->view()) : text::str_partition(s, as_str(sep)->view());
    if (!p.found) {
        Value whole = self.type() == g_str_type ? self : new_str(s);
        Value empty = Value(Str::empty());
        return Value(right ? Tuple::create({ empty, empty, whole }) : Tuple::create({ whole, empty, empty }));
    }
    Str* whole = as_str(self);
    return Value(Tuple::create({ Value(Str::create_part(whole, p.before)), sep, Value(Str::create_part(whole, p.after)) }));
}

Result<Value> str_partition(Value self, CallArgs args) { return partition_impl(self, args, false); }
Result<Value> str_rpartition(Value self, CallArgs args) { return partition_impl(self, args, true); }

// ---- strip / replace / affixes --------------------------------------------------------

Result<Value> strip_impl(Value self, CallArgs args, text::StripSide side, const char* name)
{
    TRY(check_arity(args, name, 0, 1));
    std::optional<std::string_view> chars;
    if (args.nargs == 1 && !is_none(args[0])) {
        if (!is_str(args[0]))
            return throw_error(g_TypeError, "%s arg must be None or str", name);
        chars = as_str(args[0])->view();
    }
    std::string_view s = as_str(self)->view();
    std::string_view r = text::str_strip(s, side, chars);
    if (r.size() == s.size() && self.type() == g_str_type)
        return self;
    return Value(Str::create_part(as_str(self), r));
}

Result<Value> str_strip(Value self, CallArgs args) { return strip_impl(self, args, text::StripSide::Both, "strip"); }
Result<Value> str_lstrip(Value self, CallArgs args) { return strip_impl(self, args, text::StripSide::Left, "lstrip"); }
Result<Value> str_rstrip(Value self, CallArgs args) { return strip_impl(self, args, text::StripSide::Right, "rstrip"); }

Result<Value> str_replace(Value self, CallArgs args)
{
    TRY(check_arity(args, "replace", 2, 3));
    if (!is_str(args[0]))
        return throw_error(g_TypeError, "replace() argument 1 must be str, not %s", args[0].type()->m_name.c_str());
    if (!is_str(args[1]))
        return throw_error(g_TypeError, "replace() argument 2 must be str, not %s", args[1].type()->m_name.c_str());
    int64_t count = TRY(int_arg(args.nargs > 2 ? args[2] : Value(), -1));
    std::string out = text::str_replace(view_of(self), view_of(args[0]), as_str(args[1])->view(), count);
    if (as_str(self)->is_ascii() && as_str(args[1])->is_ascii()) {
        size_t n = out.size(); // ASCII in, ASCII out: no length scan
        return Value(Str::create_with_length(std::move(out), n));
    }
    return new_str(std::move(out));
}

Result<Value> affix_impl(Value self, CallArgs args, bool prefix)
{
    const char* name = prefix ? "removeprefix" : "removesuffix";
    TRY(check_arity(args, name, 1, 1));
    if (!is_str(args[0]))
        return throw_error(g_TypeError, "%s() argument must be str, not %s", name, args[0].type()->m_name.c_str());
    std::string_view s = as_str(self)->view();
    std::string_view a = as_str(args[0])->view();
    if (!a.empty() && (prefix ? s.starts_with(a) : s.ends_with(a)))
        return new_str(prefix ? s.substr(a.size()) : s.substr(0, s.size() - a.size()));
    return self.type() == g_str_type ? self : new_str(s);
}

Result<Value> str_removeprefix(Value self, CallArgs args) { return affix_impl(self, args, true); }
Result<Value> str_removesuffix(Value self, CallArgs args) { return affix_impl(self, args, false); }

// ---- case mapping and predicates --------------------------------------------------------

template<std::string (*Fn)(std::string_view)>
Result<Value> case_method(Value self, CallArgs args, const char* name)
{
    TRY(check_arity(args, name, 0, 0));
    Str* s = as_str(self);
    std::string out = Fn(s->view());
    if (s->is_ascii())
        return Value(Str::create_with_length(std::move(out), s->length()));
    return new_str(std::move(out));
}

Result<Value> str_lower(Value self, CallArgs args) { return case_method<text::str_lower>(self, args, "str.lower"); }
Result<Value> str_upper(Value self, CallArgs args) { return case_method<text::str_upper>(self, args, "str.upper"); }
Result<Value> str_casefold(Value self, CallArgs args) { return case_method<text::str_casefold>(self, args, "str.casefold"); }
Result<Value> str_capitalize(Value self, CallArgs args) { return case_method<text::str_capitalize>(self, args, "str.capitalize"); }
Result<Value> str_title(Value self, CallArgs args) { return case_method<text::str_title>(self, args, "str.title"); }
Result<Value> str_swapcase(Value self, CallArgs args) { return case_method<text::str_swapcase>(self, args, "str.swapcase"); }

template<bool (*Fn)(std::string_view)>
Result<Value> predicate(Value self, CallArgs args, const char* name)
{
    TRY(check_arity(args, name, 0, 0));
    return py_bool(Fn(as_str(self)->view()));
}

Result<Value> str_isalpha(Value self, CallArgs args) { return predicate<text::str_isalpha>(self, args, "str.isalpha"); }
Result<Value> str_isdecimal(Value self, CallArgs args) { return predicate<text::str_isdecimal>(self, args, "str.isdecimal"); }
Result<Value> str_isdigit(Value self, CallArgs args) { return predicate<text::str_isdigit>(self, args, "str.isdigit"); }
Result<Value> str_isnumeric(Value self, CallArgs args) { return predicate<text::str_isnumeric>(self, args, "str.isnumeric"); }
Result<Value> str_isalnum(Value self, CallArgs args) { return predicate<text::str_isalnum>(self, args, "str.isalnum"); }
Result<Value> str_isspace(Value self, CallArgs args) { return predicate<text::str_isspace>(self, args, "str.isspace"); }
Result<Value> str_islower(Value self, CallArgs args) { return predicate<text::str_islower>(self, args, "str.islower"); }
Result<Value> str_isupper(Value self, CallArgs args) { return predicate<text::str_isupper>(self, args, "str.isupper"); }
Result<Value> str_istitle(Value self, CallArgs args) { return predicate<text::str_istitle>(self, args, "str.istitle"); }
Result<Value> str_isidentifier(Value self, CallArgs args) { return predicate<text::str_isidentifier>(self, args, "str.isidentifier"); }
Result<Value> str_isprintable(Value self, CallArgs args) { return predicate<text::str_isprintable>(self, args, "str.isprintable"); }

Result<Value> str_isascii(Value self, CallArgs args)
{
    TRY(check_arity(args, "str.isascii", 0, 0));
    return py_bool(as_str(self)->is_ascii());
}

// ---- layout ---------------------------------------------------------------------------

Result<Value> pad_impl(Value self, CallArgs args, const char* name, std::string (*fn)(const text::StrView&, int64_t, char32_t))
{
    TRY(check_arity(args, name, 1, 2));
    int64_t width = TRY(int_arg(args[0], 0));
    char32_t fill = ' ';
    if (args.nargs == 2) {
        Value f = args[1];
        if (!is_str(f))
            return throw_error(g_TypeError, "%s() argument 2 must be str, not %s", name, f.type()->m_name.c_str());
        if (as_str(f)->length() != 1)
            return throw_error(g_TypeError, "The fill character must be exactly one character long");
        fill = as_str(f)->code_point_at(0);
    }
    Str* s = as_str(self);
    if (width <= static_cast<int64_t>(s->length()) && self.type() == g_str_type)
        return self;
    return Value(Str::create_with_length(fn(view_of(self), width, fill), std::max<size_t>(s->length(), size_t(width))));
}

Result<Value> str_center(Value self, CallArgs args) { return pad_impl(self, args, "center", text::str_center); }
Result<Value> str_ljust(Value self, CallArgs args) { return pad_impl(self, args, "ljust", text::str_ljust); }
Result<Value> str_rjust(Value self, CallArgs args) { return pad_impl(self, args, "rjust", text::str_rjust); }

Result<Value> str_zfill(Value self, CallArgs args)
{
    TRY(check_arity(args, "zfill", 1, 1));
    int64_t width = TRY(int_arg(args[0], 0));
    Str* s = as_str(self);
    if (width <= static_cast<int64_t>(s->length()) && self.type() == g_str_type)
        return self;
    return Value(Str::create_with_length(text::str_zfill(view_of(self), width), std::max<size_t>(s->length(), size_t(width))));
}

Result<Value> str_expandtabs(Value self, CallArgs args)
{
    Value tabsize;
    TRY(parse_args(args, "expandtabs", { "tabsize" }, 0, { &tabsize }));
    int64_t size = TRY(int_arg(tabsize, 8));
    return new_str(text::str_expandtabs(as_str(self)->view(), size));
}

// ---- translate / maketrans ------------------------------------------------------------

Result<Value> str_translate(Value self, CallArgs args)
{
    TRY(check_arity(args, "translate", 1, 1));
    Value table = args[0];
    bool failed = false;
    auto lookup = [&](char32_t cp, std::string& out) -> text::TranslateStep {
        auto r = get_item(table, int_from_i64(cp));
        if (r.is_error()) {
            if (pending_matches(g_LookupError)) {
                take_pending();
                return text::TranslateStep::Keep;
            }
            failed = true;
            return text::TranslateStep::Error;
        }
        Value m = r.release_value();
        if (is_none(m))
            return text::TranslateStep::Emitted;
        if (is_int(m)) {
            int64_t x;
            if (!int_fits_i64(m, x) || x < 0 || x > 0x10FFFF) {
                throw_error(g_ValueError, "character mapping must be in range(0x110000)");
                failed = true;
                return text::TranslateStep::Error;
            }
            text::append_utf8(out, static_cast<char32_t>(x));
            return text::TranslateStep::Emitted;
        }
        if (is_str(m)) {
            out += as_str(m)->view();
            return text::TranslateStep::Emitted;
        }
        throw_error(g_TypeError, "character mapping must return integer, None or str");
        failed = true;
        return text::TranslateStep::Error;
    };
    auto result = text::str_translate(as_str(self)->view(), lookup);
    if (!result || failed)
        return pending;
    return new_str(std::move(*result));
}

Result<Value> str_maketrans(Value, CallArgs args)
{
    TRY(check_arity(args, "maketrans", 1, 3));
    Dict* d = Dict::create();
    if (args.nargs == 1) {
        Value x = args[0];
        if (!is_dict(x))
            return throw_error(g_TypeError, "if you give only one argument to maketrans it must be a dict");
        Dict* src = as_dict(x);
        Dict::Entry e;
        for (size_t pos = 0; src->next_entry(pos, e);) {
            Value key = e.key;
            if (is_str(key)) {
                if (as_str(key)->length() != 1)
                    return throw_error(g_ValueError, "string keys in translate table must be of length 1");
                key = int_from_i64(as_str(key)->code_point_at(0));
            } else if (!is_int(key)) {
                return throw_error(g_TypeError, "keys in translate table must be strings or integers");
            }
            TRY(d->set(key, e.value));
        }
        return Value(d);
    }
    Value x = args[0], y = args[1];
    if (!is_str(x))
        return throw_error(g_TypeError, "maketrans() argument 1 must be str, not %s", x.type()->m_name.c_str());
    if (!is_str(y))
        return throw_error(g_TypeError, "maketrans() argument 2 must be str, not %s", y.type()->m_name.c_str());
    Str* xs = as_str(x);
    Str* ys = as_str(y);
    if (xs->length() != ys->length())
        return throw_error(g_ValueError, "the first two maketrans arguments must have equal length");
    for (size_t i = 0; i < xs->length(); ++i)
        TRY(d->set(int_from_i64(xs->code_point_at(i)), int_from_i64(ys->code_point_at(i))));
    if (args.nargs == 3) {
        Value z = args[2];
        if (!is_str(z))
            return throw_error(g_TypeError, "maketrans() argument 3 must be str, not %s", z.type()->m_name.c_str());
        Str* zs = as_str(z);
        for (size_t i = 0; i < zs->length(); ++i)
            TRY(d->set(int_from_i64(zs->code_point_at(i)), none()));
    }
    return Value(d);
}

// ---- encode ---------------------------------------------------------------------------

Result<Value> str_encode(Value self, CallArgs args)
{
    Value encoding, errors;
    TRY(parse_args(args, "encode", { "encoding", "errors" }, 0, { &encoding, &errors }));
    return str_encode_with(as_str(self), encoding, errors);
}

// ---- format ---------------------------------------------------------------------------

Result<Value> str_format(Value self, CallArgs args) { return str_format_fields(as_str(self), args, Value()); }

Result<Value> str_format_map(Value self, CallArgs args)
{
    TRY(check_arity(args, "format_map", 1, 1));
    return str_format_fields(as_str(self), CallArgs {}, args[0]);
}

} // namespace

// str.encode(encoding, errors) for `s` (either argument may be null): the
// utf-8/latin-1/ascii/utf-16/utf-32 codecs of text/utf8.h, raising
// UnicodeEncodeError with CPython's encoding/start/end/reason.
Result<Value> str_encode_with(Str* s, Value encoding, Value errors)
{
    text::Codec codec = text::Codec::Utf8;
    if (encoding) {
        if (!is_str(encoding))
            return throw_error(g_TypeError, "encode() argument 'encoding' must be str, not %s", encoding.type()->m_name.c_str());
        auto c = text::lookup_codec(as_str(encoding)->view());
        if (!c)
            return throw_error(g_LookupError, "unknown encoding: %s", as_str(encoding)->c_str());
        codec = *c;
    }
    text::ErrorHandler handler = text::ErrorHandler::Strict;
    bool unknown_handler = false;
    if (errors) {
        if (!is_str(errors))
            return throw_error(g_TypeError, "encode() argument 'errors' must be str, not %s", errors.type()->m_name.c_str());
        auto h = text::lookup_error_handler(as_str(errors)->view());
        unknown_handler = !h;
        handler = h.value_or(text::ErrorHandler::Strict);
    }
    if (codec == text::Codec::Utf8 && s->is_ascii())
        return bytes_value(s->view());
    text::CodecResult r = text::encode(codec, s->view(), handler);
    if (r.ok())
        return bytes_value(r.out);
    // CPython looks the handler up only when an error needs it.
    if (unknown_handler) {
        // Codecs without a C fast path in CPython (utf-16-le, utf-32-be, ...) wrap the lookup failure.
        bool wrapped = codec != text::Codec::Utf8 && codec != text::Codec::Latin1 && codec != text::Codec::Ascii
            && codec != text::Codec::Utf16 && codec != text::Codec::Utf32;
        if (wrapped)
            return throw_error(g_LookupError, "%s with '%s' codec failed (LookupError: unknown error handler name '%s')",
                "encoding", std::string(text::codec_name(codec)).c_str(), as_str(errors)->c_str());
        return throw_error(g_LookupError, "unknown error handler name '%s'", as_str(errors)->c_str());
    }
    Value exc_args[5] = { Value(Str::create(text::codec_name(codec))), Value(s), int_from_i64(int64_t(r.error->start)),
        int_from_i64(int64_t(r.error->end)), Value(Str::create(r.error->reason)) };
    Value exc = TRY(make_exception(g_UnicodeEncodeError, exc_args));
    set_pending(exc);
    return pending;
}

void init_str_methods()
{
    Type* t = g_str_type;
    add_method(t, "find", str_find);
    add_method(t, "rfind", str_rfind);
    add_method(t, "index", str_index);
    add_method(t, "rindex", str_rindex);
    add_method(t, "count", str_count);
    add_method(t, "startswith", str_startswith);
    add_method(t, "endswith", str_endswith);
    add_method(t, "split", str_split);
    add_method(t, "rsplit", str_rsplit);
    add_method(t, "splitlines", str_splitlines);
    add_method(t, "join", str_join);
    add_method(t, "partition", str_partition);
    add_method(t, "rpartition", str_rpartition);
    add_method(t, "strip", str_strip);
    add_method(t, "lstrip", str_lstrip);
    add_method(t, "rstrip", str_rstrip);
    add_method(t, "replace", str_replace);
    add_method(t, "removeprefix", str_removeprefix);
    add_method(t, "removesuffix", str_removesuffix);
    add_method(t, "lower", str_lower);
    add_method(t, "upper", str_upper);
    add_method(t, "casefold", str_casefold);
    add_method(t, "capitalize", str_capitalize);
    add_method(t, "title", str_title);
    add_method(t, "swapcase", str_swapcase);
    add_method(t, "isalpha", str_isalpha);
    add_method(t, "isdecimal", str_isdecimal);
    add_method(t, "isdigit", str_isdigit);
    add_method(t, "isnumeric", str_isnumeric);
    add_method(t, "isalnum", str_isalnum);
    add_method(t, "isspace", str_isspace);
    add_method(t, "islower", str_islower);
    add_method(t, "isupper", str_isupper);
    add_method(t, "istitle", str_istitle);
    add_method(t, "isidentifier", str_isidentifier);
    add_method(t, "isprintable", str_isprintable);
    add_method(t, "isascii", str_isascii);
    add_method(t, "center", str_center);
    add_method(t, "ljust", str_ljust);
    add_method(t, "rjust", str_rjust);
    add_method(t, "zfill", str_zfill);
    add_method(t, "expandtabs", str_expandtabs);
    add_method(t, "translate", str_translate);
    add_method(t, "maketrans", str_maketrans, MethodKind::Static);
    add_method(t, "format", str_format);
    add_method(t, "format_map", str_format_map);
    add_method(t, "encode", str_encode); // replaces bytes.cpp's utf-8/latin-1/ascii-only version
}

} // namespace adder
