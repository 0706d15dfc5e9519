// See syntax_warnings.h. When the user has not imported `warnings`, the
// default filters of _warnings show every SyntaxWarning, so we print it
// ourselves (with the source line, which _warnings' fallback printer
// omits). Once `warnings` is imported its filters and _showwarnmsg decide,
// through _warnings.warn_explicit.
#include "runtime/syntax_warnings.h"

#include <fstream>
#include <string>

#include "import/import.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/ops.h"
#include "objects/str.h"

namespace adder {

Dict* sys_dict();
Value make_syntax_error(const parser::SyntaxErrorInfo& info);

namespace {

// Line `lineno` (1-based) of file `path` with surrounding whitespace removed;
// empty when the file cannot be read (e.g. "<string>").
std::string source_line(const std::string& path, int lineno)
{
    if (path.empty() || path[0] == '<' || lineno <= 0)
        return {};
    std::ifstream in(path, std::ios::binary);
    std::string line;
    for (int i = 0; i < lineno; ++i)
        if (!std::getline(in, line))
            return {};
    size_t a = line.find_first_not_of(" \t\r\f\v\n");
    if (a == std::string::npos)
        return {};
    size_t b = line.find_last_not_of(" \t\r\f\v\n");
    return line.substr(a, b - a + 1);
}

Status print_warning(const parser::SyntaxErrorInfo& w)
{
    Value err = sys_dict()->get_str("stderr");
    if (!err || is_none(err))
        return ok();
    std::string text = w.filename + ":" + std::to_string(w.lineno) + ": SyntaxWarning: " + w.msg + "\n";
    std::string line = source_line(w.filename, w.lineno);
    if (!line.empty())
        text += "  " + line + "\n";
    TRY(call_method(err, "write", { Value(Str::create(text)) }));
    return ok();
}

bool has_warnoptions()
{
    Value opts = sys_dict()->get_str("warnoptions");
    return opts && is_list(opts) && as_list(opts)->size() > 0;
}

} // namespace

Status emit_syntax_warnings(const std::vector<parser::SyntaxErrorInfo>& warnings)
{
    for (const parser::SyntaxErrorInfo& w : warnings) {
        Value modules = sys_dict()->get_str("modules");
        bool configured = modules && is_dict(modules) && as_dict(modules)->get_str("warnings");
        if (!configured && has_warnoptions()) {
            // -W / PYTHONWARNINGS filters live in `warnings` (it applies
            // sys.warnoptions when imported), as CPython's _warnings has them
            // from the start: `-W error` must turn the warning into an error.
            TRY(imp::import_module("warnings"));
            configured = true;
        }
        if (!configured) {
            TRY(print_warning(w));
            continue;
        }
        Value mod = TRY(imp::import_module("_warnings"));
        Value fn = TRY(get_attr(mod, Str::intern("warn_explicit")));
        Result<Value> r = call(fn, { Value(Str::create(w.msg)), Value(g_SyntaxWarning), Value(Str::create(w.filename)),
                                     int_from_i64(w.lineno) });
        if (r.is_error()) {
            // As CPython's _PyErr_EmitSyntaxWarning: a SyntaxWarning raised
            // by the filters becomes a SyntaxError at the warning's position.
            if (pending_matches(g_SyntaxWarning)) {
                take_pending();
                parser::SyntaxErrorInfo e = w;
                e.type = "SyntaxError";
                set_pending(make_syntax_error(e));
            }
            return pending;
        }
    }
    return ok();
}

} // namespace adder
