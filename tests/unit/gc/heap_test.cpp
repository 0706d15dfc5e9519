// Unit tests for the collector and allocator (src/gc): cells reachable from a
// registered RootSource survive, others are freed (with their destructor,
// unless the class declares GcTriviallySweepable), free slots are reused,
// find_cell maps interior pointers and ignores free or never-used slots, and
// large cells are collected too. The runtime is not started: with no stack
// base the native stack is not scanned, so only explicit roots (and the
// saved registers, which may pin the last cell or two a test touched: hence
// the slack in some counts) keep cells alive, and collections happen only
// when a test asks for one. Cells whose fate is checked exactly are made by
// noinline helpers that hand back a disguised address.
#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "gc/heap.h"

using namespace adder;

namespace {

int g_destroyed = 0;

struct Leaf : gc::Cell {
    explicit Leaf(int v) : value(v) {}
    ~Leaf() override { ++g_destroyed; }
    int value;
};

// Promises a no-op destructor; the counting one here only lets the test see
// that the sweep keeps the promise by not calling it.
struct PlainLeaf : gc::Cell {
    using GcTriviallySweepable = PlainLeaf;
    ~PlainLeaf() override { ++g_destroyed; }
    double value = 0;
};

// Inherits the alias but not the promise.
struct OwningLeaf : PlainLeaf {
    std::vector<int> owned{ 1, 2, 3 };
};

// Counted apart, so that cells pinned by earlier tests cannot disturb the count.
int g_tracked_destroyed = 0;
struct Tracked : gc::Cell {
    ~Tracked() override { ++g_tracked_destroyed; }
};

struct Pair : gc::Cell {
    Pair(gc::Cell* a, gc::Cell* b) : first(a), second(b) {}
    void visit_edges(gc::Visitor& v) override
    {
        v.visit(first);
        v.visit(second);
    }
    gc::Cell* first;
    gc::Cell* second;
};

struct Big : gc::Cell {
    ~Big() override { ++g_destroyed; }
    char payload[4000] = {};
};

struct Roots : gc::RootSource {
    void visit_roots(gc::Visitor& v) override
    {
        for (gc::Cell* c : cells)
            v.visit(c);
    }
    std::vector<gc::Cell*> cells;
};

uint64_t address(const void* p) { return reinterpret_cast<uint64_t>(p); }

// Allocates a Leaf and returns its address complemented, so no register or
// stack word of the caller points at it.
__attribute__((noinline)) uint64_t hidden_leaf(int v) { return ~address(gc::heap().allocate<Leaf>(v)); }
__attribute__((noinline)) uint64_t hidden_tracked() { return ~address(gc::heap().allocate<Tracked>()); }
__attribute__((noinline)) uint64_t hidden_big() { return ~address(gc::heap().allocate<Big>()); }

} // namespace

TEST(GcTraits, NeedsDestructor)
{
    static_assert(gc::needs_destructor<Leaf>);
    static_assert(!gc::needs_destructor<PlainLeaf>);
    static_assert(gc::needs_destructor<OwningLeaf>);
    SUCCEED();
}

TEST(Gc, RootedSurviveUnrootedFreed)
{
    auto& heap = gc::heap();
    heap.collect();
    Roots roots;
    heap.add_root_source(&roots);
    size_t before = heap.live_cells();
    g_destroyed = 0;
    for (int i = 0; i < 1000; ++i) {
        Leaf* leaf = heap.allocate<Leaf>(i);
        if (i % 10 == 0)
            roots.cells.push_back(heap.allocate<Pair>(leaf, nullptr));
    }
    EXPECT_EQ(heap.live_cells(), before + 1100);
    size_t freed = heap.collect();
    EXPECT_GE(freed, 898u);
    EXPECT_LE(freed, 900u);
    EXPECT_EQ(g_destroyed, int(freed));
    EXPECT_LE(heap.live_cells(), before + 202);
    for (size_t i = 0; i < roots.cells.size(); ++i)
        EXPECT_EQ(static_cast<Leaf*>(static_cast<Pair*>(roots.cells[i])->first)->value, int(i * 10));
    heap.remove_root_source(&roots);
    heap.collect();
    EXPECT_LE(heap.live_cells(), before + 2);
    EXPECT_GE(g_destroyed, 998);
}

