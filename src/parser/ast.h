// The abstract syntax tree: a plain-C++ mirror of Python 3.11's `ast` module
// (Parser/Python.asdl). Node and field names match the ASDL exactly so that a
// dump in `ast.dump()` format can be compared with python3.11's.
//
// Nodes are owned by an `Arena` (one per parse) and refer to each other through
// raw, non-owning pointers; list fields are `Seq`s (a pointer and a length)
// whose elements the parser also keeps in the arena. Optional fields are
// nullptr when absent. Literals are plain C++ data (no Python objects): the
// compiler turns them into constants.
// Positions follow CPython: 1-based lines, 0-based UTF-8 byte columns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <new>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace adder::ast {

struct Node {
    virtual ~Node() = default;

    // The node created before this one in the same Arena (its destruction
    // list, kept in the nodes themselves instead of a growing vector). Not
    // copied with the node, so a copy never corrupts that list.
    struct ArenaLink {
        Node* prev = nullptr;
        ArenaLink() = default;
        ArenaLink(const ArenaLink&) { }
        ArenaLink& operator=(const ArenaLink&) { return *this; }
    };
    ArenaLink arena_link;
};

// Fixed-size memory blocks for Arena chunks and the parser's token buffer
// (arena.cpp). Freed blocks go to a small per-thread cache, so compiling many
// sources reuses the same few blocks instead of a malloc/free of 32 KiB each
// time (freeing them cost more than the parse's own small allocations).
namespace block_pool {
inline constexpr size_t block_size = 32 * 1024;
void* take(); // block_size bytes, aligned for std::max_align_t
void give(void* block); // a block from take(), on any thread
} // namespace block_pool

// Owns every node of one tree, and the elements of the lists the parser
// builds; nodes die with the arena. Nodes are bump
// allocated from large chunks (a malloc per node was about 30% of parse
// time) and destroyed in reverse creation order by following the nodes'
// `arena_link`s, since they own strings (and lists built outside the parser,
// see Seq). Not copyable; moving is not needed (parsers hold it
// by unique_ptr).
class Arena {
public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    ~Arena()
    {
        for (Node* n = m_last; n;) {
            Node* prev = n->arena_link.prev;
            n->~Node();
            n = prev;
        }
        for (void* c : m_chunks)
            block_pool::give(c);
        for (void* l : m_large)
            ::operator delete(l);
    }

    // Uninitialized room for `n` values of trivially copyable T (list
    // elements: see Seq), freed with the arena.
    template<typename T>
    T* allocate_array(size_t n)
    {
        static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= alignof(std::max_align_t));
        return static_cast<T*>(allocate(n * sizeof(T)));
    }

    template<typename T, typename... Args>
    T* make(Args&&... args)
    {
        static_assert(alignof(T) <= alignof(std::max_align_t));
        T* node = new (allocate(sizeof(T))) T(std::forward<Args>(args)...);
        node->arena_link.prev = m_last;
        m_last = node;
        return node;
    }

private:
    [[gnu::always_inline]] void* allocate(size_t size)
    {
        constexpr size_t align = alignof(std::max_align_t);
        size = (size + align - 1) & ~(align - 1);
        if (size > m_left) [[unlikely]]
            return allocate_slow(size);
        void* p = m_next;
        m_next += size;
        m_left -= size;
        return p;
    }
    [[gnu::noinline]] void* allocate_slow(size_t size)
    {
        if (size > block_pool::block_size) {
            // Only for a very long list; kept out of the chunks.
            m_large.push_back(::operator new(size));
            return m_large.back();
        }
        m_chunks.push_back(block_pool::take());
        m_next = static_cast<char*>(m_chunks.back());
        m_left = block_pool::block_size;
        void* p = m_next;
        m_next += size;
        m_left -= size;
        return p;
    }

    Node* m_last = nullptr; // the newest node; see Node::arena_link
    std::vector<void*> m_chunks; // blocks of block_pool
    std::vector<void*> m_large; // oversized allocations
    char* m_next = nullptr;
    size_t m_left = 0;
};

// A list field of a node (children, operators): a pointer and a length,
// with the subset of std::vector's interface the consumers use. The parser
// stores the elements in the tree's Arena (`view()`, one copy per list, no
// heap allocation and nothing to free; a view's storage belongs to this list
// alone, so it may be written in place). Growing it (push_back), a copy or a
// conversion from std::vector uses a heap buffer this object owns instead.
// T must be trivially copyable (pointers, enums).
template<typename T>
class Seq {
    static_assert(std::is_trivially_copyable_v<T>);

public:
    using value_type = T;
    using iterator = T*;
    using const_iterator = const T*;

