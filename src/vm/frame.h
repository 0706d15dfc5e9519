// Frames: the activation record of one Python code block. A frame is a
// header followed by `nlocalsplus` fast-local slots and `stacksize` value
// stack slots (CPython 3.11's _PyInterpreterFrame layout). Ordinary calls
// carve frames out of the VM data stack (no heap allocation per call);
// generator/coroutine frames live in memory owned by their generator object.
//
// GC: the data stack and every generator frame are scanned CONSERVATIVELY
// word by word (header included), so the eval loop never has to publish its
// stack pointer before an allocation; stale slots only retain garbage a
// little longer. Frames are zero-filled when pushed (the eval loop's
// inlined calls zero only the header and fast locals).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "bytecode/code.h"
#include "objects/function.h"
#include "objects/object.h"

namespace adder::vm {

enum : uint8_t { FRAME_INLINED = 1, FRAME_HAS_OBJECT = 2 };

struct Frame {
    Code* code = nullptr;
    Function* func = nullptr;     // null for module/class/exec frames
    Dict* globals = nullptr;
    Dict* builtins = nullptr;
    Value locals;                 // mapping for module/class/exec frames, null for functions
    Frame* previous = nullptr;
    Value generator;              // owning generator/coroutine, if any
    // The Python-visible frame object, created lazily (sys._getframe, a
    // traceback entry, gi_frame); null for almost every frame. A data-stack
    // frame that has one (FRAME_HAS_OBJECT) detaches it on exit
    // (frame_object_exit) so that it never points at a popped frame. Found
    // by the conservative scan, so it keeps the object alive while the
    // frame exists.
    Object* frame_obj = nullptr;
    const bytecode::Word* instrs = nullptr;
    uint32_t pc = 0;              // index of the next instruction
    uint32_t lasti = 0;           // index of the instruction being executed (for tracebacks)
    int32_t stack_depth = 0;      // saved stack depth while suspended
    bool yielded = false;         // set by YIELD_VALUE when eval returns
    bool owns_memory = false;
    // FRAME_INLINED: pushed by the eval loop's CALL (RETURN_VALUE resumes
    // `previous` in the same loop); FRAME_HAS_OBJECT: frame_obj is set and
    // must be detached on exit. One byte, so that the common return (an
    // inlined frame without an object) is a single compare.
    uint8_t exit_flags = 0;
    Value slots[];                // localsplus, then the value stack

    Value* localsplus() { return slots; }
    Value* stack_base() { return slots + code->m_nlocalsplus; }
    // Source line of instruction `index` (-1 if unknown).
    int line_of(uint32_t index) const;
};

// Every call zeroes the header: keep it at 88 bytes (11 words).
static_assert(sizeof(Frame) == 88);

// Size in bytes of a frame for `code`.
inline size_t frame_size(const Code* code)
{
    return sizeof(Frame) + sizeof(Value) * size_t(code->m_nlocalsplus + code->m_stacksize + 1);
}

// Bytes a frame for `code` occupies (16-byte aligned), for the
// conservative scan of heap frames. Computed rather than stored so that the
// header, which every call zeroes, stays at 88 bytes.
inline size_t frame_bytes(const Code* code) { return (frame_size(code) + 15) & ~size_t(15); }

// The VM's contiguous stack of frames.
class DataStack : public gc::RootSource {
public:
    DataStack();
    // Pushes a zeroed frame for `code`; null when the stack is exhausted.
    // Inline: it is on the path of every Python-to-Python call.
    Frame* push(Code* code)
    {
        size_t size = (frame_size(code) + 15) & ~size_t(15);
        if (size_t(m_limit - m_top) < size) [[unlikely]]
            return nullptr;
        auto* f = reinterpret_cast<Frame*>(m_top);
        std::memset(static_cast<void*>(f), 0, size);
        m_top += size;
        f->code = code;
        return f;
    }
    // As push(), but only the header and the fast locals are zeroed: the
    // value stack is never read above its top, and the conservative scan
    // tolerates stale words there (they only retain garbage a little longer).
    Frame* push_for_call(Code* code)
    {
        size_t size = (frame_size(code) + 15) & ~size_t(15);
        if (size_t(m_limit - m_top) < size) [[unlikely]]
            return nullptr;
        auto* f = reinterpret_cast<Frame*>(m_top);
        std::memset(static_cast<void*>(f), 0, sizeof(Frame));
        Value* slots = f->slots;
        for (int i = 0, n = code->m_nlocalsplus; i < n; ++i)
            slots[i] = Value();
        m_top += size;
        f->code = code;
        return f;
    }
    void pop(Frame* frame) { m_top = reinterpret_cast<char*>(frame); }
    void visit_roots(gc::Visitor& v) override;

private:
    char* m_base;
    char* m_top;
    char* m_limit;
};

extern DataStack* g_data_stack;
DataStack* create_data_stack();
// A plain load after the first call (no function-local static guard).
inline DataStack& data_stack()
{
    if (!g_data_stack) [[unlikely]]
        g_data_stack = create_data_stack();
    return *g_data_stack;
}

} // namespace adder::vm
