// Frame objects (CPython 3.11 Objects/frameobject.c): the Python view of a
// VM frame, made only on request (sys._getframe, traceback entries,
// gi_frame/cr_frame, f_back), never by a plain call, so the eval loop pays
// one null check on a frame's exit (Frame::frame_obj) and nothing else. An
// attached object reads the live frame; a data-stack frame detaches its
// object on exit, copying the fast locals and the last instruction and
// linking f_back to the caller's frame object (CPython's take_ownership).
// Also code.co_positions(), which the traceback module pairs with tb_lasti.
#include <cstdio>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/thread_state.h"
#include "objects/tuple.h"
#include "vm/interp.h"

namespace adder::vm {

void FrameObject::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_code);
    v.visit(m_globals);
    v.visit(m_builtins);
    v.visit(m_locals);
    v.visit(m_owner);
    v.visit(m_back);
    v.visit(m_locals_dict);
    v.visit(m_trace);
    v.visit(m_fast);
}

FrameObject* frame_object(Frame* f)
{
    if (f->frame_obj)
        return static_cast<FrameObject*>(f->frame_obj);
    auto* fo = make<FrameObject>(g_frame_type);
    fo->m_frame = f;
    fo->m_code = f->code;
    fo->m_globals = f->globals;
    fo->m_builtins = f->builtins;
    fo->m_locals = f->locals;
    if (f->owns_memory)
        fo->m_owner = f->generator;
    f->frame_obj = fo;
    f->exit_flags |= FRAME_HAS_OBJECT;
    return fo;
}

void frame_object_exit(Frame* f, uint32_t lasti)
{
    auto* fo = static_cast<FrameObject*>(f->frame_obj);
    fo->m_lasti = lasti;
    if (f->owns_memory && f->generator) {
        // A generator frame keeps its memory (and is never resumed once it
        // has returned or raised): pc keeps the last instruction for f_lasti.
        f->pc = lasti + 1;
        return;
    }
    // The frame is still on the data stack (and scanned) while we allocate.
    int n = f->code->m_nlocalsplus;
    if (n && !f->locals)
        fo->m_fast = Tuple::create(std::span<const Value>(f->localsplus(), size_t(n)));
    if (f->previous)
        fo->m_back = Value(frame_object(f->previous));
    fo->m_frame = nullptr;
    f->frame_obj = nullptr;
    f->exit_flags &= uint8_t(~FRAME_HAS_OBJECT);
}

FrameObject* get_frame(int64_t depth)
{
    Frame* f = thread().frame;
    while (depth > 0 && f) {
        f = f->previous;
        --depth;
    }
    if (!f) {
        throw_error(g_ValueError, "call stack is not deep enough");
        return nullptr;
    }
    return frame_object(f);
}

// --- attributes ---------------------------------------------------------------------------

static FrameObject* as_fo(Value v) { return static_cast<FrameObject*>(v.as_object()); }

// A live generator frame that is not running has no caller (CPython clears
// `previous` on suspension and on completion).
static bool frame_running(FrameObject* fo)
{
    Frame* f = fo->m_frame;
    if (!f)
        return false;
    if (f->owns_memory && f->generator)
        return static_cast<Generator*>(f->generator.as_object())->m_state == Generator::State::Running;
    return true;
}

static uint32_t frame_lasti(FrameObject* fo)
{
    Frame* f = fo->m_frame;
    if (!f)
        return fo->m_lasti;
    // pc is saved before every instruction that can call out or suspend.
    return f->pc ? f->pc - 1 : 0;
}

static int frame_lineno(FrameObject* fo)
{
    const auto& pos = fo->m_code->m_unit->positions;
    uint32_t i = frame_lasti(fo);
    int line = i < pos.size() ? pos[i].lineno : -1;
    return line < 0 ? fo->m_code->m_firstlineno : line;
}

static Result<Value> frame_get_back(Value self)
{
    FrameObject* fo = as_fo(self);
    if (fo->m_frame) {
        if (!frame_running(fo) || !fo->m_frame->previous)
            return none();
        return Value(frame_object(fo->m_frame->previous));
    }
    return fo->m_back ? fo->m_back : none();
}

static Result<Value> frame_get_code(Value self) { return Value(as_fo(self)->m_code); }
static Result<Value> frame_get_globals(Value self) { return Value(as_fo(self)->m_globals); }
static Result<Value> frame_get_builtins(Value self)
{
    Dict* b = as_fo(self)->m_builtins;
    return b ? Value(b) : Value(builtins_dict());
}
static Result<Value> frame_get_lineno(Value self) { return int_from_i64(frame_lineno(as_fo(self))); }
static Result<Value> frame_get_lasti(Value self) { return int_from_i64(int64_t(frame_lasti(as_fo(self))) * 2); }

