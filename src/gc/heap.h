// The garbage-collected heap: a non-moving, stop-the-world mark-sweep
// collector that reclaims cycles.
//
// Invariants:
//   * Every heap object derives from `gc::Cell` and is created by
//     `Heap::allocate<T>()`; `visit_edges` visits every Value/Cell it holds.
//   * Cells live in 256 KiB blocks (mmap'ed, so fresh pages come zeroed and
//     are touched only when used) split into equal slots per size class;
//     large cells get their own allocation. Slots below a block's bump
//     pointer whose first word (the vtable pointer) is zero are free; slots at
//     or above it were never handed out (or belong to a block that was empty
//     at its sweep). This lets the collector decide whether an arbitrary word
//     points into a live cell.
//   * Allocation pops the size class's free list or bumps its pointer inline;
//     the slow path takes the next block of the class and sweeps it lazily
//     (blocks are swept one at a time when their class needs room, and all
//     pending ones before the next mark). A cell's m_gc_bits hold the mark
//     bit, a "destructor is a no-op" bit and the rounded cell size.
//   * Roots: registered RootSources (interpreter state, frame stacks, the
//     intern table, MarkedVectors) and a CONSERVATIVE scan of the native
//     stack and registers, so C++ code may hold raw Values and Cell pointers
//     in locals across calls that allocate. Values held in C++ heap memory
//     (a std::vector in a local) are NOT roots: use MarkedVector.
//   * Destructors of cells must not touch other cells (they may be swept).
//     They run lazily: when the cell's block is next swept (at the latest at
//     the next collection), or never if the program exits first.
//   * A collection runs only inside allocate(), when the bytes handed out
//     since the last one (counted per block taken) exceed max(8 MiB, live
//     bytes at the last mark), or always with ADDER_GC_STRESS=1.
//   * A cell class whose destructor does nothing (no owned memory) may say
//     `using GcTriviallySweepable = ThatClass;`: the sweep then frees it
//     without the virtual destructor call. The alias names the class itself
//     so that subclasses (which may own memory) do not inherit the promise.
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
// FIXME: blocks are never returned to the OS (an empty block could be
// madvise(MADV_DONTNEED)'d), and there is no young generation: short-lived
// garbage cycles through max(8 MiB, live) of memory, so sweeping is bound by
// cache misses on the slots' first words (nbody: ~18% in sweep_block).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <type_traits>
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
    inline void visit_cell(Cell* cell);
    std::vector<Cell*> m_stack;
    size_t m_live_bytes = 0;
};

class Cell {
public:
    virtual ~Cell() = default;
    // Visits every GC reference held by this cell (call the base class first).
    virtual void visit_edges(Visitor&) {}
    // Asked during a collection about a registered, unreachable cell: true if
    // its finalizer must run before it is freed (e.g. a suspended generator).
    virtual bool wants_finalize() { return false; }
    bool is_marked() const { return m_gc_bits & mark_bit; }

private:
    friend class Heap;
    friend class Visitor;
    static constexpr uint32_t mark_bit = 1;
    static constexpr uint32_t trivial_bit = 2; // the destructor is a no-op
    static constexpr int size_shift = 8;       // bits 8..31: the slot size in bytes
    uint32_t m_gc_bits = 0;
};

inline void Visitor::visit_cell(Cell* cell)
{
    uint32_t bits = cell->m_gc_bits;
    if (bits & Cell::mark_bit)
        return;
    cell->m_gc_bits = bits | Cell::mark_bit;
    m_live_bytes += bits >> Cell::size_shift;
    m_stack.push_back(cell);
}

// True unless T promises (for itself only) that its destructor does nothing.
template<typename T, typename = void>
inline constexpr bool needs_destructor = true;
template<typename T>
inline constexpr bool needs_destructor<T, std::void_t<typename T::GcTriviallySweepable>> =
    !std::is_same_v<typename T::GcTriviallySweepable, T>;

// Something that holds roots outside the heap; registered with the Heap.
// Registration links it into an intrusive list (no allocation); destroying a
// registered source unregisters it.
class RootSource {
public:
    RootSource() = default;
    RootSource(const RootSource&) {}
    RootSource& operator=(const RootSource&) { return *this; }
    virtual ~RootSource();
    virtual void visit_roots(Visitor&) = 0;

private:
    friend class Heap;
    RootSource* m_prev = nullptr;
    RootSource* m_next = nullptr;
    bool m_registered = false;
};

class Heap {
public:
    Heap();

    // Allocates and constructs a `T` (derived from Cell). May collect first.
    template<typename T, typename... Args>
    T* allocate(Args&&... args)
    {
        constexpr size_t size = slot_size_for(sizeof(T));
        static_assert(size < (size_t(1) << (32 - Cell::size_shift)), "cell too large for m_gc_bits");
        void* mem;
        if constexpr (sizeof(T) <= large_threshold)
            mem = allocate_small(size_class_for(sizeof(T)), size);
        else
            mem = allocate_large(size);
        // Members a constructor leaves alone read 0 (and a collection during
        // the constructor sees null edges). Plain word stores rather than
        // memset: GCC turns a constant memset over 64 bytes into `rep stos`,
        // slow for one cell; these merge into vector stores, and most are
        // dead under the constructor's own.
        static_assert(sizeof(T) % 8 == 0);
        zero_words(static_cast<uint64_t*>(mem), std::make_index_sequence<sizeof(T) / 8>());
        T* cell = new (mem) T(std::forward<Args>(args)...);
        // |= : a collection inside the constructor may have marked the cell.
        static_cast<Cell*>(cell)->m_gc_bits |=
            uint32_t(size << Cell::size_shift) | (needs_destructor<T> ? 0 : Cell::trivial_bit);
        return cell;
    }

