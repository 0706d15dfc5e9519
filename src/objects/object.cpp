// Definitions of the builtin type globals and singletons, the base visit
// functions, and VERIFY's failure path.
#include "objects/object.h"

#include <cstdio>
#include <cstdlib>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/thread_state.h"

namespace adder {

Type* g_object_type;
Type* g_type_type;
Type* g_int_type;
Type* g_bool_type;
Type* g_float_type;
Type* g_complex_type;
Type* g_str_type;
Type* g_bytes_type;
Type* g_bytearray_type;
Type* g_tuple_type;
Type* g_list_type;
Type* g_dict_type;
Type* g_set_type;
Type* g_frozenset_type;
Type* g_none_type;
Type* g_notimplemented_type;
Type* g_ellipsis_type;
Type* g_range_type;
Type* g_slice_type;
Type* g_function_type;
Type* g_builtin_function_type;
Type* g_method_type;
Type* g_method_descriptor_type;
Type* g_classmethod_descriptor_type;
Type* g_wrapper_descriptor_type;
Type* g_cell_type;
Type* g_code_type;
Type* g_module_type;
Type* g_property_type;
Type* g_staticmethod_type;
Type* g_classmethod_type;
Type* g_super_type;
Type* g_generator_type;
Type* g_coroutine_type;
Type* g_async_generator_type;
Type* g_traceback_type;
Type* g_frame_type;

Object* g_none;
Object* g_true;
Object* g_false;
Object* g_notimplemented;
Object* g_ellipsis;

void verify_failed(const char* expr, const char* file, int line)
{
    std::fprintf(stderr, "adder: VERIFY failed: %s at %s:%d\n", expr, file, line);
    std::abort();
}

void Object::visit_edges(gc::Visitor& v)
{
    v.visit(m_type);
    v.visit(m_dict);
}

void Instance::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    for (Value x : m_slots)
        v.visit(x);
}

ThreadState& thread()
{
    static ThreadState* s_state = [] {
        auto* ts = new ThreadState;
        gc::heap().add_root_source(ts);
        return ts;
    }();
    return *s_state;
}

Status enter_call(const char* where)
{
    ThreadState& ts = thread();
    char probe;
    if (++ts.depth > ts.recursion_limit || (ts.stack_limit && &probe < ts.stack_limit)) [[unlikely]] {
        --ts.depth;
        // Give the handler some headroom, as CPython does.
        ts.depth -= 50;
        throw_error(g_RecursionError, "maximum recursion depth exceeded%s", where);
        ts.depth += 50;
        return pending;
    }
    return ok();
}

} // namespace adder
