// The mark-sweep collector and the block allocator behind gc::Heap (see
// heap.h for the invariants). Size classes keep every slot of a block the same
// size so a conservative pointer can be mapped to its slot in O(1). Blocks
// come from mmap (zero pages, faulted in only when the bump pointer reaches
// them) and are swept lazily: a collection only marks, then each size class
// sweeps its blocks one by one as it needs room, while they are about to be
// reused and so are worth having in the cache.
#include "gc/heap.h"

#include <sys/mman.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace adder::gc {

struct Heap::Block {
    int size_class;
    size_t cell_size;
    char* first;
    char* end;
    // Slots at or above `bump` hold no cell (never used, or the block was
    // empty at its last sweep). For the current block of a class the live
    // value is in m_cache.
    char* bump;
    FreeSlot* free;    // free list built by the last sweep, until taken
    size_t free_bytes; // free slots plus the bump range, at the last sweep
    bool swept;        // false: still holds the marks and dead cells of the last mark
};

namespace detail {
Heap* g_heap = nullptr;

Heap& create_heap()
{
    static Heap* s_heap = new Heap;
    g_heap = s_heap;
    return *s_heap;
}
} // namespace detail

Heap::Heap()
{
    const char* env = std::getenv("ADDER_GC_STRESS");
    m_stress = env && *env && std::strcmp(env, "0") != 0;
}

void Visitor::visit_conservative(uint64_t word)
{
    if (word < 4096 || (word & 7))
        return;
    if (Cell* cell = heap().find_cell(word))
        visit_cell(cell);
}

// Reads every word of a stack range, redzones included: exempt from ASan, as
// conservative collectors must be (the words are only compared, never used).
__attribute__((no_sanitize("address"))) void Visitor::visit_conservative_range(const void* begin, const void* end)
{
    auto p = reinterpret_cast<uintptr_t>(begin) & ~uintptr_t(7);
    auto e = reinterpret_cast<uintptr_t>(end);
    for (; p + 8 <= e; p += 8)
        visit_conservative(*reinterpret_cast<const uint64_t*>(p));
}

// Maps `size` bytes aligned to `align` (a power of two), trimming the excess.
static uintptr_t map_aligned(size_t size, size_t align)
{
    void* raw = mmap(nullptr, size + align, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) {
        std::fputs("adder: out of memory\n", stderr);
        std::abort();
    }
    auto start = reinterpret_cast<uintptr_t>(raw);
    uintptr_t aligned = (start + align - 1) & ~uintptr_t(align - 1);
    if (aligned > start)
        munmap(raw, aligned - start);
    size_t tail = start + size + align - (aligned + size);
    if (tail)
        munmap(reinterpret_cast<void*>(aligned + size), tail);
    return aligned;
}

// The first blocks are mapped one by one with small pages, so a small
// program touches only the pages it uses (`-c pass` maps 8 blocks and stays
// under 2 MiB). Once the heap is past that, blocks are carved from 32 MiB
// regions the kernel may back with 2 MiB pages (MADV_HUGEPAGE): a program
// that imports hundreds of modules then takes a handful of page faults
// instead of thousands. One huge-page fault (a 2 MiB zeroing) costs less
// than the 64 small faults of each block it replaces, so the switch comes
// early (warm import of a 200-module tree: 16 -> 10 small blocks, -4% time).
uintptr_t Heap::map_block()
{
    constexpr size_t small_page_blocks = 10; // 2.5 MiB
    constexpr size_t huge_page = 2 * 1024 * 1024;
    constexpr size_t region_size = 32 * 1024 * 1024;
    if (m_mapped_blocks++ < small_page_blocks)
        return map_aligned(block_size, block_size);
    if (m_region_next == m_region_end) {
        m_region_next = map_aligned(region_size, huge_page);
        m_region_end = m_region_next + region_size;
#ifdef MADV_HUGEPAGE
        madvise(reinterpret_cast<void*>(m_region_next), region_size, MADV_HUGEPAGE); // advice only: failure is harmless
#endif
    }
    uintptr_t block = m_region_next;
    m_region_next += block_size;
    return block;
}

