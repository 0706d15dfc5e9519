// The compiled form of one code block (module, class body, function, lambda,
// comprehension) as plain C++ data: what the compiler produces, what the cache
// serializes and verifies, and what the VM turns into a runtime code object.
// Holds no Python objects, so the compiler, serializer and verifier can be
// tested without the VM.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace adder::bytecode {

// Bumped on every change to opcodes.def or to the layout below; part of the
// pyc magic/tag so two builds never share a file (see spec §14 K12).
inline constexpr uint32_t format_version = 2;

enum class Opcode : uint8_t {
#define OPCODE(name, operand, pops, pushes, jump_pushes, flags) name,
#include "bytecode/opcodes.def"
#undef OPCODE
};

inline constexpr int opcode_count = 0
#define OPCODE(name, operand, pops, pushes, jump_pushes, flags) +1
#include "bytecode/opcodes.def"
#undef OPCODE
    ;

// One instruction word: bits 0-7 opcode, bits 8-31 operand.
using Word = uint32_t;
inline constexpr int operand_bits = 24;
inline constexpr uint32_t max_operand = (1u << operand_bits) - 1;
inline constexpr Word make_word(Opcode op, uint32_t arg) { return static_cast<Word>(op) | (arg << 8); }
inline constexpr Opcode word_opcode(Word w) { return static_cast<Opcode>(w & 0xFF); }
inline constexpr uint32_t word_operand(Word w) { return w >> 8; }

// CPython's co_flags values.
enum CodeFlags : uint32_t {
    CO_OPTIMIZED = 0x0001,
    CO_NEWLOCALS = 0x0002,
    CO_VARARGS = 0x0004,
    CO_VARKEYWORDS = 0x0008,
    CO_NESTED = 0x0010,
    CO_GENERATOR = 0x0020,
    CO_NOFREE = 0x0040,
    CO_COROUTINE = 0x0080,
    CO_ITERABLE_COROUTINE = 0x0100,
    CO_ASYNC_GENERATOR = 0x0200,
    CO_FUTURE_ANNOTATIONS = 0x1000000,
};

// Kinds of a localsplus slot, as in CPython 3.11 (Include/internal/pycore_code.h).
enum LocalKind : uint8_t {
    CO_FAST_LOCAL = 0x20,
    CO_FAST_CELL = 0x40,
    CO_FAST_FREE = 0x80,
};

struct CodeUnit;

// A compile-time constant. Str is UTF-8 (lone surrogates as 3-byte sequences);
// Bytes is raw; BigInt is `text` = optional '-' then decimal digits;
// Tuple/FrozenSet hold `items`; Code holds a nested code block, or, in a unit
// read lazily from a cache file (serialize.h), `code` is null and
// lazy_offset/lazy_size delimit the nested record in the file's body.
struct Constant {
    enum class Kind : uint8_t { None, Ellipsis, False, True, Int, BigInt, Float, Complex, Str, Bytes, Tuple, FrozenSet, Code };
    Kind kind = Kind::None;
    uint32_t lazy_offset = 0;
    uint32_t lazy_size = 0; // > 0 for a lazy code constant
    int64_t int_value = 0;
    double real = 0; // Float value, or Complex real part
    double imag = 0; // Complex imaginary part
    std::string text;
    std::vector<Constant> items;
    std::shared_ptr<CodeUnit> code;
};

// Source span of one instruction (1-based lines, 0-based UTF-8 byte columns;
// -1 when unknown), used for tracebacks.
struct Position {
    int32_t lineno = -1;
    int32_t end_lineno = -1;
    int32_t col = -1;
    int32_t end_col = -1;
};

// The positions of a code unit, one per instruction word, with the interface
// of a std::vector<Position>. A unit read from a cache file keeps them in
// their compact serialized form (about 4 bytes per word instead of 16) and
// decodes them on first access: positions are needed only for tracebacks,
// frame line numbers and dis, and most loaded code never raises. Decoding is
// total: malformed packed bytes (a crafted file) give -1 entries, never an
// out-of-bounds read. Not thread-safe (a const access may decode), like the
// rest of a loaded unit's users.
class PositionTable {
public:
    using iterator = std::vector<Position>::iterator;
    using const_iterator = std::vector<Position>::const_iterator;

    size_t size() const { return m_packed.empty() ? m_items.size() : m_count; }
    bool empty() const { return size() == 0; }
    const Position& operator[](size_t i) const { return items()[i]; }
    Position& operator[](size_t i) { return items()[i]; }
    const_iterator begin() const { return items().begin(); }
    const_iterator end() const { return items().end(); }
    iterator begin() { return items().begin(); }
    iterator end() { return items().end(); }
    void push_back(const Position& p) { items().push_back(p); }
    void pop_back() { items().pop_back(); }
    void clear() { m_packed.clear(); m_items.clear(); }
    void reserve(size_t n) { items().reserve(n); }
    void resize(size_t n) { items().resize(n); }
    iterator insert(const_iterator at, const Position& p) { return items().insert(at, p); }

    // Replaces the contents with `count` positions in serialize.h's position
    // encoding, line deltas starting from `first_line`.
    void set_packed(std::string bytes, size_t count, int32_t first_line);
    // The packed bytes while still packed (else empty), and their base line.
    const std::string& packed() const { return m_packed; }
    int32_t packed_first_line() const { return m_first_line; }

private:
    std::vector<Position>& items() const
    {
        if (!m_packed.empty()) [[unlikely]]
            unpack();
        return m_items;
    }
    void unpack() const;

    mutable std::vector<Position> m_items;
    mutable std::string m_packed;
    size_t m_count = 0;
    int32_t m_first_line = 0;
};

// One entry of the exception table (3.11 "zero-cost" model): an exception raised
// by an instruction in [start, end) pops the stack to `depth`, pushes the
// instruction index as an int if `push_lasti`, pushes the exception, and jumps
// to `target`. Entries are sorted by `start` and do not overlap.
struct ExceptionEntry {
    uint32_t start = 0;
    uint32_t end = 0;
    uint32_t target = 0;
    uint32_t depth = 0;
    bool push_lasti = false;
};

struct CodeUnit {
    std::string name;
    std::string qualname;
    std::string filename;
    int firstlineno = 1;
    int argcount = 0;
    int posonlyargcount = 0;
    int kwonlyargcount = 0;
    uint32_t flags = 0;
    int stacksize = 0;

    std::vector<Word> code;
    PositionTable positions; // one per instruction word
    std::vector<ExceptionEntry> exception_table;

    std::vector<Constant> consts;
    std::vector<std::string> names; // co_names
    // Fast locals, cells and free variables in one array (CPython 3.11 layout):
    // arguments first, then other locals, then cells that are not arguments,
    // then free variables.
    std::vector<std::string> localsplusnames;
    std::vector<uint8_t> localspluskinds; // LocalKind bits, one per localsplusnames entry

    // Derived counts (CPython's co_nlocals, co_ncellvars, co_nfreevars).
    int nlocals() const;
    int ncellvars() const;
    int nfreevars() const;
};

} // namespace adder::bytecode
