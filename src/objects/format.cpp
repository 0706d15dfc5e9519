// format_builtin (int/float/complex/str __format__ with a spec) and the %
// operator for str and bytes. The % parser follows CPython 3.11
// PyUnicode_Format / _PyBytes_FormatEx: an argument is fetched before the
// conversion character is validated, a non-tuple right operand is a single
// argument, and any non-tuple, non-str object with __getitem__ doubles as
// the mapping for %(key)s (so "x" % [] is allowed, as in CPython).
#include "objects/format.h"

#include <cmath>

#include "numeric/format_spec.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/tuple.h"
#include "text/utf8.h"

namespace adder {

namespace {

numeric::BigInt big_of(Value v)
{
    numeric::BigInt b;
    int_to_mpz(v, b.raw());
    return b;
}

Pending raise_format_error(const numeric::FormatError& e)
{
    return throw_error(e.overflow ? g_OverflowError : g_ValueError, "%s", e.message.c_str());
}

bool is_complex(Value v) { return v.is_object() && layout_of(v) == Layout::Complex; }

// Formats machine-word `x` for the commonest int specs, "[0][width][d]"
// ("d", "5", "04d"), without the general parser; false for anything else.
bool format_small_int_simple(int64_t x, std::string_view spec, std::string& out)
{
    if (!spec.empty() && spec.back() == 'd')
        spec.remove_suffix(1);
    if (spec.size() > 6)
        return false; // keeps the width far from overflow
    bool zero = !spec.empty() && spec[0] == '0';
    int64_t width = 0;
    for (size_t i = zero ? 1 : 0; i < spec.size(); ++i) {
        if (spec[i] < '0' || spec[i] > '9')
            return false;
        width = width * 10 + (spec[i] - '0');
    }
    char buf[24];
    char* end = buf + sizeof buf;
    char* p = numeric::write_u64_decimal(numeric::magnitude_u64(x), end);
    int64_t len = (end - p) + (x < 0 ? 1 : 0);
    size_t pad = width > len ? static_cast<size_t>(width - len) : 0;
    out.reserve(pad + static_cast<size_t>(len));
    if (zero) { // '0' means '=' alignment: sign, zeros, digits
        if (x < 0)
            out.push_back('-');
        out.append(pad, '0');
    } else {
        out.append(pad, ' ');
        if (x < 0)
            out.push_back('-');
    }
    out.append(p, static_cast<size_t>(end - p));
    return true;
}

} // namespace

Result<Value> format_builtin(Value v, Str* spec)
{
    if (v.is_small_int()) {
        std::string out;
        if (format_small_int_simple(v.small_int(), spec->view(), out))
            return Value(Str::create_with_length(std::move(out), out.size()));
    }
    const std::string& type_name = v.type()->m_name;
    numeric::FormatSpec fs;
    numeric::FormatError err;
    std::string out;
    if (is_str(v)) {
        if (!numeric::parse_format_spec(spec->view(), numeric::FormatTarget::Str, type_name, fs, err))
            return raise_format_error(err);
        Str* s = as_str(v);
        if (!numeric::format_str(s->view(), static_cast<int64_t>(s->length()), fs, type_name, out, err))
            return raise_format_error(err);
        return Value(Str::create(std::move(out)));
    }
    if (!is_int(v) && !is_float(v) && !is_complex(v))
        return throw_error(g_TypeError, "unsupported format string passed to %s.__format__", type_name.c_str());
    if (!numeric::parse_format_spec(spec->view(), numeric::FormatTarget::Number, type_name, fs, err))
        return raise_format_error(err);
    bool done;
    if (v.is_small_int()) {
        done = numeric::format_int(v.small_int(), fs, type_name, out, err);
    } else if (is_int(v)) {
        done = numeric::format_int(big_of(v), fs, type_name, out, err);
    } else if (is_float(v)) {
        done = numeric::format_float(float_of(v), fs, type_name, out, err);
    } else {
        auto* c = static_cast<Complex*>(v.as_object());
        done = numeric::format_complex(c->real(), c->imag(), fs, type_name, out, err);
    }
    if (!done)
        return raise_format_error(err);
    return Value(Str::create(std::move(out)));
}

namespace {

// State of one `template % args` evaluation (CPython's unicode_formatter_t).
class PercentFormatter {
public:
    PercentFormatter(std::string_view format, Value args, bool bytes_mode)
        : m_format(format)
        , m_bytes(bytes_mode)
    {
        if (is_tuple(args)) {
            m_tuple = as_tuple(args);
            m_arglen = static_cast<int64_t>(m_tuple->size());
            m_argidx = 0;
        } else {
            m_args = args;
            m_arglen = -1;
            m_argidx = -2;
        }
        bool excluded = is_tuple(args) || is_str(args) || (bytes_mode && (is_bytes(args) || is_bytearray(args)));
        if (args.type()->getitem && !excluded)
            m_dict = args;
    }

