// complex's Python-visible methods beyond the core (float.cpp): __format__
// (through format_builtin, CPython 3.11 format_complex_internal rules).
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/format.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"

namespace adder {

namespace {

Result<Value> complex_format(Value self, CallArgs args)
{
    TRY(check_arity(args, "__format__", 1, 1));
    if (!is_str(args[0]))
        return throw_error(g_TypeError, "__format__() argument must be str, not %s", args[0].type()->m_name.c_str());
    Str* spec = as_str(args[0]);
    if (spec->length() == 0)
        return to_str(self);
    return format_builtin(self, spec);
}

} // namespace

void init_complex_methods() { add_method(g_complex_type, "__format__", complex_format); }

} // namespace adder