Heap::Block* Heap::new_block(int sc)
{
    uintptr_t aligned = map_block();

    auto* block = reinterpret_cast<Block*>(aligned);
    block->size_class = sc;
    block->cell_size = class_sizes[sc];
    size_t header = (sizeof(Block) + 15) & ~size_t(15);
    block->first = reinterpret_cast<char*>(aligned) + header;
    size_t count = (block_size - header) / block->cell_size;
    block->end = block->first + count * block->cell_size;
    block->bump = block->first;
    block->free = nullptr;
    block->free_bytes = size_t(block->end - block->first);
    block->swept = true;
    m_class_blocks[sc].push_back(block);
    m_block_addrs.insert(std::upper_bound(m_block_addrs.begin(), m_block_addrs.end(), aligned), aligned);
    m_blocks_lo = std::min(m_blocks_lo, aligned);
    m_blocks_hi = std::max(m_blocks_hi, aligned);
    return block;
}

// Makes the next block of class `sc` with room (sweeping it if needed, or a
// new one) the current block. Returns false only if there is none (never).
bool Heap::take_block(int sc)
{
    auto& blocks = m_class_blocks[sc];
    Block* chosen = nullptr;
    while (m_sweep_cursor[sc] < blocks.size()) {
        Block* block = blocks[m_sweep_cursor[sc]++];
        if (!block->swept)
            sweep_block(block);
        if (block->free || block->bump < block->end) {
            chosen = block;
            break;
        }
    }
    if (!chosen) {
        chosen = new_block(sc);
        m_sweep_cursor[sc] = blocks.size();
    }
    m_bytes_since_collect += chosen->free_bytes;
    ClassCache& cache = m_cache[sc];
    cache.free = chosen->free;
    cache.bump = chosen->bump;
    cache.bump_end = chosen->end;
    chosen->free = nullptr;
    m_current[sc] = chosen;
    return true;
}

// Writes the bump pointers back and forgets the current blocks. Free slots
// left in a cache stay free (first word zero) and are found by the next sweep.
void Heap::retire_caches()
{
    for (int sc = 0; sc < size_class_count; ++sc) {
        if (Block* block = m_current[sc]) {
            block->bump = m_cache[sc].bump;
            m_current[sc] = nullptr;
        }
        m_cache[sc] = ClassCache();
    }
}

void* Heap::allocate_slow(int sc)
{
    if (can_collect() && (m_stress || m_bytes_since_collect >= m_threshold)) {
        mark_and_reset();
    } else if (Block* block = m_current[sc]) {
        block->bump = m_cache[sc].bump;
        m_current[sc] = nullptr;
    }
    take_block(sc);
    ClassCache& cache = m_cache[sc];
    void* slot;
    if (cache.free) {
        slot = cache.free;
        cache.free = cache.free->next;
    } else {
        slot = cache.bump;
        cache.bump += class_sizes[sc];
    }
    if (m_stress) {
        // Give the rest back to the block and empty the cache, so the next
        // allocation takes the slow path (and collects) again.
        Block* block = m_current[sc];
        block->free = cache.free;
        block->bump = cache.bump;
        cache = ClassCache();
        m_current[sc] = nullptr;
        --m_sweep_cursor[sc];
    }
    return slot;
}

void* Heap::allocate_large(size_t size)
{
    if (can_collect() && (m_stress || m_bytes_since_collect >= m_threshold))
        mark_and_reset();
    m_bytes_since_collect += size;
    void* mem = std::aligned_alloc(16, size);
    if (!mem) {
        std::fputs("adder: out of memory\n", stderr);
        std::abort();
    }
    m_large.emplace_back(reinterpret_cast<uintptr_t>(mem), size);
    m_large_sorted = false;
    return mem;
}

Cell* Heap::find_cell(uint64_t p) const
{
    uintptr_t block_addr = p & ~uintptr_t(block_size - 1);
    if (block_addr >= m_blocks_lo && block_addr <= m_blocks_hi
        && std::binary_search(m_block_addrs.begin(), m_block_addrs.end(), block_addr)) {
        auto* block = reinterpret_cast<Block*>(block_addr);
        char* addr = reinterpret_cast<char*>(p);
        char* top = block == m_current[block->size_class] ? m_cache[block->size_class].bump : block->bump;
        if (addr < block->first || addr >= top)
            return nullptr;
        size_t index = size_t(addr - block->first) / block->cell_size;
        char* slot = block->first + index * block->cell_size;
        if (*reinterpret_cast<uint64_t*>(slot) == 0)
            return nullptr;
        return reinterpret_cast<Cell*>(slot);
    }
    if (m_large.empty())
        return nullptr;
    auto& large = const_cast<std::vector<std::pair<uintptr_t, size_t>>&>(m_large);
    if (!m_large_sorted) {
        std::sort(large.begin(), large.end());
        const_cast<bool&>(m_large_sorted) = true;
    }
    auto it = std::upper_bound(large.begin(), large.end(), std::make_pair(uintptr_t(p), ~size_t(0)));
    if (it == large.begin())
        return nullptr;
    --it;
    if (p >= it->first && p < it->first + it->second)
        return reinterpret_cast<Cell*>(it->first);
    return nullptr;
}

