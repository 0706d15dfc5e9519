// See bulk_memory.h.
#include "common/bulk_memory.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <vector>

namespace adder::bulk {

namespace {

constexpr size_t small_page_budget = 256 * 1024; // served by malloc first (see bulk_memory.h)
constexpr size_t region_size = 32 * 1024 * 1024;
constexpr size_t huge_page = 2 * 1024 * 1024;
constexpr size_t large_buffer = region_size / 4; // bigger ones go to malloc

struct Region {
    uintptr_t start;
    uintptr_t next;
    size_t live; // buffers not yet freed
};

struct State {
    size_t malloc_bytes = 0;
    std::vector<Region> regions; // the last one is being filled
};

State& state()
{
    static State s;
    return s;
}

Region* find_region(uintptr_t p)
{
    for (Region& r : state().regions)
        if (p >= r.start && p < r.start + region_size)
            return &r;
    return nullptr;
}

bool new_region()
{
    void* raw = mmap(nullptr, region_size + huge_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return false;
    auto start = reinterpret_cast<uintptr_t>(raw);
    uintptr_t aligned = (start + huge_page - 1) & ~uintptr_t(huge_page - 1);
    if (aligned > start)
        munmap(raw, aligned - start);
    size_t tail = start + huge_page - aligned;
    if (tail)
        munmap(reinterpret_cast<void*>(aligned + region_size), tail);
#ifdef MADV_HUGEPAGE
    madvise(reinterpret_cast<void*>(aligned), region_size, MADV_HUGEPAGE); // advice only
#endif
    state().regions.push_back({ aligned, aligned, 0 });
    return true;
}

} // namespace

void* allocate(size_t size)
{
    State& s = state();
    if (s.malloc_bytes + size <= small_page_budget || size >= large_buffer) {
        if (size < large_buffer)
            s.malloc_bytes += size;
        void* p = std::malloc(size ? size : 1);
        if (!p)
            throw std::bad_alloc(); // as std::allocator would: callers are standard containers
        return p;
    }
    size_t rounded = (size + 15) & ~size_t(15);
    if (s.regions.empty() || s.regions.back().next + rounded > s.regions.back().start + region_size) {
        if (!s.regions.empty() && s.regions.back().live == 0) { // reuse an empty current region
            s.regions.back().next = s.regions.back().start;
        } else if (!new_region()) {
            void* p = std::malloc(size);
            if (!p)
                throw std::bad_alloc();
            return p;
        }
    }
    Region& r = s.regions.back();
    void* p = reinterpret_cast<void*>(r.next);
    r.next += rounded;
    ++r.live;
    return p;
}

void deallocate(void* p, size_t size)
{
    State& s = state();
    Region* r = s.regions.empty() ? nullptr : find_region(reinterpret_cast<uintptr_t>(p));
    if (!r) {
        if (size < large_buffer && s.malloc_bytes >= size)
            s.malloc_bytes -= size;
        std::free(p);
        return;
    }
    if (--r->live == 0 && r != &s.regions.back()) {
        munmap(reinterpret_cast<void*>(r->start), region_size);
        s.regions.erase(s.regions.begin() + (r - s.regions.data()));
    }
}

} // namespace adder::bulk