    Seq() = default;
    Seq(const Seq& o) { append(o.m_data, o.m_size); }
    Seq(Seq&& o) noexcept
        : m_data(o.m_data)
        , m_size(o.m_size)
        , m_cap(o.m_cap)
    {
        o.m_data = nullptr;
        o.m_size = o.m_cap = 0;
    }
    Seq(const std::vector<T>& v) { append(v.data(), v.size()); } // NOLINT: implicit, as a vector converts
    Seq(std::initializer_list<T> l) { append(l.begin(), l.size()); }
    Seq& operator=(const Seq& o)
    {
        if (this != &o) {
            Seq copy(o);
            swap(copy);
        }
        return *this;
    }
    Seq& operator=(Seq&& o) noexcept
    {
        Seq moved(std::move(o));
        swap(moved);
        return *this;
    }
    ~Seq()
    {
        if (m_cap)
            ::operator delete(m_data);
    }

    // Makes this list view `n` elements at `data` (storage that outlives it,
    // e.g. Arena::allocate_array); a heap buffer it owned is freed.
    void view(T* data, size_t n)
    {
        if (m_cap)
            ::operator delete(m_data);
        m_data = data;
        m_size = n;
        m_cap = 0;
    }

    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    T* data() { return m_data; }
    const T* data() const { return m_data; }
    T* begin() { return m_data; }
    T* end() { return m_data + m_size; }
    const T* begin() const { return m_data; }
    const T* end() const { return m_data + m_size; }
    T& operator[](size_t i) { return m_data[i]; }
    const T& operator[](size_t i) const { return m_data[i]; }
    T& front() { return m_data[0]; }
    const T& front() const { return m_data[0]; }
    T& back() { return m_data[m_size - 1]; }
    const T& back() const { return m_data[m_size - 1]; }

    void push_back(const T& v)
    {
        if (m_size >= m_cap) { // full, or a view
            T copy = v; // `v` may live in the old buffer
            grow(m_size + 1);
            m_data[m_size++] = copy;
            return;
        }
        m_data[m_size++] = v;
    }
    void pop_back() { --m_size; }
    void clear() { m_size = 0; }
    void reserve(size_t n)
    {
        if (n > m_cap)
            grow(n);
    }
    T* insert(const T* pos, const T& v)
    {
        size_t i = static_cast<size_t>(pos - m_data);
        T copy = v;
        push_back(copy);
        std::memmove(m_data + i + 1, m_data + i, (m_size - 1 - i) * sizeof(T));
        m_data[i] = copy;
        return m_data + i;
    }
    T* erase(const T* pos)
    {
        size_t i = static_cast<size_t>(pos - m_data);
        std::memmove(m_data + i, m_data + i + 1, (m_size - 1 - i) * sizeof(T));
        --m_size;
        return m_data + i;
    }
    void swap(Seq& o) noexcept
    {
        std::swap(m_data, o.m_data);
        std::swap(m_size, o.m_size);
        std::swap(m_cap, o.m_cap);
    }

private:
    void append(const T* p, size_t n)
    {
        if (!n)
            return;
        reserve(m_size + n);
        std::memcpy(m_data + m_size, p, n * sizeof(T));
        m_size += n;
    }
    // Moves the elements to a heap buffer of room for at least `need`.
    void grow(size_t need)
    {
        size_t cap = m_cap ? m_cap * 2 : 4;
        if (cap < need)
            cap = need;
        T* p = static_cast<T*>(::operator new(cap * sizeof(T)));
        if (m_size)
            std::memcpy(p, m_data, m_size * sizeof(T));
        if (m_cap)
            ::operator delete(m_data);
        m_data = p;
        m_cap = cap;
    }

    T* m_data = nullptr;
    size_t m_size = 0;
    size_t m_cap = 0; // 0: no buffer of our own (empty, or a view)
};

struct Location {
    int lineno = 0;
    int col_offset = 0;
    int end_lineno = 0;
    int end_col_offset = 0;
};

using Identifier = std::string; // UTF-8, NFKC-normalized as CPython does

