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

#include <deque>
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

struct Symbol {
    std::string name;
    uint32_t flags = 0;
    NameScope scope = NameScope::Unknown;
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
    // In order of first appearance (CPython's dict order). A deque: elements
    // never move, so the analysis can hold string_views of their names.
    std::deque<Symbol> symbols;
    std::vector<std::string_view> symbol_names; // views of symbols[i].name, contiguous for lookups
    FlatIndex index; // over `symbols`, by name

    // Position of `name` in `symbols` (`h` = hash_string(name)), or -1.
    int32_t find(std::string_view name, uint64_t h) const
    {
        return index.find(h, [&](uint32_t i) { return symbol_names[i] == name; });
    }
    // Appends a symbol known to be absent.
    Symbol& add_symbol(std::string_view name, uint64_t h, uint32_t flags, NameScope scope)
    {
        index.insert(h, static_cast<uint32_t>(symbols.size()));
        Symbol& sym = symbols.emplace_back(Symbol { std::string(name), flags, scope });
        symbol_names.push_back(sym.name);
        return sym;
    }
    std::vector<std::string> varnames; // parameters, in co_varnames order

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
    std::unordered_map<const void*, Scope*> m_by_key;
    std::optional<SymtableError> m_error;
};

// CPython's _Py_Mangle: `name` as seen inside class `class_name` (private
// names `__x` become `_Class__x`). `class_name` empty means no class.
std::string mangle(std::string_view class_name, std::string_view name);
// True when mangle() would change `name` (so callers can skip the copy).
bool needs_mangle(std::string_view class_name, std::string_view name);

} // namespace adder::compiler