// Spills callee-saved registers into a jmp_buf on this frame, then scans from
// here to the recorded stack base. noinline keeps the jmp_buf below the caller.
__attribute__((noinline)) void Heap::mark_native_stack(Visitor& visitor)
{
    jmp_buf regs;
    setjmp(regs);
    visitor.visit_conservative_range(&regs, reinterpret_cast<const char*>(&regs) + sizeof(regs));
    const void* top = __builtin_frame_address(0);
    if (m_stack_base > top)
        visitor.visit_conservative_range(top, m_stack_base);
}

void Heap::mark_roots(Visitor& visitor)
{
    for (RootSource* source = m_roots; source; source = source->m_next)
        source->visit_roots(visitor);
    for (Cell* cell : m_to_finalize)
        visitor.visit(cell);
    for (Cell* cell : m_finalizing)
        visitor.visit(cell);
    mark_native_stack(visitor);
}

// Frees the unmarked cells of `block` and clears the marks of the others;
// builds its free list (or resets its bump pointer when nothing survived).
// Returns the number of cells freed.
size_t Heap::sweep_block(Block* block)
{
    size_t cell_size = block->cell_size;
    size_t count = size_t(block->bump - block->first) / cell_size;
    // Ascending, with the slots a few lines ahead prefetched: the loop is
    // bound by the latency of loading each slot's first word.
    constexpr size_t prefetch_distance = 1024;
    FreeSlot* head = nullptr;
    FreeSlot** tail = &head;
    size_t free_count = 0;
    size_t freed = 0;
    for (size_t i = 0; i < count; ++i) {
        char* slot = block->first + i * cell_size;
        __builtin_prefetch(slot + prefetch_distance, 1);
        if (*reinterpret_cast<uint64_t*>(slot) != 0) {
            auto* cell = reinterpret_cast<Cell*>(slot);
            uint32_t bits = cell->m_gc_bits;
            if (bits & Cell::mark_bit) {
                cell->m_gc_bits = bits & ~Cell::mark_bit;
                continue;
            }
            if (!(bits & Cell::trivial_bit))
                cell->~Cell();
            ++freed;
        }
        auto* free_slot = reinterpret_cast<FreeSlot*>(slot);
        free_slot->zero = 0;
        *tail = free_slot;
        tail = &free_slot->next;
        ++free_count;
    }
    *tail = nullptr;
    if (free_count == count) {
        // Nothing survived: allocate from the start again by bumping.
        block->bump = block->first;
        head = nullptr;
    }
    block->free = head;
    block->free_bytes = (head ? free_count * cell_size : 0) + size_t(block->end - block->bump);
    block->swept = true;
    return freed;
}

size_t Heap::finish_sweeping()
{
    size_t freed = 0;
    for (auto& blocks : m_class_blocks)
        for (Block* block : blocks)
            if (!block->swept)
                freed += sweep_block(block);
    return freed;
}

size_t Heap::sweep_large()
{
    size_t freed = 0;
    size_t kept = 0;
    for (auto& [addr, size] : m_large) {
        auto* cell = reinterpret_cast<Cell*>(addr);
        if (cell->m_gc_bits & Cell::mark_bit) {
            cell->m_gc_bits &= ~Cell::mark_bit;
            m_large[kept++] = { addr, size };
        } else {
            if (!(cell->m_gc_bits & Cell::trivial_bit))
                cell->~Cell();
            std::free(reinterpret_cast<void*>(addr));
            ++freed;
        }
    }
    m_large.resize(kept);
    return freed;
}

