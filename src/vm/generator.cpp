// Generators, coroutines and async generators (CPython 3.11
// Objects/genobject.c): send/throw/close with delegation to a `yield from`
// sub-iterator, StopIteration/RuntimeError conversion (PEP 479), and the
// awaitable helpers used by GET_AWAITABLE/GET_AITER/GET_ANEXT.
#include <cstdlib>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/thread_state.h"
#include "objects/tuple.h"
#include "vm/interp.h"
#include "vm/ops.h"

namespace adder {
Dict* sys_dict();
Status print_exception(Value exc);
}

namespace adder::vm {

using bytecode::Opcode;

Type* g_async_gen_wrapped_type;
Type* g_async_gen_asend_type;

Generator::~Generator()
{
    if (m_frame && m_frame->owns_memory)
        std::free(m_frame);
}

void Generator::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_name);
    v.visit(m_qualname);
    v.visit(m_exc);
    if (m_frame)
        v.visit_conservative_range(m_frame, reinterpret_cast<char*>(m_frame) + frame_bytes(m_frame->code));
}

static Generator* as_gen(Value v) { return static_cast<Generator*>(v.as_object()); }

bool Generator::wants_finalize()
{
    return m_state == State::Suspended && (type() == g_generator_type || type() == g_coroutine_type);
}

Value make_generator(Frame* frame)
{
    uint32_t flags = frame->code->m_flags;
    Type* t = (flags & bytecode::CO_COROUTINE) ? g_coroutine_type
              : (flags & bytecode::CO_ASYNC_GENERATOR) ? g_async_generator_type
                                                       : g_generator_type;
    Generator* gen = make<Generator>(t, frame);
    gen->m_name = frame->func ? frame->func->m_name : frame->code->m_name;
    gen->m_qualname = frame->func ? frame->func->m_qualname : frame->code->m_qualname;
    frame->generator = Value(gen);
    if (frame->frame_obj) [[unlikely]] // the frame object now needs the generator's memory
        static_cast<FrameObject*>(frame->frame_obj)->m_owner = Value(gen);
    if (t != g_async_generator_type)
        gc::heap().register_finalizable(gen);
    return Value(gen);
}

static const char* kind_name(Generator* gen)
{
    Type* t = gen->type();
    return t == g_coroutine_type ? "coroutine" : t == g_async_generator_type ? "async generator" : "generator";
}

Result<Value> gen_send_ex(Generator* gen, Value value, bool& returned, bool throwing)
{
    returned = false;
    if (gen->m_state == Generator::State::Running) {
        const char* msg = gen->type() == g_coroutine_type ? "coroutine already executing" : "generator already executing";
        return throw_error(g_ValueError, "%s", msg);
    }
    if (gen->m_state == Generator::State::Completed) {
        if (gen->type() == g_coroutine_type && !throwing)
            return throw_error(g_RuntimeError, "cannot reuse already awaited coroutine");
        if (throwing)
            return pending; // the exception is raised as-is
        returned = true;
        return none();
    }
    if (gen->m_state == Generator::State::Created && !throwing && !is_none(value)) {
        return throw_error(g_TypeError, "can't send non-None value to a just-started %s", kind_name(gen));
    }
    Frame* f = gen->m_frame;
    if (!throwing)
        f->stack_base()[f->stack_depth++] = value;
    ThreadState& ts = thread();
    Value saved_handled = ts.handled;
    if (gen->m_exc)
        ts.handled = gen->m_exc;
    gen->m_state = Generator::State::Running;
    Result<Value> r = eval_frame(f, throwing);
    Value inner_handled = ts.handled;
    ts.handled = saved_handled;
    if (r.is_ok() && f->yielded) {
        gen->m_state = Generator::State::Suspended;
        gen->m_exc = inner_handled.is(saved_handled) ? Value() : inner_handled;
        return r;
    }
    gen->m_state = Generator::State::Completed;
    gen->m_exc = Value();
    if (r.is_ok()) {
        returned = true;
        return r;
    }
    // PEP 479: StopIteration escaping a generator becomes RuntimeError.
    if (pending_matches(g_StopIteration) || (gen->type() == g_async_generator_type && pending_matches(g_StopAsyncIteration))) {
        Value exc = take_pending();
        const char* what = pending_matches(g_StopAsyncIteration) ? "async generator raised StopAsyncIteration" : nullptr;
        if (gen->type() == g_coroutine_type)
            what = "coroutine raised StopIteration";
        else if (gen->type() == g_async_generator_type)
            what = exc.type()->is_subtype_of(g_StopAsyncIteration) ? "async generator raised StopAsyncIteration"
                                                                   : "async generator raised StopIteration";
        else
            what = "generator raised StopIteration";
        throw_error(g_RuntimeError, "%s", what);
        Value rt = pending_exception();
        as_exception(rt)->m_cause = exc;
        as_exception(rt)->m_context = exc;
        as_exception(rt)->m_suppress_context = true;
    }
    return pending;
}