    // Records the native stack base of the (only) interpreter thread.
    void set_stack_base(const void* base) { m_stack_base = base; }
    // Both are idempotent and O(1).
    void add_root_source(RootSource* source)
    {
        if (source->m_registered)
            return;
        source->m_registered = true;
        source->m_prev = nullptr;
        source->m_next = m_roots;
        if (m_roots)
            m_roots->m_prev = source;
        m_roots = source;
    }
    void remove_root_source(RootSource* source)
    {
        if (!source->m_registered)
            return;
        source->m_registered = false;
        if (source->m_prev)
            source->m_prev->m_next = source->m_next;
        else
            m_roots = source->m_next;
        if (source->m_next)
            source->m_next->m_prev = source->m_prev;
    }

    // Runs a full collection now (sweeping everything). Returns the number of cells freed.
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
    // Number of cells not freed yet (finishes pending sweeps, then counts: slow).
    size_t live_cells();
    size_t collections() const { return m_collections; }
    bool is_enabled() const { return m_disable_count == 0; }
    void disable() { ++m_disable_count; }
    void enable() { --m_disable_count; }

    // The cell containing address `p`, or nullptr if it is not inside a live cell.
    Cell* find_cell(uint64_t p) const;

private:
    struct Block;
    // The first two words of a free slot: zero (no vtable) and the next free slot.
    struct FreeSlot {
        uint64_t zero;
        FreeSlot* next;
    };
    // Where the size class allocates now: the free list and bump range of
    // its current block.
    struct ClassCache {
        FreeSlot* free = nullptr;
        char* bump = nullptr;
        char* bump_end = nullptr;
    };

    static constexpr size_t block_size = 256 * 1024;
    static constexpr int size_class_count = 16;
    static constexpr size_t large_threshold = 1024;
    static constexpr size_t class_sizes[size_class_count] = { 16, 32, 48, 64, 80, 96, 112, 128,
                                                              160, 192, 256, 320, 384, 512, 768, 1024 };
    static constexpr int size_class_for(size_t size)
    {
        for (int i = 0; i < size_class_count; ++i)
            if (size <= class_sizes[i])
                return i;
        return -1;
    }
    static constexpr size_t slot_size_for(size_t size)
    {
        return size <= large_threshold ? class_sizes[size_class_for(size)] : (size + 15) & ~size_t(15);
    }

    __attribute__((always_inline)) void* allocate_small(int sc, size_t size)
    {
        ClassCache& cache = m_cache[sc];
        if (FreeSlot* slot = cache.free) {
            cache.free = slot->next;
            return slot;
        }
        if (size_t(cache.bump_end - cache.bump) >= size) {
            char* p = cache.bump;
            cache.bump = p + size;
            return p;
        }
        return allocate_slow(sc);
    }
    template<size_t... I>
    static __attribute__((always_inline)) void zero_words(uint64_t* words, std::index_sequence<I...>)
    {
        ((words[I] = 0), ...);
    }
    void* allocate_slow(int sc);
    void* allocate_large(size_t size);
    bool can_collect() const { return m_disable_count == 0 && !m_collecting && m_stack_base; }
    Block* new_block(int sc);
    uintptr_t map_block();
    bool take_block(int sc);
    void retire_caches();
    size_t sweep_block(Block* block);
    size_t finish_sweeping();
    size_t sweep_large();
    size_t mark_and_reset();
    void mark_roots(Visitor&);
    void mark_native_stack(Visitor&);

    ClassCache m_cache[size_class_count];
    Block* m_current[size_class_count] = {};
    std::vector<Block*> m_class_blocks[size_class_count];
    size_t m_sweep_cursor[size_class_count] = {}; // m_class_blocks[sc] before it were taken this cycle
    std::vector<uintptr_t> m_block_addrs;         // sorted, for find_cell
    size_t m_mapped_blocks = 0;
    uintptr_t m_region_next = 0; // huge-page region blocks are carved from (see map_block)
    uintptr_t m_region_end = 0;
    uintptr_t m_blocks_lo = ~uintptr_t(0);
    uintptr_t m_blocks_hi = 0;
    std::vector<std::pair<uintptr_t, size_t>> m_large; // sorted by address when searched
    bool m_large_sorted = true;
    RootSource* m_roots = nullptr;
    const void* m_stack_base = nullptr;
    size_t m_bytes_since_collect = 0;
    size_t m_threshold = min_threshold;
    static constexpr size_t min_threshold = 8 * 1024 * 1024;
    size_t m_collections = 0;
    int m_disable_count = 0;
    bool m_stress = false;
    bool m_collecting = false;
    std::vector<Cell*> m_finalizable; // candidates (not roots)
    std::vector<Cell*> m_to_finalize; // queued: roots until their finalizer ran
    std::vector<Cell*> m_finalizing;  // the batch being run: roots
    FinalizerHook m_finalizer_hook = nullptr;
    bool m_running_finalizers = false;
};

namespace detail {
extern Heap* g_heap; // constant-initialised to null, set by the first heap()
Heap& create_heap();
} // namespace detail

inline Heap& heap()
{
    if (Heap* h = detail::g_heap; __builtin_expect(h != nullptr, 1))
        return *h;
    return detail::create_heap();
}

inline RootSource::~RootSource()
{
    if (m_registered)
        heap().remove_root_source(this);
}

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
