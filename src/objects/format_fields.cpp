// str.format and str.format_map: the replacement-field grammar
//   "{" [field_name] ["!" conversion] [":" format_spec] "}"
// with "{{"/"}}" escapes, automatic or manual numbering (never both),
// attribute (.name) and index ([key]) lookups, and nested fields inside the
// spec up to CPython's recursion limit. Parsing mirrors CPython 3.11's
// Objects/stringlib/unicode_format.h (parse_field, FieldNameIterator) so the
// error messages and the order in which they are detected match.
#include "objects/errors.h"
#include "objects/format.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/tuple.h"
#include "text/utf8.h"

namespace adder {

namespace {

// CPython renders a format string with recursion_depth 2: one level of
// nested fields inside a spec is allowed, a second is an error.
constexpr int max_format_recursion = 2;

bool all_digits(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

class FieldFormatter {
public:
    FieldFormatter(CallArgs args, Value mapping)
        : m_args(args)
        , m_mapping(mapping)
    {
    }

    Status render(std::string_view fmt, int depth, std::string& out);

private:
    enum class Numbering { Unknown, Auto, Manual };

    Result<Value> positional(int64_t index)
    {
        if (m_mapping)
            return throw_error(g_ValueError, "Format string contains positional fields");
        if (index >= static_cast<int64_t>(m_args.nargs))
            return throw_error(g_IndexError, "Replacement index %lld out of range for positional args tuple",
                static_cast<long long>(index));
        return m_args[static_cast<size_t>(index)];
    }

    Result<Value> keyword(std::string_view name)
    {
        Value key = Value(Str::create(name));
        if (m_mapping)
            return get_item(m_mapping, key);
        for (size_t k = 0; k < m_args.nkw(); ++k) {
            Value kw = m_args.kwnames->at(k);
            if (as_str(kw)->view() == name)
                return m_args.kw_value(k);
        }
        return throw_error_value(g_KeyError, key);
    }

    Result<Value> get_field(std::string_view name);

    CallArgs m_args;
    Value m_mapping;
    Numbering m_numbering = Numbering::Unknown;
    int64_t m_next_auto = 0;
};

Result<Value> FieldFormatter::get_field(std::string_view name)
{
    size_t i = 0;
    size_t n = name.size();
    while (i < n && name[i] != '.' && name[i] != '[')
        ++i;
    std::string_view first = name.substr(0, i);
    Value obj;
    if (first.empty() || all_digits(first)) {
        int64_t index;
        if (first.empty()) {
            if (m_numbering == Numbering::Manual)
                return throw_error(g_ValueError,
                    "cannot switch from manual field specification to automatic field numbering");
            m_numbering = Numbering::Auto;
            index = m_next_auto++;
        } else {
            index = 0;
            for (char c : first) {
                if (index > (INT64_MAX - 9) / 10)
                    return throw_error(g_ValueError, "Too many decimal digits in format string");
                index = index * 10 + (c - '0');
            }
            if (m_numbering == Numbering::Auto)
                return throw_error(g_ValueError,
                    "cannot switch from automatic field numbering to manual field specification");
            m_numbering = Numbering::Manual;
        }
        obj = TRY(positional(index));
    } else {
        obj = TRY(keyword(first));
    }
    while (i < n) {
        if (name[i] == '.') {
            size_t start = ++i;
            while (i < n && name[i] != '.' && name[i] != '[')
                ++i;
            if (i == start)
                return throw_error(g_ValueError, "Empty attribute in format string");
            obj = TRY(get_attr(obj, name.substr(start, i - start)));
        } else if (name[i] == '[') {
            size_t start = ++i;
            while (i < n && name[i] != ']')
                ++i;
            if (i >= n)
                return throw_error(g_ValueError, "Missing ']' in format string");
            std::string_view key_text = name.substr(start, i - start);
            ++i;
            if (key_text.empty())
                return throw_error(g_ValueError, "Empty attribute in format string");
            Value key;
            if (all_digits(key_text) && key_text.size() < 19)
                key = int_from_i64(std::stoll(std::string(key_text)));
            else
                key = Value(Str::create(key_text));
            obj = TRY(get_item(obj, key));
            if (i < n && name[i] != '.' && name[i] != '[')
                return throw_error(g_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        } else {
            return throw_error(g_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return obj;
}

Status FieldFormatter::render(std::string_view fmt, int depth, std::string& out)
{
    if (depth <= 0)
        return throw_error(g_ValueError, "Max string recursion exceeded");
    size_t n = fmt.size();
    size_t pos = 0;
    while (pos < n) {
        size_t brace = fmt.find_first_of("{}", pos);
        if (brace == std::string_view::npos) {
            out.append(fmt.data() + pos, n - pos);
            break;
        }
        out.append(fmt.data() + pos, brace - pos);
        pos = brace;
        char c = fmt[pos];
        if (c == '}') {
            if (pos + 1 < n && fmt[pos + 1] == '}') {
                out.push_back('}');
                pos += 2;
                continue;
            }
            return throw_error(g_ValueError, "Single '}' encountered in format string");
        }
        if (pos + 1 < n && fmt[pos + 1] == '{') {
            out.push_back('{');
            pos += 2;
            continue;
        }
        if (pos + 1 >= n)
            return throw_error(g_ValueError, "Single '{' encountered in format string");
        ++pos;
        // parse_field: the field name ends at '}', ':' or '!' outside brackets.
        size_t name_start = pos;
        bool terminated = false;
        char last = 0;
        while (pos < n) {
            last = fmt[pos++];
            if (last == '{')
                return throw_error(g_ValueError, "unexpected '{' in field name");
            if (last == '[') {
                while (pos < n && fmt[pos] != ']')
                    ++pos;
                continue;
            }
            if (last == '}' || last == ':' || last == '!') {
                terminated = true;
                break;
            }
        }
        if (!terminated)
            return throw_error(g_ValueError, "expected '}' before end of string");
        std::string_view field_name = fmt.substr(name_start, pos - 1 - name_start);
        char32_t conversion = 0;
        std::string_view spec;
        bool spec_needs_expanding = false;
        if (last == '!' || last == ':') {
            bool spec_done = false;
            if (last == '!') {
                if (pos >= n)
                    return throw_error(g_ValueError, "end of string while looking for conversion specifier");
                conversion = text::decode_at(fmt, pos);
                if (pos < n) {
                    char after = fmt[pos++];
                    if (after == '}')
                        spec_done = true;
                    else if (after != ':')
                        return throw_error(g_ValueError, "expected ':' after conversion specifier");
                }
            }
            if (!spec_done) {
                size_t spec_start = pos;
                int count = 1;
                bool closed = false;
                while (pos < n) {
                    char sc = fmt[pos++];
                    if (sc == '{') {
                        spec_needs_expanding = true;
                        ++count;
                    } else if (sc == '}' && --count == 0) {
                        closed = true;
                        break;
                    }
                }
                if (!closed)
                    return throw_error(g_ValueError, "unmatched '{' in format spec");
                spec = fmt.substr(spec_start, pos - 1 - spec_start);
            }
        }
        Value obj = TRY(get_field(field_name));
        switch (conversion) {
        case 0:
            break;
        case 'r':
            obj = TRY(repr(obj));
            break;
        case 's':
            obj = TRY(to_str(obj));
            break;
        case 'a':
            obj = TRY(ascii(obj));
            break;
        default: {
            std::string shown;
            if (conversion > 32 && conversion < 127) {
                shown.push_back(static_cast<char>(conversion));
            } else {
                char buf[16];
                snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(conversion));
                shown = buf;
            }
            return throw_error(g_ValueError, "Unknown conversion specifier %s", shown.c_str());
        }
        }
        Value spec_value;
        if (spec_needs_expanding) {
            std::string expanded;
            TRY(render(spec, depth - 1, expanded));
            spec_value = Value(Str::create(std::move(expanded)));
        } else {
            spec_value = spec.empty() ? Value(Str::empty()) : Value(Str::create(spec));
        }
        // Fast path: a str with an empty spec formats as itself.
        if (is_str(obj) && obj.type() == g_str_type && as_str(spec_value)->length() == 0) {
            out += as_str(obj)->view();
            continue;
        }
        Value formatted = TRY(format(obj, spec_value));
        out += as_str(formatted)->view();
    }
    return ok();
}

} // namespace

Result<Value> str_format_fields(Str* format, CallArgs args, Value mapping)
{
    FieldFormatter f(args, mapping);
    std::string out;
    out.reserve(format->byte_size() + 16);
    TRY(f.render(format->view(), max_format_recursion, out));
    return Value(Str::create(std::move(out)));
}

} // namespace adder
