// The built-in exception types (expanded from exceptions.def): BaseException
// and its attributes, the family-specific __init__/__str__ (StopIteration,
// SystemExit, KeyError, OSError with errno-to-subclass mapping, SyntaxError,
// ImportError, NameError/AttributeError, Unicode*Error), exception groups
// with split/subgroup/derive, and traceback objects.
#include "objects/exception.h"

#include <cerrno>
#include <cstring>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

Type* g_exception_group_types[2];

ExceptionObject::ExceptionObject(Type* type) : Object(type), m_args(nullptr) {}

void ExceptionObject::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_args);
    v.visit(m_traceback);
    v.visit(m_context);
    v.visit(m_cause);
    v.visit(m_notes);
}

void Traceback::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_next);
    v.visit(m_code);
    v.visit(m_frame);
    v.visit(m_globals);
    v.visit(m_builtins);
}

enum class Family { NONE, STOP_ITERATION, OS, SYNTAX, KEY, IMPORT, UNICODE, SYSTEM_EXIT, NAME, ATTRIBUTE, GROUP };

struct ExcInfo {
    const char* name;
    Type** global;
    const char* base;
    Family family;
};

static const ExcInfo s_exceptions[] = {
#define ADDER_EXCEPTION(name, base, extra) { #name, &g_##name, #base, Family::extra },
#include "builtins/exceptions.def"
#undef ADDER_EXCEPTION
};

static Family family_of(Type* t)
{
    for (Type* c = t; c; c = c->m_base) {
        for (auto& info : s_exceptions)
            if (*info.global == c && info.family != Family::NONE)
                return info.family;
        if (c == g_BaseException)
            break;
    }
    return Family::NONE;
}

static Dict* exc_dict(Value exc)
{
    Object* o = exc.as_object();
    if (!o->dict())
        o->set_dict(Dict::create());
    return o->dict();
}

static Value exc_attr(Value exc, const char* name)
{
    Dict* d = exc.as_object()->dict();
    Value v = d ? d->get_str(name) : Value();
    return v ? v : none();
}

static void set_exc_attr(Value exc, const char* name, Value v) { exc_dict(exc)->set_str(name, v); }

// errno -> OSError subclass (CPython's errnomap).
static Type* oserror_subclass_for(int64_t err)
{
    switch (err) {
    case EAGAIN: return g_BlockingIOError;
    case EALREADY: return g_BlockingIOError;
    case EINPROGRESS: return g_BlockingIOError;
    case ECHILD: return g_ChildProcessError;
    case EPIPE: return g_BrokenPipeError;
    case ESHUTDOWN: return g_BrokenPipeError;
    case ECONNABORTED: return g_ConnectionAbortedError;
    case ECONNREFUSED: return g_ConnectionRefusedError;
    case ECONNRESET: return g_ConnectionResetError;
    case EEXIST: return g_FileExistsError;
    case ENOENT: return g_FileNotFoundError;
    case EISDIR: return g_IsADirectoryError;
    case ENOTDIR: return g_NotADirectoryError;
    case EINTR: return g_InterruptedError;
    case EACCES: return g_PermissionError;
    case EPERM: return g_PermissionError;
    case ESRCH: return g_ProcessLookupError;
    case ETIMEDOUT: return g_TimeoutError;
    default: return nullptr;
    }
}