    // Appends the formatted text to `out` (an out-parameter: moving a
    // short std::string through Result costs a memcpy call each time).
    Status run(std::string& out);

private:
    Result<Value> next_arg()
    {
        if (m_argidx < m_arglen) {
            int64_t i = m_argidx++;
            if (m_arglen < 0)
                return m_args;
            return m_tuple->at(static_cast<size_t>(i));
        }
        return throw_error(g_TypeError, "not enough arguments for format string");
    }
    Result<int64_t> star_arg()
    {
        Value v = TRY(next_arg());
        if (!is_int(v))
            return throw_error(g_TypeError, "* wants int");
        return int_as_i64(v);
    }
    Status convert(char32_t conv, Value v, numeric::PrintfSpec& spec, std::string& out, size_t conv_at);
    Result<numeric::BigInt> integer_arg(char32_t conv, Value v);

    std::string_view m_format;
    bool m_bytes;
    Tuple* m_tuple = nullptr;
    Value m_args;
    Value m_dict;
    int64_t m_arglen = 0;
    int64_t m_argidx = 0;
};

Result<numeric::BigInt> PercentFormatter::integer_arg(char32_t conv, Value v)
{
    bool decimal = conv == 'd' || conv == 'i' || conv == 'u';
    if (is_int(v))
        return big_of(v);
    if (decimal && is_float(v)) {
        double d = float_of(v);
        if (std::isnan(d))
            return throw_error(g_ValueError, "cannot convert float NaN to integer");
        if (std::isinf(d))
            return throw_error(g_OverflowError, "cannot convert float infinity to integer");
        return numeric::BigInt::from_double(d);
    }
    Type* t = v.type();
    if (t->index) {
        Value i = TRY(number_index(v));
        return big_of(i);
    }
    if (decimal && t->to_int) {
        Value i = TRY(t->to_int(v));
        if (!is_int(i))
            return throw_error(g_TypeError, "__int__ returned non-int (type %s)", i.type()->m_name.c_str());
        return big_of(i);
    }
    return throw_error(g_TypeError, "%%%c format: %s is required, not %s", static_cast<char>(conv),
        decimal ? "a real number" : "an integer", t->m_name.c_str());
}

Status PercentFormatter::convert(char32_t conv, Value v, numeric::PrintfSpec& spec, std::string& out, size_t conv_at)
{
    spec.conversion = static_cast<char>(conv);
    switch (conv) {
    case 's':
    case 'r':
    case 'a':
    case 'b': {
        if (m_bytes) {
            std::string_view data;
            Value holder;
            if (conv == 'r' || conv == 'a') {
                holder = TRY(ascii(v));
                data = as_str(holder)->view();
            } else if (!bytes_like_view(v, data)) {
                static Str* bytes_name = Str::intern("__bytes__");
                Value method = TRY(get_attr_optional(Value(v.type()), bytes_name));
                if (!method || is_str(v))
                    return throw_error(g_TypeError,
                        "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                        v.type()->m_name.c_str());
                holder = TRY(call(method, { v }));
                if (!bytes_like_view(holder, data))
                    return throw_error(g_TypeError, "__bytes__ returned non-bytes (type %s)", holder.type()->m_name.c_str());
            }
            out += numeric::printf_text(data, static_cast<int64_t>(data.size()), spec);
            return ok();
        }
        if (conv == 'b')
            break;
        Value s = conv == 's' ? TRY(to_str(v)) : conv == 'r' ? TRY(repr(v)) : TRY(ascii(v));
        Str* str = as_str(s);
        if (spec.width < 0 && spec.precision < 0)
            out += str->view(); // nothing to pad or truncate
        else
            out += numeric::printf_text(str->view(), static_cast<int64_t>(str->length()), spec);
        return ok();
    }
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o': {
        if (conv == 'i' || conv == 'u')
            spec.conversion = 'd';
        if (v.is_small_int()) {
            int64_t x = v.small_int();
            if (spec.conversion == 'd' && spec.width < 0 && spec.precision < 0 && !spec.plus && !spec.space) {
                // Plain %d: digits straight into the output (printf_int would
                // build a string first).
                if (x < 0)
                    out += '-';
                numeric::append_u64_digits(out, numeric::magnitude_u64(x), 10);
                return ok();
            }
            out += numeric::printf_int(x, spec); // no GMP for machine-word ints
            return ok();
        }
        numeric::BigInt b = TRY(integer_arg(conv, v));
        out += numeric::printf_int(b, spec);
        return ok();
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
        double d = TRY(to_double(v));
        out += numeric::printf_float(d, spec);
        return ok();
    }
    case 'c': {
        std::string ch;
        if (m_bytes) {
            std::string_view data;
            if (bytes_like_view(v, data) && data.size() == 1 && (is_bytes(v) || is_bytearray(v))) {
                ch = std::string(data);
            } else if (is_int(v)) {
                int64_t x;
                if (!int_fits_i64(v, x) || x < 0 || x > 255)
                    return throw_error(g_OverflowError, "%%c arg not in range(256)");
                ch.push_back(static_cast<char>(x));
            } else {
                return throw_error(g_TypeError, "%%c requires an integer in range(256) or a single byte");
            }
        } else if (is_str(v)) {
            if (as_str(v)->length() != 1)
                return throw_error(g_TypeError, "%%c requires int or char");
            ch = as_str(v)->data();
        } else if (is_int(v)) {
            int64_t x;
            if (!int_fits_i64(v, x) || x < 0 || x > 0x10FFFF)
                return throw_error(g_OverflowError, "%%c arg not in range(0x110000)");
            text::append_utf8(ch, static_cast<char32_t>(x));
        } else {
            return throw_error(g_TypeError, "%%c requires int or char");
        }
        out += numeric::printf_text(ch, 1, spec);
        return ok();
    }
    default:
        break;
    }
    std::string shown;
    if (m_bytes && conv >= 0x80)
        shown = "?";
    else
        text::append_utf8(shown, conv);
    // CPython reports the conversion's index in characters of the template.
    size_t conv_index = m_bytes ? conv_at : text::cp_length(m_format.substr(0, conv_at));
    return throw_error(g_ValueError, "unsupported format character '%s' (0x%x) at index %zu", shown.c_str(),
        static_cast<unsigned>(conv), conv_index);
}

Status PercentFormatter::run(std::string& out)
{
    if (m_format.size() > 15)
        out.reserve(m_format.size() + 16); // short results stay in the std::string's inline buffer
    size_t n = m_format.size();
    size_t pos = 0;
    while (pos < n) {
        size_t pct = m_format.find('%', pos);
        if (pct == std::string_view::npos) {
            out.append(m_format.data() + pos, n - pos);
            break;
        }
        out.append(m_format.data() + pos, pct - pos);
        pos = pct + 1;
        if (pos >= n)
            return throw_error(g_ValueError, "incomplete format");
        if (m_format[pos] == '%') {
            out.push_back('%');
            ++pos;
            continue;
        }
        if (m_format[pos] == '(') {
            if (!m_dict)
                return throw_error(g_TypeError, "format requires a mapping");
            int depth = 1;
            size_t key_start = ++pos;
            while (pos < n && depth > 0) {
                if (m_format[pos] == '(')
                    ++depth;
                else if (m_format[pos] == ')')
                    --depth;
                ++pos;
            }
            if (depth > 0)
                return throw_error(g_ValueError, "incomplete format key");
            std::string_view key_text = m_format.substr(key_start, pos - 1 - key_start);
            Value key = m_bytes ? bytes_value(key_text) : Value(Str::create(key_text));
            m_args = TRY(get_item(m_dict, key));
            m_tuple = nullptr;
            m_arglen = -1;
            m_argidx = -2;
        }
        numeric::PrintfSpec spec;
        for (; pos < n; ++pos) {
            char c = m_format[pos];
            if (c == '-')
                spec.left = true;
            else if (c == '+')
                spec.plus = true;
            else if (c == ' ')
                spec.space = true;
            else if (c == '#')
                spec.alternate = true;
            else if (c == '0')
                spec.zero = true;
            else
                break;
        }
        if (pos < n && m_format[pos] == '*') {
            int64_t w = TRY(star_arg());
            if (w < 0) {
                spec.left = true;
                w = -w;
            }
            spec.width = w;
            ++pos;
        } else if (pos < n && m_format[pos] >= '0' && m_format[pos] <= '9') {
            int64_t w = 0;
            while (pos < n && m_format[pos] >= '0' && m_format[pos] <= '9') {
                if (w > (INT64_MAX - 9) / 10)
                    return throw_error(g_ValueError, "width too big");
                w = w * 10 + (m_format[pos++] - '0');
            }
            spec.width = w;
        }
        if (pos < n && m_format[pos] == '.') {
            ++pos;
            if (pos < n && m_format[pos] == '*') {
                int64_t p = TRY(star_arg());
                spec.precision = p < 0 ? 0 : p;
                ++pos;
            } else {
                int64_t p = 0;
                while (pos < n && m_format[pos] >= '0' && m_format[pos] <= '9') {
                    if (p > (INT64_MAX - 9) / 10)
                        return throw_error(g_ValueError, "precision too big");
                    p = p * 10 + (m_format[pos++] - '0');
                }
                spec.precision = p;
            }
        }
        while (pos < n && (m_format[pos] == 'h' || m_format[pos] == 'l' || m_format[pos] == 'L'))
            ++pos;
        if (pos >= n)
            return throw_error(g_ValueError, "incomplete format");
        size_t conv_at = pos;
        char32_t conv;
        if (m_bytes) {
            conv = static_cast<unsigned char>(m_format[pos++]);
        } else {
            conv = text::decode_at(m_format, pos);
        }
        Value v = TRY(next_arg());
        TRY(convert(conv, v, spec, out, conv_at));
    }
    if (m_argidx < m_arglen && !m_dict)
        return throw_error(g_TypeError, "not all arguments converted during %s formatting", m_bytes ? "bytes" : "string");
    return ok();
}

} // namespace

Result<Value> str_mod_format(Value format, Value args)
{
    PercentFormatter f(as_str(format)->view(), args, false);
    std::string out;
    TRY(f.run(out));
    return Value(Str::create(std::move(out)));
}

Result<Value> bytes_mod_format(Value format, Value args)
{
    std::string_view data;
    bytes_like_view(format, data);
    PercentFormatter f(data, args, true);
    std::string out;
    TRY(f.run(out));
    if (is_bytearray(format))
        return Value(ByteArray::create(out));
    return bytes_value(out);
}

} // namespace adder
