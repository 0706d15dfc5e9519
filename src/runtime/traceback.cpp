// Printing uncaught exceptions exactly like CPython 3.11's default
// sys.excepthook (Python/pythonrun.c print_exception_recursive, tb_print):
// chained causes/contexts first, "Traceback (most recent call last):",
// File/line/name entries with the stripped source line, repeated-line
// collapsing, SyntaxError's caret display, module-qualified type names and
// __notes__. Also builds SyntaxError objects from compiler diagnostics.
#include <fstream>
#include <map>
#include <set>
#include <vector>

#include "builtins/builtins.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "modules/io.h"
#include "parser/parser.h"

namespace adder {

Value make_syntax_error(const parser::SyntaxErrorInfo& info)
{
    Type* t = info.type == "IndentationError" ? g_IndentationError : info.type == "TabError" ? g_TabError : g_SyntaxError;
    Value details = Value(Tuple::create({ Value(Str::create(info.filename)), int_from_i64(info.lineno), int_from_i64(info.offset),
                                          info.text.empty() ? none() : Value(Str::create(info.text)),
                                          int_from_i64(info.end_lineno), int_from_i64(info.end_offset) }));
    Value args[2] = { Value(Str::create(info.msg)), details };
    Result<Value> exc = make_exception(t, std::span<const Value>(args, 2));
    if (exc.is_error())
        return take_pending();
    return exc.value();
}

// Source lines by filename (linecache).
static const std::vector<std::string>* source_lines(const std::string& filename)
{
    static std::map<std::string, std::vector<std::string>> cache;
    auto it = cache.find(filename);
    if (it != cache.end())
        return &it->second;
    std::ifstream in(filename, std::ios::binary);
    if (!in)
        return nullptr;
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line))
        lines.push_back(line);
    return &cache.emplace(filename, std::move(lines)).first->second;
}

static std::string strip(const std::string& s)
{
    size_t a = s.find_first_not_of(" \t\f\r\n");
    if (a == std::string::npos)
        return "";
    size_t b = s.find_last_not_of(" \t\f\r\n");
    return s.substr(a, b - a + 1);
}

static Value exc_dict_get(Value exc, const char* name)
{
    Dict* d = exc.as_object()->dict();
    Value v = d ? d->get_str(name) : Value();
    return v ? v : none();
}

static void format_tb(Value tb, std::string& out)
{
    struct Entry {
        std::string file, name;
        int line;
    };
    std::vector<Entry> entries;
    for (Value t = tb; t && !is_none(t); t = static_cast<Traceback*>(t.as_object())->m_next) {
        auto* e = static_cast<Traceback*>(t.as_object());
        Code* code = static_cast<Code*>(e->m_code.as_object());
        entries.push_back({ code->m_filename->data(), code->m_name->data(), e->m_lineno });
    }
    // CPython prints the last `tracebacklimit` (1000) entries.
    size_t start = entries.size() > 1000 ? entries.size() - 1000 : 0;
    std::string last_file, last_name;
    int last_line = -1;
    int repeat = 0;
    auto flush_repeat = [&] {
        if (repeat > 3) {
            int n = repeat - 3;
            out += "  [Previous line repeated " + std::to_string(n) + " more time" + (n > 1 ? "s" : "") + "]\n";
        }
    };
    for (size_t i = start; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        if (e.file == last_file && e.line == last_line && e.name == last_name) {
            ++repeat;
            if (repeat > 3)
                continue;
        } else {
            flush_repeat();
            last_file = e.file;
            last_line = e.line;
            last_name = e.name;
            repeat = 1;
        }
        out += "  File \"" + e.file + "\", line " + std::to_string(e.line) + ", in " + e.name + "\n";
        if (const auto* lines = source_lines(e.file)) {
            if (e.line >= 1 && size_t(e.line) <= lines->size()) {
                std::string s = strip((*lines)[size_t(e.line - 1)]);
                if (!s.empty())
                    out += "    " + s + "\n";
            }
        }
    }
    flush_repeat();
}

