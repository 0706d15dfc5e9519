// The per-thread block cache behind ast::Arena and the parser's token buffer
// (see block_pool in ast.h). Each thread keeps up to `capacity` freed blocks;
// more are returned to the allocator. A thread's cached blocks are freed when
// it exits; a block given back after that goes straight to the allocator.
#include "parser/ast.h"

namespace adder::ast::block_pool {

namespace {

// Trivially destructible, so it stays usable while other thread-local
// objects are destroyed (an Arena may die late in a thread's teardown).
struct Cache {
    static constexpr int capacity = 8;
    void* blocks[capacity];
    int count;
    bool closed; // the thread is exiting: cache nothing more
    bool armed; // the Closer below is registered
};
thread_local Cache t_cache;

struct Closer {
    ~Closer()
    {
        Cache& c = t_cache;
        while (c.count > 0)
            ::operator delete(c.blocks[--c.count]);
        c.closed = true;
    }
    void arm() { }
};
thread_local Closer t_closer;

} // namespace

void* take()
{
    Cache& c = t_cache;
    if (c.count > 0)
        return c.blocks[--c.count];
    return ::operator new(block_size);
}

void give(void* block)
{
    Cache& c = t_cache;
    if (c.closed || c.count == Cache::capacity) {
        ::operator delete(block);
        return;
    }
    if (!c.armed) {
        t_closer.arm(); // odr-use: registers the destructor for this thread
        c.armed = true;
    }
    c.blocks[c.count++] = block;
}

} // namespace adder::ast::block_pool