enum class ExprContext { Load, Store, Del };
enum class BoolOpKind { And, Or };
enum class Operator { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv };
enum class UnaryOpKind { Invert, Not, UAdd, USub };
enum class CmpOp { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// The value of a `Constant` node (and of `MatchSingleton`).
// Str holds the text as UTF-8; lone surrogates (from "\ud800" escapes) are
// encoded as 3-byte sequences (WTF-8/"generalized UTF-8"). Bytes holds raw bytes.
// An int that does not fit in int64 is BigInt: `text` holds its digits (no
// prefix, no underscores, no sign) in base `base` (2, 8, 10 or 16).
struct ConstantValue {
    enum class Kind { None, True, False, Ellipsis, Int, BigInt, Float, Complex, Str, Bytes };
    Kind kind = Kind::None;
    int64_t int_value = 0; // Int
    double float_value = 0; // Float; the imaginary part for Complex (real part is 0)
    std::string text; // Str, Bytes, BigInt digits
    int base = 10; // BigInt
};

// ---- expressions -------------------------------------------------------------

enum class ExprKind {
    BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
    GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
    Attribute, Subscript, Starred, Name, List, Tuple, Slice,
};

struct Expr : Node {
    explicit Expr(ExprKind k) : kind(k) { }
    ExprKind kind;
    Location loc;
};

struct Stmt;
struct Arguments;
struct Comprehension;
struct Keyword;

struct BoolOp : Expr { BoolOp() : Expr(ExprKind::BoolOp) { } BoolOpKind op {}; Seq<Expr*> values; };
struct NamedExpr : Expr { NamedExpr() : Expr(ExprKind::NamedExpr) { } Expr* target = nullptr; Expr* value = nullptr; };
struct BinOp : Expr { BinOp() : Expr(ExprKind::BinOp) { } Expr* left = nullptr; Operator op {}; Expr* right = nullptr; };
struct UnaryOp : Expr { UnaryOp() : Expr(ExprKind::UnaryOp) { } UnaryOpKind op {}; Expr* operand = nullptr; };
struct Lambda : Expr { Lambda() : Expr(ExprKind::Lambda) { } Arguments* args = nullptr; Expr* body = nullptr; };
struct IfExp : Expr { IfExp() : Expr(ExprKind::IfExp) { } Expr* test = nullptr; Expr* body = nullptr; Expr* orelse = nullptr; };
// `keys[i] == nullptr` means `**values[i]`.
struct Dict : Expr { Dict() : Expr(ExprKind::Dict) { } Seq<Expr*> keys; Seq<Expr*> values; };
struct Set : Expr { Set() : Expr(ExprKind::Set) { } Seq<Expr*> elts; };
struct ListComp : Expr { ListComp() : Expr(ExprKind::ListComp) { } Expr* elt = nullptr; Seq<Comprehension*> generators; };
struct SetComp : Expr { SetComp() : Expr(ExprKind::SetComp) { } Expr* elt = nullptr; Seq<Comprehension*> generators; };
struct DictComp : Expr { DictComp() : Expr(ExprKind::DictComp) { } Expr* key = nullptr; Expr* value = nullptr; Seq<Comprehension*> generators; };
struct GeneratorExp : Expr { GeneratorExp() : Expr(ExprKind::GeneratorExp) { } Expr* elt = nullptr; Seq<Comprehension*> generators; };
struct Await : Expr { Await() : Expr(ExprKind::Await) { } Expr* value = nullptr; };
struct Yield : Expr { Yield() : Expr(ExprKind::Yield) { } Expr* value = nullptr; };
struct YieldFrom : Expr { YieldFrom() : Expr(ExprKind::YieldFrom) { } Expr* value = nullptr; };
struct Compare : Expr { Compare() : Expr(ExprKind::Compare) { } Expr* left = nullptr; Seq<CmpOp> ops; Seq<Expr*> comparators; };
struct Call : Expr { Call() : Expr(ExprKind::Call) { } Expr* func = nullptr; Seq<Expr*> args; Seq<Keyword*> keywords; };
// `conversion` is -1 (none) or the code point of 's', 'r' or 'a'.
struct FormattedValue : Expr { FormattedValue() : Expr(ExprKind::FormattedValue) { } Expr* value = nullptr; int conversion = -1; Expr* format_spec = nullptr; };
struct JoinedStr : Expr { JoinedStr() : Expr(ExprKind::JoinedStr) { } Seq<Expr*> values; };
// `kind` is "u" for a u-prefixed string literal, empty otherwise.
struct Constant : Expr { Constant() : Expr(ExprKind::Constant) { } ConstantValue value; std::string kind; };
struct Attribute : Expr { Attribute() : Expr(ExprKind::Attribute) { } Expr* value = nullptr; Identifier attr; ExprContext ctx = ExprContext::Load; };
struct Subscript : Expr { Subscript() : Expr(ExprKind::Subscript) { } Expr* value = nullptr; Expr* slice = nullptr; ExprContext ctx = ExprContext::Load; };
struct Starred : Expr { Starred() : Expr(ExprKind::Starred) { } Expr* value = nullptr; ExprContext ctx = ExprContext::Load; };
struct Name : Expr { Name() : Expr(ExprKind::Name) { } Identifier id; ExprContext ctx = ExprContext::Load; };
struct List : Expr { List() : Expr(ExprKind::List) { } Seq<Expr*> elts; ExprContext ctx = ExprContext::Load; };
struct Tuple : Expr { Tuple() : Expr(ExprKind::Tuple) { } Seq<Expr*> elts; ExprContext ctx = ExprContext::Load; };
struct Slice : Expr { Slice() : Expr(ExprKind::Slice) { } Expr* lower = nullptr; Expr* upper = nullptr; Expr* step = nullptr; };

// ---- helper nodes --------------------------------------------------------------

struct Comprehension : Node { Expr* target = nullptr; Expr* iter = nullptr; Seq<Expr*> ifs; bool is_async = false; };
struct Arg : Node { Identifier arg; Expr* annotation = nullptr; std::optional<std::string> type_comment; Location loc; };
// `kw_defaults[i] == nullptr` means kwonlyargs[i] has no default.
struct Arguments : Node {
    Seq<Arg*> posonlyargs;
    Seq<Arg*> args;
    Arg* vararg = nullptr;
    Seq<Arg*> kwonlyargs;
    Seq<Expr*> kw_defaults;
    Arg* kwarg = nullptr;
    Seq<Expr*> defaults;
};
// `arg` empty means `**value`.
struct Keyword : Node { std::optional<Identifier> arg; Expr* value = nullptr; Location loc; };
struct Alias : Node { Identifier name; std::optional<Identifier> asname; Location loc; };
struct WithItem : Node { Expr* context_expr = nullptr; Expr* optional_vars = nullptr; };
struct ExceptHandler : Node { Expr* type = nullptr; std::optional<Identifier> name; Seq<Stmt*> body; Location loc; };

// ---- patterns (match statement) ----------------------------------------------

enum class PatternKind { MatchValue, MatchSingleton, MatchSequence, MatchMapping, MatchClass, MatchStar, MatchAs, MatchOr };

struct Pattern : Node {
    explicit Pattern(PatternKind k) : kind(k) { }
    PatternKind kind;
    Location loc;
};
struct MatchValue : Pattern { MatchValue() : Pattern(PatternKind::MatchValue) { } Expr* value = nullptr; };
struct MatchSingleton : Pattern { MatchSingleton() : Pattern(PatternKind::MatchSingleton) { } ConstantValue value; };
struct MatchSequence : Pattern { MatchSequence() : Pattern(PatternKind::MatchSequence) { } Seq<Pattern*> patterns; };
struct MatchMapping : Pattern { MatchMapping() : Pattern(PatternKind::MatchMapping) { } Seq<Expr*> keys; Seq<Pattern*> patterns; std::optional<Identifier> rest; };
struct MatchClass : Pattern { MatchClass() : Pattern(PatternKind::MatchClass) { } Expr* cls = nullptr; Seq<Pattern*> patterns; std::vector<Identifier> kwd_attrs; Seq<Pattern*> kwd_patterns; };
struct MatchStar : Pattern { MatchStar() : Pattern(PatternKind::MatchStar) { } std::optional<Identifier> name; };
struct MatchAs : Pattern { MatchAs() : Pattern(PatternKind::MatchAs) { } Pattern* pattern = nullptr; std::optional<Identifier> name; };
struct MatchOr : Pattern { MatchOr() : Pattern(PatternKind::MatchOr) { } Seq<Pattern*> patterns; };

struct MatchCase : Node { Pattern* pattern = nullptr; Expr* guard = nullptr; Seq<Stmt*> body; };

// ---- statements ----------------------------------------------------------------

enum class StmtKind {
    FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For,
    AsyncFor, While, If, With, AsyncWith, Match, Raise, Try, TryStar, Assert, Import, ImportFrom,
    Global, Nonlocal, Expr, Pass, Break, Continue,
};

struct Stmt : Node {
    explicit Stmt(StmtKind k) : kind(k) { }
    StmtKind kind;
    Location loc;
};

// FunctionDef and AsyncFunctionDef share one struct; `kind` tells them apart.
struct FunctionDef : Stmt {
    explicit FunctionDef(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncFunctionDef : StmtKind::FunctionDef) { }
    Identifier name; Arguments* args = nullptr; Seq<Stmt*> body; Seq<Expr*> decorator_list;
    Expr* returns = nullptr; std::optional<std::string> type_comment;
};
struct ClassDef : Stmt { ClassDef() : Stmt(StmtKind::ClassDef) { } Identifier name; Seq<Expr*> bases; Seq<Keyword*> keywords; Seq<Stmt*> body; Seq<Expr*> decorator_list; };
struct Return : Stmt { Return() : Stmt(StmtKind::Return) { } Expr* value = nullptr; };
struct Delete : Stmt { Delete() : Stmt(StmtKind::Delete) { } Seq<Expr*> targets; };
struct Assign : Stmt { Assign() : Stmt(StmtKind::Assign) { } Seq<Expr*> targets; Expr* value = nullptr; std::optional<std::string> type_comment; };
struct AugAssign : Stmt { AugAssign() : Stmt(StmtKind::AugAssign) { } Expr* target = nullptr; Operator op {}; Expr* value = nullptr; };
struct AnnAssign : Stmt { AnnAssign() : Stmt(StmtKind::AnnAssign) { } Expr* target = nullptr; Expr* annotation = nullptr; Expr* value = nullptr; bool simple = false; };
// For and AsyncFor share one struct.
struct For : Stmt {
    explicit For(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncFor : StmtKind::For) { }
    Expr* target = nullptr; Expr* iter = nullptr; Seq<Stmt*> body; Seq<Stmt*> orelse; std::optional<std::string> type_comment;
};
struct While : Stmt { While() : Stmt(StmtKind::While) { } Expr* test = nullptr; Seq<Stmt*> body; Seq<Stmt*> orelse; };
struct If : Stmt { If() : Stmt(StmtKind::If) { } Expr* test = nullptr; Seq<Stmt*> body; Seq<Stmt*> orelse; };
// With and AsyncWith share one struct.
struct With : Stmt {
    explicit With(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncWith : StmtKind::With) { }
    Seq<WithItem*> items; Seq<Stmt*> body; std::optional<std::string> type_comment;
};
struct Match : Stmt { Match() : Stmt(StmtKind::Match) { } Expr* subject = nullptr; Seq<MatchCase*> cases; };
struct Raise : Stmt { Raise() : Stmt(StmtKind::Raise) { } Expr* exc = nullptr; Expr* cause = nullptr; };
// Try and TryStar share one struct.
struct Try : Stmt {
    explicit Try(bool is_star = false) : Stmt(is_star ? StmtKind::TryStar : StmtKind::Try) { }
    Seq<Stmt*> body; Seq<ExceptHandler*> handlers; Seq<Stmt*> orelse; Seq<Stmt*> finalbody;
};
struct Assert : Stmt { Assert() : Stmt(StmtKind::Assert) { } Expr* test = nullptr; Expr* msg = nullptr; };
struct Import : Stmt { Import() : Stmt(StmtKind::Import) { } Seq<Alias*> names; };
struct ImportFrom : Stmt { ImportFrom() : Stmt(StmtKind::ImportFrom) { } std::optional<Identifier> module; Seq<Alias*> names; int level = 0; };
struct Global : Stmt { Global() : Stmt(StmtKind::Global) { } std::vector<Identifier> names; };
struct Nonlocal : Stmt { Nonlocal() : Stmt(StmtKind::Nonlocal) { } std::vector<Identifier> names; };
struct ExprStmt : Stmt { ExprStmt() : Stmt(StmtKind::Expr) { } Expr* value = nullptr; };
struct Pass : Stmt { Pass() : Stmt(StmtKind::Pass) { } };
struct Break : Stmt { Break() : Stmt(StmtKind::Break) { } };
struct Continue : Stmt { Continue() : Stmt(StmtKind::Continue) { } };

// ---- modules -------------------------------------------------------------------

enum class ModKind { Module, Interactive, Expression };

// The root of a parse. For Expression, `body` is empty and `expression` is set.
struct Mod : Node {
    ModKind kind = ModKind::Module;
    Seq<Stmt*> body;
    Expr* expression = nullptr;
};

} // namespace adder::ast
