// Formatting entry points the object model calls through weak hooks:
// format()/__format__ with a non-empty spec for the builtin number and str
// types, the % operator of str and bytes, and str.format/str.format_map. The
// algorithms (spec parsing, number layout, printf conversions) live in
// numeric/format_spec.h; this file adapts them to Values and raises the
// exceptions CPython 3.11 raises.
#pragma once

#include "objects/object.h"
#include "objects/str.h"

namespace adder {

class Dict;

// v.__format__(spec) for int/bool/float/complex/str (and subclasses without
// their own __format__); `spec` is non-empty.
Result<Value> format_builtin(Value v, Str* spec);

// `format % args` for a str `format` (PyUnicode_Format semantics).
Result<Value> str_mod_format(Value format, Value args);
// `format % args` for bytes/bytearray `format` (PEP 461); the result is bytes.
Result<Value> bytes_mod_format(Value format, Value args);

// str.format(*args, **kwargs) on `format` (positional args in `args`, keywords
// as (name, value) pairs via args.kwnames). When `mapping` is non-null this
// is str.format_map(mapping): positional fields are an error.
Result<Value> str_format_fields(Str* format, CallArgs args, Value mapping);

} // namespace adder
