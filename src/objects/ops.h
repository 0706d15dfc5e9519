// The abstract object protocol (CPython's Objects/abstract.c and object.c):
// what `repr(x)`, `x + y`, `x[i]`, `x.attr`, `f(*args)`, `iter(x)` do for
// any Value, dispatching through type slots with fast paths for builtins.
#pragma once

#include <initializer_list>
#include <span>
#include <string>

#include "objects/object.h"

namespace adder {

// repr(v) / str(v) as str objects; the _text forms return UTF-8 std::string.
Result<Value> repr(Value v);
Result<Value> to_str(Value v);
Result<std::string> repr_text(Value v);
Result<std::string> str_text(Value v);
// ascii(v).
Result<Value> ascii(Value v);
// hash(v); TypeError "unhashable type: 'X'".
Result<int64_t> hash(Value v);
// Rich comparison `a op b` as a Value (may be any object).
Result<Value> rich_compare(Value a, Value b, CompareOp op);
// Rich comparison reduced to a bool (identity implies equality for Eq/Ne, as PyObject_RichCompareBool).
Result<bool> rich_compare_bool(Value a, Value b, CompareOp op);
inline Result<bool> equals(Value a, Value b) { return rich_compare_bool(a, b, CompareOp::Eq); }
// bool(v).
Result<bool> truthy(Value v);
// Binary operator `op` (NbOp, including inplace ops 13..25).
Result<Value> binary_op(Value a, Value b, int op);
Result<Value> unary_negative(Value v);
Result<Value> unary_positive(Value v);
Result<Value> unary_invert(Value v);
Result<Value> number_absolute(Value v);
// pow(a, b, m) with m possibly None.
Result<Value> number_power(Value a, Value b, Value m);
// The operator symbol of NbOp `op` ("+", "+=", ...).
const char* binary_op_symbol(int op);

// Attributes.
Result<Value> get_attr(Value obj, Str* name);
Result<Value> get_attr(Value obj, std::string_view name);
// getattr returning null (no exception) when the attribute is missing (AttributeError swallowed).
Result<Value> get_attr_optional(Value obj, Str* name);
Status set_attr(Value obj, Str* name, Value value);
Status del_attr(Value obj, Str* name);
// For LOAD_METHOD: if the attribute is a plain function/method descriptor found on
// the type, returns it with `is_method` true (call it with obj prepended).
Result<Value> get_method(Value obj, Str* name, bool& is_method);
// Calls method `name` of `obj` with `args`.
Result<Value> call_method(Value obj, Str* name, std::span<const Value> args);
Result<Value> call_method(Value obj, std::string_view name, std::initializer_list<Value> args);

// Items.
Result<Value> get_item(Value container, Value key);
Status set_item(Value container, Value key, Value value);
Status del_item(Value container, Value key);
Result<bool> contains(Value container, Value item);
Result<int64_t> length(Value v);

// Calls.
Result<Value> call(Value callable, CallArgs args);
Result<Value> call(Value callable, std::span<const Value> args, Tuple* kwnames = nullptr);
Result<Value> call(Value callable, std::initializer_list<Value> args);
// Calls with a tuple of positional args and an optional dict of keywords (CALL_FUNCTION_EX).
Result<Value> call_tuple_dict(Value callable, Tuple* args, Dict* kwargs);
bool is_callable(Value v);

// Iteration.
Result<Value> get_iter(Value v);
// next(it): the item, or null with no pending exception when exhausted.
Result<Value> iter_next(Value it);

// isinstance/issubclass with __instancecheck__/__subclasscheck__ and tuples.
Result<bool> is_instance(Value obj, Value cls);
Result<bool> is_subclass(Value derived, Value cls);

// format(v, spec).
Result<Value> format(Value v, Value spec);

} // namespace adder
