// The builtins module (Python/bltinmodule.c): print, len, repr, isinstance,
// iter/next, getattr family, min/max/sum/sorted, enumerate/zip/map/filter/
// reversed, chr/ord/bin/hex/oct, format, vars/dir/globals/locals,
// exec/eval/compile, __import__, __build_class__, super, and the type names.
#include "builtins/builtins.h"
#include "runtime/syntax_warnings.h"
#include "objects/memoryview.h"

#include <cmath>
#include <cstring>

#include "compiler/compiler.h"
#include "modules/ast_convert.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/range.h"
#include "objects/str.h"
#include "objects/thread_state.h"
#include "objects/tuple.h"
#include "vm/interp.h"

namespace adder {

Result<Value> float_divmod(Value a, Value b);
Result<Value> int_from_text(Value original, std::string_view text, int base);
Value make_syntax_error(const parser::SyntaxErrorInfo& info);
Dict* sys_dict();

Type* g_enumerate_type;
Type* g_zip_type;
Type* g_map_type;
Type* g_filter_type;
Type* g_reversed_type;

// --- print and I/O ----------------------------------------------------------------

Value sys_stdout()
{
    Dict* d = sys_dict();
    return d ? d->get_str("stdout") : Value();
}

Value sys_stderr()
{
    Dict* d = sys_dict();
    return d ? d->get_str("stderr") : Value();
}

Status write_to_file(Value file, std::string_view text)
{
    TRY(call_method(file, "write", { Value(Str::create(text)) }));
    return ok();
}

static Result<Value> builtin_print(Value, CallArgs args)
{
    Value sep, end, file, flush;
    for (size_t i = 0; i < args.nkw(); ++i) {
        std::string_view k = as_str(args.kwnames->at(i))->view();
        Value v = args.kw_value(i);
        if (k == "sep")
            sep = v;
        else if (k == "end")
            end = v;
        else if (k == "file")
            file = v;
        else if (k == "flush")
            flush = v;
        else
            return throw_error(g_TypeError, "'%s' is an invalid keyword argument for print()", std::string(k).c_str());
    }
    if (!file || is_none(file)) {
        file = sys_stdout();
        if (!file || is_none(file))
            return none();
    }
    if (sep && !is_none(sep) && !is_str(sep))
        return throw_error(g_TypeError, "sep must be None or a string, not %s", sep.type()->m_name.c_str());
    if (end && !is_none(end) && !is_str(end))
        return throw_error(g_TypeError, "end must be None or a string, not %s", end.type()->m_name.c_str());
    std::string out;
    std::string_view sep_s = (sep && !is_none(sep)) ? as_str(sep)->view() : " ";
    std::string_view end_s = (end && !is_none(end)) ? as_str(end)->view() : "\n";
    for (size_t i = 0; i < args.nargs; ++i) {
        if (i)
            out += sep_s;
        Value s = TRY(to_str(args[i]));
        out += as_str(s)->view();
    }
    out += end_s;
    TRY(write_to_file(file, out));
    if (flush && !is_none(flush)) {
        bool b = TRY(truthy(flush));
        if (b)
            TRY(call_method(file, "flush", {}));
    }
    return none();
}

static Result<Value> builtin_input(Value, CallArgs args)
{
    TRY(check_arity(args, "input", 0, 1));
    Value out = sys_stdout();
    if (args.nargs) {
        Value s = TRY(to_str(args[0]));
        TRY(write_to_file(out, as_str(s)->view()));
    }
    if (out)
        TRY(call_method(out, "flush", {}));
    Dict* d = sys_dict();
    Value in = d ? d->get_str("stdin") : Value();
    if (!in)
        return throw_error(g_RuntimeError, "input(): lost sys.stdin");
    Value line = TRY(call_method(in, "readline", {}));
    if (!is_str(line))
        return throw_error(g_TypeError, "object.readline() returned non-string");
    std::string_view l = as_str(line)->view();
    if (l.empty())
        return throw_error(g_EOFError, "EOF when reading a line");
    if (l.back() == '\n')
        l.remove_suffix(1);
    return Value(Str::create(l));
}

// --- simple functions -------------------------------------------------------------------

static Result<Value> builtin_len(Value, CallArgs args)
{
    TRY(check_arity(args, "len", 1, 1));
    int64_t n = TRY(length(args[0]));
    return int_from_i64(n);
}

static Result<Value> builtin_repr(Value, CallArgs args)
{
    TRY(check_arity(args, "repr", 1, 1));
    return repr(args[0]);
}

static Result<Value> builtin_ascii(Value, CallArgs args)
{
    TRY(check_arity(args, "ascii", 1, 1));
    return ascii(args[0]);
}

static Result<Value> builtin_isinstance(Value, CallArgs args)
{
    TRY(check_arity(args, "isinstance", 2, 2));
    bool r = TRY(is_instance(args[0], args[1]));
    return py_bool(r);
}

static Result<Value> builtin_issubclass(Value, CallArgs args)
{
    TRY(check_arity(args, "issubclass", 2, 2));
    if (!is_type(args[0]) && !type_lookup(args[0].type(), "__bases__") && !(args[1].type() != g_type_type && !is_tuple(args[1])))
        return throw_error(g_TypeError, "issubclass() arg 1 must be a class");
    bool r = TRY(is_subclass(args[0], args[1]));
    return py_bool(r);
}

static Result<Value> builtin_id(Value, CallArgs args)
{
    TRY(check_arity(args, "id", 1, 1));
    Value v = args[0];
    if (v.is_small_int())
        return int_from_u64(v.bits());
    return int_from_u64(reinterpret_cast<uintptr_t>(v.as_object()));
}

static Result<Value> builtin_hash(Value, CallArgs args)
{
    TRY(check_arity(args, "hash", 1, 1));
    int64_t h = TRY(hash(args[0]));
    return int_from_i64(h);
}

static Result<Value> builtin_iter(Value, CallArgs args)
{
    TRY(check_arity(args, "iter", 1, 2));
    if (args.nargs == 1)
        return get_iter(args[0]);
    if (!is_callable(args[0]))
        return throw_error(g_TypeError, "iter(v, w): v must be callable");
    Value it = make_index_iterator(IterKind::Callable, args[0]);
    static_cast<IndexIterator*>(it.as_object())->m_sentinel = args[1];
    return it;
}

static Result<Value> builtin_next(Value, CallArgs args)
{
    TRY(check_arity(args, "next", 1, 2));
    Value it = args[0];
    if (!it.type()->iternext)
        return throw_error(g_TypeError, "'%s' object is not an iterator", it.type()->m_name.c_str());
    Result<Value> r = iter_next(it);
    if (r.is_error()) {
        if (args.nargs == 2 && pending_matches(g_StopIteration)) {
            take_pending();
            return args[1];
        }
        return pending;
    }
    if (!r.value()) {
        if (args.nargs == 2)
            return args[1];
        return throw_error_value(g_StopIteration, Value());
    }
    return r;
}

static Result<Str*> attr_name_arg(Value v, const char* fname)
{
    if (!is_str(v))
        return throw_error(g_TypeError, "attribute name must be string, not '%s'", v.type()->m_name.c_str());
    return Str::intern(as_str(v));
}

static Result<Value> builtin_getattr(Value, CallArgs args)
{
    TRY(check_arity(args, "getattr", 2, 3));
    Str* name = TRY(attr_name_arg(args[1], "getattr"));
    if (args.nargs == 3) {
        Value v = TRY(get_attr_optional(args[0], name));
        return v ? v : args[2];
    }
    return get_attr(args[0], name);
}

static Result<Value> builtin_setattr(Value, CallArgs args)
{
    TRY(check_arity(args, "setattr", 3, 3));
    Str* name = TRY(attr_name_arg(args[1], "setattr"));
    TRY(set_attr(args[0], name, args[2]));
    return none();
}

static Result<Value> builtin_delattr(Value, CallArgs args)
{
    TRY(check_arity(args, "delattr", 2, 2));
    Str* name = TRY(attr_name_arg(args[1], "delattr"));
    TRY(del_attr(args[0], name));
    return none();
}

static Result<Value> builtin_hasattr(Value, CallArgs args)
{
    TRY(check_arity(args, "hasattr", 2, 2));
    Str* name = TRY(attr_name_arg(args[1], "hasattr"));
    Value v = TRY(get_attr_optional(args[0], name));
    return py_bool(bool(v));
}

static Result<Value> builtin_callable(Value, CallArgs args)
{
    TRY(check_arity(args, "callable", 1, 1));
    return py_bool(is_callable(args[0]));
}

static Result<Value> builtin_abs(Value, CallArgs args)
{
    TRY(check_arity(args, "abs", 1, 1));
    return number_absolute(args[0]);
}

static Result<Value> builtin_divmod(Value, CallArgs args)
{
    TRY(check_arity(args, "divmod", 2, 2));
    Value a = args[0], b = args[1];
    if (is_int(a) && is_int(b)) {
        Value q = TRY(int_floordiv(a, b));
        Value r = TRY(int_mod(a, b));
        return Value(Tuple::create({ q, r }));
    }
    if ((is_float(a) || is_int(a)) && (is_float(b) || is_int(b)))
        return float_divmod(a, b);
    Value r = TRY(call_method(a, "__divmod__", { b }).is_ok() ? Result<Value>(none()) : Result<Value>(pending));
    (void)r;
    return pending;
}

static Result<Value> builtin_divmod_generic(Value self, CallArgs args)
{
    TRY(check_arity(args, "divmod", 2, 2));
    Value a = args[0], b = args[1];
    if ((is_int(a) || is_float(a)) && (is_int(b) || is_float(b)))
        return builtin_divmod(self, args);
    // __divmod__ / __rdivmod__ on user types.
    Value f = type_lookup(a.type(), "__divmod__");
    if (f) {
        Value r = TRY(call_method(a, "__divmod__", { b }));
        if (!r.is(g_notimplemented))
            return r;
    }
    Value g = type_lookup(b.type(), "__rdivmod__");
    if (g) {
        Value r = TRY(call_method(b, "__rdivmod__", { a }));
        if (!r.is(g_notimplemented))
            return r;
    }
    return throw_error(g_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", a.type()->m_name.c_str(),
                       b.type()->m_name.c_str());
}

static Result<Value> builtin_pow(Value, CallArgs args)
{
    Value base, exp, mod;
    TRY(parse_args(args, "pow", { "base", "exp", "mod" }, 2, { &base, &exp, &mod }));
    return number_power(base, exp, mod ? mod : none());
}

static Result<Value> builtin_round(Value, CallArgs args)
{
    Value number, ndigits;
    TRY(parse_args(args, "round", { "number", "ndigits" }, 1, { &number, &ndigits }));
    Value f = type_lookup(number.type(), "__round__");
    if (!f)
        return throw_error(g_TypeError, "type %s doesn't define __round__ method", number.type()->m_name.c_str());
    if (!ndigits || is_none(ndigits))
        return call_method(number, "__round__", {});
    return call_method(number, "__round__", { ndigits });
}

// min()/max() (bltinmodule.c min_max).
static Result<Value> min_max(CallArgs args, CompareOp op, const char* name)
{
    Value key, def;
    for (size_t i = 0; i < args.nkw(); ++i) {
        std::string_view k = as_str(args.kwnames->at(i))->view();
        if (k == "key")
            key = args.kw_value(i);
        else if (k == "default")
            def = args.kw_value(i);
        else
            return throw_error(g_TypeError, "%s() got an unexpected keyword argument '%s'", name, std::string(k).c_str());
    }
    if (key && is_none(key))
        key = Value();
    gc::MarkedVector items;
    if (args.nargs == 0)
        return throw_error(g_TypeError, "%s expected at least 1 argument, got 0", name);
    if (args.nargs == 1) {
        TRY(collect_iterable(args[0], items));
    } else {
        if (def)
            return throw_error(g_TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
        for (size_t i = 0; i < args.nargs; ++i)
            items.push_back(args[i]);
    }
    if (items.size() == 0) {
        if (def)
            return def;
        return throw_error(g_ValueError, "%s() arg is an empty sequence", name);
    }
    Value best = items[0];
    Value best_key = key ? TRY(call(key, { best })) : best;
    for (size_t i = 1; i < items.size(); ++i) {
        Value k = key ? TRY(call(key, { items[i] })) : items[i];
        bool better = TRY(rich_compare_bool(k, best_key, op));
        if (better) {
            best = items[i];
            best_key = k;
        }
    }
    return best;
}

static Result<Value> builtin_min(Value, CallArgs args) { return min_max(args, CompareOp::Lt, "min"); }
static Result<Value> builtin_max(Value, CallArgs args) { return min_max(args, CompareOp::Gt, "max"); }

static Result<Value> builtin_sum(Value, CallArgs args)
{
    Value iterable, start;
    TRY(parse_args(args, "sum", { "iterable", "start" }, 1, { &iterable, &start }, 1));
    Value acc = start ? start : Value::small(0);
    if (is_str(acc))
        return throw_error(g_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (is_bytes(acc))
        return throw_error(g_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (is_bytearray(acc))
        return throw_error(g_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    Value it = TRY(get_iter(iterable));
    // Exact float summation path like CPython (plain adds, no Neumaier in 3.11).
    for (;;) {
        Value x = TRY(iter_next(it));
        if (!x)
            return acc;
        acc = TRY(binary_op(acc, x, NB_ADD));
    }
}

static Result<Value> builtin_sorted(Value, CallArgs args)
{
    if (args.nargs != 1)
        return throw_error(g_TypeError, args.nargs == 0 ? "sorted expected 1 argument, got 0" : "sorted expected 1 argument, got %zu",
                           args.nargs);
    Value key, reverse;
    TRY(parse_args(CallArgs { args.items + 1, 0, args.kwnames }, "sort", { "key", "reverse" }, 0, { &key, &reverse }));
    gc::MarkedVector items;
    TRY(collect_iterable(args[0], items));
    bool rev = reverse ? TRY(truthy(reverse)) : false;
    std::vector<Value> v = items.items();
    List* out = List::create();
    TRY(sort_values(v, key, rev));
    out->items() = std::move(v);
    return Value(out);
}

static Result<Value> builtin_any(Value, CallArgs args)
{
    TRY(check_arity(args, "any", 1, 1));
    Value it = TRY(get_iter(args[0]));
    for (;;) {
        Value x = TRY(iter_next(it));
        if (!x)
            return py_bool(false);
        bool b = TRY(truthy(x));
        if (b)
            return py_bool(true);
    }
}

static Result<Value> builtin_all(Value, CallArgs args)
{
    TRY(check_arity(args, "all", 1, 1));
    Value it = TRY(get_iter(args[0]));
    for (;;) {
        Value x = TRY(iter_next(it));
        if (!x)
            return py_bool(true);
        bool b = TRY(truthy(x));
        if (!b)
            return py_bool(false);
    }
}

static Result<Value> builtin_chr(Value, CallArgs args)
{
    TRY(check_arity(args, "chr", 1, 1));
    if (is_float(args[0]))
        return throw_error(g_TypeError, "integer argument expected, got float");
    Value i = TRY(number_index(args[0]));
    int64_t cp;
    if (!int_fits_i64(i, cp))
        return throw_error(g_OverflowError, "Python int too large to convert to C int");
    if (cp < 0 || cp > 0x10FFFF)
        return throw_error(g_ValueError, "chr() arg not in range(0x110000)");
    return Value(str_from_code_point(uint32_t(cp)));
}

static Result<Value> builtin_ord(Value, CallArgs args)
{
    TRY(check_arity(args, "ord", 1, 1));
    Value c = args[0];
    if (is_str(c)) {
        Str* s = as_str(c);
        if (s->length() != 1)
            return throw_error(g_TypeError, "ord() expected a character, but string of length %zu found", s->length());
        return Value::small(s->code_point_at(0));
    }
    std::string_view b;
    if (bytes_like_view(c, b)) {
        if (b.size() != 1)
            return throw_error(g_TypeError, "ord() expected a character, but string of length %zu found", b.size());
        return Value::small(static_cast<unsigned char>(b[0]));
    }
    return throw_error(g_TypeError, "ord() expected string of length 1, but %s found", c.type()->m_name.c_str());
}

static Result<Value> base_format(CallArgs args, const char* name, int base)
{
    TRY(check_arity(args, name, 1, 1));
    Value i = TRY(number_index(args[0]));
    return Value(Str::create(int_to_string(i, base, true)));
}

static Result<Value> builtin_bin(Value, CallArgs args) { return base_format(args, "bin", 2); }
static Result<Value> builtin_oct(Value, CallArgs args) { return base_format(args, "oct", 8); }
static Result<Value> builtin_hex(Value, CallArgs args) { return base_format(args, "hex", 16); }

static Result<Value> builtin_format(Value, CallArgs args)
{
    TRY(check_arity(args, "format", 1, 2));
    Value spec = args.nargs > 1 ? args[1] : Value(Str::empty());
    if (!is_str(spec))
        return throw_error(g_TypeError, "format() argument 2 must be str, not %s", spec.type()->m_name.c_str());
    return format(args[0], spec);
}

// locals() of a function frame: a fresh dict snapshot of the fast locals.
static Result<Value> frame_locals(vm::Frame* f)
{
    if (f->locals)
        return f->locals;
    Dict* d = Dict::create();
    Code* co = f->code;
    for (int i = 0; i < co->m_nlocalsplus; ++i) {
        Value v = f->localsplus()[i];
        uint8_t kind = co->m_unit->localspluskinds[size_t(i)];
        if (v && (kind & (bytecode::CO_FAST_CELL | bytecode::CO_FAST_FREE)) && v.type() == g_cell_type)
            v = static_cast<CellObject*>(v.as_object())->m_value;
        if (v)
            d->set_str(co->m_localsplusnames[size_t(i)], v);
    }
    return Value(d);
}

static Result<Value> builtin_vars(Value, CallArgs args)
{
    TRY(check_arity(args, "vars", 0, 1));
    if (args.nargs == 0) {
        vm::Frame* f = vm::current_frame();
        if (!f)
            return throw_error(g_SystemError, "vars(): no locals");
        return frame_locals(f);
    }
    Value d = TRY(get_attr_optional(args[0], Str::intern("__dict__")));
    if (!d)
        return throw_error(g_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

static Result<Value> builtin_locals(Value, CallArgs args)
{
    TRY(check_arity(args, "locals", 0, 0));
    vm::Frame* f = vm::current_frame();
    if (!f)
        return throw_error(g_SystemError, "locals(): no current frame");
    return frame_locals(f);
}

static Result<Value> builtin_globals(Value, CallArgs args)
{
    TRY(check_arity(args, "globals", 0, 0));
    vm::Frame* f = vm::current_frame();
    if (!f)
        return throw_error(g_SystemError, "globals(): no current frame");
    return Value(f->globals);
}

static Result<Value> builtin_dir(Value, CallArgs args)
{
    TRY(check_arity(args, "dir", 0, 1));
    Value names;
    if (args.nargs == 0) {
        Value l = TRY(builtin_locals(Value(), CallArgs {}));
        gc::MarkedVector keys;
        TRY(collect_iterable(l, keys));
        names = Value(List::create(std::span<const Value>(keys.data(), keys.size())));
    } else {
        // dir() looks __dir__ up on the type, as _PyObject_LookupSpecial does.
        Value f = type_lookup(args[0].type(), Str::intern("__dir__"));
        if (!f)
            return throw_error(g_TypeError, "object does not provide __dir__");
        Value r = TRY(call(f, { args[0] }));
        gc::MarkedVector keys;
        TRY(collect_iterable(r, keys));
        names = Value(List::create(std::span<const Value>(keys.data(), keys.size())));
    }
    TRY(sort_values(as_list(names)->items(), Value(), false));
    return names;
}

// --- exec / eval / compile ---------------------------------------------------------------

static Result<Value> compile_to_code(Value source, std::string_view filename, parser::Mode mode, int flags, bool dont_inherit,
                                     int optimize)
{
    if (source.type() == g_code_type)
        return source;
    // A view, not a copy: `source` is alive for the whole call and no Python
    // code runs (nothing can resize a bytearray) until compile_source returns.
    std::string_view text;
    bool is_text = false;
    if (is_str(source)) {
        text = as_str(source)->view();
        is_text = true;
    } else if (!bytes_like_view(source, text)) {
        return throw_error(g_TypeError, "compile() arg 1 must be a string, bytes or AST object");
    }
    if (text.find('\0') != std::string_view::npos)
        return throw_error(g_ValueError, "source code string cannot contain null bytes");
    compiler::CompileOptions opts;
    opts.mode = mode;
    opts.optimize = optimize;
    opts.dont_inherit = dont_inherit;
    opts.future_flags = uint32_t(flags);
    if (!dont_inherit) {
        vm::Frame* f = vm::current_frame();
        if (f)
            opts.future_flags |= f->code->m_flags & bytecode::CO_FUTURE_ANNOTATIONS;
    }
    compiler::CompileResult result = compiler::compile_source(text, filename, opts, is_text);
    if (result.error) {
        set_pending(make_syntax_error(*result.error));
        return pending;
    }
    TRY(emit_syntax_warnings(result.warnings));
    return Value(Code::create(result.code));
}

static Result<Value> exec_eval(CallArgs args, bool is_eval)
{
    const char* name = is_eval ? "eval" : "exec";
    Value source, globals, locals, closure;
    TRY(parse_args(args, name, { "source", "globals", "locals" }, 1, { &source, &globals, &locals }, 3));
    vm::Frame* f = vm::current_frame();
    if (globals && !is_none(globals) && !is_dict(globals))
        return throw_error(g_TypeError, is_eval ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                                : "exec() globals must be a dict, not %s",
                           globals.type()->m_name.c_str());
    Dict* g;
    Value l;
    if (!globals || is_none(globals)) {
        if (!f)
            return throw_error(g_SystemError, "%s(): no current frame", name);
        g = f->globals;
        if (!locals || is_none(locals))
            l = TRY(frame_locals(f));
        else
            l = locals;
    } else {
        g = as_dict(globals);
        l = (locals && !is_none(locals)) ? locals : Value(g);
    }
    if (!g->get_str("__builtins__"))
        g->set_str("__builtins__", Value(vm::builtins_dict()));
    Value code;
    if (source.type() == g_code_type)
        code = source;
    else {
        if (!is_str(source) && !is_bytes(source) && !is_bytearray(source))
            return throw_error(g_TypeError, is_eval ? "eval() arg 1 must be a string, bytes or code object"
                                                    : "exec() arg 1 must be a string, bytes or code object");
        Value src = source;
        if (is_eval && is_str(source)) {
            // eval() strips leading spaces and tabs.
            std::string_view s = as_str(source)->view();
            size_t i = 0;
            while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
                ++i;
            src = Value(Str::create(s.substr(i)));
        }
        code = TRY(compile_to_code(src, "<string>", is_eval ? parser::Mode::Eval : parser::Mode::Exec, 0, false, 0));
    }
    Value r = TRY(vm::run_code(static_cast<Code*>(code.as_object()), g, l));
    return is_eval ? r : none();
}

static Result<Value> builtin_exec(Value, CallArgs args) { return exec_eval(args, false); }
static Result<Value> builtin_eval(Value, CallArgs args) { return exec_eval(args, true); }

static Result<Value> builtin_compile(Value, CallArgs args)
{
    Value source, filename, mode, flags, dont_inherit, optimize, feature;
    TRY(parse_args(args, "compile", { "source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version" }, 3,
                   { &source, &filename, &mode, &flags, &dont_inherit, &optimize, &feature }));
    std::string fn;
    if (is_str(filename))
        fn = as_str(filename)->data();
    else {
        std::string_view b;
        if (!bytes_like_view(filename, b))
            return throw_error(g_TypeError, "expected str, bytes or os.PathLike object, not %s", filename.type()->m_name.c_str());
        fn = std::string(b);
    }
    if (!is_str(mode))
        return throw_error(g_TypeError, "compile() argument 'mode' must be str, not %s", mode.type()->m_name.c_str());
    std::string_view m = as_str(mode)->view();
    parser::Mode pm;
    if (m == "exec")
        pm = parser::Mode::Exec;
    else if (m == "eval")
        pm = parser::Mode::Eval;
    else if (m == "single")
        pm = parser::Mode::Single;
    else
        return throw_error(g_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    int64_t fl = flags ? TRY(int_as_i64(flags)) : 0;
    bool di = dont_inherit ? TRY(truthy(dont_inherit)) : false;
    int64_t opt = optimize ? TRY(int_as_i64(optimize)) : -1;
    // FIXME: mode 'func_type' (PyCF_ONLY_AST only) is not supported.
    if (astconv::is_ast_object(source)) {
        if (fl & 0x400) // PyCF_ONLY_AST: an AST comes back unchanged, as CPython
            return source;
        astconv::Converted tree = TRY(astconv::from_python(source, pm));
        compiler::CompileOptions opts;
        opts.mode = pm;
        opts.optimize = opt < 0 ? 0 : int(opt);
        opts.dont_inherit = di;
        opts.future_flags = uint32_t(fl);
        if (!di) {
            vm::Frame* f = vm::current_frame();
            if (f)
                opts.future_flags |= f->code->m_flags & bytecode::CO_FUTURE_ANNOTATIONS;
        }
        compiler::CompileResult result = compiler::compile(tree.mod, fn, opts);
        if (result.error) {
            set_pending(make_syntax_error(*result.error));
            return pending;
        }
        TRY(emit_syntax_warnings(result.warnings));
        return Value(Code::create(result.code));
    }
    if (fl & 0x400) // PyCF_ONLY_AST
        return astconv::parse_to_python(source, fn, pm);
    return compile_to_code(source, fn, pm, int(fl), di, opt < 0 ? 0 : int(opt));
}

static Result<Value> builtin_import(Value, CallArgs args)
{
    Value name, globals, locals, fromlist, level;
    TRY(parse_args(args, "__import__", { "name", "globals", "locals", "fromlist", "level" }, 1,
                   { &name, &globals, &locals, &fromlist, &level }));
    if (!is_str(name))
        return throw_error(g_TypeError, "__import__() argument 1 must be str, not %s", name.type()->m_name.c_str());
    int64_t lvl = level ? TRY(int_as_i64(level)) : 0;
    if (lvl < 0)
        return throw_error(g_ValueError, "level must be >= 0");
    return vm::import_hook()(Str::intern(as_str(name)), globals ? globals : none(), locals ? locals : none(),
                             fromlist ? fromlist : none(), int(lvl));
}

// --- __build_class__ -------------------------------------------------------------------

static Result<Value> builtin_build_class(Value, CallArgs args)
{
    if (args.nargs < 2)
        return throw_error(g_TypeError, "__build_class__: not enough arguments");
    Value func = args[0];
    if (func.type() != g_function_type)
        return throw_error(g_TypeError, "__build_class__: func must be a function");
    Value name = args[1];
    if (!is_str(name))
        return throw_error(g_TypeError, "__build_class__: name is not a string");
    gc::MarkedVector bases;
    for (size_t i = 2; i < args.nargs; ++i)
        bases.push_back(args[i]);
    // PEP 560: __mro_entries__.
    bool changed = false;
    gc::MarkedVector resolved;
    for (Value b : bases) {
        if (!is_type(b)) {
            Value me = TRY(get_attr_optional(b, Str::intern("__mro_entries__")));
            if (me) {
                Value r = TRY(call(me, { Value(Tuple::create(std::span<const Value>(bases.data(), bases.size()))) }));
                if (!is_tuple(r))
                    return throw_error(g_TypeError, "__mro_entries__ must return a tuple");
                for (Value x : as_tuple(r)->items())
                    resolved.push_back(x);
                changed = true;
                continue;
            }
        }
        resolved.push_back(b);
    }
    Tuple* bases_t = Tuple::create(std::span<const Value>(resolved.data(), resolved.size()));
    Tuple* orig_bases = changed ? Tuple::create(std::span<const Value>(bases.data(), bases.size())) : nullptr;
    Value meta;
    gc::MarkedVector kwvalues;
    std::vector<Value> kwnames;
    for (size_t i = 0; i < args.nkw(); ++i) {
        if (as_str(args.kwnames->at(i))->view() == "metaclass") {
            meta = args.kw_value(i);
            continue;
        }
        kwnames.push_back(args.kwnames->at(i));
        kwvalues.push_back(args.kw_value(i));
    }
    bool is_class = false;
    if (!meta) {
        meta = bases_t->size() ? Value(bases_t->at(0).type()) : Value(g_type_type);
        is_class = true;
    } else {
        is_class = is_type(meta);
    }
    if (is_class) {
        // The most derived metaclass (CPython's _PyType_CalculateMetaclass).
        Type* winner = as_type(meta);
        for (Value b : bases_t->items()) {
            Type* bt = b.type();
            if (winner->is_subtype_of(bt))
                continue;
            if (bt->is_subtype_of(winner)) {
                winner = bt;
                continue;
            }
            return throw_error(g_TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
        }
        meta = Value(winner);
    }
    Tuple* kwn = kwnames.empty() ? nullptr : Tuple::create(std::move(kwnames));
    Value ns;
    Value prepare = TRY(get_attr_optional(meta, Str::intern("__prepare__")));
    if (prepare) {
        gc::MarkedVector pargs;
        pargs.push_back(name);
        pargs.push_back(Value(bases_t));
        for (Value v : kwvalues)
            pargs.push_back(v);
        ns = TRY(call(prepare, std::span<const Value>(pargs.data(), pargs.size()), kwn));
    } else {
        ns = Value(Dict::create());
    }
    if (!ns.type()->getitem)
        return throw_error(g_TypeError, "%s.__prepare__() must return a mapping, not %s",
                           is_type(meta) ? as_type(meta)->m_name.c_str() : "<metaclass>", ns.type()->m_name.c_str());
    Value cell = TRY(vm::run_class_body(static_cast<Function*>(func.as_object()), ns));
    if (orig_bases)
        TRY(set_item(ns, Value(Str::intern("__orig_bases__")), Value(orig_bases)));
    gc::MarkedVector margs;
    margs.push_back(name);
    margs.push_back(Value(bases_t));
    margs.push_back(ns);
    for (Value v : kwvalues)
        margs.push_back(v);
    Value cls = TRY(call(meta, std::span<const Value>(margs.data(), margs.size()), kwn));
    if (is_type(cls) && cell && cell.type() == g_cell_type) {
        Value cell_contents = static_cast<CellObject*>(cell.as_object())->m_value;
        if (!cell_contents.is(cls)) {
            if (!cell_contents)
                static_cast<CellObject*>(cell.as_object())->m_value = cls;
            else
                return throw_error(g_TypeError, "__class__ set to %s defining '%s' as %s", TRY(repr_text(cell_contents)).c_str(),
                                   as_str(name)->c_str(), TRY(repr_text(cls)).c_str());
        }
    }
    return cls;
}

// --- super -------------------------------------------------------------------------------

class SuperObject : public Object {
public:
    explicit SuperObject(Type* t) : Object(t) {}
    void visit_edges(gc::Visitor& v) override
    {
        Object::visit_edges(v);
        v.visit(m_type);
        v.visit(m_obj);
        v.visit(m_obj_type);
    }
    Type* m_type = nullptr;     // the class argument
    Value m_obj;                // instance or class (null if unbound)
    Type* m_obj_type = nullptr; // type(obj) or obj itself for classmethods
};

static Result<Type*> supercheck(Type* type, Value obj)
{
    if (is_type(obj) && as_type(obj)->is_subtype_of(type))
        return as_type(obj);
    if (obj.type()->is_subtype_of(type))
        return obj.type();
    Value cls = TRY(get_attr_optional(obj, Str::intern("__class__")));
    if (cls && is_type(cls) && as_type(cls)->is_subtype_of(type))
        return as_type(cls);
    return throw_error(g_TypeError, "super(type, obj): obj must be an instance or subtype of type");
}

static Result<Value> super_new(Type* t, CallArgs) { return Value(make<SuperObject>(t)); }

static Status super_init(Value self, CallArgs args)
{
    TRY(no_keywords(args, "super"));
    TRY(check_arity(args, "super", 0, 2));
    auto* su = static_cast<SuperObject*>(self.as_object());
    Value type, obj;
    if (args.nargs == 0) {
        vm::Frame* f = vm::current_frame();
        if (!f)
            return throw_error(g_RuntimeError, "super(): no current frame");
        Code* co = f->code;
        if (co->m_argcount == 0)
            return throw_error(g_RuntimeError, "super(): no arguments");
        obj = f->localsplus()[0];
        if (obj && obj.type() == g_cell_type && (co->m_unit->localspluskinds[0] & bytecode::CO_FAST_CELL))
            obj = static_cast<CellObject*>(obj.as_object())->m_value;
        if (!obj)
            return throw_error(g_RuntimeError, "super(): arg[0] deleted");
        int n = co->m_nlocalsplus;
        for (int i = 0; i < n; ++i) {
            if ((co->m_unit->localspluskinds[size_t(i)] & bytecode::CO_FAST_FREE) && co->m_localsplusnames[size_t(i)]->view() == "__class__") {
                Value cell = f->localsplus()[i];
                if (!cell || cell.type() != g_cell_type)
                    return throw_error(g_RuntimeError, "super(): bad __class__ cell");
                type = static_cast<CellObject*>(cell.as_object())->m_value;
                if (!type)
                    return throw_error(g_RuntimeError, "super(): empty __class__ cell");
                if (!is_type(type))
                    return throw_error(g_RuntimeError, "super(): __class__ is not a type (%s)", type.type()->m_name.c_str());
                break;
            }
        }
        if (!type)
            return throw_error(g_RuntimeError, "super(): __class__ cell not found");
    } else {
        type = args[0];
        if (args.nargs > 1)
            obj = args[1];
        if (!is_type(type))
            return throw_error(g_TypeError, "super() argument 1 must be a type, not %s", type.type()->m_name.c_str());
    }
    if (obj && is_none(obj))
        obj = Value();
    su->m_type = as_type(type);
    su->m_obj = obj;
    if (obj)
        su->m_obj_type = TRY(supercheck(as_type(type), obj));
    return ok();
}

static Result<Value> super_getattro(Value self, Str* name)
{
    auto* su = static_cast<SuperObject*>(self.as_object());
    Type* start = su->m_obj_type;
    if (start && name->view() != "__class__") {
        Tuple* mro = start->m_mro;
        size_t i = 0;
        for (; i < mro->size(); ++i)
            if (mro->at(i).as_object() == su->m_type)
                break;
        for (++i; i < mro->size(); ++i) {
            Value res = as_type(mro->at(i))->dict()->get_str(name);
            if (!res)
                continue;
            if (DescrGetFn get = res.type()->descr_get)
                return get(res, su->m_obj.is(Value(start)) ? Value() : su->m_obj, Value(start));
            return res;
        }
    }
    return generic_getattr(self, name);
}

static Result<Value> super_repr(Value self)
{
    auto* su = static_cast<SuperObject*>(self.as_object());
    std::string t = su->m_type ? su->m_type->m_name : "NULL";
    if (su->m_obj_type)
        return Value(Str::create("<super: <class '" + t + "'>, <" + su->m_obj_type->m_name + " object>>"));
    return Value(Str::create("<super: <class '" + t + "'>, NULL>"));
}

static Result<Value> super_get(Value self, Value obj, Value type)
{
    auto* su = static_cast<SuperObject*>(self.as_object());
    if (!obj || su->m_obj)
        return self;
    auto* n = make<SuperObject>(g_super_type);
    n->m_type = su->m_type;
    n->m_obj = obj;
    n->m_obj_type = TRY(supercheck(su->m_type, obj));
    return Value(n);
}

// --- enumerate, zip, map, filter, reversed ------------------------------------------------

class IterState : public Object {
public:
    explicit IterState(Type* t) : Object(t) {}
    void visit_edges(gc::Visitor& v) override
    {
        Object::visit_edges(v);
        v.visit(m_func);
        v.visit(m_count);
        for (Value x : m_iters)
            v.visit(x);
    }
    Value m_func;
    Value m_count;
    std::vector<Value> m_iters;
    int64_t m_index = 0;
    bool m_strict = false;
    bool m_done = false;
};

static IterState* as_is(Value v) { return static_cast<IterState*>(v.as_object()); }
static Result<Value> iter_self(Value v) { return v; }

static Result<Value> enumerate_new(Type* t, CallArgs args)
{
    Value iterable, start;
    TRY(parse_args(args, "enumerate", { "iterable", "start" }, 1, { &iterable, &start }));
    auto* e = make<IterState>(t);
    e->m_iters.push_back(TRY(get_iter(iterable)));
    e->m_count = start ? TRY(number_index(start)) : Value::small(0);
    return Value(e);
}

static Result<Value> enumerate_next(Value self)
{
    IterState* e = as_is(self);
    Value x = TRY(iter_next(e->m_iters[0]));
    if (!x)
        return Value();
    Value i = e->m_count;
    e->m_count = TRY(int_add(i, Value::small(1)));
    return Value(Tuple::create({ i, x }));
}

static Result<Value> zip_new(Type* t, CallArgs args)
{
    auto* z = make<IterState>(t);
    for (size_t i = 0; i < args.nkw(); ++i) {
        if (as_str(args.kwnames->at(i))->view() != "strict")
            return throw_error(g_TypeError, "zip() got an unexpected keyword argument '%s'", as_str(args.kwnames->at(i))->c_str());
        z->m_strict = TRY(truthy(args.kw_value(i)));
    }
    for (size_t i = 0; i < args.nargs; ++i) {
        Result<Value> it = get_iter(args[i]);
        if (it.is_error()) {
            if (pending_matches(g_TypeError)) {
                take_pending();
                return throw_error(g_TypeError, "zip argument #%zu must support iteration", i + 1);
            }
            return pending;
        }
        z->m_iters.push_back(it.value());
    }
    return Value(z);
}

static Result<Value> zip_next(Value self)
{
    IterState* z = as_is(self);
    if (z->m_iters.empty() || z->m_done)
        return Value();
    gc::MarkedVector items;
    for (size_t i = 0; i < z->m_iters.size(); ++i) {
        Value x = TRY(iter_next(z->m_iters[i]));
        if (!x) {
            z->m_done = true;
            if (z->m_strict) {
                if (i > 0)
                    return throw_error(g_ValueError, "zip() argument %zu is shorter than argument%s%zu", i + 1, i == 1 ? " " : "s 1-", i);
                for (size_t j = 1; j < z->m_iters.size(); ++j) {
                    Value y = TRY(iter_next(z->m_iters[j]));
                    if (y)
                        return throw_error(g_ValueError, "zip() argument %zu is longer than argument%s%zu", j + 1, j == 1 ? " " : "s 1-", j);
                }
            }
            return Value();
        }
        items.push_back(x);
    }
    return Value(Tuple::create(std::span<const Value>(items.data(), items.size())));
}

static Result<Value> map_new(Type* t, CallArgs args)
{
    TRY(no_keywords(args, "map"));
    if (args.nargs < 2)
        return throw_error(g_TypeError, "map() must have at least two arguments.");
    auto* m = make<IterState>(t);
    m->m_func = args[0];
    for (size_t i = 1; i < args.nargs; ++i)
        m->m_iters.push_back(TRY(get_iter(args[i])));
    return Value(m);
}

static Result<Value> map_next(Value self)
{
    IterState* m = as_is(self);
    gc::MarkedVector items;
    for (Value it : m->m_iters) {
        Value x = TRY(iter_next(it));
        if (!x)
            return Value();
        items.push_back(x);
    }
    return call(m->m_func, std::span<const Value>(items.data(), items.size()));
}

static Result<Value> filter_new(Type* t, CallArgs args)
{
    TRY(no_keywords(args, "filter"));
    TRY(check_arity(args, "filter", 2, 2));
    auto* f = make<IterState>(t);
    f->m_func = args[0];
    f->m_iters.push_back(TRY(get_iter(args[1])));
    return Value(f);
}

static Result<Value> filter_next(Value self)
{
    IterState* f = as_is(self);
    for (;;) {
        Value x = TRY(iter_next(f->m_iters[0]));
        if (!x)
            return Value();
        Value r = is_none(f->m_func) ? x : TRY(call(f->m_func, { x }));
        bool b = TRY(truthy(r));
        if (b)
            return x;
    }
}

static Result<Value> reversed_new(Type* t, CallArgs args)
{
    TRY(no_keywords(args, "reversed"));
    TRY(check_arity(args, "reversed", 1, 1));
    Value seq = args[0];
    Value rev = type_lookup(seq.type(), "__reversed__");
    if (rev) {
        if (is_none(rev))
            return throw_error(g_TypeError, "'%s' object is not reversible", seq.type()->m_name.c_str());
        return call_method(seq, "__reversed__", {});
    }
    if (!seq.type()->getitem || !seq.type()->len || is_dict(seq))
        return throw_error(g_TypeError, "'%s' object is not reversible", seq.type()->m_name.c_str());
    auto* r = make<IterState>(t);
    r->m_func = seq;
    r->m_index = TRY(length(seq)) - 1;
    return Value(r);
}

static Result<Value> reversed_next(Value self)
{
    IterState* r = as_is(self);
    if (r->m_index < 0 || !r->m_func)
        return Value();
    Result<Value> v = get_item(r->m_func, int_from_i64(r->m_index--));
    if (v.is_error() && (pending_matches(g_IndexError) || pending_matches(g_StopIteration))) {
        take_pending();
        r->m_func = Value();
        return Value();
    }
    return v;
}

static Type* make_iter_type(const char* name, NewFn new_fn, IterNextFn next)
{
    Type* t = new_builtin_type(name, g_object_type, Layout::Iterator);
    t->new_ = new_fn;
    t->iter = iter_self;
    t->iternext = next;
    type_ready(t);
    t->dict()->set_str("__module__", Value(Str::intern("builtins")));
    return t;
}

// --- exit/quit --------------------------------------------------------------------------

static Result<Value> builtin_exit(Value, CallArgs args)
{
    TRY(check_arity(args, "exit", 0, 1));
    if (args.nargs)
        return throw_error_value(g_SystemExit, args[0]);
    return throw_error_value(g_SystemExit, Value());
}

// --- module creation --------------------------------------------------------------------

Module* create_builtins_module()
{
    Module* m = Module::create("builtins");
    Dict* d = m->dict();
    auto def = [&](const char* name, NativeFn fn) { d->set_str(name, make_native_function(name, fn, Value(m))); };
    def("print", builtin_print);
    def("input", builtin_input);
    def("len", builtin_len);
    def("repr", builtin_repr);
    def("ascii", builtin_ascii);
    def("isinstance", builtin_isinstance);
    def("issubclass", builtin_issubclass);
    def("id", builtin_id);
    def("hash", builtin_hash);
    def("iter", builtin_iter);
    def("next", builtin_next);
    def("getattr", builtin_getattr);
    def("setattr", builtin_setattr);
    def("delattr", builtin_delattr);
    def("hasattr", builtin_hasattr);
    def("callable", builtin_callable);
    def("abs", builtin_abs);
    def("divmod", builtin_divmod_generic);
    def("pow", builtin_pow);
    def("round", builtin_round);
    def("min", builtin_min);
    def("max", builtin_max);
    def("sum", builtin_sum);
    def("sorted", builtin_sorted);
    def("any", builtin_any);
    def("all", builtin_all);
    def("chr", builtin_chr);
    def("ord", builtin_ord);
    def("bin", builtin_bin);
    def("oct", builtin_oct);
    def("hex", builtin_hex);
    def("format", builtin_format);
    def("vars", builtin_vars);
    def("locals", builtin_locals);
    def("globals", builtin_globals);
    def("dir", builtin_dir);
    def("exec", builtin_exec);
    def("eval", builtin_eval);
    def("compile", builtin_compile);
    def("__import__", builtin_import);
    def("__build_class__", builtin_build_class);
    def("exit", builtin_exit);
    def("quit", builtin_exit);

    g_super_type->new_ = super_new;
    g_super_type->init = super_init;
    g_super_type->getattro = super_getattro;
    g_super_type->repr = super_repr;
    g_super_type->descr_get = super_get;
    add_getset(g_super_type, "__thisclass__", [](Value s) -> Result<Value> {
        auto* su = static_cast<SuperObject*>(s.as_object());
        return su->m_type ? Value(su->m_type) : none();
    });
    add_getset(g_super_type, "__self__", [](Value s) -> Result<Value> {
        auto* su = static_cast<SuperObject*>(s.as_object());
        return su->m_obj ? su->m_obj : none();
    });
    add_getset(g_super_type, "__self_class__", [](Value s) -> Result<Value> {
        auto* su = static_cast<SuperObject*>(s.as_object());
        return su->m_obj_type ? Value(su->m_obj_type) : none();
    });
    extern void invalidate_type_caches();
    invalidate_type_caches();

    Type* memoryview_type = init_memoryview_type();
    d->set_str("memoryview", Value(memoryview_type));
    g_enumerate_type = make_iter_type("enumerate", enumerate_new, enumerate_next);
    g_zip_type = make_iter_type("zip", zip_new, zip_next);
    g_map_type = make_iter_type("map", map_new, map_next);
    g_filter_type = make_iter_type("filter", filter_new, filter_next);
    g_reversed_type = make_iter_type("reversed", reversed_new, reversed_next);

    struct { const char* name; Type* t; } types[] = {
        { "object", g_object_type }, { "type", g_type_type }, { "int", g_int_type }, { "bool", g_bool_type },
        { "float", g_float_type }, { "complex", g_complex_type }, { "str", g_str_type }, { "bytes", g_bytes_type },
        { "bytearray", g_bytearray_type }, { "tuple", g_tuple_type }, { "list", g_list_type }, { "dict", g_dict_type },
        { "set", g_set_type }, { "frozenset", g_frozenset_type }, { "range", g_range_type }, { "slice", g_slice_type },
        { "property", g_property_type }, { "staticmethod", g_staticmethod_type }, { "classmethod", g_classmethod_type },
        { "super", g_super_type }, { "enumerate", g_enumerate_type }, { "zip", g_zip_type }, { "map", g_map_type },
        { "filter", g_filter_type }, { "reversed", g_reversed_type },
    };
    for (auto& t : types)
        d->set_str(t.name, Value(t.t));
#define ADDER_EXCEPTION(name, base, extra) d->set_str(#name, Value(g_##name));
#include "builtins/exceptions.def"
#undef ADDER_EXCEPTION
    d->set_str("EnvironmentError", Value(g_OSError));
    d->set_str("IOError", Value(g_OSError));
    d->set_str("None", none());
    d->set_str("Ellipsis", Value(g_ellipsis));
    d->set_str("NotImplemented", Value(g_notimplemented));
    d->set_str("True", py_bool(true));
    d->set_str("False", py_bool(false));
    d->set_str("__debug__", py_bool(true));
    d->set_str("__name__", Value(Str::intern("builtins")));
    return m;
}

} // namespace adder