static void format_syntax_error_body(Value exc, std::string& out)
{
    Value filename = exc_dict_get(exc, "filename");
    Value lineno = exc_dict_get(exc, "lineno");
    Value offset = exc_dict_get(exc, "offset");
    Value end_offset = exc_dict_get(exc, "end_offset");
    Value text = exc_dict_get(exc, "text");
    std::string fn = is_str(filename) ? as_str(filename)->data() : "<string>";
    if (is_int(lineno))
        out += "  File \"" + fn + "\", line " + int_to_string(lineno) + "\n";
    if (is_str(text)) {
        std::string rtext = as_str(text)->data();
        while (!rtext.empty() && rtext.back() == '\n')
            rtext.pop_back();
        size_t spaces = 0;
        while (spaces < rtext.size() && (rtext[spaces] == ' ' || rtext[spaces] == '\n' || rtext[spaces] == '\f'))
            ++spaces;
        std::string ltext = rtext.substr(spaces);
        out += "    " + ltext + "\n";
        if (is_int(offset)) {
            int64_t off = 0, end = 0;
            int_fits_i64(offset, off);
            if (is_int(end_offset))
                int_fits_i64(end_offset, end);
            if (end == 0)
                end = off;
            if (off == end || end == -1)
                end = off + 1;
            int64_t colno = off - 1 - int64_t(spaces);
            int64_t end_colno = end - 1 - int64_t(spaces);
            if (colno >= 0) {
                std::string caret = "    ";
                // Columns are characters: walk code points of ltext.
                const char* p = ltext.c_str();
                const char* lend = p + ltext.size();
                for (int64_t i = 0; i < colno && p < lend; ++i) {
                    uint32_t c = decode_utf8(p);
                    caret += (c == '\t' || c == ' ' || c == '\f') ? char(c) : ' ';
                }
                caret += std::string(size_t(std::max<int64_t>(1, end_colno - colno)), '^');
                out += caret + "\n";
            }
        }
    }
}

static std::string type_display_name(Type* t)
{
    std::string name = type_qualname(t);
    Value mod = t->dict()->get_str("__module__");
    if (mod && is_str(mod)) {
        std::string m = as_str(mod)->data();
        if (m != "builtins" && m != "__main__")
            name = m + "." + name;
    }
    return name;
}

static void format_exception_only(Value exc, std::string& out)
{
    Type* t = exc.type();
    if (t->is_subtype_of(g_SyntaxError))
        format_syntax_error_body(exc, out);
    std::string line = type_display_name(t);
    Result<Value> s = t->is_subtype_of(g_SyntaxError) ? Result<Value>(exc_dict_get(exc, "msg")) : to_str(exc);
    if (s.is_error()) {
        take_pending();
        line += ": <exception str() failed>";
    } else if (is_str(s.value()) && as_str(s.value())->byte_size()) {
        line += ": " + as_str(s.value())->data();
    } else if (t->is_subtype_of(g_SyntaxError) && !is_str(s.value())) {
        Result<Value> s2 = to_str(exc);
        if (s2.is_ok() && as_str(s2.value())->byte_size())
            line += ": " + as_str(s2.value())->data();
        else if (s2.is_error())
            take_pending();
    }
    out += line + "\n";
    Value notes = exc.as_object()->dict() ? exc.as_object()->dict()->get_str("__notes__") : Value();
    if (notes && is_list(notes)) {
        for (Value n : as_list(notes)->items()) {
            Result<Value> ns = to_str(n);
            if (ns.is_ok())
                out += as_str(ns.value())->data() + "\n";
            else
                take_pending();
        }
    }
}

static void format_recursive(Value exc, std::string& out, std::set<Object*>& seen)
{
    seen.insert(exc.as_object());
    auto* e = as_exception(exc);
    if (e->m_cause && is_exception(e->m_cause) && !seen.count(e->m_cause.as_object())) {
        format_recursive(e->m_cause, out, seen);
        out += "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (e->m_context && is_exception(e->m_context) && !e->m_suppress_context && !seen.count(e->m_context.as_object())) {
        format_recursive(e->m_context, out, seen);
        out += "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    if (e->m_traceback) {
        out += "Traceback (most recent call last):\n";
        format_tb(e->m_traceback, out);
    }
    format_exception_only(exc, out);
}

std::string format_exception_text(Value exc)
{
    std::string out;
    std::set<Object*> seen;
    if (!is_exception(exc)) {
        Result<std::string> r = repr_text(exc);
        return "TypeError: print_exception(): Exception expected for value, " + exc.type()->m_name + " found\n";
    }
    format_recursive(exc, out, seen);
    return out;
}

Status print_exception(Value exc)
{
    Value out = sys_stdout();
    if (out && out.type() == g_file_type)
        (void)file_flush(static_cast<FileObject*>(out.as_object()));
    else if (out) {
        Result<Value> r = call_method(out, "flush", {});
        if (r.is_error())
            take_pending();
    }
    std::string text = format_exception_text(exc);
    Value err = sys_stderr();
    if (!err || is_none(err)) {
        std::fputs(text.c_str(), stderr);
        return ok();
    }
    Status st = write_to_file(err, text);
    if (st.is_error()) {
        take_pending();
        std::fputs(text.c_str(), stderr);
    }
    if (err.type() == g_file_type)
        (void)file_flush(static_cast<FileObject*>(err.as_object()));
    return ok();
}

} // namespace adder
