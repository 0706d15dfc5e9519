// Callables and descriptors: Python functions and their code objects, cells,
// bound methods, slot wrappers (`int.__add__`), member/getset descriptors,
// property, staticmethod, classmethod, and modules.
#pragma once

#include <memory>
#include <vector>

#include "bytecode/code.h"
#include "bytecode/serialize.h"
#include "objects/methods.h"
#include "objects/object.h"

namespace adder {

class Dict;
class Str;
class Tuple;

// The runtime form of a bytecode::CodeUnit: constants materialized as Values,
// names interned.
//
// Lazy code objects. Only the root code given to create()/create_lazy() is
// converted at once; every nested code constant becomes a *stub* whose
// header (name, qualname, filename, firstlineno, argument counts, flags,
// stacksize, docstring) is set and whose body (m_unit, m_consts, m_names,
// m_localsplusnames and the counts derived from localsplus) is produced on
// first use by ensure_body(). A stub comes either from a nested CodeUnit
// (compiler output: converted later, trusted) or from a record in a cache
// file body (m_lazy: decoded and verified later). A module calls only a few
// of the functions it defines, so most bodies are never built. Every reader
// of body fields must call ensure_body() first (frame setup in vm/call.cpp
// and the inlined call in vm/eval.cpp, the co_* getters, dis, replace); code
// running in a frame is always ready.
//
// A cache record that fails to decode or verify when materialized never
// runs: the module's source is recompiled (LazySource::recompile hook, set by
// the import system, which also rewrites the cache file), the matching
// nested unit is found by the path of constant indices from the root
// (m_parent/m_parent_index) and used instead. Only when that is impossible
// does ensure_body() raise ImportError.
class Code : public Object {
public:
    Code(Type* type, std::shared_ptr<bytecode::CodeUnit> unit) : Object(type), m_unit(std::move(unit)) {}
    // Converts `unit` (trusted compiler output or an eagerly verified unit);
    // its nested code constants become stubs.
    static Code* create(std::shared_ptr<bytecode::CodeUnit> unit);
    // Converts `root`, a unit from bytecode::deserialize_shallow() of
    // `source->body` that passed verify_shallow(); nested code constants
    // become stubs decoded from `source` on first use. `root` then belongs
    // to the code (its decoded tables are released). Returns null with
    // ImportError pending when a nested header is malformed.
    static Code* create_lazy(std::shared_ptr<bytecode::CodeUnit> root, std::shared_ptr<bytecode::LazySource> source);
    void visit_edges(gc::Visitor& v) override;

    // Builds the body of a stub (no-op once ready). False with ImportError
    // pending when the body is bad and cannot be recovered.
    [[nodiscard]] bool ensure_body()
    {
        if (!m_ready) [[unlikely]]
            return materialize();
        return true;
    }
    // The unit with every nested code constant decoded (for dis, replace,
    // serializing); null with an exception pending on failure.
    std::shared_ptr<bytecode::CodeUnit> full_unit();
    bool materialize(); // ensure_body's slow path

    // Fields are ordered so that a Code fits the GC's 256-byte size class.
    bool m_ready = false;
    // See m_tables_released below.
    bool m_tables_released = false;
    // Attribute lookups a module or class body made without an inline cache
    // (see attr_cache in vm/eval.cpp).
    uint16_t m_uncached_attr_uses = 0;
    uint32_t m_parent_index = 0;
    // Header fields, valid in stubs (and m_name ... m_flags below).
    Value m_doc; // consts[0] when it is a str, else None (the function's __doc__)
    // A stub from a cache record: the body, the record's extent in it, and
    // where it sits (parent code, const index; null parent for a root).
    std::shared_ptr<bytecode::LazySource> m_lazy;
    uint32_t m_lazy_offset = 0;
    uint32_t m_lazy_size = 0;
    Code* m_parent = nullptr;
    // m_tables_released: once a cache record's body is built, the decoded
    // consts/names tables of m_unit are freed (memory is the main cost of a
    // warm import); full_unit() decodes the immutable record again.

