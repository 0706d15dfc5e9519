// See native_main.h. The list below names the native modules that define
// `_main`; run_module consults it before searching sys.path, so these names
// are never looked up as CPython stdlib sources.
#include "import/native_main.h"

#include <array>

#include "import/import.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {
Dict* sys_dict();
}

namespace adder::imp {

namespace {
constexpr std::array<std::string_view, 4> k_main_modules = { "py_compile", "compileall", "dis", "pycache" };
}

bool is_native_main_module(std::string_view name)
{
    for (std::string_view n : k_main_modules)
        if (n == name)
            return true;
    return false;
}

Result<Value> run_native_main(std::string_view name)
{
    Value module = TRY(import_module(name));
    if (Dict* sd = sys_dict()) {
        Value argv = sd->get_str("argv");
        if (argv && is_list(argv) && !as_list(argv)->items().empty())
            as_list(argv)->items()[0] = Value(Str::create(name));
    }
    Value main = TRY(get_attr(module, Str::intern("_main")));
    return call(main, {});
}

} // namespace adder::imp
