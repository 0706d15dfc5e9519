// The garbage-collected heap: a non-moving, stop-the-world mark-sweep
// collector that reclaims cycles.
//
// Invariants:
//   * Every heap object derives from `gc::Cell` and is created by
//     `Heap::allocate<T>()`; `visit_edges` visits every Value/Cell it holds.
//   * Cells live in 256 KiB blocks split into equal slots per size class
//     (large cells get their own allocation); a slot whose first word (the
//     vtable pointer) is zero is free. This lets the collector decide whether
//     an arbitrary word points into a live cell.
//   * Roots: registered RootSources (interpreter state, frame stacks, the
//     intern table, MarkedVectors) and a CONSERVATIVE scan of the native
//     stack and registers, so C++ code may hold raw Values and Cell pointers
//     in locals across calls that allocate. Values held in C++ heap memory
//     (a std::vector in a local) are NOT roots: use MarkedVector.
//   * Destructors of cells must not touch other cells (they may be swept).
//   * A collection runs only inside allocate(), when the bytes allocated since
//     the last one exceed the threshold (or always with ADDER_GC_STRESS=1).
//   * Finalizers (PEP 442 order): a cell registered with
//     register_finalizable() that is found unreachable and whose
//     wants_finalize() says yes is kept alive (with everything it reaches)
//     for one more cycle and queued; run_finalizers() later calls the
//     installed hook on each queued cell at a safe point (gc.collect(), exit),
//     never inside allocate(). Each cell is finalized at most once.
//     Registered today: suspended generators/coroutines and instances of
//     classes defining __del__ (object_new).
// FIXME: finalizers run only at gc.collect() and at exit, not after automatic
// collections; a generator dropped by `break` is not closed immediately as in
// CPython (the conservative scan of the eval loop's locals and of the data
// stack keeps stale references, so an eager collection would not free it).
// Weakref callbacks are not implemented.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <unordered_set>
#include <utility>
#include <vector>

#include "objects/value.h"

namespace adder::gc {

class Cell;

// Receives the outgoing edges of a cell during marking.
class Visitor {
public:
    void visit(Value v)
    {
        if (v.is_object())
            visit_cell(reinterpret_cast<Cell*>(v.as_object()));
    }
    void visit(Cell* cell)
    {
        if (cell)
            visit_cell(cell);
    }
    // Marks `word` if it points anywhere inside a live cell (conservative).
    void visit_conservative(uint64_t word);
    void visit_conservative_range(const void* begin, const void* end);

private:
    friend class Heap;
    void visit_cell(Cell* cell);
    std::vector<Cell*> m_stack;
};

class Cell {
public:
    virtual ~Cell() = default;
    // Visits every GC reference held by this cell (call the base class first).
    virtual void visit_edges(Visitor&) {}
    // Asked during a collection about a registered, unreachable cell: true if
    // its finalizer must run before it is freed (e.g. a suspended generator).
    virtual bool wants_finalize() { return false; }
    bool is_marked() const { return m_gc_bits & 1; }

private:
    friend class Heap;
    friend class Visitor;
    uint32_t m_gc_bits = 0;
};

// Something that holds roots outside the heap; registered with the Heap.
class RootSource {
public:
    virtual ~RootSource() = default;
    virtual void visit_roots(Visitor&) = 0;
};

class Heap {
public:
    // Allocates and constructs a `T` (derived from Cell). May collect first.
    template<typename T, typename... Args>
    T* allocate(Args&&... args)
    {
        void* mem = allocate_raw(sizeof(T));
        return new (mem) T(std::forward<Args>(args)...);
    }

    // Records the native stack base of the (only) interpreter thread.
    void set_stack_base(const void* base) { m_stack_base = base; }
    void add_root_source(RootSource* source) { m_root_sources.insert(source); }
    void remove_root_source(RootSource* source) { m_root_sources.erase(source); }

    // Runs a full collection now. Returns the number of cells freed.
    size_t collect();
    // Makes `cell` a finalizer candidate (see the file comment).
    void register_finalizable(Cell* cell) { m_finalizable.push_back(cell); }
    using FinalizerHook = void (*)(Cell*);
    void set_finalizer_hook(FinalizerHook hook) { m_finalizer_hook = hook; }
    // Runs the hook on every queued cell (not re-entrant). Returns how many ran.
    size_t run_finalizers();
    // Queues every registered candidate that wants finalization, reachable or
    // not (interpreter exit), then runs the queue.
    size_t finalize_all();
    // Destroys every cell (interpreter shutdown): runs all destructors.
    void destroy_all();
    // Number of live cells (after the last collection plus allocations since).
    size_t live_cells() const { return m_live_cells; }
    size_t collections() const { return m_collections; }
    bool is_enabled() const { return m_disable_count == 0; }
    void disable() { ++m_disable_count; }
    void enable() { --m_disable_count; }

    // The cell containing address `p`, or nullptr if it is not inside a live cell.
    Cell* find_cell(uint64_t p) const;

private:
    struct Block;
    void* allocate_raw(size_t size);
    void* allocate_large(size_t size);
    Block* new_block(int size_class);
    void mark_roots(Visitor&);
    void mark_native_stack(Visitor&);
    size_t sweep();

    static constexpr size_t block_size = 256 * 1024;
    static constexpr int size_class_count = 16;
    static constexpr size_t large_threshold = 1024;

    std::vector<Block*> m_blocks;
    std::unordered_set<uintptr_t> m_block_set;
    std::vector<std::pair<uintptr_t, size_t>> m_large; // sorted by address when searched
    bool m_large_sorted = true;
    void* m_free_lists[size_class_count] = {};
    std::unordered_set<RootSource*> m_root_sources;
    const void* m_stack_base = nullptr;
    size_t m_bytes_since_collect = 0;
    size_t m_threshold = 8 * 1024 * 1024;
    size_t m_live_cells = 0;
    size_t m_collections = 0;
    int m_disable_count = 0;
    bool m_stress = false;
    bool m_stress_checked = false;
    bool m_collecting = false;
    std::vector<Cell*> m_finalizable; // candidates (not roots)
    std::vector<Cell*> m_to_finalize; // queued: roots until their finalizer ran
    std::vector<Cell*> m_finalizing;  // the batch being run: roots
    FinalizerHook m_finalizer_hook = nullptr;
    bool m_running_finalizers = false;
};

Heap& heap();

// A std::vector<Value> whose contents are GC roots while it lives. Use it for
// temporary collections of values in native code.
class MarkedVector : public RootSource {
public:
    MarkedVector() { heap().add_root_source(this); }
    ~MarkedVector() override { heap().remove_root_source(this); }
    MarkedVector(const MarkedVector&) = delete;
    MarkedVector& operator=(const MarkedVector&) = delete;
    void visit_roots(Visitor& v) override
    {
        for (Value x : m_items)
            v.visit(x);
    }
    std::vector<Value>& items() { return m_items; }
    void push_back(Value v) { m_items.push_back(v); }
    size_t size() const { return m_items.size(); }
    Value& operator[](size_t i) { return m_items[i]; }
    Value* data() { return m_items.data(); }
    auto begin() { return m_items.begin(); }
    auto end() { return m_items.end(); }

private:
    std::vector<Value> m_items;
};

} // namespace adder::gc
