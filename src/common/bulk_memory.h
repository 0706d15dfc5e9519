// Memory for large, long-lived byte buffers (the bodies of loaded cache
// files, kept for lazily decoded code). A program that imports hundreds of
// modules keeps megabytes of them; from malloc each page costs a page fault
// on first touch, which was a large part of a warm import. After the first
// 256 KiB (small programs keep small-page memory and a small RSS; a larger
// budget cost a 200-module warm import ~190 faults, ~4% of its time), buffers
// are bump-allocated from 32 MiB regions the kernel may back with 2 MiB pages
// (MADV_HUGEPAGE). A region is unmapped when its last buffer is freed and it
// is no longer the one being filled. Not thread-safe (the import lock
// serializes its users).
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace adder::bulk {

void* allocate(size_t size);
void deallocate(void* p, size_t size);

// std::allocator-compatible front end, for containers of such buffers.
template<typename T>
struct Allocator {
    using value_type = T;
    Allocator() = default;
    template<typename U>
    Allocator(const Allocator<U>&) noexcept
    {
    }
    T* allocate(size_t n) { return static_cast<T*>(bulk::allocate(n * sizeof(T))); }
    void deallocate(T* p, size_t n) noexcept { bulk::deallocate(p, n * sizeof(T)); }
    template<typename U>
    bool operator==(const Allocator<U>&) const noexcept
    {
        return true;
    }
};

using String = std::basic_string<char, std::char_traits<char>, Allocator<char>>;

} // namespace adder::bulk
