// Callables and descriptors: Python functions and their code objects, cells,
// bound methods, slot wrappers (`int.__add__`), member/getset descriptors,
// property, staticmethod, classmethod, and modules.
#pragma once

#include <memory>
#include <vector>

#include "bytecode/code.h"
#include "objects/methods.h"
#include "objects/object.h"

namespace adder {

class Dict;
class Str;
class Tuple;

// The runtime form of a bytecode::CodeUnit: constants materialized as Values,
// names interned.
class Code : public Object {
public:
    Code(Type* type, std::shared_ptr<bytecode::CodeUnit> unit) : Object(type), m_unit(std::move(unit)) {}
    // Converts `unit` (and nested code constants) into a Code object.
    static Code* create(std::shared_ptr<bytecode::CodeUnit> unit);
    void visit_edges(gc::Visitor& v) override;

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
