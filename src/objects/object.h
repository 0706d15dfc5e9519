// Object and Type: the base of every Python object and the type object with
// its slot table (CPython's tp_* / nb_* / sq_* / mp_* merged into one struct).
//
// How a builtin type is built: its C++ class derives from Object; a `Type`
// instance (a global like g_list_type) is filled in at startup by the type's
// init function with slot function pointers (fast C++ paths used by the VM)
// and Python-visible methods registered with add_method() (see methods.h).
// Slots left null are inherited from the base at type_ready(). Dunder names
// are exposed in the type dict as slot wrappers (so `int.__add__` exists), and
// heap types (classes) get generic slots that call the Python dunders.
//
// Every instance knows its C++ representation through `Type::m_layout`
// (inherited by subclasses), which replaces RTTI: `is_str(v)` is a layout test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gc/heap.h"
#include "objects/result.h"
#include "objects/value.h"

namespace adder {

class Type;
class Dict;
class Str;
class Tuple;

// The C++ class of an instance; a subclass keeps its base's layout.
enum class Layout : uint8_t {
    Object, Instance, Type, Int, Bool, Float, Complex, Str, Bytes, ByteArray, Tuple, List, Dict, Set, FrozenSet,
    Range, Slice, Function, NativeFunction, Method, Cell, Code, Module, Property, StaticMethod, ClassMethod,
    Super, Generator, Coroutine, AsyncGenerator, BaseException, Traceback, Frame, None, NotImplemented,
    Ellipsis, Iterator, DictView, MethodDescriptor, SlotWrapper, File, Other
};

class Object : public gc::Cell {
public:
    using GcTriviallySweepable = Object; // owns no memory: the sweep skips ~Object
    explicit Object(Type* type) : m_type(type) {}
    Type* type() const { return m_type; }
    void set_type(Type* type) { m_type = type; }
    // The instance __dict__ (null when the object has none or it is not created yet).
    Dict* dict() const { return m_dict; }
    void set_dict(Dict* dict) { m_dict = dict; }
    void visit_edges(gc::Visitor& v) override;

protected:
    Type* m_type;
    Dict* m_dict = nullptr;
};

// Arguments of a call, vectorcall style: `nargs` positional values followed
// by one value per name in `kwnames` (null when there are no keywords).
struct CallArgs {
    const Value* items = nullptr;
    size_t nargs = 0;
    Tuple* kwnames = nullptr;
    size_t nkw() const;
    Value operator[](size_t i) const { return items[i]; }
    Value kw_value(size_t i) const { return items[nargs + i]; }
};

enum class CompareOp : uint8_t { Lt = 0, Le, Eq, Ne, Gt, Ge };

// CPython 3.11 BINARY_OP numbering (Include/opcode.h NB_*).
enum NbOp : uint8_t {
    NB_ADD = 0, NB_AND, NB_FLOOR_DIVIDE, NB_LSHIFT, NB_MATRIX_MULTIPLY, NB_MULTIPLY, NB_REMAINDER, NB_OR,
    NB_POWER, NB_RSHIFT, NB_SUBTRACT, NB_TRUE_DIVIDE, NB_XOR, NB_BINARY_COUNT,
    NB_INPLACE_ADD = 13, NB_INPLACE_XOR = 25
};

using UnaryFn = Result<Value> (*)(Value);
using BinaryFn = Result<Value> (*)(Value, Value);
using TernaryFn = Result<Value> (*)(Value, Value, Value);
using HashFn = Result<int64_t> (*)(Value);
using LenFn = Result<int64_t> (*)(Value);
using BoolFn = Result<bool> (*)(Value);
using CompareFn = Result<Value> (*)(Value, Value, CompareOp);
using GetAttrFn = Result<Value> (*)(Value, Str*);
using SetAttrFn = Status (*)(Value, Str*, Value);   // null value = delete
using SetItemFn = Status (*)(Value, Value, Value);  // null value = delete
using ContainsFn = Result<bool> (*)(Value, Value);
using CallFn = Result<Value> (*)(Value, CallArgs);
using InitFn = Status (*)(Value, CallArgs);
using NewFn = Result<Value> (*)(Type*, CallArgs);
using DescrGetFn = Result<Value> (*)(Value descr, Value obj, Value type); // obj null: accessed on the class
using DescrSetFn = Status (*)(Value descr, Value obj, Value value);       // null value = delete
// Returns the next item, or null (with no exception pending) when exhausted.
using IterNextFn = Result<Value> (*)(Value);

enum TypeFlags : uint32_t {
    TF_HEAP = 1 << 0,        // created by a class statement or type(name, bases, dict)
    TF_BASETYPE = 1 << 1,    // may be subclassed
    TF_HAS_DICT = 1 << 2,    // instances get a __dict__
    TF_READY = 1 << 3,
    TF_ABSTRACT = 1 << 4,
    TF_IS_ABC_SEQUENCE = 1 << 5, // for match statements (Py_TPFLAGS_SEQUENCE)
    TF_IS_ABC_MAPPING = 1 << 6,  // Py_TPFLAGS_MAPPING
    TF_HAS_FINALIZER = 1 << 7,
};

class Type : public Object {
public:
    explicit Type(Type* metatype) : Object(metatype) {}
    ~Type() override; // bumps the lookup-cache epoch (type.cpp)
    void visit_edges(gc::Visitor& v) override;