// Raises StopIteration(value) (the result of next()/send() when a generator returns).
static Pending raise_stop_iteration(Value value)
{
    if (is_none(value))
        return throw_error_value(g_StopIteration, Value());
    // Wrap tuples/exceptions so args[0] is exactly the value.
    Value args[1] = { value };
    Result<Value> exc = make_exception(g_StopIteration, std::span<const Value>(args, 1));
    if (exc.is_ok())
        set_pending(exc.value());
    return pending;
}

static Result<Value> gen_iternext(Value self)
{
    bool returned;
    Value r = TRY(gen_send_ex(as_gen(self), none(), returned));
    if (returned) {
        if (!is_none(r))
            return raise_stop_iteration(r);
        return Value();
    }
    return r;
}

static Result<Value> gen_send(Value self, CallArgs args)
{
    TRY(check_arity(args, "send", 1, 1));
    bool returned;
    Value r = TRY(gen_send_ex(as_gen(self), args[0], returned));
    if (returned)
        return raise_stop_iteration(r);
    return r;
}

// The sub-iterator a suspended generator is delegating to (yield from / await), or null.
static Value gen_yf(Generator* gen)
{
    if (gen->m_state != Generator::State::Suspended)
        return Value();
    Frame* f = gen->m_frame;
    bytecode::Word next = f->instrs[f->pc];
    if (bytecode::word_opcode(next) != Opcode::RESUME || bytecode::word_operand(next) < 2)
        return Value();
    return f->stack_base()[f->stack_depth - 1];
}

static Result<Value> gen_throw_exc(Generator* gen, Value exc, bool close_on_genexit);

static Status gen_close_iter(Value yf)
{
    if (yf.type() == g_generator_type || yf.type() == g_coroutine_type) {
        extern Result<Value> gen_close_impl(Generator * gen);
        TRY(gen_close_impl(as_gen(yf)));
        return ok();
    }
    Value close = TRY(get_attr_optional(yf, Str::intern("close")));
    if (close)
        TRY(call(close, std::span<const Value>()));
    return ok();
}

static Result<Value> gen_throw_exc(Generator* gen, Value exc, bool close_on_genexit)
{
    Value yf = gen_yf(gen);
    if (yf) {
        Result<Value> ret = pending;
        if (exc.type()->is_subtype_of(g_GeneratorExit) && close_on_genexit) {
            gen->m_state = Generator::State::Running;
            Status st = gen_close_iter(yf);
            gen->m_state = Generator::State::Suspended;
            if (st.is_error())
                goto throw_here_pending;
            goto throw_here;
        }
        if (yf.type() == g_generator_type || yf.type() == g_coroutine_type) {
            gen->m_state = Generator::State::Running;
            ret = gen_throw_exc(as_gen(yf), exc, close_on_genexit);
            gen->m_state = Generator::State::Suspended;
        } else {
            Result<Value> meth = get_attr_optional(yf, Str::intern("throw"));
            if (meth.is_error())
                goto throw_here_pending;
            if (!meth.value())
                goto throw_here;
            gen->m_state = Generator::State::Running;
            ret = call(meth.value(), { exc });
            gen->m_state = Generator::State::Suspended;
        }
        if (ret.is_ok())
            return ret; // the sub-iterator yielded again
        // The sub-iterator finished: StopIteration resumes us after the SEND loop.
        if (pending_matches(g_StopIteration)) {
            Value stop = take_pending();
            Tuple* a = as_exception(stop)->m_args;
            Value val = a && a->size() ? a->at(0) : none();
            Frame* f = gen->m_frame;
            // Pop the receiver and continue at the SEND's jump target with the value.
            uint32_t send_index = f->pc - 2;
            bytecode::Word send = f->instrs[send_index];
            f->stack_depth -= 1;
            f->pc = bytecode::word_operand(send);
            bool returned;
            Value r = TRY(gen_send_ex(gen, val, returned));
            if (returned)
                return raise_stop_iteration(r);
            return r;
        }
        goto throw_here_pending;
    }
throw_here:
    set_pending(exc);
throw_here_pending: {
    if (gen->m_state == Generator::State::Created) {
        // Never started: the exception propagates without running the body.
        gen->m_state = Generator::State::Completed;
        return pending;
    }
    bool returned;
    Value r = TRY(gen_send_ex(gen, Value(), returned, true));
    if (returned)
        return raise_stop_iteration(r);
    return r;
}
}