TEST(Gc, TriviallySweepableSkipsDestructor)
{
    auto& heap = gc::heap();
    heap.collect();
    g_destroyed = 0;
    for (int i = 0; i < 500; ++i)
        heap.allocate<PlainLeaf>();
    for (int i = 0; i < 7; ++i)
        heap.allocate<OwningLeaf>();
    size_t freed = heap.collect();
    EXPECT_GE(freed, 505u);
    EXPECT_GE(g_destroyed, 5); // only the subclass that owns memory
    EXPECT_LE(g_destroyed, 7);
}

TEST(Gc, CyclesAndReuse)
{
    auto& heap = gc::heap();
    heap.collect();
    size_t before = heap.live_cells();
    std::set<uint64_t> first_round;
    for (int i = 0; i < 2000; ++i) {
        auto* a = heap.allocate<Pair>(nullptr, nullptr);
        auto* b = heap.allocate<Pair>(a, nullptr);
        a->second = b;
        first_round.insert(address(a));
        first_round.insert(address(b));
    }
    EXPECT_GE(heap.collect(), 3996u);
    EXPECT_LE(heap.live_cells(), before + 4);
    // The freed slots are handed out again before fresh memory.
    size_t reused = 0;
    for (int i = 0; i < 2000; ++i)
        reused += first_round.count(address(heap.allocate<Pair>(nullptr, nullptr)));
    EXPECT_GE(reused, 1900u);
    heap.collect();
}

TEST(Gc, FindCell)
{
    auto& heap = gc::heap();
    heap.collect();
    Roots roots;
    heap.add_root_source(&roots);
    auto* leaf = heap.allocate<Leaf>(1);
    auto* big = heap.allocate<Big>();
    roots.cells = { leaf, big };
    uint64_t big_middle = address(big->payload + 3000);
    EXPECT_EQ(heap.find_cell(address(leaf)), leaf);
    EXPECT_EQ(heap.find_cell(address(&leaf->value)), leaf);
    EXPECT_EQ(heap.find_cell(big_middle), big);
    EXPECT_EQ(heap.find_cell(address(&roots)), nullptr);
    EXPECT_EQ(heap.find_cell(16), nullptr);
    uint64_t dead = ~hidden_leaf(2);
    uint64_t dead_big = ~hidden_big();
    EXPECT_EQ(address(heap.find_cell(dead)), dead);
    EXPECT_EQ(address(heap.find_cell(dead_big + 100)), dead_big);
    g_destroyed = 0;
    heap.collect();
    EXPECT_EQ(g_destroyed, 2);
    EXPECT_EQ(heap.find_cell(dead), nullptr);
    EXPECT_EQ(heap.find_cell(dead_big + 100), nullptr);
    EXPECT_EQ(heap.find_cell(address(leaf) + 8), leaf);
    EXPECT_EQ(heap.find_cell(big_middle), big);
    EXPECT_EQ(leaf->value, 1);
}

TEST(Gc, RootSourceUnregistersItself)
{
    auto& heap = gc::heap();
    heap.collect();
    g_tracked_destroyed = 0;
    uint64_t hidden = 0;
    {
        Roots roots;
        heap.add_root_source(&roots);
        heap.add_root_source(&roots); // idempotent
        hidden = hidden_tracked();
        roots.cells.push_back(reinterpret_cast<gc::Cell*>(~hidden));
        heap.collect();
        EXPECT_EQ(g_tracked_destroyed, 0);
        roots.cells.back() = nullptr;
    }
    {
        gc::MarkedVector values;
        values.push_back(Value());
    }
    heap.collect();
    EXPECT_EQ(g_tracked_destroyed, 1);
    EXPECT_EQ(heap.find_cell(~hidden), nullptr);
}