// One collection: finishes the previous cycle's sweeping (marks must be
// clear and dead cells gone before marking), marks, frees dead large cells
// and leaves every block to be swept lazily. Returns the large cells freed.
size_t Heap::mark_and_reset()
{
    m_collecting = true;
    ++m_collections;
    retire_caches();
    finish_sweeping();
    if (!m_large_sorted) {
        std::sort(m_large.begin(), m_large.end());
        m_large_sorted = true;
    }
    Visitor visitor;
    mark_roots(visitor);
    while (!visitor.m_stack.empty()) {
        Cell* cell = visitor.m_stack.back();
        visitor.m_stack.pop_back();
        cell->visit_edges(visitor);
    }
    // Unreachable finalizer candidates: queue those that want it and keep
    // them (and what they reach) alive until their finalizer has run.
    if (!m_finalizable.empty()) {
        size_t kept = 0;
        size_t queued_from = m_to_finalize.size();
        for (Cell* cell : m_finalizable) {
            if (cell->is_marked())
                m_finalizable[kept++] = cell;
            else if (cell->wants_finalize())
                m_to_finalize.push_back(cell);
        }
        m_finalizable.resize(kept);
        for (size_t i = queued_from; i < m_to_finalize.size(); ++i)
            visitor.visit(m_to_finalize[i]);
        while (!visitor.m_stack.empty()) {
            Cell* cell = visitor.m_stack.back();
            visitor.m_stack.pop_back();
            cell->visit_edges(visitor);
        }
    }
    size_t freed = sweep_large();
    for (int sc = 0; sc < size_class_count; ++sc) {
        for (Block* block : m_class_blocks[sc]) {
            block->swept = false;
            block->free = nullptr;
        }
        m_sweep_cursor[sc] = 0;
    }
    // Grow the budget with the live heap so big programs do not collect
    // over and over.
    m_threshold = std::max(min_threshold, visitor.m_live_bytes);
    m_bytes_since_collect = 0;
    m_collecting = false;
    return freed;
}

size_t Heap::collect()
{
    if (m_collecting)
        return 0;
    size_t freed = mark_and_reset();
    m_collecting = true;
    freed += finish_sweeping();
    m_collecting = false;
    return freed;
}

size_t Heap::live_cells()
{
    if (!m_collecting)
        finish_sweeping();
    size_t count = m_large.size();
    for (int sc = 0; sc < size_class_count; ++sc) {
        for (Block* block : m_class_blocks[sc]) {
            char* top = block == m_current[sc] ? m_cache[sc].bump : block->bump;
            for (char* slot = block->first; slot < top; slot += block->cell_size)
                count += *reinterpret_cast<uint64_t*>(slot) != 0;
        }
    }
    return count;
}

size_t Heap::run_finalizers()
{
    if (m_running_finalizers || !m_finalizer_hook)
        return 0;
    m_running_finalizers = true;
    size_t ran = 0;
    while (!m_to_finalize.empty()) {
        m_finalizing.swap(m_to_finalize);
        for (size_t i = 0; i < m_finalizing.size(); ++i, ++ran)
            m_finalizer_hook(m_finalizing[i]);
        m_finalizing.clear();
    }
    m_running_finalizers = false;
    return ran;
}

size_t Heap::finalize_all()
{
    for (Cell* cell : m_finalizable)
        if (cell->wants_finalize())
            m_to_finalize.push_back(cell);
    m_finalizable.clear();
    return run_finalizers();
}

void Heap::destroy_all()
{
    m_collecting = true;
    retire_caches();
    for (auto& blocks : m_class_blocks) {
        for (Block* block : blocks) {
            for (char* slot = block->first; slot < block->bump; slot += block->cell_size) {
                auto* word = reinterpret_cast<uint64_t*>(slot);
                if (*word != 0) {
                    auto* cell = reinterpret_cast<Cell*>(slot);
                    if (!(cell->m_gc_bits & Cell::trivial_bit))
                        cell->~Cell();
                    *word = 0;
                }
            }
            block->swept = true;
            block->free = nullptr;
        }
    }
    for (int sc = 0; sc < size_class_count; ++sc)
        m_sweep_cursor[sc] = 0;
    for (auto& [addr, size] : m_large)
        reinterpret_cast<Cell*>(addr)->~Cell();
    m_large.clear();
    m_collecting = false;
}

} // namespace adder::gc
