// Printing uncaught exceptions exactly like CPython 3.11's default
// sys.excepthook (Python/pythonrun.c print_exception_recursive, tb_print):
// chained causes/contexts first, "Traceback (most recent call last):",
// File/line/name entries with the stripped source line, repeated-line
// collapsing, SyntaxError's caret display, module-qualified type names and
// __notes__. Also builds SyntaxError objects from compiler diagnostics.
#include <algorithm>
#include <cstdint>
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
#include "vm/interp.h"

namespace adder {

Value make_syntax_error(const parser::SyntaxErrorInfo& info)
{
    // The parser reports stack exhaustion as a bare MemoryError, as CPython 3.11 does.
    if (info.type == "MemoryError") {
        Result<Value> mem = make_exception(g_MemoryError, std::span<const Value>());
        return mem.is_error() ? take_pending() : mem.value();
    }
    // Nesting too deep for the compiler: a plain RecursionError, as CPython's.
    if (info.type == "RecursionError") {
        Value msg = Value(Str::create(info.msg));
        Result<Value> exc = make_exception(g_RecursionError, std::span<const Value>(&msg, 1));
        return exc.is_error() ? take_pending() : exc.value();
    }
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

// CPython 3.11 Python/suggestions.c: Levenshtein distance with case-aware costs.
static constexpr size_t max_candidate_items = 750;
static constexpr size_t max_string_size = 40;
static constexpr size_t move_cost = 2;
static constexpr size_t case_cost = 1;

static size_t substitution_cost(char a, char b)
{
    if ((a & 31) != (b & 31))
        return move_cost;
    if (a == b)
        return 0;
    if (a >= 'A' && a <= 'Z')
        a += 'a' - 'A';
    if (b >= 'A' && b <= 'Z')
        b += 'a' - 'A';
    return a == b ? case_cost : move_cost;
}

static size_t levenshtein(std::string_view a, std::string_view b, size_t max_cost)
{
    while (!a.empty() && !b.empty() && a.front() == b.front()) {
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.empty() || b.empty())
        return (a.size() + b.size()) * move_cost;
    if (a.size() > max_string_size || b.size() > max_string_size)
        return max_cost + 1;
    if (b.size() < a.size())
        std::swap(a, b);
    if ((b.size() - a.size()) * move_cost > max_cost)
        return max_cost + 1;
    size_t buffer[max_string_size];
    size_t tmp = move_cost;
    for (size_t i = 0; i < a.size(); ++i) {
        buffer[i] = tmp;
        tmp += move_cost;
    }
    size_t result = 0;
    for (size_t bi = 0; bi < b.size(); ++bi) {
        char code = b[bi];
        size_t distance = result = bi * move_cost;
        size_t minimum = SIZE_MAX;
        for (size_t index = 0; index < a.size(); ++index) {
            size_t substitute = distance + substitution_cost(code, a[index]);
            distance = buffer[index];
            size_t insert_delete = std::min(result, distance) + move_cost;
            result = std::min(insert_delete, substitute);
            buffer[index] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

static std::string calculate_suggestion(const std::vector<std::string>& dir, const std::string& name)
{
    if (dir.size() >= max_candidate_items)
        return "";
    size_t best = SIZE_MAX;
    std::string suggestion;
    for (const std::string& item : dir) {
        if (item == name)
            continue;
        size_t max_distance = (name.size() + item.size() + 3) * move_cost / 6;
        max_distance = std::min(max_distance, best - 1);
        size_t d = levenshtein(name, item, max_distance);
        if (d > max_distance)
            continue;
        if (suggestion.empty() || d < best) {
            suggestion = item;
            best = d;
        }
    }
    return suggestion;
}

static std::vector<std::string> dict_keys(Value d)
{
    std::vector<std::string> out;
    if (!d || !is_dict(d))
        return out;
    Dict::Entry e;
    for (size_t pos = 0; as_dict(d)->next_entry(pos, e);)
        if (is_str(e.key))
            out.push_back(as_str(e.key)->data());
    return out;
}

// " Did you mean: 'x'?" for AttributeError/NameError, as the 3.11 excepthook adds.
static std::string suggestion_for(Value exc)
{
    Type* t = exc.type();
    Dict* d = exc.as_object()->dict();
    Value name = d ? d->get_str("name") : Value();
    if (!name || !is_str(name))
        return "";
    std::string n = as_str(name)->data();
    std::string s;
    if (t->is_subtype_of(g_AttributeError)) {
        Value obj = d->get_str("obj");
        if (!obj)
            return "";
        Value dir_fn = vm::builtins_dict()->get_str("dir");
        Result<Value> listing = call(dir_fn, { obj });
        if (listing.is_error()) {
            take_pending();
            return "";
        }
        std::vector<std::string> names;
        for (Value v : as_list(listing.value())->items())
            if (is_str(v))
                names.push_back(as_str(v)->data());
        s = calculate_suggestion(names, n);
    } else if (t->is_subtype_of(g_NameError)) {
        Value tb = as_exception(exc)->m_traceback;
        if (!tb)
            return "";
        while (static_cast<Traceback*>(tb.as_object())->m_next)
            tb = static_cast<Traceback*>(tb.as_object())->m_next;
        auto* last = static_cast<Traceback*>(tb.as_object());
        Code* code = static_cast<Code*>(last->m_code.as_object());
        std::vector<std::string> varnames;
        for (size_t i = 0; code->m_ready && i < code->m_localsplusnames.size(); ++i)
            if (code->m_unit->localspluskinds[i] & bytecode::CO_FAST_LOCAL)
                varnames.push_back(code->m_localsplusnames[i]->data());
        s = calculate_suggestion(varnames, n);
        if (s.empty())
            s = calculate_suggestion(dict_keys(last->m_globals), n);
        if (s.empty())
            s = calculate_suggestion(dict_keys(last->m_builtins), n);
    }
    return s.empty() ? "" : ". Did you mean: '" + s + "'?";
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
        if (t->is_subtype_of(g_AttributeError) || t->is_subtype_of(g_NameError))
            line += suggestion_for(exc);
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

static void format_recursive(Value exc, std::string& out, std::set<Object*>& seen);

// Prefixes every line of `text` with `margin`.
static std::string indent_lines(const std::string& text, const std::string& margin)
{
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        size_t end = nl == std::string::npos ? text.size() : nl + 1;
        out += margin + text.substr(start, end - start);
        start = end;
    }
    return out;
}

// Exception groups in CPython 3.11's boxed layout (pythonrun.c print_exception_group).
static void format_group_body(Value exc, std::string& out, std::set<Object*>& seen)
{
    auto* e = as_exception(exc);
    std::string body;
    if (e->m_traceback) {
        body += "Exception Group Traceback (most recent call last):\n";
        format_tb(e->m_traceback, body);
    }
    format_exception_only(exc, body);
    // First line gets "+ ", the rest "| ".
    size_t nl = body.find('\n');
    out += "  + " + body.substr(0, nl + 1) + indent_lines(body.substr(nl + 1), "  | ");
    Dict* d = exc.as_object()->dict();
    Value excs = d ? d->get_str("exceptions") : Value();
    if (!excs || !is_tuple(excs))
        return;
    size_t n = as_tuple(excs)->size();
    for (size_t i = 0; i < n && i < 15; ++i) {
        std::string label = " " + std::to_string(i + 1) + " ";
        std::string dashes = "----------------" + label + "----------------";
        out += (i == 0 ? "  +-+" : "    +") + dashes + "\n";
        std::string sub;
        format_recursive(as_tuple(excs)->at(i), sub, seen);
        out += indent_lines(sub, "    | ");
    }
    if (n > 15) {
        out += "    +---------------- ... ----------------\n";
        out += "    | and " + std::to_string(n - 15) + " more exceptions\n";
    }
    out += "    +------------------------------------\n";
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
    if (exc.type()->is_subtype_of(g_BaseExceptionGroup)) {
        format_group_body(exc, out, seen);
        return;
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
