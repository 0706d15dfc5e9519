// Registration of the native stdlib modules (see stdlib_modules.h) and the
// helpers they share: module functions, Python preludes, errno -> OSError.
#include "modules/stdlib_modules.h"

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <vector>

#include "import/import.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/ops.h"
#include "objects/str.h"

namespace adder {

Module* create_time_module();
Module* create_errno_module();
Module* create_thread_module();
Module* create_weakref_module();
Module* create_itertools_module();
Module* create_collections_module();
Module* create_string_module();
Module* create_posix_module();
Module* create_random_module();
Module* create_struct_module();
Module* create_sha512_module();
Module* create_warnings_module();
Module* create_contextvars_module();
Module* create_sre_module();
Module* create_codecs_module();
Module* create_binascii_module();
Module* create_ast_module();

void register_stdlib_modules()
{
    imp::register_native_module("time", create_time_module);
    imp::register_native_module("errno", create_errno_module);
    imp::register_native_module("_thread", create_thread_module);
    imp::register_native_module("_weakref", create_weakref_module);
    imp::register_native_module("itertools", create_itertools_module);
    imp::register_native_module("_collections", create_collections_module);
    imp::register_native_module("_string", create_string_module);
    imp::register_native_module("posix", create_posix_module);
    imp::register_native_module("_random", create_random_module);
    imp::register_native_module("_struct", create_struct_module);
    imp::register_native_module("_sha512", create_sha512_module);
    imp::register_native_module("_warnings", create_warnings_module);
    imp::register_native_module("_contextvars", create_contextvars_module);
    imp::register_native_module("_sre", create_sre_module);
    imp::register_native_module("_codecs", create_codecs_module);
    imp::register_native_module("binascii", create_binascii_module);
    imp::register_native_module("_ast", create_ast_module);
}

namespace stdmod {

void def(Module* m, const char* name, NativeFn fn)
{
    m->dict()->set_str(name, Value(make_native_function(name, fn, Value(m))));
}

namespace {
class GlobalRoots : public gc::RootSource {
public:
    void visit_roots(gc::Visitor& v) override
    {
        for (Value* slot : m_slots)
            v.visit(*slot);
    }
    std::vector<Value*> m_slots;
};
}

void root(Value* slot)
{
    static GlobalRoots* roots = [] {
        auto* r = new GlobalRoots;
        gc::heap().add_root_source(r);
        return r;
    }();
    if (std::find(roots->m_slots.begin(), roots->m_slots.end(), slot) == roots->m_slots.end())
        roots->m_slots.push_back(slot);
}

Status run_prelude(Module* m, const char* source)
{
    // builtins.exec(source, module_dict): the compiler and VM do the rest.
    Value builtins = TRY(imp::import_module("builtins"));
    Value exec = TRY(get_attr(builtins, "exec"));
    TRY(call(exec, { Value(Str::create(source)), Value(m->dict()) }));
    return ok();
}

Pending raise_os_error(int err, Value filename, Value filename2)
{
    Type* t = g_OSError;
    switch (err) {
    case ENOENT: t = g_FileNotFoundError; break;
    case EACCES:
    case EPERM: t = g_PermissionError; break;
    case EISDIR: t = g_IsADirectoryError; break;
    case ENOTDIR: t = g_NotADirectoryError; break;
    case EEXIST: t = g_FileExistsError; break;
    case EINTR: t = g_InterruptedError; break;
    case ECHILD: t = g_ChildProcessError; break;
    case ESRCH: t = g_ProcessLookupError; break;
    case ETIMEDOUT: t = g_TimeoutError; break;
    case EPIPE:
    case ESHUTDOWN: t = g_BrokenPipeError; break;
    case ECONNABORTED: t = g_ConnectionAbortedError; break;
    case ECONNREFUSED: t = g_ConnectionRefusedError; break;
    case ECONNRESET: t = g_ConnectionResetError; break;
    case EAGAIN:
    case EALREADY:
    case EINPROGRESS: t = g_BlockingIOError; break;
    default: break;
    }
    Value args[5] = { Value::small(err), Value(Str::create(std::strerror(err))), filename, Value::small(0), filename2 };
    size_t n = filename2 ? 5 : filename ? 3 : 2;
    Result<Value> exc = make_exception(t, std::span<const Value>(args, n));
    if (exc.is_ok())
        set_pending(exc.value());
    return pending;
}

} // namespace stdmod
} // namespace adder
