// The `gc` module: collect() runs a full mark-sweep collection and then the
// finalizers it queued (closing unreachable suspended generators, see
// gc/heap.h), enable()/disable()/isenabled() switch automatic collections.
// FIXME: get_objects/get_referrers/callbacks/garbage/thresholds are stubs or
// absent; generation arguments are accepted and ignored (one generation).
#include "gc/heap.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/tuple.h"

namespace adder {

namespace {

Result<Value> gc_collect(Value, CallArgs args)
{
    Value generation;
    TRY(parse_args(args, "collect", { "generation" }, 0, { &generation }));
    size_t freed = gc::heap().collect();
    freed += gc::heap().run_finalizers();
    return int_from_i64(int64_t(freed));
}

Result<Value> gc_enable(Value, CallArgs args)
{
    TRY(check_arity(args, "enable", 0, 0));
    if (!gc::heap().is_enabled())
        gc::heap().enable();
    return none();
}

Result<Value> gc_disable(Value, CallArgs args)
{
    TRY(check_arity(args, "disable", 0, 0));
    if (gc::heap().is_enabled())
        gc::heap().disable();
    return none();
}

Result<Value> gc_isenabled(Value, CallArgs args)
{
    TRY(check_arity(args, "isenabled", 0, 0));
    return py_bool(gc::heap().is_enabled());
}

Result<Value> gc_get_count(Value, CallArgs args)
{
    TRY(check_arity(args, "get_count", 0, 0));
    return Value(Tuple::create({ Value::small(0), Value::small(0), Value::small(0) }));
}

Result<Value> gc_get_threshold(Value, CallArgs args)
{
    TRY(check_arity(args, "get_threshold", 0, 0));
    return Value(Tuple::create({ Value::small(700), Value::small(10), Value::small(10) }));
}

Result<Value> gc_ignore(Value, CallArgs) { return none(); }

Result<Value> gc_is_tracked(Value, CallArgs args)
{
    TRY(check_arity(args, "is_tracked", 1, 1));
    Value v = args[0];
    return py_bool(v.is_object() && !is_int(v) && !is_str(v) && !is_float(v));
}

} // namespace

// The module object (registered as a native module at startup).
Module* create_gc_module()
{
    Module* m = Module::create("gc");
    Dict* d = m->dict();
    auto add = [&](const char* name, NativeFn fn) { d->set_str(name, Value(make_native_function(name, fn, Value(m)))); };
    add("collect", gc_collect);
    add("enable", gc_enable);
    add("disable", gc_disable);
    add("isenabled", gc_isenabled);
    add("get_count", gc_get_count);
    add("get_threshold", gc_get_threshold);
    add("set_threshold", gc_ignore);
    add("freeze", gc_ignore);
    add("unfreeze", gc_ignore);
    add("is_tracked", gc_is_tracked);
    d->set_str("garbage", Value(List::create()));
    d->set_str("callbacks", Value(List::create()));
    d->set_str("DEBUG_STATS", Value::small(1));
    d->set_str("DEBUG_COLLECTABLE", Value::small(2));
    d->set_str("DEBUG_UNCOLLECTABLE", Value::small(4));
    d->set_str("DEBUG_SAVEALL", Value::small(32));
    d->set_str("DEBUG_LEAK", Value::small(38));
    return m;
}

} // namespace adder