static Result<Value> gen_throw(Value self, CallArgs args)
{
    TRY(no_keywords(args, "throw"));
    if (args.nargs < 1 || args.nargs > 3)
        return throw_error(g_TypeError, "throw expected at least 1 argument, got %zu", args.nargs);
    Value typ = args[0];
    Value val = args.nargs > 1 ? args[1] : Value();
    Value tb = args.nargs > 2 ? args[2] : Value();
    Value exc;
    if (is_type(typ) && as_type(typ)->is_subtype_of(g_BaseException)) {
        if (val && is_exception(val) && val.type()->is_subtype_of(as_type(typ)))
            exc = val;
        else if (val && !is_none(val))
            exc = TRY(call(typ, { val }));
        else
            exc = TRY(call(typ, std::span<const Value>()));
    } else if (is_exception(typ)) {
        if (val && !is_none(val))
            return throw_error(g_TypeError, "instance exception may not have a separate value");
        exc = typ;
    } else {
        return throw_error(g_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                           typ.type()->m_name.c_str());
    }
    if (tb && !is_none(tb))
        as_exception(exc)->m_traceback = tb;
    return gen_throw_exc(as_gen(self), exc, true);
}

Result<Value> gen_close_impl(Generator* gen)
{
    if (gen->m_state == Generator::State::Completed)
        return none();
    if (gen->m_state == Generator::State::Created) {
        gen->m_state = Generator::State::Completed;
        return none();
    }
    Value exc = TRY(make_exception(g_GeneratorExit, {}));
    Result<Value> r = gen_throw_exc(gen, exc, true);
    if (r.is_ok()) {
        return throw_error(g_RuntimeError, "%s ignored GeneratorExit", kind_name(gen));
    }
    if (pending_matches(g_GeneratorExit) || pending_matches(g_StopIteration)) {
        take_pending();
        return none();
    }
    return pending;
}

static Result<Value> gen_close(Value self, CallArgs args)
{
    TRY(check_arity(args, "close", 0, 0));
    return gen_close_impl(as_gen(self));
}

static Result<Value> gen_repr(Value self)
{
    Generator* g = as_gen(self);
    char buf[64];
    std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(g));
    const char* kind = g->type() == g_coroutine_type ? "coroutine" : g->type() == g_async_generator_type ? "async_generator" : "generator";
    return Value(Str::create(std::string("<") + kind + " object " + g->m_qualname->data() + buf));
}

static Result<Value> gen_self(Value self) { return self; }

// --- awaitables -------------------------------------------------------------------

Result<Value> get_awaitable(Value v, int where)
{
    if (v.type() == g_coroutine_type) {
        Value yf = gen_yf(as_gen(v));
        if (yf)
            return throw_error(g_RuntimeError, "coroutine is being awaited already");
        return v;
    }
    if (v.type() == g_generator_type && (as_gen(v)->m_frame->code->m_flags & bytecode::CO_ITERABLE_COROUTINE))
        return v;
    Value await = type_lookup(v.type(), Str::intern("__await__"));
    if (!await) {
        if (where == 1)
            return throw_error(g_TypeError, "'async with' received an object from __aenter__ that does not implement __await__: %s",
                               v.type()->m_name.c_str());
        if (where == 2)
            return throw_error(g_TypeError, "'async with' received an object from __aexit__ that does not implement __await__: %s",
                               v.type()->m_name.c_str());
        return throw_error(g_TypeError, "object %s can't be used in 'await' expression", v.type()->m_name.c_str());
    }
    Value it = TRY(call_method(v, "__await__", {}));
    if (it.type() == g_coroutine_type)
        return throw_error(g_TypeError, "__await__() returned a coroutine");
    if (!it.type()->iternext)
        return throw_error(g_TypeError, "__await__() returned non-iterator of type '%s'", it.type()->m_name.c_str());
    return it;
}

