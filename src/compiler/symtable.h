// The symbol table: CPython 3.11's Python/symtable.c rules over Adder's AST.
// One Scope per module, class body, function, lambda, comprehension and (under
// `from __future__ import annotations`) annotation. Each name of a scope gets
// its definition flags and, after analysis, its resolved kind (local, global
// explicit/implicit, free, cell). Also raises the SyntaxErrors that CPython
// raises from its symtable pass, with the same messages and positions.
//
// Not here: errors CPython raises from compile.c ('return' outside function,
// 'break' outside loop, ...); see codegen.
#pragma once

#include "compiler/name_index.h"
#include "parser/ast.h"

#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace adder::compiler {

// Definition flags of a symbol (CPython's DEF_* bits, same values).
enum SymbolFlags : uint32_t {
    DEF_GLOBAL = 1,
    DEF_LOCAL = 2,
    DEF_PARAM = 4,
    DEF_NONLOCAL = 8,
    USE = 16,
    DEF_FREE = 32,
    DEF_FREE_CLASS = 64,
    DEF_IMPORT = 128,
    DEF_ANNOT = 256,
    DEF_COMP_ITER = 512,
    DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT,
};

// Resolved scope of a name (CPython's LOCAL ... CELL, same values; 0 = unknown).
enum class NameScope : uint8_t { Unknown = 0, Local = 1, GlobalExplicit = 2, GlobalImplicit = 3, Free = 4, Cell = 5 };

enum class BlockType : uint8_t { Function, Class, Module, Annotation };

enum class ComprehensionKind : uint8_t { None, List, Set, Dict, Generator };