    // Body fields, valid once m_ready.
    std::shared_ptr<bytecode::CodeUnit> m_unit;
    std::vector<Value> m_consts;
    std::vector<Str*> m_names;
    std::vector<Str*> m_localsplusnames;
    Str* m_name = nullptr;
    Str* m_qualname = nullptr;
    Str* m_filename = nullptr;
    int m_nlocalsplus = 0;
    int m_nlocals = 0; // plain locals (not cells/free)
    int m_ncells = 0;
    int m_nfree = 0;
    int m_argcount = 0;
    int m_posonlyargcount = 0;
    int m_kwonlyargcount = 0;
    int m_stacksize = 0;
    uint32_t m_flags = 0;
    int m_firstlineno = 0;
    // LOAD_GLOBAL cache, one entry per co_names index (the lookup depends
    // only on the name and the two dicts' versions, which are globally
    // unique). Allocated lazily by the VM on first use (ensure_caches), so
    // loading code that never runs costs nothing.
    struct GlobalCache {
        uint64_t globals_version;
        uint64_t builtins_version;
        Value value;
    };
    std::unique_ptr<GlobalCache[]> m_global_cache;
    GlobalCache* ensure_caches(); // defined in vm/eval.cpp
    // LOAD_ATTR / STORE_ATTR / LOAD_METHOD inline cache, one entry per
    // instruction word: type_lookup(type, name) for the last receiver type,
    // valid while type_cache_epoch() == epoch (any change to a type, or a
    // new type at a reused address, bumps the epoch). visit_edges marks the
    // descriptors of current-epoch entries. `hint` is where LOAD_ATTR last
    // found the name in an instance dict (checked by key identity).
    struct AttrCache {
        const Type* type;
        uint64_t epoch;
        Value descr;
        uint32_t hint;
    };
    std::unique_ptr<AttrCache[]> m_attr_cache;
    AttrCache* ensure_attr_caches(); // defined in vm/eval.cpp
};

class CellObject : public Object {
public:
    using GcTriviallySweepable = CellObject; // owns no memory: the sweep skips ~CellObject
    explicit CellObject(Type* type, Value v = Value()) : Object(type), m_value(v) {}
    void visit_edges(gc::Visitor& v) override;
    Value m_value; // null = empty
};

class Function : public Object {
public:
    using GcTriviallySweepable = Function; // owns no memory: the sweep skips ~Function
    Function(Type* type) : Object(type) {}
    void visit_edges(gc::Visitor& v) override;

    Code* m_code = nullptr;
    Dict* m_globals = nullptr;
    Dict* m_builtins = nullptr;
    Str* m_name = nullptr;
    Str* m_qualname = nullptr;
    Tuple* m_defaults = nullptr;  // null = none
    Dict* m_kwdefaults = nullptr; // null = none
    Tuple* m_closure = nullptr;
    Value m_doc;
    Value m_module;
    Value m_annotations;
};

class Method : public Object {
public:
    using GcTriviallySweepable = Method; // owns no memory: the sweep skips ~Method
    Method(Type* type, Value func, Value self) : Object(type), m_func(func), m_self(self) {}
    void visit_edges(gc::Visitor& v) override;
    Value m_func;
    Value m_self;
};

// `int.__add__`: calls `m_owner`'s slot `m_slot` (an ADDER_SLOT id or 100 + NbOp [+ 200 reflected]).
class SlotWrapper : public Object {
public:
    using GcTriviallySweepable = SlotWrapper; // owns no memory: the sweep skips ~SlotWrapper
    SlotWrapper(Type* type, Type* owner, int slot, Str* name) : Object(type), m_owner(owner), m_slot(slot), m_name(name) {}
    void visit_edges(gc::Visitor& v) override;
    Type* m_owner;
    int m_slot;
    Str* m_name;
};

// __slots__ member or a C++ computed attribute.
class MemberDescriptor : public Object {
public:
    using GcTriviallySweepable = MemberDescriptor; // owns no memory: the sweep skips ~MemberDescriptor
    MemberDescriptor(Type* type, Type* owner, Str* name) : Object(type), m_owner(owner), m_name(name) {}
    void visit_edges(gc::Visitor& v) override;
    Type* m_owner;
    Str* m_name;
    int m_slot_index = -1;        // __slots__ member index (Instance::m_slots)
    GetterFn m_getter = nullptr;  // getset form
    SetterFn m_setter = nullptr;
};

class Property : public Object {
public:
    using GcTriviallySweepable = Property; // owns no memory: the sweep skips ~Property
    explicit Property(Type* type) : Object(type) {}
    void visit_edges(gc::Visitor& v) override;
    Value m_get, m_set, m_del, m_doc, m_name;
};

// staticmethod and classmethod share a layout: the wrapped callable.
class MethodWrapperObject : public Object {
public:
    using GcTriviallySweepable = MethodWrapperObject; // owns no memory: the sweep skips ~MethodWrapperObject
    MethodWrapperObject(Type* type, Value callable) : Object(type), m_callable(callable) {}
    void visit_edges(gc::Visitor& v) override;
    Value m_callable;
};

class Module : public Object {
public:
    using GcTriviallySweepable = Module; // owns no memory: the sweep skips ~Module
    Module(Type* type, Dict* dict) : Object(type) { m_dict = dict; }
    static Module* create(std::string_view name);
    Str* name() const;
};

enum class SlotId : int {
#define ADDER_SLOT(id, name) id,
#include "objects/slots.def"
#undef ADDER_SLOT
    COUNT
};

// New function object for `code` with `globals`; `qualname` from the code.
Function* make_function(Code* code, Dict* globals);
// Binds `func` to `self` (a bound method object).
Value make_method(Value func, Value self);
// The canonical interned str used in name lookups (`__init__`, ...).
Str* slot_name(SlotId id);

} // namespace adder