// PyFrame_GetLocals: the locals mapping of a module/class frame; for a
// function frame one dict per frame object, refreshed from the fast locals
// (cell contents for cells and free variables; unbound names removed).
static Result<Value> frame_get_locals(Value self)
{
    FrameObject* fo = as_fo(self);
    if (fo->m_locals)
        return fo->m_locals;
    if (!fo->m_locals_dict)
        fo->m_locals_dict = Value(Dict::create());
    Dict* d = as_dict(fo->m_locals_dict);
    Code* co = fo->m_code;
    const Value* fast = fo->m_frame ? fo->m_frame->localsplus() : fo->m_fast ? fo->m_fast->data() : nullptr;
    const auto& kinds = co->m_unit->localspluskinds;
    for (int i = 0; i < co->m_nlocalsplus; ++i) {
        Value v = fast ? fast[i] : Value();
        uint8_t kind = kinds[size_t(i)];
        if (v && (kind & (bytecode::CO_FAST_CELL | bytecode::CO_FAST_FREE)) && v.type() == g_cell_type)
            v = static_cast<CellObject*>(v.as_object())->m_value;
        Str* name = co->m_localsplusnames[size_t(i)];
        if (v)
            d->set_str(name, v);
        else
            d->del_str(name);
    }
    return Value(d);
}

static Result<Value> frame_get_trace(Value self)
{
    Value t = as_fo(self)->m_trace;
    return t ? t : none();
}
static Status frame_set_trace(Value self, Value v)
{
    as_fo(self)->m_trace = (v && !is_none(v)) ? v : Value();
    return ok();
}
static Result<Value> frame_get_trace_lines(Value self) { return py_bool(as_fo(self)->m_trace_lines); }
static Status frame_set_trace_lines(Value self, Value v)
{
    if (!v || v.type() != g_bool_type)
        return throw_error(g_TypeError, "attribute value type must be bool");
    as_fo(self)->m_trace_lines = v.is(py_bool(true));
    return ok();
}
static Result<Value> frame_get_trace_opcodes(Value self) { return py_bool(as_fo(self)->m_trace_opcodes); }
static Status frame_set_trace_opcodes(Value self, Value v)
{
    if (!v || v.type() != g_bool_type)
        return throw_error(g_TypeError, "attribute value type must be bool");
    as_fo(self)->m_trace_opcodes = v.is(py_bool(true));
    return ok();
}

// frame.clear(): drops the locals of a finished frame, closes a suspended
// generator's frame, refuses an executing one (as CPython 3.11).
static Result<Value> frame_clear(Value self, CallArgs args)
{
    TRY(check_arity(args, "clear", 0, 0));
    FrameObject* fo = as_fo(self);
    if (fo->m_frame) {
        Frame* f = fo->m_frame;
        if (!(f->owns_memory && f->generator) || frame_running(fo))
            return throw_error(g_RuntimeError, "cannot clear an executing frame");
        TRY(call_method(f->generator, "close", {}));
        // close() ran the generator to completion: its locals go with it.
        Value* fast = f->localsplus();
        for (int i = 0, n = f->code->m_nlocalsplus; i < n; ++i)
            fast[i] = Value();
    }
    fo->m_fast = nullptr;
    fo->m_locals_dict = Value();
    return none();
}

static Result<Value> frame_repr(Value self)
{
    FrameObject* fo = as_fo(self);
    std::string file = TRY(repr_text(Value(fo->m_code->m_filename)));
    char head[64];
    std::snprintf(head, sizeof head, "<frame at %p, file ", static_cast<void*>(fo));
    return Value(Str::create(std::string(head) + file + ", line " + std::to_string(frame_lineno(fo)) + ", code " +
                             fo->m_code->m_name->c_str() + ">"));
}

// code.co_positions(): (lineno, end_lineno, col, end_col) per instruction;
// tb_lasti // 2 and f_lasti // 2 index it (Adder's words stand for CPython's
// 2-byte units there).
static Result<Value> code_co_positions(Value self, CallArgs args)
{
    TRY(check_arity(args, "co_positions", 0, 0));
    Code* co = static_cast<Code*>(self.as_object());
    if (!co->ensure_body())
        return pending;
    const auto& pos = co->m_unit->positions;
    auto field = [](int32_t x) { return x < 0 ? none() : int_from_i64(x); };
    List* out = List::create();
    for (size_t i = 0, n = pos.size(); i < n; ++i) {
        const bytecode::Position& p = pos[i];
        out->append(Value(Tuple::create({ field(p.lineno), field(p.end_lineno), field(p.col), field(p.end_col) })));
    }
    return get_iter(Value(out));
}

void init_frame_type()
{
    Type* t = g_frame_type;
    t->repr = frame_repr;
    add_getset(t, "f_back", frame_get_back);
    add_getset(t, "f_code", frame_get_code);
    add_getset(t, "f_globals", frame_get_globals);
    add_getset(t, "f_builtins", frame_get_builtins);
    add_getset(t, "f_locals", frame_get_locals);
    add_getset(t, "f_lineno", frame_get_lineno);
    add_getset(t, "f_lasti", frame_get_lasti);
    add_getset(t, "f_trace", frame_get_trace, frame_set_trace);
    add_getset(t, "f_trace_lines", frame_get_trace_lines, frame_set_trace_lines);
    add_getset(t, "f_trace_opcodes", frame_get_trace_opcodes, frame_set_trace_opcodes);
    add_method(t, "clear", frame_clear);
    add_method(g_code_type, "co_positions", code_co_positions);
}

} // namespace adder::vm
