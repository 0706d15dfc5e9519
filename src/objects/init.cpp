// Bootstraps the object model: creates every builtin type object in an order
// that resolves the type/object/dict/str chicken-and-egg, runs each type's
// init function, readies the types, and calls the library helper's method-set
// hooks (src/objects/*_methods.cpp).
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/range.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

extern Type* g_member_descriptor_type;
extern Type* g_getset_descriptor_type;

void init_object_and_type();
void init_native_function_types();
void init_function_types();
void init_int_type();
void init_float_type();
void init_str_type();
void init_bytes_types();
void init_tuple_list_types();
void init_dict_types();
void init_set_types();
void init_misc_types();
void init_exception_types();
void init_generic_alias_types();

// Library-helper hooks (src/objects/*_methods.cpp).
void init_str_methods();
void init_bytes_methods();
void init_bytearray_methods();
void init_int_methods();
void init_float_methods();
void init_complex_methods();

static bool s_initialized = false;

void init_types()
{
    if (s_initialized)
        return;
    s_initialized = true;
    gc::heap().disable();
    // 1. type, object, dict and str by hand (new_builtin_type needs dict and str).
    g_type_type = make<Type>(nullptr);
    g_type_type->set_type(g_type_type);
    g_type_type->m_name = "type";
    g_type_type->m_layout = Layout::Type;
    g_type_type->m_flags = TF_BASETYPE;
    g_object_type = make<Type>(g_type_type);
    g_object_type->m_name = "object";
    g_object_type->m_layout = Layout::Object;
    g_object_type->m_flags = TF_BASETYPE;
    g_type_type->m_base = g_object_type;
    g_dict_type = make<Type>(g_type_type);
    g_dict_type->m_name = "dict";
    g_dict_type->m_layout = Layout::Dict;
    g_dict_type->m_flags = TF_BASETYPE;
    g_dict_type->m_base = g_object_type;
    g_str_type = make<Type>(g_type_type);
    g_str_type->m_name = "str";
    g_str_type->m_layout = Layout::Str;
    g_str_type->m_flags = TF_BASETYPE;
    g_str_type->m_base = g_object_type;
    for (Type* t : { g_type_type, g_object_type, g_dict_type, g_str_type })
        t->set_dict(Dict::create());

    auto T = [](const char* name, Layout layout, uint32_t flags = TF_BASETYPE, Type* base = nullptr) {
        return new_builtin_type(name, base ? base : g_object_type, layout, flags);
    };
    g_tuple_type = T("tuple", Layout::Tuple);
    g_int_type = T("int", Layout::Int);
    g_bool_type = T("bool", Layout::Bool, 0, g_int_type);
    g_float_type = T("float", Layout::Float);
    g_complex_type = T("complex", Layout::Complex);
    g_bytes_type = T("bytes", Layout::Bytes);
    g_bytearray_type = T("bytearray", Layout::ByteArray);
    g_list_type = T("list", Layout::List);
    g_set_type = T("set", Layout::Set);
    g_frozenset_type = T("frozenset", Layout::FrozenSet);
    g_none_type = T("NoneType", Layout::None, 0);
    g_notimplemented_type = T("NotImplementedType", Layout::NotImplemented, 0);
    g_ellipsis_type = T("ellipsis", Layout::Ellipsis, 0);
    g_range_type = T("range", Layout::Range, 0);
    g_slice_type = T("slice", Layout::Slice, 0);
    g_function_type = T("function", Layout::Function, 0);
    g_builtin_function_type = T("builtin_function_or_method", Layout::NativeFunction, 0);
    g_method_type = T("method", Layout::Method, 0);
    g_method_descriptor_type = T("method_descriptor", Layout::MethodDescriptor, 0);
    g_classmethod_descriptor_type = T("classmethod_descriptor", Layout::MethodDescriptor, 0);
    g_wrapper_descriptor_type = T("wrapper_descriptor", Layout::SlotWrapper, 0);
    g_member_descriptor_type = T("member_descriptor", Layout::Other, 0);
    g_getset_descriptor_type = T("getset_descriptor", Layout::Other, 0);
    g_cell_type = T("cell", Layout::Cell, 0);
    g_code_type = T("code", Layout::Code, 0);
    g_module_type = T("module", Layout::Module);
    g_property_type = T("property", Layout::Property);
    g_staticmethod_type = T("staticmethod", Layout::StaticMethod);
    g_classmethod_type = T("classmethod", Layout::ClassMethod);
    g_super_type = T("super", Layout::Super);
    g_generator_type = T("generator", Layout::Generator, 0);
    g_coroutine_type = T("coroutine", Layout::Coroutine, 0);
    g_async_generator_type = T("async_generator", Layout::AsyncGenerator, 0);
    g_traceback_type = T("traceback", Layout::Traceback, 0);
    g_frame_type = T("frame", Layout::Frame, 0);
    g_iterator_type = T("iterator", Layout::Iterator, 0);

    g_none = make<Object>(g_none_type);
    g_notimplemented = make<Object>(g_notimplemented_type);
    g_ellipsis = make<Object>(g_ellipsis_type);
    g_false = make<Int>(g_bool_type, 0);
    g_true = make<Int>(g_bool_type, 1);

    // 2. Slots and methods.
    init_native_function_types();
    init_object_and_type();
    init_function_types();
    init_int_type();
    init_float_type();
    init_str_type();
    init_bytes_types();
    init_tuple_list_types();
    init_dict_types();
    init_set_types();
    init_misc_types();

    // 3. Ready in base-first order.
    type_ready(g_object_type);
    for (Type* t : { g_type_type, g_dict_type, g_str_type, g_tuple_type, g_int_type, g_bool_type, g_float_type, g_complex_type,
                     g_bytes_type, g_bytearray_type, g_list_type, g_set_type, g_frozenset_type, g_none_type,
                     g_notimplemented_type, g_ellipsis_type, g_range_type, g_slice_type, g_function_type,
                     g_builtin_function_type, g_method_type, g_method_descriptor_type, g_classmethod_descriptor_type,
                     g_wrapper_descriptor_type, g_member_descriptor_type, g_getset_descriptor_type, g_cell_type, g_code_type,
                     g_module_type, g_property_type, g_staticmethod_type, g_classmethod_type, g_super_type, g_generator_type,
                     g_coroutine_type, g_async_generator_type, g_traceback_type, g_frame_type, g_iterator_type })
        type_ready(t);
    init_exception_types();
    init_generic_alias_types();

    // 4. The library helper's method sets.
    init_str_methods();
    init_bytes_methods();
    init_bytearray_methods();
    init_int_methods();
    init_float_methods();
    init_complex_methods();

    // Roots for every builtin type and singleton: they live in globals.
    struct GlobalRoots : gc::RootSource {
        void visit_roots(gc::Visitor& v) override
        {
            for (Type* t : { g_object_type, g_type_type, g_int_type, g_bool_type, g_float_type, g_complex_type, g_str_type,
                             g_bytes_type, g_bytearray_type, g_tuple_type, g_list_type, g_dict_type, g_set_type,
                             g_frozenset_type, g_none_type, g_notimplemented_type, g_ellipsis_type, g_range_type,
                             g_slice_type, g_function_type, g_builtin_function_type, g_method_type,
                             g_method_descriptor_type, g_classmethod_descriptor_type, g_wrapper_descriptor_type,
                             g_member_descriptor_type, g_getset_descriptor_type, g_cell_type, g_code_type, g_module_type,
                             g_property_type, g_staticmethod_type, g_classmethod_type, g_super_type, g_generator_type,
                             g_coroutine_type, g_async_generator_type, g_traceback_type, g_frame_type, g_iterator_type })
                v.visit(t);
            for (Object* o : { g_none, g_true, g_false, g_notimplemented, g_ellipsis })
                v.visit(o);
#define ADDER_EXCEPTION(name, base, extra) v.visit(g_##name);
#include "builtins/exceptions.def"
#undef ADDER_EXCEPTION
        }
    };
    gc::heap().add_root_source(new GlobalRoots);
    gc::heap().enable();
}

} // namespace adder