Result<Value> get_aiter(Value v)
{
    Value m = type_lookup(v.type(), Str::intern("__aiter__"));
    if (!m)
        return throw_error(g_TypeError, "'async for' requires an object with __aiter__ method, got %s", v.type()->m_name.c_str());
    Value it = TRY(call_method(v, "__aiter__", {}));
    if (!type_lookup(it.type(), Str::intern("__anext__")))
        return throw_error(g_TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                           it.type()->m_name.c_str());
    return it;
}

Result<Value> get_anext(Value v)
{
    Value m = type_lookup(v.type(), Str::intern("__anext__"));
    if (!m)
        return throw_error(g_TypeError, "'async for' requires an iterator with __anext__ method, got %s", v.type()->m_name.c_str());
    Value aw = TRY(call_method(v, "__anext__", {}));
    Result<Value> r = get_awaitable(aw, 0);
    if (r.is_error()) {
        take_pending();
        return throw_error(g_TypeError, "'async for' received an invalid object from __anext__: %s", aw.type()->m_name.c_str());
    }
    return r;
}

// --- async generators -------------------------------------------------------------------

class AsyncGenWrapped : public Object {
public:
    AsyncGenWrapped(Type* t, Value v) : Object(t), m_value(v) {}
    void visit_edges(gc::Visitor& v) override
    {
        Object::visit_edges(v);
        v.visit(m_value);
    }
    Value m_value;
};

Value async_gen_wrap(Value v) { return Value(make<AsyncGenWrapped>(g_async_gen_wrapped_type, v)); }

// The awaitable returned by __anext__/asend/athrow/aclose.
class AsyncGenASend : public Object {
public:
    AsyncGenASend(Type* t, Value gen, Value value, int mode) : Object(t), m_gen(gen), m_value(value), m_mode(mode) {}
    void visit_edges(gc::Visitor& v) override
    {
        Object::visit_edges(v);
        v.visit(m_gen);
        v.visit(m_value);
    }
    Value m_gen;
    Value m_value;     // value to send first (asend) or exception to throw (athrow)
    int m_mode;        // 0 asend, 1 athrow, 2 aclose
    int m_state = 0;   // 0 init, 1 iterating, 2 closed
};

// Unwraps a result of resuming the async generator: wrapped values end the await with StopIteration(value).
static Result<Value> async_gen_unwrap(AsyncGenASend* a, Result<Value> r, bool returned)
{
    if (r.is_error()) {
        a->m_state = 2;
        if (a->m_mode == 2 && (pending_matches(g_StopAsyncIteration) || pending_matches(g_GeneratorExit))) {
            take_pending();
            return raise_stop_iteration(none());
        }
        return pending;
    }
    if (returned) {
        a->m_state = 2;
        if (a->m_mode == 2)
            return raise_stop_iteration(none());
        return throw_error_value(g_StopAsyncIteration, Value());
    }
    Value v = r.value();
    if (v.type() == g_async_gen_wrapped_type) {
        a->m_state = 2;
        if (a->m_mode == 2)
            return throw_error(g_RuntimeError, "async generator ignored GeneratorExit");
        return raise_stop_iteration(static_cast<AsyncGenWrapped*>(v.as_object())->m_value);
    }
    return v; // an await inside the generator yielded: pass it through
}

