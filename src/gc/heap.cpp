// The mark-sweep collector and the block allocator behind gc::Heap (see
// heap.h for the invariants). Size classes keep every slot of a block the same
// size so a conservative pointer can be mapped to its slot in O(1).
#include "gc/heap.h"

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace adder::gc {

namespace {
constexpr size_t class_sizes[] = { 16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 256, 320, 384, 512, 768, 1024 };

int size_class_for(size_t size)
{
    for (int i = 0; i < 16; ++i)
        if (size <= class_sizes[i])
            return i;
    return -1;
}

// The first two words of a free slot: zero (no vtable) and the next free slot.
struct FreeSlot {
    uint64_t zero;
    FreeSlot* next;
};
} // namespace

struct Heap::Block {
    int size_class;
    size_t cell_size;
    char* first;
    char* end;
};

Heap& heap()
{
    static Heap* s_heap = new Heap;
    return *s_heap;
}

void Visitor::visit_cell(Cell* cell)
{
    if (cell->m_gc_bits & 1)
        return;
    cell->m_gc_bits |= 1;
    m_stack.push_back(cell);
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

Heap::Block* Heap::new_block(int size_class)
{
    void* mem = std::aligned_alloc(block_size, block_size);

    if (!mem) {
        std::fputs("adder: out of memory\n", stderr);
        std::abort();
    }
    auto* block = static_cast<Block*>(mem);
    block->size_class = size_class;
    block->cell_size = class_sizes[size_class];
    char* base = static_cast<char*>(mem);
    size_t header = (sizeof(Block) + 15) & ~size_t(15);
    block->first = base + header;
    size_t count = (block_size - header) / block->cell_size;
    block->end = block->first + count * block->cell_size;
    // Thread the slots onto the free list in address order.
    FreeSlot* head = static_cast<FreeSlot*>(m_free_lists[size_class]);
    for (size_t i = count; i-- > 0;) {
        auto* slot = reinterpret_cast<FreeSlot*>(block->first + i * block->cell_size);
        slot->zero = 0;
        slot->next = head;
        head = slot;
    }
    m_free_lists[size_class] = head;
    m_blocks.push_back(block);
    m_block_set.insert(reinterpret_cast<uintptr_t>(block));
    return block;
}

void* Heap::allocate_raw(size_t size)
{
    if (!m_stress_checked) {
        m_stress_checked = true;
        const char* env = std::getenv("ADDER_GC_STRESS");
        m_stress = env && *env && std::strcmp(env, "0") != 0;
    }
    m_bytes_since_collect += size;
    if ((m_stress || m_bytes_since_collect > m_threshold) && m_disable_count == 0 && !m_collecting && m_stack_base)
        collect();
    ++m_live_cells;
    int sc = size_class_for(size);
    if (sc < 0)
        return allocate_large(size);
    if (!m_free_lists[sc])
        new_block(sc);
    auto* slot = static_cast<FreeSlot*>(m_free_lists[sc]);
    m_free_lists[sc] = slot->next;
    std::memset(static_cast<void*>(slot), 0, class_sizes[sc]);
    return slot;
}

void* Heap::allocate_large(size_t size)
{
    size = (size + 15) & ~size_t(15);
    void* mem = std::aligned_alloc(16, size);
    if (!mem)
        std::abort();
    std::memset(mem, 0, size);
    m_large.emplace_back(reinterpret_cast<uintptr_t>(mem), size);
    m_large_sorted = false;
    return mem;
}

Cell* Heap::find_cell(uint64_t p) const
{
    uintptr_t block_addr = p & ~uintptr_t(block_size - 1);
    if (m_block_set.count(block_addr)) {
        auto* block = reinterpret_cast<Block*>(block_addr);
        char* addr = reinterpret_cast<char*>(p);
        if (addr < block->first || addr >= block->end)
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
    for (RootSource* source : m_root_sources)
        source->visit_roots(visitor);
    for (Cell* cell : m_to_finalize)
        visitor.visit(cell);
    for (Cell* cell : m_finalizing)
        visitor.visit(cell);
    mark_native_stack(visitor);
}

size_t Heap::collect()
{
    if (m_collecting)
        return 0;
    m_collecting = true;
    ++m_collections;
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
    size_t freed = sweep();
    m_bytes_since_collect = 0;
    m_collecting = false;
    return freed;
}

size_t Heap::sweep()
{
    size_t freed = 0;
    size_t live_bytes = 0;
    for (auto& list : m_free_lists)
        list = nullptr;
    for (Block* block : m_blocks) {
        FreeSlot* head = static_cast<FreeSlot*>(m_free_lists[block->size_class]);
        for (char* slot = block->end - block->cell_size; slot >= block->first; slot -= block->cell_size) {
            auto* word = reinterpret_cast<uint64_t*>(slot);
            if (*word != 0) {
                auto* cell = reinterpret_cast<Cell*>(slot);
                if (cell->m_gc_bits & 1) {
                    cell->m_gc_bits &= ~1u;
                    live_bytes += block->cell_size;
                    continue;
                }
                cell->~Cell();
                ++freed;
            }
            auto* free_slot = reinterpret_cast<FreeSlot*>(slot);
            free_slot->zero = 0;
            free_slot->next = head;
            head = free_slot;
        }
        m_free_lists[block->size_class] = head;
    }
    std::vector<std::pair<uintptr_t, size_t>> kept;
    for (auto& [addr, size] : m_large) {
        auto* cell = reinterpret_cast<Cell*>(addr);
        if (cell->m_gc_bits & 1) {
            cell->m_gc_bits &= ~1u;
            live_bytes += size;
            kept.emplace_back(addr, size);
        } else {
            cell->~Cell();
            std::free(reinterpret_cast<void*>(addr));
            ++freed;
        }
    }
    m_large = std::move(kept);
    m_live_cells -= std::min(m_live_cells, freed);
    m_threshold = std::max<size_t>(8 * 1024 * 1024, live_bytes);
    return freed;
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
    for (Block* block : m_blocks) {
        for (char* slot = block->first; slot < block->end; slot += block->cell_size) {
            auto* word = reinterpret_cast<uint64_t*>(slot);
            if (*word != 0) {
                reinterpret_cast<Cell*>(slot)->~Cell();
                *word = 0;
            }
        }
    }
    for (auto& [addr, size] : m_large)
        reinterpret_cast<Cell*>(addr)->~Cell();
    m_large.clear();
    m_live_cells = 0;
    m_collecting = false;
}

} // namespace adder::gc
