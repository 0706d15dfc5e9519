// The abstract syntax tree: a plain-C++ mirror of Python 3.11's `ast` module
// (Parser/Python.asdl). Node and field names match the ASDL exactly so that a
// dump in `ast.dump()` format can be compared with python3.11's.
//
// Nodes are owned by an `Arena` (one per parse) and refer to each other through
// raw, non-owning pointers. Optional fields are nullptr when absent. Literals are
// plain C++ data (no Python objects): the compiler turns them into constants.
// Positions follow CPython: 1-based lines, 0-based UTF-8 byte columns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <memory>
#include <optional>
#include <string>
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

// Owns every node of one tree; nodes die with the arena. Nodes are bump
// allocated from large chunks (a malloc per node was about 30% of parse
// time) and destroyed in reverse creation order by following the nodes'
// `arena_link`s, since they own strings and vectors. Not copyable; moving is not needed (parsers hold it
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
    void* allocate(size_t size)
    {
        constexpr size_t align = alignof(std::max_align_t);
        size = (size + align - 1) & ~(align - 1);
        if (size > m_left) {
            if (size > block_pool::block_size) {
                // Never for a node; kept general all the same.
                m_large.push_back(::operator new(size));
                return m_large.back();
            }
            m_chunks.push_back(block_pool::take());
            m_next = static_cast<char*>(m_chunks.back());
            m_left = block_pool::block_size;
        }
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

struct BoolOp : Expr { BoolOp() : Expr(ExprKind::BoolOp) { } BoolOpKind op {}; std::vector<Expr*> values; };
struct NamedExpr : Expr { NamedExpr() : Expr(ExprKind::NamedExpr) { } Expr* target = nullptr; Expr* value = nullptr; };
struct BinOp : Expr { BinOp() : Expr(ExprKind::BinOp) { } Expr* left = nullptr; Operator op {}; Expr* right = nullptr; };
struct UnaryOp : Expr { UnaryOp() : Expr(ExprKind::UnaryOp) { } UnaryOpKind op {}; Expr* operand = nullptr; };
struct Lambda : Expr { Lambda() : Expr(ExprKind::Lambda) { } Arguments* args = nullptr; Expr* body = nullptr; };
struct IfExp : Expr { IfExp() : Expr(ExprKind::IfExp) { } Expr* test = nullptr; Expr* body = nullptr; Expr* orelse = nullptr; };
// `keys[i] == nullptr` means `**values[i]`.
struct Dict : Expr { Dict() : Expr(ExprKind::Dict) { } std::vector<Expr*> keys; std::vector<Expr*> values; };
struct Set : Expr { Set() : Expr(ExprKind::Set) { } std::vector<Expr*> elts; };
struct ListComp : Expr { ListComp() : Expr(ExprKind::ListComp) { } Expr* elt = nullptr; std::vector<Comprehension*> generators; };
struct SetComp : Expr { SetComp() : Expr(ExprKind::SetComp) { } Expr* elt = nullptr; std::vector<Comprehension*> generators; };
struct DictComp : Expr { DictComp() : Expr(ExprKind::DictComp) { } Expr* key = nullptr; Expr* value = nullptr; std::vector<Comprehension*> generators; };
struct GeneratorExp : Expr { GeneratorExp() : Expr(ExprKind::GeneratorExp) { } Expr* elt = nullptr; std::vector<Comprehension*> generators; };
struct Await : Expr { Await() : Expr(ExprKind::Await) { } Expr* value = nullptr; };
struct Yield : Expr { Yield() : Expr(ExprKind::Yield) { } Expr* value = nullptr; };
struct YieldFrom : Expr { YieldFrom() : Expr(ExprKind::YieldFrom) { } Expr* value = nullptr; };
struct Compare : Expr { Compare() : Expr(ExprKind::Compare) { } Expr* left = nullptr; std::vector<CmpOp> ops; std::vector<Expr*> comparators; };
struct Call : Expr { Call() : Expr(ExprKind::Call) { } Expr* func = nullptr; std::vector<Expr*> args; std::vector<Keyword*> keywords; };
// `conversion` is -1 (none) or the code point of 's', 'r' or 'a'.
struct FormattedValue : Expr { FormattedValue() : Expr(ExprKind::FormattedValue) { } Expr* value = nullptr; int conversion = -1; Expr* format_spec = nullptr; };
struct JoinedStr : Expr { JoinedStr() : Expr(ExprKind::JoinedStr) { } std::vector<Expr*> values; };
// `kind` is "u" for a u-prefixed string literal, empty otherwise.
struct Constant : Expr { Constant() : Expr(ExprKind::Constant) { } ConstantValue value; std::string kind; };
struct Attribute : Expr { Attribute() : Expr(ExprKind::Attribute) { } Expr* value = nullptr; Identifier attr; ExprContext ctx = ExprContext::Load; };
struct Subscript : Expr { Subscript() : Expr(ExprKind::Subscript) { } Expr* value = nullptr; Expr* slice = nullptr; ExprContext ctx = ExprContext::Load; };
struct Starred : Expr { Starred() : Expr(ExprKind::Starred) { } Expr* value = nullptr; ExprContext ctx = ExprContext::Load; };
struct Name : Expr { Name() : Expr(ExprKind::Name) { } Identifier id; ExprContext ctx = ExprContext::Load; };
struct List : Expr { List() : Expr(ExprKind::List) { } std::vector<Expr*> elts; ExprContext ctx = ExprContext::Load; };
struct Tuple : Expr { Tuple() : Expr(ExprKind::Tuple) { } std::vector<Expr*> elts; ExprContext ctx = ExprContext::Load; };
struct Slice : Expr { Slice() : Expr(ExprKind::Slice) { } Expr* lower = nullptr; Expr* upper = nullptr; Expr* step = nullptr; };

// ---- helper nodes --------------------------------------------------------------

struct Comprehension : Node { Expr* target = nullptr; Expr* iter = nullptr; std::vector<Expr*> ifs; bool is_async = false; };
struct Arg : Node { Identifier arg; Expr* annotation = nullptr; std::optional<std::string> type_comment; Location loc; };
// `kw_defaults[i] == nullptr` means kwonlyargs[i] has no default.
struct Arguments : Node {
    std::vector<Arg*> posonlyargs;
    std::vector<Arg*> args;
    Arg* vararg = nullptr;
    std::vector<Arg*> kwonlyargs;
    std::vector<Expr*> kw_defaults;
    Arg* kwarg = nullptr;
    std::vector<Expr*> defaults;
};
// `arg` empty means `**value`.
struct Keyword : Node { std::optional<Identifier> arg; Expr* value = nullptr; Location loc; };
struct Alias : Node { Identifier name; std::optional<Identifier> asname; Location loc; };
struct WithItem : Node { Expr* context_expr = nullptr; Expr* optional_vars = nullptr; };
struct ExceptHandler : Node { Expr* type = nullptr; std::optional<Identifier> name; std::vector<Stmt*> body; Location loc; };

// ---- patterns (match statement) ----------------------------------------------

enum class PatternKind { MatchValue, MatchSingleton, MatchSequence, MatchMapping, MatchClass, MatchStar, MatchAs, MatchOr };

struct Pattern : Node {
    explicit Pattern(PatternKind k) : kind(k) { }
    PatternKind kind;
    Location loc;
};
struct MatchValue : Pattern { MatchValue() : Pattern(PatternKind::MatchValue) { } Expr* value = nullptr; };
struct MatchSingleton : Pattern { MatchSingleton() : Pattern(PatternKind::MatchSingleton) { } ConstantValue value; };
struct MatchSequence : Pattern { MatchSequence() : Pattern(PatternKind::MatchSequence) { } std::vector<Pattern*> patterns; };
struct MatchMapping : Pattern { MatchMapping() : Pattern(PatternKind::MatchMapping) { } std::vector<Expr*> keys; std::vector<Pattern*> patterns; std::optional<Identifier> rest; };
struct MatchClass : Pattern { MatchClass() : Pattern(PatternKind::MatchClass) { } Expr* cls = nullptr; std::vector<Pattern*> patterns; std::vector<Identifier> kwd_attrs; std::vector<Pattern*> kwd_patterns; };
struct MatchStar : Pattern { MatchStar() : Pattern(PatternKind::MatchStar) { } std::optional<Identifier> name; };
struct MatchAs : Pattern { MatchAs() : Pattern(PatternKind::MatchAs) { } Pattern* pattern = nullptr; std::optional<Identifier> name; };
struct MatchOr : Pattern { MatchOr() : Pattern(PatternKind::MatchOr) { } std::vector<Pattern*> patterns; };

struct MatchCase : Node { Pattern* pattern = nullptr; Expr* guard = nullptr; std::vector<Stmt*> body; };

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
    Identifier name; Arguments* args = nullptr; std::vector<Stmt*> body; std::vector<Expr*> decorator_list;
    Expr* returns = nullptr; std::optional<std::string> type_comment;
};
struct ClassDef : Stmt { ClassDef() : Stmt(StmtKind::ClassDef) { } Identifier name; std::vector<Expr*> bases; std::vector<Keyword*> keywords; std::vector<Stmt*> body; std::vector<Expr*> decorator_list; };
struct Return : Stmt { Return() : Stmt(StmtKind::Return) { } Expr* value = nullptr; };
struct Delete : Stmt { Delete() : Stmt(StmtKind::Delete) { } std::vector<Expr*> targets; };
struct Assign : Stmt { Assign() : Stmt(StmtKind::Assign) { } std::vector<Expr*> targets; Expr* value = nullptr; std::optional<std::string> type_comment; };
struct AugAssign : Stmt { AugAssign() : Stmt(StmtKind::AugAssign) { } Expr* target = nullptr; Operator op {}; Expr* value = nullptr; };
struct AnnAssign : Stmt { AnnAssign() : Stmt(StmtKind::AnnAssign) { } Expr* target = nullptr; Expr* annotation = nullptr; Expr* value = nullptr; bool simple = false; };
// For and AsyncFor share one struct.
struct For : Stmt {
    explicit For(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncFor : StmtKind::For) { }
    Expr* target = nullptr; Expr* iter = nullptr; std::vector<Stmt*> body; std::vector<Stmt*> orelse; std::optional<std::string> type_comment;
};
struct While : Stmt { While() : Stmt(StmtKind::While) { } Expr* test = nullptr; std::vector<Stmt*> body; std::vector<Stmt*> orelse; };
struct If : Stmt { If() : Stmt(StmtKind::If) { } Expr* test = nullptr; std::vector<Stmt*> body; std::vector<Stmt*> orelse; };
// With and AsyncWith share one struct.
struct With : Stmt {
    explicit With(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncWith : StmtKind::With) { }
    std::vector<WithItem*> items; std::vector<Stmt*> body; std::optional<std::string> type_comment;
};
struct Match : Stmt { Match() : Stmt(StmtKind::Match) { } Expr* subject = nullptr; std::vector<MatchCase*> cases; };
struct Raise : Stmt { Raise() : Stmt(StmtKind::Raise) { } Expr* exc = nullptr; Expr* cause = nullptr; };
// Try and TryStar share one struct.
struct Try : Stmt {
    explicit Try(bool is_star = false) : Stmt(is_star ? StmtKind::TryStar : StmtKind::Try) { }
    std::vector<Stmt*> body; std::vector<ExceptHandler*> handlers; std::vector<Stmt*> orelse; std::vector<Stmt*> finalbody;
};
struct Assert : Stmt { Assert() : Stmt(StmtKind::Assert) { } Expr* test = nullptr; Expr* msg = nullptr; };
struct Import : Stmt { Import() : Stmt(StmtKind::Import) { } std::vector<Alias*> names; };
struct ImportFrom : Stmt { ImportFrom() : Stmt(StmtKind::ImportFrom) { } std::optional<Identifier> module; std::vector<Alias*> names; int level = 0; };
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
    std::vector<Stmt*> body;
    Expr* expression = nullptr;
};

} // namespace adder::ast