// Family-specific initialization from `args` (and keywords).
static Status family_init(Value exc, Family family, CallArgs args)
{
    auto* e = as_exception(exc);
    size_t n = args.nargs;
    switch (family) {
    case Family::STOP_ITERATION:
        set_exc_attr(exc, "value", n ? args[0] : none());
        break;
    case Family::SYSTEM_EXIT:
        set_exc_attr(exc, "code", n == 0 ? none() : n == 1 ? args[0] : Value(e->m_args));
        break;
    case Family::OS: {
        Value errno_v = none(), strerror_v = none(), filename = none(), filename2 = none();
        if (n >= 2 && n <= 5) {
            errno_v = args[0];
            strerror_v = args[1];
            if (n >= 3)
                filename = args[2];
            if (n >= 5)
                filename2 = args[4];
            if (n >= 3)
                e->m_args = Tuple::create({ args[0], args[1] });
        }
        set_exc_attr(exc, "errno", errno_v);
        set_exc_attr(exc, "strerror", strerror_v);
        set_exc_attr(exc, "filename", filename);
        set_exc_attr(exc, "filename2", filename2);
        break;
    }
    case Family::SYNTAX: {
        Value msg = n >= 1 ? args[0] : none();
        set_exc_attr(exc, "msg", msg);
        const char* fields[] = { "filename", "lineno", "offset", "text", "end_lineno", "end_offset" };
        for (const char* f : fields)
            set_exc_attr(exc, f, none());
        set_exc_attr(exc, "print_file_and_line", none());
        if (n == 2) {
            gc::MarkedVector info;
            TRY(collect_iterable(args[1], info));
            if (info.size() < 4 || info.size() > 6)
                return throw_error(g_IndexError, "tuple index out of range");
            for (size_t i = 0; i < info.size(); ++i)
                set_exc_attr(exc, fields[i], info[i]);
        }
        break;
    }
    case Family::IMPORT:
        set_exc_attr(exc, "msg", n == 1 ? args[0] : none());
        set_exc_attr(exc, "name", none());
        set_exc_attr(exc, "path", none());
        for (size_t i = 0; i < args.nkw(); ++i) {
            Str* k = as_str(args.kwnames->at(i));
            if (k->view() != "name" && k->view() != "path")
                return throw_error(g_TypeError, "'%s' is an invalid keyword argument for %s()", k->c_str(), exc.type()->m_name.c_str());
            exc_dict(exc)->set_str(k, args.kw_value(i));
        }
        break;
    case Family::NAME:
    case Family::ATTRIBUTE:
        set_exc_attr(exc, "name", none());
        if (family == Family::ATTRIBUTE)
            set_exc_attr(exc, "obj", none());
        for (size_t i = 0; i < args.nkw(); ++i) {
            Str* k = as_str(args.kwnames->at(i));
            if (k->view() != "name" && !(family == Family::ATTRIBUTE && k->view() == "obj"))
                return throw_error(g_TypeError, "'%s' is an invalid keyword argument for %s()", k->c_str(), exc.type()->m_name.c_str());
            exc_dict(exc)->set_str(k, args.kw_value(i));
        }
        break;
    case Family::UNICODE:
        if (n == 5) {
            set_exc_attr(exc, "encoding", args[0]);
            set_exc_attr(exc, "object", args[1]);
            set_exc_attr(exc, "start", args[2]);
            set_exc_attr(exc, "end", args[3]);
            set_exc_attr(exc, "reason", args[4]);
        }
        break;
    case Family::GROUP:
    case Family::KEY:
    case Family::NONE:
        break;
    }
    return ok();
}

static bool family_accepts_keywords(Family f) { return f == Family::IMPORT || f == Family::NAME || f == Family::ATTRIBUTE; }

static Result<Value> exception_group_new(Type* type, CallArgs args);

static Result<Value> exception_new(Type* type, CallArgs args)
{
    Family family = family_of(type);
    if (family == Family::GROUP)
        return exception_group_new(type, args);
    if (family == Family::OS && (type == g_OSError) && args.nargs >= 2) {
        int64_t err;
        if (is_int(args[0]) && int_fits_i64(args[0], err))
            if (Type* sub = oserror_subclass_for(err))
                type = sub;
    }
    auto* e = make<ExceptionObject>(type);
    e->m_args = Tuple::create(std::span<const Value>(args.items, args.nargs));
    Value exc(e);
    if (type->is_heap() || args.nkw())
        (void)0;
    TRY(family_init(exc, family, CallArgs { args.items, args.nargs, family_accepts_keywords(family) ? args.kwnames : nullptr }));
    return exc;
}

static Status exception_init(Value self, CallArgs args)
{
    Family family = family_of(self.type());
    if (args.nkw() && !family_accepts_keywords(family))
        return throw_error(g_TypeError, "%s() takes no keyword arguments", self.type()->m_name.c_str());
    if (family == Family::GROUP)
        return ok();
    as_exception(self)->m_args = Tuple::create(std::span<const Value>(args.items, args.nargs));
    return family_init(self, family, args);
}

Result<Value> make_exception(Type* type, std::span<const Value> args)
{
    if (!type->is_heap() && family_of(type) != Family::GROUP)
        return exception_new(type, CallArgs { args.data(), args.size(), nullptr });
    return call(Value(type), args);
}

// --- str / repr ------------------------------------------------------------------------

