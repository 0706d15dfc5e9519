// Per-thread interpreter state (Adder runs one Python thread): the pending
// exception, the stack of handled exceptions (sys.exc_info), the current
// frame chain, and recursion accounting.
#pragma once

#include "objects/object.h"

namespace adder {
namespace vm {
struct Frame;
}

struct ThreadState : public gc::RootSource {
    Value pending;            // raised, propagating exception (null if none)
    Value handled;            // innermost exception being handled (sys.exc_info()[1]), null if none
    vm::Frame* frame = nullptr; // innermost executing Python frame
    int depth = 0;            // Python call depth (for RecursionError)
    int recursion_limit = 1000;
    const char* stack_limit = nullptr; // lowest safe native stack address
    void visit_roots(gc::Visitor& v) override
    {
        v.visit(pending);
        v.visit(handled);
    }
};

ThreadState& thread();

// Guards native recursion: raises RecursionError when the Python depth passes
// the limit or the native stack is nearly exhausted. Pair with leave_call().
Status enter_call(const char* where = "");
inline void leave_call() { --thread().depth; }

} // namespace adder