// Hash for string-keyed maps that also accepts string_view lookups without
// building a std::string (heterogeneous lookup; pair with std::equal_to<>).
// (hash_string: inline and cheap; nothing iterates these maps, so output
// never depends on the hash.)
struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return hash_string(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// `name` views characters owned by the SymbolTable (its NameArena), so a
// Symbol is plain data and a scope's symbols sit in one vector.
struct Symbol {
    std::string_view name;
    uint32_t flags = 0;
    NameScope scope = NameScope::Unknown;
};

// Bump storage for the symbol names of one table: a name is copied once when
// its symbol is created and freed with the table, in a few chunks instead
// of a std::string per symbol.
class NameArena {
public:
    std::string_view copy(std::string_view s)
    {
        if (s.size() > m_left) [[unlikely]]
            refill(s.size());
        char* p = m_next;
        if (!s.empty())
            std::memcpy(p, s.data(), s.size());
        m_next += s.size();
        m_left -= s.size();
        return std::string_view(p, s.size());
    }

private:
    std::vector<std::unique_ptr<char[]>> m_chunks;
    char* m_next = nullptr;
    size_t m_left = 0;
    size_t m_chunk_size = 1000; // small first (most modules), then doubling

    void refill(size_t need)
    {
        size_t size = need > m_chunk_size ? need : m_chunk_size;
        if (m_chunk_size < 16384)
            m_chunk_size *= 2;
        m_chunks.push_back(std::unique_ptr<char[]>(new char[size])); // uninitialized: no memset
        m_next = m_chunks.back().get();
        m_left = size;
    }
};

// Where a SyntaxError was found: 1-based line, 1-based column as CPython reports.
struct SymtableError {
    std::string msg;
    int lineno = 0;
    int offset = 0;
    int end_lineno = 0;
    int end_offset = 0;
    std::string type = "SyntaxError"; // or "RecursionError" (nesting too deep)
};

struct Scope {
    std::string name; // "top", the function/class name, "lambda", "listcomp", "genexpr", ...
    BlockType type = BlockType::Module;
    const void* key = nullptr; // the AST node that opened the scope
    int lineno = 0;
    int col_offset = 0;
    Scope* parent = nullptr;
    std::vector<std::unique_ptr<Scope>> children; // in source order
    // In order of first appearance (CPython's dict order). Names are views
    // of table-owned storage (NameArena), stable while the table lives, so
    // the analysis can hold string_views of them.
    std::vector<Symbol> symbols;
    FlatIndex index; // over `symbols`, by name

    // Position of `name` in `symbols` (`h` = hash_string(name)), or -1.
    int32_t find(std::string_view name, uint64_t h) const
    {
        return index.find(h, [&](uint32_t i) { return same_name(symbols[i].name, name); });
    }
    // Appends a symbol known to be absent; `name` must outlive the scope
    // (a NameArena copy, another symbol's name, or a string literal).
    Symbol& add_symbol(std::string_view name, uint64_t h, uint32_t flags, NameScope scope)
    {
        index.insert(h, static_cast<uint32_t>(symbols.size()));
        if (symbols.capacity() == 0)
            symbols.reserve(8); // one allocation for most scopes
        return symbols.emplace_back(Symbol { name, flags, scope });
    }
    std::vector<std::string_view> varnames; // parameters, in co_varnames order (views of symbol names)

    bool is_nested = false;
    bool is_generator = false;
    bool is_coroutine = false;
    ComprehensionKind comprehension = ComprehensionKind::None;
    bool has_varargs = false;
    bool has_varkeywords = false;
    bool returns_value = false;
    bool needs_class_closure = false; // class body must create the __class__ cell
    bool has_free = false; // CPython ste_free: some name here is free
    bool has_child_free = false;
    int comp_iter_target = 0; // while visiting a comprehension target
    int comp_iter_expr = 0; // while visiting a comprehension iterable
    // Names of global/nonlocal statements with their positions (for errors).
    std::vector<std::pair<std::string, ast::Location>> directives;

    // The symbol called `name`, or nullptr.
    const Symbol* lookup(std::string_view name) const;
    // The resolved scope of `name` (Unknown when the scope never saw it).
    NameScope scope_of(std::string_view name) const;
    NameScope scope_of(std::string_view name, uint64_t h) const
    {
        int32_t i = find(name, h);
        return i < 0 ? NameScope::Unknown : symbols[static_cast<size_t>(i)].scope;
    }
    // The flags of `name` (0 when absent).
    uint32_t flags_of(std::string_view name) const;
};

// AST node -> its Scope: open addressing over pointer keys (replaces an
// unordered_map whose per-scope node allocations showed in profiles).
// Erasing stores a null value (the key stays as a tombstone: keys are never
// reused within one table).
class PointerMap {
public:
    Scope* find(const void* key) const
    {
        if (m_slots.empty())
            return nullptr;
        size_t mask = m_slots.size() - 1;
        for (size_t i = hash(key) & mask;; i = (i + 1) & mask) {
            const Slot& s = m_slots[i];
            if (s.key == key)
                return s.value;
            if (!s.key)
                return nullptr;
        }
    }
    void set(const void* key, Scope* value)
    {
        if ((m_count + 1) * 4 > m_slots.size() * 3)
            grow();
        Slot& s = slot_for(key);
        if (!s.key) {
            s.key = key;
            ++m_count;
        }
        s.value = value;
    }
    void erase(const void* key)
    {
        if (m_slots.empty())
            return;
        Slot& s = slot_for(key);
        if (s.key)
            s.value = nullptr;
    }

private:
    struct Slot {
        const void* key = nullptr;
        Scope* value = nullptr;
    };
    std::vector<Slot> m_slots; // empty or a power of two
    size_t m_count = 0;

    static size_t hash(const void* key)
    {
        uint64_t h = reinterpret_cast<uintptr_t>(key) * 0x9E3779B97F4A7C15ull;
        return static_cast<size_t>(h >> 32);
    }
    Slot& slot_for(const void* key)
    {
        size_t mask = m_slots.size() - 1;
        size_t i = hash(key) & mask;
        while (m_slots[i].key && m_slots[i].key != key)
            i = (i + 1) & mask;
        return m_slots[i];
    }
    void grow()
    {
        std::vector<Slot> old;
        old.swap(m_slots);
        m_slots.assign(old.empty() ? 32 : old.size() * 2, Slot {});
        m_count = 0;
        for (const Slot& s : old)
            if (s.key) {
                slot_for(s.key) = s;
                ++m_count;
            }
    }
};

class SymbolTable {
public:
    // Builds and analyses the table for `mod`. `future_annotations` selects the
    // PEP 563 rule (annotations get their own scope and are never evaluated).
    static std::unique_ptr<SymbolTable> build(const ast::Mod* mod, bool future_annotations);

    // The error found while building, if any (the table is unusable then).
    const std::optional<SymtableError>& error() const { return m_error; }

    Scope* top() const { return m_top.get(); }
    // The scope opened by the AST node `key` (FunctionDef, ClassDef, Lambda, a
    // comprehension expression, or an annotation under PEP 563); nullptr if none.
    Scope* lookup(const void* key) const;

private:
    friend class SymtableBuilder;
    std::unique_ptr<Scope> m_top;
    PointerMap m_by_key;
    NameArena m_names; // characters of every Symbol::name
    std::optional<SymtableError> m_error;
};

// CPython's _Py_Mangle: `name` as seen inside class `class_name` (private
// names `__x` become `_Class__x`). `class_name` empty means no class.
std::string mangle(std::string_view class_name, std::string_view name);
// True when mangle() would change `name` (so callers can skip the copy).
// Inline test for the usual answer (no class, or not a `__` name).
bool needs_mangle_slow(std::string_view class_name, std::string_view name);
inline bool needs_mangle(std::string_view class_name, std::string_view name)
{
    if (class_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_')
        return false;
    return needs_mangle_slow(class_name, name);
}

} // namespace adder::compiler