static Result<Value> base_str(Value self)
{
    Tuple* args = as_exception(self)->m_args;
    if (!args || args->size() == 0)
        return Value(Str::empty());
    if (args->size() == 1)
        return to_str(args->at(0));
    return to_str(Value(args));
}

static std::string basename(const std::string& path)
{
    size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

static Result<Value> exception_str_slot(Value self)
{
    Family family = family_of(self.type());
    Tuple* args = as_exception(self)->m_args;
    switch (family) {
    case Family::KEY:
        if (args && args->size() == 1)
            return repr(args->at(0));
        break;
    case Family::OS: {
        Value err = exc_attr(self, "errno"), msg = exc_attr(self, "strerror"), fn = exc_attr(self, "filename"),
              fn2 = exc_attr(self, "filename2");
        if (!is_none(fn)) {
            std::string e = TRY(str_text(err)), m = TRY(str_text(msg)), f = TRY(repr_text(fn));
            if (!is_none(fn2)) {
                std::string f2 = TRY(repr_text(fn2));
                return Value(Str::create("[Errno " + e + "] " + m + ": " + f + " -> " + f2));
            }
            return Value(Str::create("[Errno " + e + "] " + m + ": " + f));
        }
        if (!is_none(err) && !is_none(msg)) {
            std::string e = TRY(str_text(err)), m = TRY(str_text(msg));
            return Value(Str::create("[Errno " + e + "] " + m));
        }
        break;
    }
    case Family::SYNTAX: {
        Value msg = exc_attr(self, "msg");
        std::string m = TRY(str_text(msg));
        Value fn = exc_attr(self, "filename"), ln = exc_attr(self, "lineno");
        bool have_fn = is_str(fn), have_ln = is_int(ln);
        if (have_fn && have_ln)
            return Value(Str::create(m + " (" + basename(as_str(fn)->data()) + ", line " + int_to_string(ln) + ")"));
        if (have_fn)
            return Value(Str::create(m + " (" + basename(as_str(fn)->data()) + ")"));
        if (have_ln)
            return Value(Str::create(m + " (line " + int_to_string(ln) + ")"));
        return Value(Str::create(m));
    }
    case Family::IMPORT: {
        Value msg = exc_attr(self, "msg");
        if (!is_none(msg))
            return to_str(msg);
        break;
    }
    case Family::UNICODE: {
        Value enc = exc_attr(self, "encoding"), obj = exc_attr(self, "object"), start = exc_attr(self, "start"),
              end = exc_attr(self, "end"), reason = exc_attr(self, "reason");
        if (is_none(enc))
            break;
        std::string e = TRY(str_text(enc)), r = TRY(str_text(reason));
        int64_t s = TRY(int_as_i64(start)), en = TRY(int_as_i64(end));
        char buf[128];
        if (self.type()->is_subtype_of(g_UnicodeDecodeError)) {
            std::string_view data;
            bytes_like_view(obj, data);
            if (en == s + 1 && size_t(s) < data.size())
                std::snprintf(buf, sizeof buf, "can't decode byte 0x%02x in position %ld", static_cast<unsigned char>(data[size_t(s)]), long(s));
            else
                std::snprintf(buf, sizeof buf, "can't decode bytes in position %ld-%ld", long(s), long(en - 1));
        } else {
            if (en == s + 1 && is_str(obj) && size_t(s) < as_str(obj)->length()) {
                uint32_t cp = as_str(obj)->code_point_at(size_t(s));
                const char* fmt = cp < 0x100 ? "can't encode character '\\x%02x' in position %ld"
                                  : cp < 0x10000 ? "can't encode character '\\u%04x' in position %ld"
                                                 : "can't encode character '\\U%08x' in position %ld";
                std::snprintf(buf, sizeof buf, fmt, cp, long(s));
            } else
                std::snprintf(buf, sizeof buf, "can't encode characters in position %ld-%ld", long(s), long(en - 1));
        }
        return Value(Str::create("'" + e + "' codec " + buf + ": " + r));
    }
    case Family::GROUP: {
        Value msg = exc_attr(self, "message");
        Value excs = exc_attr(self, "exceptions");
        std::string m = TRY(str_text(msg));
        size_t count = is_tuple(excs) ? as_tuple(excs)->size() : 0;
        return Value(Str::create(m + " (" + std::to_string(count) + " sub-exception" + (count == 1 ? "" : "s") + ")"));
    }
    default:
        break;
    }
    return base_str(self);
}

static Result<Value> exception_repr(Value self)
{
    Tuple* args = as_exception(self)->m_args;
    std::string name = self.type()->m_name;
    if (!args || args->size() == 0)
        return Value(Str::create(name + "()"));
    if (args->size() == 1) {
        std::string r = TRY(repr_text(args->at(0)));
        return Value(Str::create(name + "(" + r + ")"));
    }
    std::string r = TRY(repr_text(Value(args)));
    return Value(Str::create(name + r));
}

Result<std::string> exception_str(Value exc)
{
    Value s = TRY(to_str(exc));
    return as_str(s)->data();
}

// --- attributes -------------------------------------------------------------------------

static Result<Value> exc_get_args(Value self)
{
    Tuple* a = as_exception(self)->m_args;
    return a ? Value(a) : Value(Tuple::empty());
}
static Status exc_set_args(Value self, Value v)
{
    if (!v)
        return throw_error(g_TypeError, "args may not be deleted");
    gc::MarkedVector items;
    TRY(collect_iterable(v, items));
    as_exception(self)->m_args = Tuple::create(std::span<const Value>(items.data(), items.size()));
    return ok();
}
static Result<Value> exc_get_traceback(Value self)
{
    Value tb = as_exception(self)->m_traceback;
    return tb ? tb : none();
}
static Status exc_set_traceback(Value self, Value v)
{
    if (!v)
        return throw_error(g_TypeError, "__traceback__ may not be deleted");
    if (!is_none(v) && v.type() != g_traceback_type)
        return throw_error(g_TypeError, "__traceback__ must be a traceback or None");
    as_exception(self)->m_traceback = is_none(v) ? Value() : v;
    return ok();
}
static Result<Value> exc_get_context(Value self)
{
    Value c = as_exception(self)->m_context;
    return c ? c : none();
}
static Status exc_set_context(Value self, Value v)
{
    if (!v)
        return throw_error(g_TypeError, "__context__ may not be deleted");
    if (!is_none(v) && !is_exception(v))
        return throw_error(g_TypeError, "exception context must be None or derive from BaseException");
    as_exception(self)->m_context = is_none(v) ? Value() : v;
    return ok();
}
static Result<Value> exc_get_cause(Value self)
{
    Value c = as_exception(self)->m_cause;
    return c ? c : none();
}
static Status exc_set_cause(Value self, Value v)
{
    if (!v)
        return throw_error(g_TypeError, "__cause__ may not be deleted");
    if (!is_none(v) && !is_exception(v))
        return throw_error(g_TypeError, "exception cause must be None or derive from BaseException");
    as_exception(self)->m_cause = is_none(v) ? Value() : v;
    as_exception(self)->m_suppress_context = true;
    return ok();
}
static Result<Value> exc_get_suppress(Value self) { return py_bool(as_exception(self)->m_suppress_context); }
static Status exc_set_suppress(Value self, Value v)
{
    bool b = v ? TRY(truthy(v)) : false;
    as_exception(self)->m_suppress_context = b;
    return ok();
}

static Result<Value> exc_with_traceback(Value self, CallArgs args)
{
    TRY(check_arity(args, "with_traceback", 1, 1));
    TRY(exc_set_traceback(self, args[0]));
    return self;
}

static Result<Value> exc_add_note(Value self, CallArgs args)
{
    TRY(check_arity(args, "add_note", 1, 1));
    if (!is_str(args[0]))
        return throw_error(g_TypeError, "note must be a str, not '%s'", args[0].type()->m_name.c_str());
    Dict* d = exc_dict(self);
    Value notes = d->get_str("__notes__");
    if (!notes) {
        notes = Value(List::create());
        d->set_str("__notes__", notes);
    }
    if (!is_list(notes))
        return throw_error(g_TypeError, "Cannot add note: __notes__ is not a list");
    as_list(notes)->append(args[0]);
    return none();
}

void exception_set_context(Value exc, Value context)
{
    if (!context || exc.is(context))
        return;
    // Break cycles: walk context's chain, cutting it where it reaches exc.
    Value o = context;
    while (true) {
        Value next = as_exception(o)->m_context;
        if (!next)
            break;
        if (next.is(exc)) {
            as_exception(o)->m_context = Value();
            break;
        }
        o = next;
    }
    as_exception(exc)->m_context = context;
}

void exception_add_traceback(Value exc, Value code, int lasti, int lineno, Value globals, Value builtins, Value frame)
{
    auto* tb = make<Traceback>(g_traceback_type);
    tb->m_frame = frame;
    tb->m_globals = globals;
    tb->m_builtins = builtins;
    tb->m_code = code;
    tb->m_lasti = lasti;
    tb->m_lineno = lineno;
    tb->m_next = as_exception(exc)->m_traceback;
    as_exception(exc)->m_traceback = Value(tb);
}

// --- exception groups ----------------------------------------------------------------------

static Result<Value> exception_group_new(Type* type, CallArgs args)
{
    TRY(no_keywords(args, type->m_name.c_str()));
    if (args.nargs != 2)
        return throw_error(g_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", args.nargs);
    Value msg = args[0];
    if (!is_str(msg))
        return throw_error(g_TypeError, "argument 1 must be str, not %s", msg.type()->m_name.c_str());
    gc::MarkedVector excs;
    if (!args[1].type()->getitem || is_str(args[1]) || is_dict(args[1]) || is_anyset(args[1]))
        return throw_error(g_TypeError, "second argument (exceptions) must be a sequence");
    TRY(collect_iterable(args[1], excs));
    if (excs.size() == 0)
        return throw_error(g_ValueError, "second argument (exceptions) must be a non-empty sequence");
    bool all_exception = true;
    for (size_t i = 0; i < excs.size(); ++i) {
        if (!is_exception(excs[i]))
            return throw_error(g_ValueError, "Item %zu of second argument (exceptions) is not an exception", i);
        if (!excs[i].type()->is_subtype_of(g_Exception))
            all_exception = false;
    }
    if (type == g_BaseExceptionGroup) {
        if (all_exception)
            type = g_ExceptionGroup;
    } else if (type == g_ExceptionGroup) {
        if (!all_exception)
            return throw_error(g_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (!all_exception && !type->is_subtype_of(g_Exception)) {
    } else if (!all_exception) {
        return throw_error(g_TypeError, "Cannot nest BaseExceptions in '%s'", type->m_name.c_str());
    }
    auto* e = make<ExceptionObject>(type);
    e->m_args = Tuple::create({ args[0], args[1] });
    Value exc(e);
    set_exc_attr(exc, "message", msg);
    set_exc_attr(exc, "exceptions", Value(Tuple::create(std::span<const Value>(excs.data(), excs.size()))));
    return exc;
}

static Result<bool> eg_condition_matches(Value cond, Value exc)
{
    if (is_type(cond) || is_tuple(cond))
        return is_instance(exc, cond);
    Value r = TRY(call(cond, { exc }));
    return truthy(r);
}

static void copy_exception_metadata(Value from, Value to)
{
    as_exception(to)->m_traceback = as_exception(from)->m_traceback;
    as_exception(to)->m_cause = as_exception(from)->m_cause;
    as_exception(to)->m_context = as_exception(from)->m_context;
    Value notes = from.as_object()->dict() ? from.as_object()->dict()->get_str("__notes__") : Value();
    if (notes)
        set_exc_attr(to, "__notes__", notes);
}

// Splits `self` by `cond` into (match, rest); either may be null.
Status exception_group_split(Value self, Value cond, Value& match, Value& rest, bool want_rest)
{
    bool m = TRY(eg_condition_matches(cond, self));
    if (m) {
        match = self;
        rest = Value();
        return ok();
    }
    if (family_of(self.type()) != Family::GROUP) {
        match = Value();
        rest = self;
        return ok();
    }
    gc::MarkedVector matches, rests;
    Value excs = exc_attr(self, "exceptions");
    for (Value e : as_tuple(excs)->items()) {
        Value em, er;
        TRY(exception_group_split(e, cond, em, er, want_rest));
        if (em)
            matches.push_back(em);
        if (er)
            rests.push_back(er);
    }
    match = Value();
    rest = Value();
    if (matches.size()) {
        Value l = Value(List::create(std::span<const Value>(matches.data(), matches.size())));
        match = TRY(call_method(self, "derive", { l }));
        copy_exception_metadata(self, match);
    }
    if (want_rest && rests.size()) {
        Value l = Value(List::create(std::span<const Value>(rests.data(), rests.size())));
        rest = TRY(call_method(self, "derive", { l }));
        copy_exception_metadata(self, rest);
    }
    return ok();
}

static Result<Value> eg_split(Value self, CallArgs args)
{
    TRY(check_arity(args, "split", 1, 1));
    Value m, r;
    TRY(exception_group_split(self, args[0], m, r, true));
    return Value(Tuple::create({ m ? m : none(), r ? r : none() }));
}

static Result<Value> eg_subgroup(Value self, CallArgs args)
{
    TRY(check_arity(args, "subgroup", 1, 1));
    Value m, r;
    TRY(exception_group_split(self, args[0], m, r, false));
    return m ? m : none();
}

static Result<Value> eg_derive_method(Value self, CallArgs args)
{
    TRY(check_arity(args, "derive", 1, 1));
    Value a[2] = { exc_attr(self, "message"), args[0] };
    return exception_group_new(g_BaseExceptionGroup, CallArgs { a, 2, nullptr });
}

static Status eg_init(Value, CallArgs) { return ok(); }

// --- traceback objects ---------------------------------------------------------------------

static Result<Value> tb_get_next(Value self)
{
    Value n = static_cast<Traceback*>(self.as_object())->m_next;
    return n ? n : none();
}
static Result<Value> tb_get_lineno(Value self) { return int_from_i64(static_cast<Traceback*>(self.as_object())->m_lineno); }
static Result<Value> tb_get_lasti(Value self) { return int_from_i64(static_cast<Traceback*>(self.as_object())->m_lasti * 2); }
static Result<Value> tb_get_frame(Value self)
{
    Value f = static_cast<Traceback*>(self.as_object())->m_frame;
    return f ? f : none();
}

// --- setup ---------------------------------------------------------------------------------

static Type* find_type(const char* name)
{
    for (auto& info : s_exceptions)
        if (std::strcmp(info.name, name) == 0)
            return *info.global;
    return nullptr;
}

void init_exception_types()
{
    for (auto& info : s_exceptions) {
        Type* base = std::strcmp(info.base, "object") == 0 ? g_object_type : find_type(info.base);
        Type* t = new_builtin_type(info.name, base, Layout::BaseException, TF_BASETYPE | TF_HAS_DICT);
        *info.global = t;
        if (info.global == &g_BaseException) {
            t->new_ = exception_new;
            t->init = exception_init;
            t->repr = exception_repr;
            t->str = exception_str_slot;
            add_getset(t, "args", exc_get_args, exc_set_args);
            add_getset(t, "__traceback__", exc_get_traceback, exc_set_traceback);
            add_getset(t, "__context__", exc_get_context, exc_set_context);
            add_getset(t, "__cause__", exc_get_cause, exc_set_cause);
            add_getset(t, "__suppress_context__", exc_get_suppress, exc_set_suppress);
            add_method(t, "with_traceback", exc_with_traceback);
            add_method(t, "add_note", exc_add_note);
            add_getset(t, "__dict__", [](Value self) -> Result<Value> { return Value(exc_dict(self)); });
        }
        if (info.family == Family::GROUP && info.global == &g_BaseExceptionGroup) {
            t->init = eg_init;
            add_method(t, "split", eg_split);
            add_method(t, "subgroup", eg_subgroup);
            add_method(t, "derive", eg_derive_method);
        }
        type_ready(t);
        t->dict()->set_str("__module__", Value(Str::intern("builtins")));
    }
    // ExceptionGroup derives from both BaseExceptionGroup and Exception.
    g_ExceptionGroup->m_bases = Tuple::create({ Value(g_BaseExceptionGroup), Value(g_Exception) });
    std::vector<Value> mro = { Value(g_ExceptionGroup), Value(g_BaseExceptionGroup), Value(g_Exception), Value(g_BaseException),
                               Value(g_object_type) };
    g_ExceptionGroup->m_mro = Tuple::create(std::move(mro));

    g_traceback_type->m_flags &= ~TF_BASETYPE;
    add_getset(g_traceback_type, "tb_next", tb_get_next);
    add_getset(g_traceback_type, "tb_lineno", tb_get_lineno);
    add_getset(g_traceback_type, "tb_lasti", tb_get_lasti);
    add_getset(g_traceback_type, "tb_frame", tb_get_frame);
}

} // namespace adder
