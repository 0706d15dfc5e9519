// Calling Python functions: the data stack of frames, argument binding with
// CPython 3.11's rules and TypeError messages (Python/ceval.c
// initialize_locals, missing_arguments, too_many_positional,
// positional_only_passed_as_keyword), and running module/class code.
#include <cstdlib>
#include <cstring>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/thread_state.h"
#include "objects/tuple.h"
#include "vm/interp.h"

namespace adder::vm {

using bytecode::CO_ASYNC_GENERATOR;
using bytecode::CO_COROUTINE;
using bytecode::CO_GENERATOR;
using bytecode::CO_VARARGS;
using bytecode::CO_VARKEYWORDS;

// 64 MiB of frames: far more than the recursion limit needs; exhausting it
// raises RecursionError instead of crashing.
static constexpr size_t data_stack_bytes = 64 * 1024 * 1024;

DataStack::DataStack()
{
    m_base = static_cast<char*>(std::malloc(data_stack_bytes));
    VERIFY(m_base);
    m_top = m_base;
    m_limit = m_base + data_stack_bytes;
    gc::heap().add_root_source(this);
}

DataStack* g_data_stack;

DataStack* create_data_stack() { return new DataStack; }

void DataStack::visit_roots(gc::Visitor& v)
{
    v.visit_conservative_range(m_base, m_top);
    // Heap frames (generators) that are executing are reachable from the chain.
    for (Frame* f = thread().frame; f; f = f->previous)
        if (f->owns_memory)
            v.visit_conservative_range(f, reinterpret_cast<char*>(f) + frame_bytes(f->code));
}

Frame* current_frame() { return thread().frame; }

int Frame::line_of(uint32_t index) const
{
    const auto& pos = code->m_unit->positions;
    if (index < pos.size())
        return pos[index].lineno;
    return -1;
}

static Frame* new_heap_frame(Code* code)
{
    size_t size = (frame_size(code) + 15) & ~size_t(15);
    auto* f = static_cast<Frame*>(std::calloc(1, size));
    VERIFY(f);
    f->code = code;
    f->owns_memory = true;
    return f;
}

// --- argument binding ----------------------------------------------------------------

static std::string quoted_list(const std::vector<std::string>& names)
{
    // 'a'; 'a' and 'b'; 'a', 'b', and 'c'
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) {
            if (names.size() == 2)
                out += " and ";
            else if (i + 1 == names.size())
                out += ", and ";
            else
                out += ", ";
        }
        out += "'" + names[i] + "'";
    }
    return out;
}