    const std::string& name() const { return m_name; }
    bool is_heap() const { return m_flags & TF_HEAP; }
    // True when this type is `other` or a subclass of it (walks the MRO).
    bool is_subtype_of(const Type* other) const;

    std::string m_name;         // __name__ (UTF-8)
    Str* m_qualname = nullptr;  // __qualname__ (heap types)
    Type* m_base = nullptr;     // __base__ (the solid base)
    Tuple* m_bases = nullptr;   // __bases__
    Tuple* m_mro = nullptr;     // __mro__
    uint32_t m_flags = 0;
    Layout m_layout = Layout::Object;
    uint64_t m_version = 0;     // bumped when the type or a base changes (attribute caches)
    std::vector<Str*> m_slot_names; // __slots__ member names (Instance layout), base slots first
    std::vector<Type*> m_subclasses; // FIXME: strong refs; should be weak.

    // Slots. Null means "not supported" after type_ready() inheritance.
    UnaryFn repr = nullptr;
    UnaryFn str = nullptr;
    HashFn hash = nullptr;
    CompareFn richcompare = nullptr;
    GetAttrFn getattro = nullptr;
    SetAttrFn setattro = nullptr;
    CallFn call = nullptr;
    UnaryFn iter = nullptr;
    IterNextFn iternext = nullptr;
    LenFn len = nullptr;
    BinaryFn getitem = nullptr;
    SetItemFn setitem = nullptr;
    ContainsFn contains = nullptr;
    BoolFn boolean = nullptr;
    BinaryFn nb[NB_BINARY_COUNT] = {};
    BinaryFn nb_inplace[NB_BINARY_COUNT] = {};
    UnaryFn neg = nullptr;
    UnaryFn pos = nullptr;
    UnaryFn invert = nullptr;
    UnaryFn abs = nullptr;
    UnaryFn index = nullptr;   // __index__: returns an int
    UnaryFn to_int = nullptr;  // __int__
    UnaryFn to_float = nullptr; // __float__
    DescrGetFn descr_get = nullptr;
    DescrSetFn descr_set = nullptr;
    InitFn init = nullptr;
    NewFn new_ = nullptr;
};


// Builtin type objects (filled in at startup by init_types()).
extern Type* g_object_type;
extern Type* g_type_type;
extern Type* g_int_type;
extern Type* g_bool_type;
extern Type* g_float_type;
extern Type* g_complex_type;
extern Type* g_str_type;
extern Type* g_bytes_type;
extern Type* g_bytearray_type;
extern Type* g_tuple_type;
extern Type* g_list_type;
extern Type* g_dict_type;
extern Type* g_set_type;
extern Type* g_frozenset_type;
extern Type* g_none_type;
extern Type* g_notimplemented_type;
extern Type* g_ellipsis_type;
extern Type* g_range_type;
extern Type* g_slice_type;
extern Type* g_function_type;
extern Type* g_builtin_function_type;
extern Type* g_method_type;
extern Type* g_method_descriptor_type;
extern Type* g_classmethod_descriptor_type;
extern Type* g_wrapper_descriptor_type;
extern Type* g_cell_type;
extern Type* g_code_type;
extern Type* g_module_type;
extern Type* g_property_type;
extern Type* g_staticmethod_type;
extern Type* g_classmethod_type;
extern Type* g_super_type;
extern Type* g_generator_type;
extern Type* g_coroutine_type;
extern Type* g_async_generator_type;
extern Type* g_traceback_type;
extern Type* g_frame_type;

// Singletons.
extern Object* g_none;
extern Object* g_true;
extern Object* g_false;
extern Object* g_notimplemented;
extern Object* g_ellipsis;

inline Value none() { return Value(g_none); }
inline Value py_bool(bool b) { return Value(b ? g_true : g_false); }
inline bool is_none(Value v) { return v.as_object() == g_none; }

inline Type* Value::type() const
{
    if (is_small_int())
        return g_int_type;
    return as_object()->type();
}

inline Layout layout_of(Value v) { return v.type()->m_layout; }
inline bool is_type(Value v) { return v.is_object() && v.as_object()->type()->m_layout == Layout::Type; }
inline Type* as_type(Value v) { return static_cast<Type*>(v.as_object()); }
// int (including bool and int subclasses).
inline bool is_int(Value v) { return v.is_small_int() || (v.is_object() && (layout_of(v) == Layout::Int || layout_of(v) == Layout::Bool)); }
inline bool is_exact_int(Value v) { return v.is_small_int() || v.as_object()->type() == g_int_type; }
inline bool is_str(Value v) { return v.is_object() && layout_of(v) == Layout::Str; }
inline bool is_float(Value v) { return v.is_object() && layout_of(v) == Layout::Float; }
inline bool is_tuple(Value v) { return v.is_object() && layout_of(v) == Layout::Tuple; }
inline bool is_list(Value v) { return v.is_object() && layout_of(v) == Layout::List; }
inline bool is_dict(Value v) { return v.is_object() && layout_of(v) == Layout::Dict; }
inline bool is_bytes(Value v) { return v.is_object() && layout_of(v) == Layout::Bytes; }
inline bool is_bytearray(Value v) { return v.is_object() && layout_of(v) == Layout::ByteArray; }
inline bool is_anyset(Value v) { return v.is_object() && (layout_of(v) == Layout::Set || layout_of(v) == Layout::FrozenSet); }
inline bool is_exception(Value v) { return v.is_object() && layout_of(v) == Layout::BaseException; }
inline bool is_exception_type(Value v);

// isinstance(v, t) without __instancecheck__ (MRO walk).
inline bool is_instance_of(Value v, const Type* t) { return v.type()->is_subtype_of(t); }

// Allocates a GC object: `make<List>(args...)`.
template<typename T, typename... Args>
T* make(Args&&... args)
{
    return gc::heap().allocate<T>(std::forward<Args>(args)...);
}

// Plain instance of a class whose solid base is `object`: a __dict__ (in
// Object::m_dict) plus __slots__ values.
class Instance : public Object {
public:
    explicit Instance(Type* type) : Object(type) {}
    void visit_edges(gc::Visitor& v) override;
    // Instances of classes defining __del__ are registered as finalizable
    // by object_new; __del__ runs (once) when the collector finds them dead.
    bool wants_finalize() override { return m_type->m_flags & TF_HAS_FINALIZER; }
    std::vector<Value> m_slots;
};

// --- type machinery (type.cpp) ---------------------------------------------

// Creates a builtin (static) type named `name` with base `base` (null for object) and `layout`.
Type* new_builtin_type(const char* name, Type* base, Layout layout, uint32_t flags = TF_BASETYPE);
// Finishes a type: computes the MRO, inherits null slots from the base, adds
// slot wrappers for dunders to the dict. Call after filling in slots/methods.
void type_ready(Type* type);
// Epoch of the type attribute cache: changes whenever any type's dict, MRO or
// slots change (and when a type is readied/created), so a cached lookup result
// tagged with the epoch is valid while the epoch is unchanged. Never 0.
extern uint64_t g_type_cache_epoch;
inline uint64_t type_cache_epoch() { return g_type_cache_epoch; }
// Bumps the epoch; call after mutating any type's dict or MRO.
void invalidate_type_caches();
// Looks `name` up along type(v)'s MRO (no descriptors applied). Returns null if absent.
Value type_lookup(Type* type, Str* name);
Value type_lookup(Type* type, std::string_view name);
// Recomputes the generic dunder slots of heap type `type` (after a dunder is assigned).
void type_update_slots(Type* type);
// type(name, bases, dict) as called by the class statement / 3-arg type().
Result<Value> type_new(Type* metatype, Str* name, Tuple* bases, Dict* ns, Tuple* kwnames = nullptr, const Value* kwvalues = nullptr);
// The __name__ / __qualname__ of a type as std::string.
std::string type_name(const Type* t);
std::string type_qualname(const Type* t);

// Generic attribute access (object.__getattribute__ / __setattr__).
Result<Value> generic_getattr(Value obj, Str* name);
Status generic_setattr(Value obj, Str* name, Value value);
// The solid-base-checking rules of object.__new__/__init__.
Result<Value> object_new(Type* type, CallArgs args);

// Singletons/sets of the most used interned names (see intern.h: names()).

} // namespace adder
