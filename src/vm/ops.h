// Slow paths of the eval loop (kept out of eval.cpp so the loop stays lean).
// Each mirrors the CPython 3.11 ceval.c code of the opcode it serves.
#pragma once

#include "objects/object.h"
#include "vm/frame.h"

namespace adder {
Status set_add(Value set, Value key);
Value new_empty_set();
}

namespace adder::vm {

Result<Value> load_name(Frame* f, Str* name);
Status store_name(Frame* f, Str* name, Value v); // null v = delete
void set_name_error_name(Str* name);
void raise_unbound_deref(Code* code, uint32_t index);
Result<Value> load_classderef(Frame* f, uint32_t index);
Status list_extend_op(Value list, Value iterable);
Status set_update_op(Value set, Value iterable);
Status dict_update_op(Value dict, Value update);
Status dict_merge_op(Value dict, Value update, Value func);
// Unpacks `seq` into `out[0..]` in stack order (last item first). `after` < 0: exactly `before` items.
Status unpack_iterable(Value seq, int before, int after, Value* out);
Result<Value> format_value_op(Value v, int conversion, Value spec);
// Raises for RAISE_VARARGS; returns true for a bare re-raise (no new traceback entry).
bool do_raise(Value exc, Value cause, bool has_cause);
Result<Value> call_function_ex(Value func, Value args, Value kwargs);
Status setup_annotations(Frame* f);
Result<Value> import_name_op(Frame* f, Str* name, Value fromlist, Value level);
Result<Value> import_from_op(Value module, Str* name);
Status import_star_op(Frame* f, Value module);
Result<bool> exception_matches(Value exc, Value type);
Status check_eg_match(Value eg, Value type, Value& match, Value& rest);
Result<Value> prep_reraise_star(Value orig, Value list);
Status before_with(Value mgr, Value& exit_fn, Value& enter_res, bool async);
Result<Value> get_yield_from_iter(Frame* f, Value v);
Result<Value> send_op(Value receiver, Value v, bool& returned);
Value async_gen_wrap(Value v);
Result<Value> get_awaitable(Value v, int where);
Result<Value> get_aiter(Value v);
Result<Value> get_anext(Value v);
Result<Value> match_keys(Value subject, Value keys);
Result<Value> match_class(Value subject, Value cls, int nargs, Value kwargs);

} // namespace adder::vm