static Pending missing_arguments(Function* f, Value* locals, int start, int end, bool kwonly, int ndefaults)
{
    Code* co = f->m_code;
    std::vector<std::string> missing;
    for (int i = start; i < end; ++i) {
        if (!locals[i]) {
            if (!kwonly && i >= co->m_argcount - ndefaults)
                continue;
            if (kwonly && f->m_kwdefaults && f->m_kwdefaults->get_str(co->m_localsplusnames[size_t(i)]))
                continue;
            missing.push_back(co->m_localsplusnames[size_t(i)]->data());
        }
    }
    size_t n = missing.size();
    return throw_error(g_TypeError, "%s() missing %zu required %s argument%s: %s", f->m_qualname->c_str(), n,
                       kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", quoted_list(missing).c_str());
}

static Pending too_many_positional(Function* f, Value* locals, size_t given)
{
    Code* co = f->m_code;
    int defcount = f->m_defaults ? int(f->m_defaults->size()) : 0;
    int kwonly_given = 0;
    for (int i = co->m_argcount; i < co->m_argcount + co->m_kwonlyargcount; ++i)
        if (locals[i])
            ++kwonly_given;
    std::string sig;
    bool plural;
    if (defcount) {
        sig = "from " + std::to_string(co->m_argcount - defcount) + " to " + std::to_string(co->m_argcount);
        plural = true;
    } else {
        sig = std::to_string(co->m_argcount);
        plural = co->m_argcount != 1;
    }
    std::string kw;
    if (kwonly_given) {
        kw = " positional argument" + std::string(given != 1 ? "s" : "") + " (and " + std::to_string(kwonly_given) +
             " keyword-only argument" + (kwonly_given != 1 ? "s" : "") + ")";
    }
    return throw_error(g_TypeError, "%s() takes %s positional argument%s but %zu%s %s given", f->m_qualname->c_str(), sig.c_str(),
                       plural ? "s" : "", given, kw.c_str(), (given == 1 && !kwonly_given) ? "was" : "were");
}

// Fills the argument slots of `frame` from `args` (CPython's initialize_locals).
static Status bind_arguments(Function* f, Frame* frame, CallArgs args)
{
    Code* co = f->m_code;
    Value* locals = frame->localsplus();
    int argcount = co->m_argcount;
    int total_args = argcount + co->m_kwonlyargcount;
    size_t nargs = args.nargs;
    Dict* kwdict = nullptr;
    int kw_slot = total_args + ((co->m_flags & CO_VARARGS) ? 1 : 0);
    if (co->m_flags & CO_VARKEYWORDS) {
        kwdict = Dict::create();
        locals[kw_slot] = Value(kwdict);
    }
    size_t n = nargs < size_t(argcount) ? nargs : size_t(argcount);
    for (size_t i = 0; i < n; ++i)
        locals[i] = args.items[i];
    if (co->m_flags & CO_VARARGS) {
        if (nargs > size_t(argcount))
            locals[total_args] = Value(Tuple::create(std::span<const Value>(args.items + argcount, nargs - size_t(argcount))));
        else
            locals[total_args] = Value(Tuple::empty());
    }
    // Keyword arguments.
    size_t nkw = args.nkw();
    for (size_t k = 0; k < nkw; ++k) {
        Str* name = as_str(args.kwnames->at(k));
        Value value = args.items[nargs + k];
        int j = co->m_posonlyargcount;
        for (; j < total_args; ++j)
            if (co->m_localsplusnames[size_t(j)] == name)
                break;
        if (j == total_args) {
            for (j = co->m_posonlyargcount; j < total_args; ++j)
                if (co->m_localsplusnames[size_t(j)]->view() == name->view())
                    break;
        }
        if (j == total_args) {
            if (kwdict) {
                TRY(kwdict->set(Value(name), value));
                continue;
            }
            for (int p = 0; p < co->m_posonlyargcount; ++p) {
                if (co->m_localsplusnames[size_t(p)]->view() == name->view())
                    return throw_error(g_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                                       f->m_qualname->c_str(), name->c_str());
            }
            return throw_error(g_TypeError, "%s() got an unexpected keyword argument '%s'", f->m_qualname->c_str(), name->c_str());
        }
        if (locals[j])
            return throw_error(g_TypeError, "%s() got multiple values for argument '%s'", f->m_qualname->c_str(), name->c_str());
        locals[j] = value;
    }
    if (nargs > size_t(argcount) && !(co->m_flags & CO_VARARGS))
        return too_many_positional(f, locals, nargs);
    // Defaults for missing positional arguments.
    if (nargs < size_t(argcount)) {
        int ndefaults = f->m_defaults ? int(f->m_defaults->size()) : 0;
        int m = argcount - ndefaults;
        for (int i = int(nargs); i < m; ++i)
            if (!locals[i])
                return missing_arguments(f, locals, int(nargs), m, false, ndefaults);
        for (int i = m > int(nargs) ? m : int(nargs); i < argcount; ++i)
            if (!locals[i])
                locals[i] = f->m_defaults->at(size_t(i - m));
    }
    if (co->m_kwonlyargcount) {
        bool missing = false;
        for (int i = argcount; i < total_args; ++i) {
            if (locals[i])
                continue;
            Value def = f->m_kwdefaults ? f->m_kwdefaults->get_str(co->m_localsplusnames[size_t(i)]) : Value();
            if (def)
                locals[i] = def;
            else
                missing = true;
        }
        if (missing)
            return missing_arguments(f, locals, argcount, total_args, true, 0);
    }
    return ok();
}

static void setup_frame(Frame* frame, Function* f)
{
    frame->func = f;
    frame->globals = f->m_globals;
    frame->builtins = f->m_builtins;
    frame->instrs = f->m_code->m_unit->code.data();
}

Result<Value> call_function(Function* f, CallArgs args)
{
    Code* co = f->m_code;
    if (!co->ensure_body())
        return pending;
    if (co->m_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        Frame* frame = new_heap_frame(co);
        setup_frame(frame, f);
        // Keep the frame reachable while binding (cells/tuples allocate).
        ThreadState& ts = thread();
        frame->previous = ts.frame;
        ts.frame = frame;
        Status st = bind_arguments(f, frame, args);
        ts.frame = frame->previous;
        if (st.is_error()) {
            std::free(frame);
            return pending;
        }
        Result<Value> r = eval_frame(frame);
        if (r.is_error() || !frame->generator) {
            // Failed in the prologue before the generator took ownership.
            if (!frame->generator) {
                if (frame->frame_obj)
                    frame_object_exit(frame, frame->lasti);
                std::free(frame);
            }
        }
        return r;
    }
    DataStack& ds = data_stack();
    Frame* frame = ds.push(co);
    if (!frame)
        return throw_error(g_RecursionError, "maximum recursion depth exceeded");
    setup_frame(frame, f);
    Status st = bind_arguments(f, frame, args);
    if (st.is_error()) {
        ds.pop(frame);
        return pending;
    }
    Result<Value> r = eval_frame(frame);
    ds.pop(frame);
    return r;
}

Frame* push_function_frame(Function* f, CallArgs args)
{
    Code* co = f->m_code;
    if (!co->ensure_body())
        return nullptr;
    DataStack& ds = data_stack();
    Frame* frame = ds.push(co);
    if (!frame) {
        throw_error(g_RecursionError, "maximum recursion depth exceeded");
        return nullptr;
    }
    setup_frame(frame, f);
    // The common case: exactly the positional parameters, nothing else to bind.
    if (!args.kwnames && args.nargs == size_t(co->m_argcount) && co->m_kwonlyargcount == 0 &&
        !(co->m_flags & (CO_VARARGS | CO_VARKEYWORDS))) {
        Value* locals = frame->localsplus();
        for (size_t i = 0; i < args.nargs; ++i)
            locals[i] = args.items[i];
        return frame;
    }
    if (bind_arguments(f, frame, args).is_error()) {
        ds.pop(frame);
        return nullptr;
    }
    return frame;
}

static Result<Value> function_call_slot(Value callable, CallArgs args)
{
    return call_function(static_cast<Function*>(callable.as_object()), args);
}

Result<Value> run_code(Code* code, Dict* globals, Value locals)
{
    if (!code->ensure_body())
        return pending;
    DataStack& ds = data_stack();
    Frame* frame = ds.push(code);
    if (!frame)
        return throw_error(g_RecursionError, "maximum recursion depth exceeded");
    frame->globals = globals;
    Value b = globals->get_str("__builtins__");
    if (b && is_dict(b))
        frame->builtins = as_dict(b);
    else if (b && b.type()->m_layout == Layout::Module)
        frame->builtins = b.as_object()->dict();
    else
        frame->builtins = builtins_dict();
    frame->locals = locals ? locals : Value(globals);
    frame->instrs = code->m_unit->code.data();
    Result<Value> r = eval_frame(frame);
    ds.pop(frame);
    return r;
}

Result<Value> run_class_body(Function* f, Value ns)
{
    Code* co = f->m_code;
    if (!co->ensure_body())
        return pending;
    DataStack& ds = data_stack();
    Frame* frame = ds.push(co);
    if (!frame)
        return throw_error(g_RecursionError, "maximum recursion depth exceeded");
    setup_frame(frame, f);
    frame->locals = ns;
    Result<Value> r = eval_frame(frame);
    ds.pop(frame);
    return r;
}

namespace {
ImportHook g_import_hook;
Dict* g_builtins_dict;
struct BuiltinsRoot : gc::RootSource {
    void visit_roots(gc::Visitor& v) override { v.visit(g_builtins_dict); }
};
} // namespace

void set_import_hook(ImportHook hook) { g_import_hook = hook; }
ImportHook import_hook() { return g_import_hook; }
Dict* builtins_dict() { return g_builtins_dict; }
void set_builtins_dict(Dict* d)
{
    static bool s_rooted = [] {
        gc::heap().add_root_source(new BuiltinsRoot);
        return true;
    }();
    (void)s_rooted;
    g_builtins_dict = d;
}

void init_call_slots() { g_function_type->call = function_call_slot; }

} // namespace adder::vm

namespace adder {
Dict* builtins_dict() { return vm::builtins_dict(); }

// The __name__ of the innermost frame's globals (for type_new's __module__).
Value current_globals_name()
{
    vm::Frame* f = thread().frame;
    if (!f || !f->globals)
        return Value();
    return f->globals->get_str("__name__");
}
} // namespace adder
