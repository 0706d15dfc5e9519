// Global operator new/delete with per-thread free lists for small sizes.
// The compiler allocates and frees millions of small nodes (AST pieces,
// vectors of instructions, strings) per second; glibc's tcache keeps only 7
// chunks per size, so most frees fell through to the fastbins and were
// consolidated again later (malloc/free were ~24% of compile() time). Each
// size class here (16-byte steps up to 1 KiB) keeps up to 256 KiB of
// chunks, which glibc's tunable glibc.malloc.tcache_count would also do, but
// a static binary cannot set that for itself. Chunks come from malloc, so
// memory stays interchangeable with free(). Not used under the sanitizers,
// whose own operator new checks mismatched deletes.
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)

#include <malloc.h>

#include <cstddef>
#include <cstdlib>
#include <new>

namespace {

constexpr size_t class_step = 16;
constexpr size_t class_count = 64;  // up to 1 KiB
constexpr size_t max_cached_bytes = 256 * 1024; // per class and thread

struct FreeChunk {
    FreeChunk* next;
};

struct Cache {
    FreeChunk* heads[class_count + 1] = {};
    unsigned counts[class_count + 1] = {};
    bool dead = false; // after thread exit: plain malloc/free

    ~Cache()
    {
        for (FreeChunk*& head : heads) {
            while (head) {
                FreeChunk* next = head->next;
                std::free(head);
                head = next;
            }
        }
        dead = true;
    }
};

thread_local Cache t_cache;

inline size_t class_of(size_t size) { return (size + class_step - 1) / class_step; }

void* allocate(size_t size)
{
    size_t c = class_of(size ? size : 1);
    if (c <= class_count) [[likely]] {
        Cache& cache = t_cache;
        if (FreeChunk* chunk = cache.heads[c]) {
            cache.heads[c] = chunk->next;
            --cache.counts[c];
            return chunk;
        }
        if (void* p = std::malloc(c * class_step))
            return p;
    } else if (void* p = std::malloc(size)) {
        return p;
    }
    throw std::bad_alloc();
}

// `c` is a class whose size the chunk is known to hold.
void release(void* p, size_t c)
{
    if (c >= 1 && c <= class_count) {
        Cache& cache = t_cache;
        if (!cache.dead && cache.counts[c] * c * class_step < max_cached_bytes) {
            auto* chunk = static_cast<FreeChunk*>(p);
            chunk->next = cache.heads[c];
            cache.heads[c] = chunk;
            ++cache.counts[c];
            return;
        }
    }
    std::free(p);
}

void release_unsized(void* p)
{
    if (!p)
        return;
    // Any chunk of at least class*16 usable bytes can serve that class.
    size_t usable = malloc_usable_size(p);
    release(p, usable / class_step);
}

} // namespace

void* operator new(size_t size) { return allocate(size); }
void* operator new[](size_t size) { return allocate(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept
{
    size_t c = class_of(size ? size : 1);
    return std::malloc(c <= class_count ? c * class_step : size);
}
void* operator new[](size_t size, const std::nothrow_t&) noexcept
{
    size_t c = class_of(size ? size : 1);
    return std::malloc(c <= class_count ? c * class_step : size);
}
void operator delete(void* p) noexcept { release_unsized(p); }
void operator delete[](void* p) noexcept { release_unsized(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release_unsized(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release_unsized(p); }
void operator delete(void* p, size_t size) noexcept
{
    if (p)
        release(p, class_of(size ? size : 1));
}
void operator delete[](void* p, size_t size) noexcept
{
    if (p)
        release(p, class_of(size ? size : 1));
}

#endif