static Result<Value> asend_send_impl(AsyncGenASend* a, Value v)
{
    if (a->m_state == 2)
        return throw_error(g_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    Generator* gen = as_gen(a->m_gen);
    bool returned = false;
    if (a->m_state == 0) {
        a->m_state = 1;
        if (a->m_mode == 0) {
            if (gen->m_closed) {
                a->m_state = 2;
                return throw_error_value(g_StopAsyncIteration, Value());
            }
            Value first = is_none(v) ? a->m_value : v;
            Result<Value> r = gen_send_ex(gen, first ? first : none(), returned);
            return async_gen_unwrap(a, r, returned);
        }
        if (a->m_mode == 2)
            gen->m_closed = true;
        if (gen->m_state == Generator::State::Created || gen->m_state == Generator::State::Completed) {
            gen->m_state = Generator::State::Completed;
            a->m_state = 2;
            if (a->m_mode == 2)
                return raise_stop_iteration(none());
            set_pending(a->m_value);
            return pending;
        }
        Result<Value> r = gen_throw_exc(gen, a->m_value, false);
        if (r.is_error() && pending_matches(g_StopIteration) && gen->m_state == Generator::State::Completed) {
            take_pending();
            returned = true;
            r = Result<Value>(none());
        }
        return async_gen_unwrap(a, r, returned);
    }
    Result<Value> r = gen_send_ex(gen, v, returned);
    return async_gen_unwrap(a, r, returned);
}

static Result<Value> asend_send(Value self, CallArgs args)
{
    TRY(check_arity(args, "send", 1, 1));
    return asend_send_impl(static_cast<AsyncGenASend*>(self.as_object()), args[0]);
}

static Result<Value> asend_iternext(Value self)
{
    Result<Value> r = asend_send_impl(static_cast<AsyncGenASend*>(self.as_object()), none());
    if (r.is_error() && pending_matches(g_StopIteration)) {
        Value exc = pending_exception();
        Tuple* a = as_exception(exc)->m_args;
        if (!a || a->size() == 0) {
            take_pending();
            return Value();
        }
    }
    return r;
}

static Result<Value> asend_throw(Value self, CallArgs args)
{
    auto* a = static_cast<AsyncGenASend*>(self.as_object());
    if (args.nargs < 1)
        return throw_error(g_TypeError, "throw expected at least 1 argument, got 0");
    Value exc = args[0];
    if (is_type(exc))
        exc = TRY(call(exc, std::span<const Value>()));
    bool returned = false;
    Result<Value> r = gen_throw_exc(as_gen(a->m_gen), exc, true);
    return async_gen_unwrap(a, r, returned);
}

static Result<Value> asend_close(Value self, CallArgs)
{
    static_cast<AsyncGenASend*>(self.as_object())->m_state = 2;
    return none();
}

static Result<Value> agen_anext(Value self, CallArgs)
{
    return Value(make<AsyncGenASend>(g_async_gen_asend_type, self, none(), 0));
}

static Result<Value> agen_asend(Value self, CallArgs args)
{
    TRY(check_arity(args, "asend", 1, 1));
    return Value(make<AsyncGenASend>(g_async_gen_asend_type, self, args[0], 0));
}

static Result<Value> agen_athrow(Value self, CallArgs args)
{
    if (args.nargs < 1)
        return throw_error(g_TypeError, "athrow expected at least 1 argument, got 0");
    Value exc = args[0];
    if (is_type(exc))
        exc = TRY(call(exc, args.nargs > 1 ? std::span<const Value>(args.items + 1, 1) : std::span<const Value>()));
    return Value(make<AsyncGenASend>(g_async_gen_asend_type, self, exc, 1));
}

static Result<Value> agen_aclose(Value self, CallArgs)
{
    Value exc = TRY(make_exception(g_GeneratorExit, {}));
    return Value(make<AsyncGenASend>(g_async_gen_asend_type, self, exc, 2));
}

static Result<Value> gen_get_name(Value self) { return Value(as_gen(self)->m_name); }
static Result<Value> gen_get_qualname(Value self) { return Value(as_gen(self)->m_qualname); }
static Result<Value> gen_get_running(Value self) { return py_bool(as_gen(self)->m_state == Generator::State::Running); }
static Result<Value> gen_get_code(Value self) { return Value(as_gen(self)->m_frame->code); }
static Result<Value> gen_get_frame(Value self)
{
    Generator* gen = as_gen(self);
    if (gen->m_state == Generator::State::Completed)
        return none();
    return Value(frame_object(gen->m_frame));
}
static Result<Value> gen_get_yieldfrom(Value self)
{
    Value yf = gen_yf(as_gen(self));
    return yf ? yf : none();
}
static Result<Value> gen_get_suspended(Value self) { return py_bool(as_gen(self)->m_state == Generator::State::Suspended); }

void finalize_cell(gc::Cell* cell)
{
    // Registered cells are suspended generators/coroutines and instances of
    // classes with __del__ (see Generator/Instance::wants_finalize).
    auto* obj = static_cast<Object*>(cell);
    bool is_gen = obj->type() == g_generator_type || obj->type() == g_coroutine_type;
    Value culprit = Value(obj);
    Value saved = take_pending(); // a finalizer must not disturb the exception in flight
    Result<Value> r = none();
    if (is_gen) {
        if (static_cast<Generator*>(obj)->m_state == Generator::State::Suspended)
            r = gen_close_impl(static_cast<Generator*>(obj));
    } else if (Value del = type_lookup(obj->type(), Str::intern("__del__"))) {
        culprit = del;
        r = call(del, { Value(obj) });
    }
    if (r.is_error()) {
        // As PyErr_WriteUnraisable.
        Value exc = take_pending();
        Value err = sys_dict()->get_str("stderr");
        Result<std::string> rep = repr_text(culprit);
        if (rep.is_error())
            take_pending();
        if (err && !is_none(err)) {
            std::string line = "Exception ignored in: " + (rep.is_ok() ? rep.value() : std::string("<generator>")) + "\n";
            if (call_method(err, "write", { Value(Str::create(line)) }).is_error())
                take_pending();
            if (print_exception(exc).is_error())
                take_pending();
        }
    }
    if (saved)
        restore_pending(saved);
}

void init_generator_types()
{
    init_frame_type();
    gc::heap().set_finalizer_hook(finalize_cell);
    for (Type* t : { g_generator_type, g_coroutine_type, g_async_generator_type }) {
        t->repr = gen_repr;
        add_getset(t, "__name__", gen_get_name);
        add_getset(t, "__qualname__", gen_get_qualname);
    }
    Type* g = g_generator_type;
    g->iter = gen_self;
    g->iternext = gen_iternext;
    add_method(g, "send", gen_send);
    add_method(g, "throw", gen_throw);
    add_method(g, "close", gen_close);
    add_getset(g, "gi_running", gen_get_running);
    add_getset(g, "gi_code", gen_get_code);
    add_getset(g, "gi_frame", gen_get_frame);
    add_getset(g, "gi_yieldfrom", gen_get_yieldfrom);
    add_getset(g, "gi_suspended", gen_get_suspended);

    Type* c = g_coroutine_type;
    add_method(c, "send", gen_send);
    add_method(c, "throw", gen_throw);
    add_method(c, "close", gen_close);
    add_method(c, "__await__", [](Value self, CallArgs) -> Result<Value> { return self; });
    c->iternext = gen_iternext; // FIXME: CPython returns a coroutine_wrapper from __await__
    add_getset(c, "cr_running", gen_get_running);
    add_getset(c, "cr_code", gen_get_code);
    add_getset(c, "cr_frame", gen_get_frame);
    add_getset(c, "cr_await", gen_get_yieldfrom);
    add_getset(c, "cr_suspended", gen_get_suspended);

    Type* a = g_async_generator_type;
    add_method(a, "__aiter__", [](Value self, CallArgs) -> Result<Value> { return self; });
    add_method(a, "__anext__", agen_anext);
    add_method(a, "asend", agen_asend);
    add_method(a, "athrow", agen_athrow);
    add_method(a, "aclose", agen_aclose);
    add_getset(a, "ag_running", gen_get_running);
    add_getset(a, "ag_code", gen_get_code);
    add_getset(a, "ag_frame", gen_get_frame);
    add_getset(a, "ag_await", gen_get_yieldfrom);

    g_async_gen_wrapped_type = new_builtin_type("async_generator_wrapped_value", g_object_type, Layout::Other, 0);
    type_ready(g_async_gen_wrapped_type);
    Type* s = g_async_gen_asend_type = new_builtin_type("async_generator_asend", g_object_type, Layout::Other, 0);
    s->iter = gen_self;
    s->iternext = asend_iternext;
    add_method(s, "send", asend_send);
    add_method(s, "throw", asend_throw);
    add_method(s, "close", asend_close);
    add_method(s, "__await__", [](Value self, CallArgs) -> Result<Value> { return self; });
    type_ready(s);
}

} // namespace adder::vm
