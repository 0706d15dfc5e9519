// The VM's entry points: running code objects, calling Python functions
// (argument binding with CPython's error messages), generators and
// coroutines, and the hooks the VM needs from higher layers (import).
#pragma once

#include "objects/function.h"
#include "objects/object.h"
#include "vm/frame.h"

namespace adder {
class Tuple;
}

namespace adder::vm {

// Runs module/class/exec-style `code` with `globals` and `locals` (a mapping,
// or null to use globals). Returns the value of the code block.
Result<Value> run_code(Code* code, Dict* globals, Value locals);
// Calls Python function `f` (the function type's call slot).
Result<Value> call_function(Function* f, CallArgs args);
// For the eval loop's inlined calls: pushes a data-stack frame for plain
// (non-generator) function `f` and binds `args`; null with an exception
// pending on failure. The caller links, runs and pops it.
Frame* push_function_frame(Function* f, CallArgs args);
// Runs class body `f` with namespace `ns` (for __build_class__); returns the __classcell__ value or None.
Result<Value> run_class_body(Function* f, Value ns);
// Executes `frame` until it returns, yields (frame->yielded) or raises.
// `throwing`: start by unwinding the pending exception (generator.throw()).
Result<Value> eval_frame(Frame* frame, bool throwing = false);
// The innermost executing Python frame (null at top level).
Frame* current_frame();

// The Python-visible frame object (CPython's PyFrameObject) of a VM frame.
// Created lazily and only on request (frame_object()); while attached it
// reads the live frame, and when a data-stack frame exits it is detached
// (frame_object_exit): the fast locals and the last instruction are copied
// and f_back is linked to the caller's frame object, as CPython's
// take_ownership. A generator's frame stays attached (its memory lives as
// long as the generator, which m_owner keeps alive); its f_back is None
// unless the generator is running.
class FrameObject final : public Object {
public:
    using GcTriviallySweepable = FrameObject; // owns no memory: the sweep skips the destructor
    explicit FrameObject(Type* type) : Object(type) {}
    void visit_edges(gc::Visitor& v) override;

    Frame* m_frame = nullptr;     // the live frame, null once detached
    Code* m_code = nullptr;       // fixed for the frame's life
    Dict* m_globals = nullptr;
    Dict* m_builtins = nullptr;
    Value m_locals;               // mapping of module/class/exec frames
    Value m_owner;                // generator owning m_frame's memory
    Value m_back;                 // caller's frame object, once detached
    Value m_locals_dict;          // f_locals of a function frame (refreshed on each read)
    Value m_trace;                // f_trace (stored only: Adder does not trace)
    Tuple* m_fast = nullptr;      // detached: copy of localsplus (unbound slots null; never exposed)
    uint32_t m_lasti = 0;         // detached: last instruction index
    bool m_trace_lines = true;
    bool m_trace_opcodes = false;
};

// The frame object of `f`, creating it on first use.
FrameObject* frame_object(Frame* f);
// Slow path of a data-stack frame's exit when f->frame_obj is set: detaches
// the frame object, `lasti` being the last instruction executed.
void frame_object_exit(Frame* f, uint32_t lasti);
// sys._getframe(depth): null with ValueError pending if too deep.
FrameObject* get_frame(int64_t depth);
void init_frame_type();

// Generators, coroutines and async generators share one object.
class Generator : public Object {
public:
    Generator(Type* type, Frame* frame) : Object(type), m_frame(frame) {}
    ~Generator() override;
    void visit_edges(gc::Visitor& v) override;
    // A suspended generator/coroutine must be closed before it is freed
    // (its finally blocks run), as CPython's _PyGen_Finalize.
    bool wants_finalize() override;

    enum class State : uint8_t { Created, Suspended, Running, Completed };
    Frame* m_frame;
    State m_state = State::Created;
    Str* m_name = nullptr;
    Str* m_qualname = nullptr;
    Value m_exc;          // exception being handled inside the generator while suspended
    bool m_closed = false; // async generators: aclose() ran
    bool m_hooks_inited = false;
};

// gen.send(value): resumes the generator. Result: the yielded value with
// `returned` false, or the return value with `returned` true.
Result<Value> gen_send_ex(Generator* gen, Value value, bool& returned, bool throwing = false);
// The gc::Heap finalizer hook (installed by init_generator_types): closes a
// generator queued by the collector, reporting errors as unraisable.
void finalize_cell(gc::Cell* cell);
// Creates the generator object for a frame that just executed RETURN_GENERATOR.
Value make_generator(Frame* frame);
// Hooks installed by higher layers.
using ImportHook = Result<Value> (*)(Str* name, Value globals, Value locals, Value fromlist, int level);
void set_import_hook(ImportHook hook);
ImportHook import_hook();
// Looks up builtins.__build_class__ etc.
Dict* builtins_dict();
void set_builtins_dict(Dict* d);
// sys.displayhook for PRINT_EXPR.
Status display_hook(Value v);

} // namespace adder::vm
