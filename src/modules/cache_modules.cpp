// See cache_modules.h: the registration list and the shared helpers.
#include "modules/cache_modules.h"
#include "modules/stdlib_modules.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "builtins/builtins.h"
#include "import/import.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {
Dict* sys_dict();
}

namespace adder::cachemod {

void register_cache_modules()
{
    imp::register_native_module("importlib", create_importlib_module);
    imp::register_native_module("py_compile", create_py_compile_module);
    imp::register_native_module("compileall", create_compileall_module);
    imp::register_native_module("dis", create_dis_module);
    imp::register_native_module("pycache", create_pycache_module);
}

Pending raise_errno(int err, const std::string& filename)
{
    // The errno → OSError subclass mapping lives in one place.
    return stdmod::raise_os_error(err, Value(Str::create(filename)));
}

Result<std::string> str_arg(Value v, const char* what)
{
    if (!v || !is_str(v))
        return throw_error(g_TypeError, "%s: expected str, got %s", what, v ? v.type()->m_name.c_str() : "nothing");
    return as_str(v)->data();
}

static Status write_stream(const char* name, std::string_view text, FILE* fallback)
{
    Dict* sd = sys_dict();
    Value f = sd ? sd->get_str(name) : Value();
    if (f && !is_none(f))
        return write_to_file(f, text);
    std::fwrite(text.data(), 1, text.size(), fallback);
    return ok();
}

Status write_stdout(std::string_view text) { return write_stream("stdout", text, stdout); }
Status write_stderr(std::string_view text) { return write_stream("stderr", text, stderr); }

Status flush_stream(const char* name)
{
    Dict* sd = sys_dict();
    Value f = sd ? sd->get_str(name) : Value();
    if (f && !is_none(f))
        TRY(call_method(f, "flush", {}));
    return ok();
}

Pending system_exit(int code) { return throw_error_value(g_SystemExit, Value::small(code)); }

std::vector<std::string> script_args()
{
    std::vector<std::string> out;
    Dict* sd = sys_dict();
    Value argv = sd ? sd->get_str("argv") : Value();
    if (!argv || !is_list(argv))
        return out;
    const auto& items = as_list(argv)->items();
    for (size_t i = 1; i < items.size(); ++i)
        if (is_str(items[i]))
            out.push_back(as_str(items[i])->data());
    return out;
}

void add_function(Module* m, const char* name, NativeFn fn)
{
    m->dict()->set_str(name, Value(make_native_function(name, fn, Value(m))));
}

} // namespace adder::cachemod
