// Functions, code objects, cells, bound methods, slot wrappers, property,
// staticmethod, classmethod and modules: their slots and Python-visible
// attributes. Calling a Python function is the VM's job (vm/call.cpp).
#include "objects/function.h"

#include <cstring>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/bytes.h"
#include "bytecode/verify.h"

namespace adder {

Value frozenset_from_values(std::span<const Value> items); // set.cpp
Result<Value> slot_wrapper_invoke(Value wrapper, Value self, CallArgs args); // type.cpp

// --- code -------------------------------------------------------------------

namespace {

// A memo in front of Str::intern for the names of code being loaded: a warm
// import interns tens of thousands of short, highly repeated names (x, self,
// range, ...), and the intern table's node-based map made each lookup a chain
// of cache misses. Interned strs are immortal (the intern table is a GC root),
// so caching their pointers is safe. Open addressing, power-of-two capacity.
class NameMemo {
public:
    Str* intern(std::string_view text)
    {
        if (text.size() > 64)
            return Str::intern(text);
        uint64_t h = hash(text);
        size_t mask = m_slots.size() - 1;
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            Slot& s = m_slots[i];
            if (!s.str) {
                Str* str = Str::intern(text);
                s = { h, str };
                if (++m_used * 2 > m_slots.size())
                    grow();
                return str;
            }
            if (s.hash == h && s.str->view() == text)
                return s.str;
        }
    }

private:
    struct Slot {
        uint64_t hash = 0;
        Str* str = nullptr;
    };

    static uint64_t hash(std::string_view t)
    {
        // FNV-1a: names are short, so a simple byte loop is fastest here.
        uint64_t h = 1469598103934665603ull;
        for (unsigned char c : t)
            h = (h ^ c) * 1099511628211ull;
        return h ^ (h >> 29);
    }

    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        size_t mask = m_slots.size() - 1;
        for (const Slot& s : old) {
            if (!s.str)
                continue;
            size_t i = s.hash & mask;
            while (m_slots[i].str)
                i = (i + 1) & mask;
            m_slots[i] = s;
        }
    }

    std::vector<Slot> m_slots = std::vector<Slot>(1024);
    size_t m_used = 0;
};

NameMemo& name_memo()
{
    thread_local NameMemo memo;
    return memo;
}

// Short identifier-like str constants are interned, as CPython does.
bool is_internable_constant(std::string_view text)
{
    return text.size() <= 40 && is_ascii_name_chars(text); // ASCII table, not the locale's isalnum
}

Value str_constant(std::string_view text)
{
    return is_internable_constant(text) ? Value(name_memo().intern(text)) : Value(Str::create(text));
}

Code* stub_from_unit(const std::shared_ptr<bytecode::CodeUnit>& unit, Str* parent_filename,
    const std::string* parent_filename_text);

// `filename`/`filename_text`: the enclosing code's co_filename, shared by
// nested code with the same file name (one Str per module, not per function).
Value constant_value(const bytecode::Constant& c, Str* filename, const std::string* filename_text)
{
    using K = bytecode::Constant::Kind;
    switch (c.kind) {
    case K::None: return none();
    case K::Ellipsis: return Value(g_ellipsis);
    case K::False: return py_bool(false);
    case K::True: return py_bool(true);
    case K::Int: return int_from_i64(c.int_value);
    case K::BigInt: return int_from_string(c.text, 10);
    case K::Float: return float_value(c.real);
    case K::Complex: return complex_value(c.real, c.imag);
    case K::Str: return str_constant(c.text);
    case K::Bytes: return Value(Bytes::create(c.text));
    case K::Tuple: {
        if (c.items.size() <= 8) {
            // Small tuples (argument defaults, mostly) are built in a stack
            // array, which the conservative stack scan keeps alive.
            Value small[8];
            for (size_t i = 0; i < c.items.size(); ++i)
                small[i] = constant_value(c.items[i], filename, filename_text);
            return Value(Tuple::create(std::span<const Value>(small, c.items.size())));
        }
        gc::MarkedVector items;
        for (auto& item : c.items)
            items.push_back(constant_value(item, filename, filename_text));
        return Value(Tuple::create(std::span<const Value>(items.data(), items.size())));
    }
    case K::FrozenSet: {
        gc::MarkedVector items;
        for (auto& item : c.items)
            items.push_back(constant_value(item, filename, filename_text));
        return frozenset_from_values(std::span<const Value>(items.data(), items.size()));
    }
    case K::Code:
        // Lazy records are handled by convert_body; a bare null cannot pass
        // the verifier.
        return c.code ? Value(stub_from_unit(c.code, filename, filename_text)) : none();
    }
    return none();
}

// The scalar header fields every code object copies from its unit.
void set_counts(Code* code, const bytecode::CodeUnit& u)
{
    code->m_firstlineno = u.firstlineno;
    code->m_argcount = u.argcount;
    code->m_posonlyargcount = u.posonlyargcount;
    code->m_kwonlyargcount = u.kwonlyargcount;
    code->m_stacksize = u.stacksize;
    code->m_flags = u.flags;
}

// Sets the header fields shared by stubs and ready code. `inherit`: the
// file name is the parent's (u.filename is not read).
void set_header(Code* code, const bytecode::CodeUnit& u, Str* parent_filename, const std::string* parent_filename_text,
    bool inherit = false)
{
    NameMemo& memo = name_memo();
    code->m_name = memo.intern(u.name);
    code->m_qualname = (u.qualname.empty() || u.qualname == u.name) ? code->m_name : Str::create(u.qualname);
    code->m_filename = (parent_filename && (inherit || u.filename == *parent_filename_text)) ? parent_filename
                                                                                           : Str::create(u.filename);
    set_counts(code, u);
}

// A stub for trusted nested code (compiler output or an eagerly verified unit).
Code* stub_from_unit(const std::shared_ptr<bytecode::CodeUnit>& unit, Str* parent_filename,
    const std::string* parent_filename_text)
{
    Code* code = make<Code>(g_code_type, unit);
    set_header(code, *unit, parent_filename, parent_filename_text);
    code->m_doc = (!unit->consts.empty() && unit->consts[0].kind == bytecode::Constant::Kind::Str)
        ? constant_value(unit->consts[0], code->m_filename, &unit->filename)
        : none();
    return code;
}

// A stub for the cache record `c` (a lazy constant of `parent`, index
// `index`). Null when the header is malformed or not valid UTF-8: the
// parent's body is then bad as a whole. The header is read as views into
// the body: a warm import makes one stub per function it defines, so no
// string is copied on the way to the interned names.
Code* stub_from_record(Code* parent, uint32_t index, const bytecode::Constant& c,
    const std::shared_ptr<bytecode::LazySource>& source)
{
    bytecode::CodeHeaderView h;
    if (!bytecode::read_code_header_view(source->bytes(), c.lazy_offset, c.lazy_size, &h))
        return nullptr;
    const std::string& parent_filename = parent->m_unit->filename;
    // The usual case, a file name inherited from the parent (already
    // checked), shares the parent's Str.
    bool inherit = h.filename_inherited && !source->filename;
    std::string_view filename = source->filename ? std::string_view(*source->filename) : h.filename;
    if (!source->trusted &&
        (!bytecode::is_valid_utf8(h.name, false) || !bytecode::is_valid_utf8(h.qualname, false) ||
         (!inherit && !bytecode::is_valid_utf8(filename, true)) || (h.has_doc && !bytecode::is_valid_utf8(h.doc, true))))
        return nullptr;
    Code* code = make<Code>(g_code_type, nullptr);
    // As set_header() and set_counts().
    code->m_name = name_memo().intern(h.name);
    code->m_qualname = (h.qualname.empty() || h.qualname == h.name) ? code->m_name : Str::create(h.qualname);
    code->m_filename = (parent->m_filename && (inherit || filename == parent_filename)) ? parent->m_filename
                                                                                        : Str::create(filename);
    code->m_firstlineno = h.firstlineno;
    code->m_argcount = h.argcount;
    code->m_posonlyargcount = h.posonlyargcount;
    code->m_kwonlyargcount = h.kwonlyargcount;
    code->m_stacksize = h.stacksize;
    code->m_flags = h.flags;
    code->m_doc = h.has_doc ? str_constant(h.doc) : none();
    code->m_lazy = source;
    code->m_lazy_offset = c.lazy_offset;
    code->m_lazy_size = c.lazy_size;
    code->m_parent = parent;
    code->m_parent_index = index;
    return code;
}

// Builds the body of `code` from `unit` (whose header it already has, or
// gets here). Nested records of `source` become stubs; false when one of
// their headers is bad (the body is then left empty).
bool convert_body(Code* code, const std::shared_ptr<bytecode::CodeUnit>& unit,
    const std::shared_ptr<bytecode::LazySource>& source)
{
    const auto& u = *unit;
    code->m_unit = unit;
    if (!code->m_name) {
        set_header(code, u, nullptr, nullptr);
    } else {
        // A stub keeps its names; the rest comes from the unit actually run
        // (which differs from the header only after a recovery).
        set_counts(code, u);
    }
    NameMemo& memo = name_memo();
    code->m_consts.clear();
    code->m_consts.reserve(u.consts.size());
    for (size_t i = 0; i < u.consts.size(); ++i) {
        const bytecode::Constant& c = u.consts[i];
        if (c.kind == bytecode::Constant::Kind::Code && !c.code) {
            Code* stub = source && c.lazy_size ? stub_from_record(code, uint32_t(i), c, source) : nullptr;
            if (!stub) {
                code->m_consts.clear();
                return false;
            }
            code->m_consts.push_back(Value(stub));
        } else if (i == 0 && c.kind == bytecode::Constant::Kind::Str && code->m_doc && is_str(code->m_doc) &&
                   as_str(code->m_doc)->view() == c.text) {
            code->m_consts.push_back(code->m_doc); // the stub's __doc__ object, as CPython shares it
        } else {
            code->m_consts.push_back(constant_value(c, code->m_filename, &u.filename));
        }
    }
    if (!code->m_consts.empty() && is_str(code->m_consts[0]))
        code->m_doc = code->m_consts[0];
    else
        code->m_doc = none();
    code->m_names.clear();
    code->m_names.reserve(u.names.size());
    for (auto& n : u.names)
        code->m_names.push_back(memo.intern(n));
    code->m_localsplusnames.clear();
    code->m_localsplusnames.reserve(u.localsplusnames.size());
    for (auto& n : u.localsplusnames)
        code->m_localsplusnames.push_back(memo.intern(n));
    code->m_nlocalsplus = int(u.localsplusnames.size());
    code->m_nfree = code->m_ncells = code->m_nlocals = 0;
    for (uint8_t k : u.localspluskinds) {
        if (k & bytecode::CO_FAST_FREE)
            ++code->m_nfree;
        else if (k & bytecode::CO_FAST_CELL)
            ++code->m_ncells;
        if (k & bytecode::CO_FAST_LOCAL)
            ++code->m_nlocals;
    }
    code->m_ready = true;
    return true;
}

// See Code::m_tables_released. The unit is owned by `code` alone.
void release_tables(Code* code)
{
    bytecode::CodeUnit& u = *code->m_unit;
    bytecode::recycle_consts(std::move(u.consts));
    std::vector<std::string>().swap(u.names);
    std::vector<std::string>().swap(u.localsplusnames);
    code->m_tables_released = true;
}

Pending raise_bad_cached_code(const bytecode::LazySource& source)
{
    return throw_error(g_ImportError, "bad code object in cached module '%s'", source.module_name.c_str());
}

} // namespace

// A warm import makes one stub per nested function: keep them in the GC's
// 256-byte size class (the next one is 320).
static_assert(sizeof(Code) <= 256, "Code grew past the 256-byte size class: reorder or shrink its fields");

Code* Code::create(std::shared_ptr<bytecode::CodeUnit> unit)
{
    Code* code = make<Code>(g_code_type, unit);
    convert_body(code, unit, nullptr);
    return code;
}

Code* Code::create_lazy(std::shared_ptr<bytecode::CodeUnit> root, std::shared_ptr<bytecode::LazySource> source)
{
    Code* code = make<Code>(g_code_type, root);
    code->m_lazy = source; // marks the root of the records' parent chains
    if (!convert_body(code, root, source)) {
        raise_bad_cached_code(*source);
        return nullptr;
    }
    release_tables(code);
    return code;
}

bool Code::materialize()
{
    if (!m_lazy) // a trusted nested unit
        return convert_body(this, m_unit, nullptr);
    std::shared_ptr<bytecode::LazySource> keep = m_lazy; // m_lazy is reset on recovery
    bytecode::LazySource& source = *keep;
    std::string error;
    std::shared_ptr<bytecode::CodeUnit> unit =
        bytecode::deserialize_nested(source.bytes(), m_lazy_offset, m_lazy_size, m_filename->data(), &error);
    if (unit && source.filename)
        unit->filename = *source.filename;
    if (unit && (source.trusted || bytecode::verify_shallow(*unit, &error)) && convert_body(this, unit, m_lazy)) {
        release_tables(this);
        return true;
    }
    // A bad record (only a crafted file passes the body checksum): never run
    // it; take the same code from a recompile of the module's source.
    m_unit = nullptr;
    if (!source.recompiled && !source.recompile_failed) {
        // Set while the hook runs (it may print -v lines through Python
        // code): a re-entrant use of a bad record raises instead of recursing.
        source.recompile_failed = true;
        if (source.recompile)
            source.recompiled = source.recompile(source);
        source.recompile_failed = !source.recompiled;
    }
    if (!source.recompiled)
        return (raise_bad_cached_code(source), false);
    std::vector<uint32_t> path;
    const Code* root = this;
    for (; root->m_parent; root = root->m_parent)
        path.push_back(root->m_parent_index);
    if (root->m_lazy != m_lazy)
        return (raise_bad_cached_code(source), false);
    std::shared_ptr<bytecode::CodeUnit> found = source.recompiled;
    for (size_t i = path.size(); i-- > 0 && found;) {
        uint32_t index = path[i];
        const auto& consts = found->consts;
        found = index < consts.size() && consts[index].kind == bytecode::Constant::Kind::Code ? consts[index].code : nullptr;
    }
    if (!found || found->name != m_name->view() || found->qualname != m_qualname->view() ||
        found->firstlineno != m_firstlineno)
        return (raise_bad_cached_code(source), false);
    if (source.filename)
        found->filename = *source.filename;
    m_lazy.reset();
    m_parent = nullptr;
    return convert_body(this, found, nullptr);
}

std::shared_ptr<bytecode::CodeUnit> Code::full_unit()
{
    if (!ensure_body())
        return nullptr;
    std::shared_ptr<bytecode::CodeUnit> base = m_unit;
    if (m_tables_released) {
        // Decode the record again: its bytes are immutable and passed
        // verify_shallow, so this gives the unit that was converted.
        const bytecode::LazySource& source = *m_lazy;
        base = m_parent ? bytecode::deserialize_nested(source.bytes(), m_lazy_offset, m_lazy_size, m_filename->data(), nullptr)
                        : bytecode::deserialize_shallow(source.bytes(), nullptr);
        if (!base)
            return (raise_bad_cached_code(source), nullptr);
        if (source.filename)
            base->filename = *source.filename;
    }
    bool has_lazy = false;
    for (const auto& c : base->consts)
        has_lazy |= c.kind == bytecode::Constant::Kind::Code && !c.code;
    if (!has_lazy)
        return base;
    if (base->consts.size() != m_consts.size())
        return (raise_bad_cached_code(*m_lazy), nullptr);
    auto unit = base == m_unit ? std::make_shared<bytecode::CodeUnit>(*m_unit) : base;
    for (size_t i = 0; i < unit->consts.size(); ++i) {
        bytecode::Constant& c = unit->consts[i];
        if (c.kind != bytecode::Constant::Kind::Code || c.code)
            continue;
        Code* child = static_cast<Code*>(m_consts[i].as_object());
        c.code = child->full_unit();
        if (!c.code)
            return nullptr;
        c.lazy_offset = c.lazy_size = 0;
    }
    return unit;
}

void Code::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    for (Value c : m_consts)
        v.visit(c);
    for (Str* s : m_names)
        v.visit(s);
    for (Str* s : m_localsplusnames)
        v.visit(s);
    v.visit(m_name);
    v.visit(m_qualname);
    v.visit(m_filename);
    v.visit(m_doc);
    v.visit(m_parent);
    if (m_global_cache)
        for (size_t i = 0; i < m_names.size(); ++i)
            v.visit(m_global_cache[i].value);
    // Only entries of the current epoch can be read again (belt and braces:
    // their descriptors are normally also held by the type's dict).
    if (m_attr_cache) {
        uint64_t epoch = type_cache_epoch();
        for (size_t i = 0, n = m_unit->code.size(); i < n; ++i)
            if (m_attr_cache[i].epoch == epoch)
                v.visit(m_attr_cache[i].descr);
    }
}

static Code* as_code(Value v) { return static_cast<Code*>(v.as_object()); }

// The code with its body built (attributes that read the body).
static Result<Code*> ready_code(Value v)
{
    Code* c = as_code(v);
    if (!c->ensure_body())
        return pending;
    return c;
}

static Result<Value> code_repr(Value self)
{
    Code* c = as_code(self);
    char buf[64];
    std::snprintf(buf, sizeof buf, " at %p", static_cast<void*>(c));
    return Value(Str::create("<code object " + c->m_name->data() + buf + ", file \"" + c->m_filename->data() + "\", line " +
                             std::to_string(c->m_firstlineno) + ">"));
}

static Result<Value> code_get_name(Value self) { return Value(as_code(self)->m_name); }
static Result<Value> code_get_qualname(Value self) { return Value(as_code(self)->m_qualname); }
static Result<Value> code_get_filename(Value self) { return Value(as_code(self)->m_filename); }
static Result<Value> code_get_firstlineno(Value self) { return int_from_i64(as_code(self)->m_firstlineno); }
static Result<Value> code_get_argcount(Value self) { return int_from_i64(as_code(self)->m_argcount); }
static Result<Value> code_get_posonlyargcount(Value self) { return int_from_i64(as_code(self)->m_posonlyargcount); }
static Result<Value> code_get_kwonlyargcount(Value self) { return int_from_i64(as_code(self)->m_kwonlyargcount); }
static Result<Value> code_get_flags(Value self) { return int_from_i64(as_code(self)->m_flags); }
static Result<Value> code_get_nlocals(Value self) { return int_from_i64(TRY(ready_code(self))->m_unit->nlocals()); }
static Result<Value> code_get_stacksize(Value self) { return int_from_i64(as_code(self)->m_stacksize); }
static Result<Value> code_get_consts(Value self) { return Value(Tuple::create(TRY(ready_code(self))->m_consts)); }
static Result<Value> code_get_names(Value self)
{
    std::vector<Value> v;
    for (Str* s : TRY(ready_code(self))->m_names)
        v.push_back(Value(s));
    return Value(Tuple::create(std::move(v)));
}
static Result<Value> code_vars(Value self, uint8_t kind)
{
    Code* c = TRY(ready_code(self));
    std::vector<Value> v;
    for (size_t i = 0; i < c->m_localsplusnames.size(); ++i)
        if (c->m_unit->localspluskinds[i] & kind)
            v.push_back(Value(c->m_localsplusnames[i]));
    return Value(Tuple::create(std::move(v)));
}
static Result<Value> code_get_varnames(Value self) { return code_vars(self, bytecode::CO_FAST_LOCAL); }
static Result<Value> code_get_cellvars(Value self) { return code_vars(self, bytecode::CO_FAST_CELL); }
static Result<Value> code_get_freevars(Value self) { return code_vars(self, bytecode::CO_FAST_FREE); }
static Result<Value> code_get_code(Value self)
{
    Code* c = TRY(ready_code(self));
    std::string bytes;
    for (auto w : c->m_unit->code)
        bytes.append(reinterpret_cast<const char*>(&w), sizeof w);
    return Value(Bytes::create(bytes));
}

// code.replace(**changes) for the scalar fields.
// FIXME: co_consts/co_names/co_code/co_varnames replacements are not supported.
static Result<Value> code_replace(Value self, CallArgs args)
{
    if (args.nargs)
        return throw_error(g_TypeError, "replace() takes no positional arguments");
    Code* old = as_code(self);
    std::shared_ptr<bytecode::CodeUnit> full = old->full_unit();
    if (!full)
        return pending;
    auto unit = std::make_shared<bytecode::CodeUnit>(*full);
    for (size_t i = 0; i < args.nkw(); ++i) {
        std::string_view k = as_str(args.kwnames->at(i))->view();
        Value v = args.kw_value(i);
        if (k == "co_flags" || k == "co_firstlineno" || k == "co_argcount" || k == "co_posonlyargcount" || k == "co_kwonlyargcount" ||
            k == "co_stacksize") {
            int64_t n = TRY(int_as_i64(v));
            if (k == "co_flags")
                unit->flags = uint32_t(n);
            else if (k == "co_firstlineno")
                unit->firstlineno = int(n);
            else if (k == "co_argcount")
                unit->argcount = int(n);
            else if (k == "co_posonlyargcount")
                unit->posonlyargcount = int(n);
            else if (k == "co_kwonlyargcount")
                unit->kwonlyargcount = int(n);
            else
                unit->stacksize = int(n);
        } else if (k == "co_name" || k == "co_qualname" || k == "co_filename") {
            if (!is_str(v))
                return throw_error(g_TypeError, "%s must be a str", std::string(k).c_str());
            (k == "co_name" ? unit->name : k == "co_qualname" ? unit->qualname : unit->filename) = as_str(v)->data();
        } else {
            return throw_error(g_TypeError, "replace() got an unexpected keyword argument '%s'", std::string(k).c_str());
        }
    }
    return Value(Code::create(unit));
}

// --- cells --------------------------------------------------------------------

void CellObject::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_value);
}

static Result<Value> cell_get_contents(Value self)
{
    Value v = static_cast<CellObject*>(self.as_object())->m_value;
    if (!v)
        return throw_error(g_ValueError, "Cell is empty");
    return v;
}

static Status cell_set_contents(Value self, Value v)
{
    static_cast<CellObject*>(self.as_object())->m_value = v;
    return ok();
}

static Result<Value> cell_repr(Value self)
{
    auto* c = static_cast<CellObject*>(self.as_object());
    char buf[128];
    if (!c->m_value)
        std::snprintf(buf, sizeof buf, "<cell at %p: empty>", static_cast<void*>(c));
    else
        std::snprintf(buf, sizeof buf, "<cell at %p: %s object at %p>", static_cast<void*>(c),
                      c->m_value.type()->m_name.c_str(), static_cast<void*>(c->m_value.object_or_null()));
    return Value(Str::create(buf));
}

// --- functions ----------------------------------------------------------------

void Function::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_code);
    v.visit(m_globals);
    v.visit(m_builtins);
    v.visit(m_name);
    v.visit(m_qualname);
    v.visit(m_defaults);
    v.visit(m_kwdefaults);
    v.visit(m_closure);
    v.visit(m_doc);
    v.visit(m_module);
    v.visit(m_annotations);
}

Function* make_function(Code* code, Dict* globals)
{
    Function* f = make<Function>(g_function_type);
    f->m_code = code;
    f->m_globals = globals;
    f->m_name = code->m_name;
    f->m_qualname = code->m_qualname;
    // CPython 3.11: co_consts[0] is the docstring when it is a str.
    f->m_doc = code->m_doc ? code->m_doc : none();
    // Interned once: get_str(string_view) would intern (hash and look up)
    // both keys on each of the thousands of calls a module import makes.
    // Interned strs are immortal, so keeping the pointers is safe.
    static Str* const s_name_key = Str::intern("__name__");
    static Str* const s_builtins_key = Str::intern("__builtins__");
    if (Value m = globals->get_str(s_name_key))
        f->m_module = m;
    else
        f->m_module = none();
    if (Value b = globals->get_str(s_builtins_key)) {
        if (is_dict(b))
            f->m_builtins = as_dict(b);
        else if (b.type()->m_layout == Layout::Module)
            f->m_builtins = b.as_object()->dict();
    }
    if (!f->m_builtins) {
        extern Dict* builtins_dict();
        f->m_builtins = builtins_dict();
    }
    return f;
}

static Function* as_function(Value v) { return static_cast<Function*>(v.as_object()); }

static Result<Value> function_get(Value descr, Value obj, Value type)
{
    if (!obj)
        return descr;
    return Value(make<Method>(g_method_type, descr, obj));
}

static Result<Value> function_repr(Value self)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(self.as_object()));
    return Value(Str::create("<function " + as_function(self)->m_qualname->data() + buf));
}

static Result<Value> function_get_name(Value self) { return Value(as_function(self)->m_name); }
static Status function_set_name(Value self, Value v)
{
    if (!v || !is_str(v))
        return throw_error(g_TypeError, "__name__ must be set to a string object");
    as_function(self)->m_name = as_str(v);
    return ok();
}
static Result<Value> function_get_qualname(Value self) { return Value(as_function(self)->m_qualname); }
static Status function_set_qualname(Value self, Value v)
{
    if (!v || !is_str(v))
        return throw_error(g_TypeError, "__qualname__ must be set to a string object");
    as_function(self)->m_qualname = as_str(v);
    return ok();
}
static Result<Value> function_get_doc(Value self) { return as_function(self)->m_doc; }
static Status function_set_doc(Value self, Value v)
{
    as_function(self)->m_doc = v ? v : none();
    return ok();
}
static Result<Value> function_get_module(Value self) { return as_function(self)->m_module; }
static Status function_set_module(Value self, Value v)
{
    as_function(self)->m_module = v ? v : none();
    return ok();
}
static Result<Value> function_get_defaults(Value self)
{
    Tuple* d = as_function(self)->m_defaults;
    return d ? Value(d) : none();
}
static Status function_set_defaults(Value self, Value v)
{
    if (v && !is_none(v) && !is_tuple(v))
        return throw_error(g_TypeError, "__defaults__ must be set to a tuple object");
    as_function(self)->m_defaults = (v && !is_none(v)) ? as_tuple(v) : nullptr;
    return ok();
}
static Result<Value> function_get_kwdefaults(Value self)
{
    Dict* d = as_function(self)->m_kwdefaults;
    return d ? Value(d) : none();
}
static Status function_set_kwdefaults(Value self, Value v)
{
    if (v && !is_none(v) && !is_dict(v))
        return throw_error(g_TypeError, "__kwdefaults__ must be set to a dict object");
    as_function(self)->m_kwdefaults = (v && !is_none(v)) ? as_dict(v) : nullptr;
    return ok();
}
static Result<Value> function_get_code(Value self) { return Value(as_function(self)->m_code); }
static Status function_set_code(Value self, Value v)
{
    if (!v || v.type() != g_code_type)
        return throw_error(g_TypeError, "__code__ must be set to a code object");
    as_function(self)->m_code = static_cast<Code*>(v.as_object());
    return ok();
}
static Result<Value> function_get_globals(Value self) { return Value(as_function(self)->m_globals); }
static Result<Value> function_get_builtins(Value self) { return Value(as_function(self)->m_builtins); }
static Result<Value> function_get_closure(Value self)
{
    Tuple* c = as_function(self)->m_closure;
    return c ? Value(c) : none();
}
static Result<Value> function_get_annotations(Value self)
{
    Function* f = as_function(self);
    if (!f->m_annotations || is_none(f->m_annotations))
        f->m_annotations = Dict::create();
    else if (is_tuple(f->m_annotations)) {
        // MAKE_FUNCTION may supply a flat (name, value, ...) tuple.
        Tuple* t = as_tuple(f->m_annotations);
        Dict* d = Dict::create();
        for (size_t i = 0; i + 1 < t->size(); i += 2)
            TRY(d->set(t->at(i), t->at(i + 1)));
        f->m_annotations = d;
    }
    return f->m_annotations;
}
static Status function_set_annotations(Value self, Value v)
{
    as_function(self)->m_annotations = v ? v : Value();
    return ok();
}
static Result<Value> object_get_dict_generic(Value self)
{
    Object* o = self.as_object();
    if (!o->dict())
        o->set_dict(Dict::create());
    return Value(o->dict());
}

// --- bound methods ------------------------------------------------------------

void Method::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_func);
    v.visit(m_self);
}

Value make_method(Value func, Value self) { return Value(make<Method>(g_method_type, func, self)); }

static Result<Value> method_call(Value callable, CallArgs args)
{
    auto* m = static_cast<Method*>(callable.as_object());
    size_t n = args.nargs + args.nkw();
    Value stack_buf[8];
    std::vector<Value> heap_buf;
    Value* buf = stack_buf;
    if (n + 1 > 8) {
        heap_buf.resize(n + 1);
        buf = heap_buf.data();
    }
    buf[0] = m->m_self;
    for (size_t i = 0; i < n; ++i)
        buf[i + 1] = args.items[i];
    return call(m->m_func, CallArgs { buf, args.nargs + 1, args.kwnames });
}

static Result<Value> method_repr(Value self)
{
    auto* m = static_cast<Method*>(self.as_object());
    Value qn = TRY(get_attr_optional(m->m_func, Str::intern("__qualname__")));
    std::string name = qn && is_str(qn) ? as_str(qn)->data() : "?";
    std::string self_repr = TRY(repr_text(m->m_self));
    return Value(Str::create("<bound method " + name + " of " + self_repr + ">"));
}

static Result<Value> method_getattro(Value self, Str* name)
{
    Type* tp = self.type();
    Value descr = type_lookup(tp, name);
    if (descr) {
        if (DescrGetFn get = descr.type()->descr_get)
            return get(descr, self, Value(tp));
        return descr;
    }
    return get_attr(static_cast<Method*>(self.as_object())->m_func, name);
}

static Result<Value> method_get_func(Value self) { return static_cast<Method*>(self.as_object())->m_func; }
static Result<Value> method_get_self(Value self) { return static_cast<Method*>(self.as_object())->m_self; }

static Result<Value> method_richcompare(Value a, Value b, CompareOp op)
{
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || b.type() != g_method_type)
        return Value(g_notimplemented);
    auto* ma = static_cast<Method*>(a.as_object());
    auto* mb = static_cast<Method*>(b.as_object());
    bool eq = ma->m_self.is(mb->m_self) && TRY(equals(ma->m_func, mb->m_func));
    return py_bool(op == CompareOp::Eq ? eq : !eq);
}

static Result<int64_t> method_hash(Value self)
{
    auto* m = static_cast<Method*>(self.as_object());
    int64_t a = TRY(hash(m->m_self));
    int64_t b = TRY(hash(m->m_func));
    int64_t h = a ^ b;
    return h == -1 ? -2 : h;
}

// --- slot wrappers --------------------------------------------------------------

void SlotWrapper::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_owner);
    v.visit(m_name);
}

static Result<Value> wrapper_call(Value callable, CallArgs args)
{
    auto* w = static_cast<SlotWrapper*>(callable.as_object());
    if (args.nargs < 1)
        return throw_error(g_TypeError, "descriptor '%s' of '%s' object needs an argument", w->m_name->c_str(),
                           w->m_owner->m_name.c_str());
    return slot_wrapper_invoke(callable, args[0], CallArgs { args.items + 1, args.nargs - 1, args.kwnames });
}

static Result<Value> wrapper_get(Value descr, Value obj, Value type)
{
    auto* w = static_cast<SlotWrapper*>(descr.as_object());
    if (!obj)
        return descr;
    if (int(w->m_slot) == int(SlotId::NEW))
        return descr;
    return make_method(descr, obj);
}

static Result<Value> wrapper_repr(Value self)
{
    auto* w = static_cast<SlotWrapper*>(self.as_object());
    return Value(Str::create("<slot wrapper '" + w->m_name->data() + "' of '" + w->m_owner->m_name + "' objects>"));
}

static Result<Value> wrapper_get_name(Value self) { return Value(static_cast<SlotWrapper*>(self.as_object())->m_name); }
static Result<Value> wrapper_get_qualname(Value self)
{
    auto* w = static_cast<SlotWrapper*>(self.as_object());
    return Value(Str::create(w->m_owner->m_name + "." + w->m_name->data()));
}
static Result<Value> wrapper_get_objclass(Value self) { return Value(static_cast<SlotWrapper*>(self.as_object())->m_owner); }

// --- property -------------------------------------------------------------------

void Property::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_get);
    v.visit(m_set);
    v.visit(m_del);
    v.visit(m_doc);
    v.visit(m_name);
}

static Result<Value> property_new(Type* type, CallArgs)
{
    auto* p = make<Property>(type);
    p->m_get = p->m_set = p->m_del = p->m_doc = none();
    return Value(p);
}

static Status property_init(Value self, CallArgs args)
{
    Value fget, fset, fdel, doc;
    TRY(parse_args(args, "property", { "fget", "fset", "fdel", "doc" }, 0, { &fget, &fset, &fdel, &doc }));
    auto* p = static_cast<Property*>(self.as_object());
    p->m_get = fget ? fget : none();
    p->m_set = fset ? fset : none();
    p->m_del = fdel ? fdel : none();
    if ((!doc || is_none(doc)) && fget && !is_none(fget)) {
        Value d = TRY(get_attr_optional(fget, Str::intern("__doc__")));
        doc = d;
    }
    p->m_doc = doc ? doc : none();
    return ok();
}

static Result<Value> property_get(Value descr, Value obj, Value type)
{
    auto* p = static_cast<Property*>(descr.as_object());
    if (!obj)
        return descr;
    if (is_none(p->m_get)) {
        if (p->m_name && is_str(p->m_name))
            return throw_error(g_AttributeError, "property '%s' of '%s' object has no getter", as_str(p->m_name)->c_str(),
                               obj.type()->m_name.c_str());
        return throw_error(g_AttributeError, "unreadable attribute");
    }
    return call(p->m_get, { obj });
}

static Status property_set(Value descr, Value obj, Value value)
{
    auto* p = static_cast<Property*>(descr.as_object());
    Value fn = value ? p->m_set : p->m_del;
    if (is_none(fn)) {
        std::string name = p->m_name && is_str(p->m_name) ? as_str(p->m_name)->data() : "";
        if (!name.empty())
            return throw_error(g_AttributeError, value ? "property '%s' of '%s' object has no setter"
                                                       : "property '%s' of '%s' object has no deleter",
                               name.c_str(), obj.type()->m_name.c_str());
        return throw_error(g_AttributeError, value ? "can't set attribute" : "can't delete attribute");
    }
    if (value)
        TRY(call(fn, { obj, value }));
    else
        TRY(call(fn, { obj }));
    return ok();
}

static Result<Value> property_copy(Value self, Value get, Value set, Value del)
{
    auto* p = static_cast<Property*>(self.as_object());
    Type* t = self.type();
    Value np;
    if (t == g_property_type) {
        auto* q = make<Property>(t);
        q->m_get = get;
        q->m_set = set;
        q->m_del = del;
        q->m_doc = p->m_doc;
        q->m_name = p->m_name;
        np = Value(q);
    } else {
        np = TRY(call(Value(t), { get, set, del, p->m_doc }));
    }
    return np;
}

static Result<Value> property_getter(Value self, CallArgs args)
{
    TRY(check_arity(args, "getter", 1, 1));
    auto* p = static_cast<Property*>(self.as_object());
    Value r = TRY(property_copy(self, args[0], p->m_set, p->m_del));
    auto* q = static_cast<Property*>(r.as_object());
    Value d = TRY(get_attr_optional(args[0], Str::intern("__doc__")));
    if (d && !is_none(d))
        q->m_doc = d;
    return r;
}
static Result<Value> property_setter(Value self, CallArgs args)
{
    TRY(check_arity(args, "setter", 1, 1));
    auto* p = static_cast<Property*>(self.as_object());
    return property_copy(self, p->m_get, args[0], p->m_del);
}
static Result<Value> property_deleter(Value self, CallArgs args)
{
    TRY(check_arity(args, "deleter", 1, 1));
    auto* p = static_cast<Property*>(self.as_object());
    return property_copy(self, p->m_get, p->m_set, args[0]);
}
static Result<Value> property_set_name(Value self, CallArgs args)
{
    TRY(check_arity(args, "__set_name__", 2, 2));
    static_cast<Property*>(self.as_object())->m_name = args[1];
    return none();
}
static Result<Value> property_get_fget(Value self) { return static_cast<Property*>(self.as_object())->m_get; }
static Result<Value> property_get_fset(Value self) { return static_cast<Property*>(self.as_object())->m_set; }
static Result<Value> property_get_fdel(Value self) { return static_cast<Property*>(self.as_object())->m_del; }
static Result<Value> property_get_doc(Value self) { return static_cast<Property*>(self.as_object())->m_doc; }
static Status property_set_doc(Value self, Value v)
{
    static_cast<Property*>(self.as_object())->m_doc = v ? v : none();
    return ok();
}
static Result<Value> property_get_isabstract(Value self)
{
    auto* p = static_cast<Property*>(self.as_object());
    for (Value f : { p->m_get, p->m_set, p->m_del }) {
        if (!f || is_none(f))
            continue;
        Value a = TRY(get_attr_optional(f, Str::intern("__isabstractmethod__")));
        if (a) {
            bool b = TRY(truthy(a));
            if (b)
                return py_bool(true);
        }
    }
    return py_bool(false);
}

// --- staticmethod / classmethod ------------------------------------------------------

void MethodWrapperObject::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_callable);
}

static Result<Value> smcm_new(Type* type, CallArgs args)
{
    TRY(check_arity(args, type->m_name.c_str(), 1, 1));
    return Value(make<MethodWrapperObject>(type, args[0]));
}

static Status smcm_init(Value self, CallArgs args)
{
    return ok();
}

static Result<Value> staticmethod_get(Value descr, Value obj, Value type)
{
    return static_cast<MethodWrapperObject*>(descr.as_object())->m_callable;
}

static Result<Value> staticmethod_call(Value self, CallArgs args)
{
    return call(static_cast<MethodWrapperObject*>(self.as_object())->m_callable, args);
}

static Result<Value> classmethod_get(Value descr, Value obj, Value type)
{
    Value cls = type ? type : Value(obj.type());
    Value f = static_cast<MethodWrapperObject*>(descr.as_object())->m_callable;
    return make_method(f, cls);
}

static Result<Value> smcm_get_func(Value self) { return static_cast<MethodWrapperObject*>(self.as_object())->m_callable; }
static Result<Value> smcm_get_isabstract(Value self)
{
    Value a = TRY(get_attr_optional(static_cast<MethodWrapperObject*>(self.as_object())->m_callable,
                                    Str::intern("__isabstractmethod__")));
    if (!a)
        return py_bool(false);
    return a;
}
static Result<Value> smcm_getattro(Value self, Str* name)
{
    // __doc__, __name__, ... come from the wrapped function (3.10+ behaviour).
    Result<Value> r = generic_getattr(self, name);
    if (r.is_ok() || !pending_matches(g_AttributeError))
        return r;
    std::string_view n = name->view();
    if (n == "__doc__" || n == "__name__" || n == "__qualname__" || n == "__module__" || n == "__annotations__") {
        take_pending();
        return get_attr(static_cast<MethodWrapperObject*>(self.as_object())->m_callable, name);
    }
    return r;
}

// --- modules --------------------------------------------------------------------

Module* Module::create(std::string_view name)
{
    Dict* d = Dict::create();
    d->set_str("__name__", Value(Str::create(name)));
    d->set_str("__doc__", none());
    d->set_str("__package__", none());
    d->set_str("__loader__", none());
    d->set_str("__spec__", none());
    return make<Module>(g_module_type, d);
}

Str* Module::name() const
{
    Value n = m_dict->get_str("__name__");
    return n && is_str(n) ? as_str(n) : nullptr;
}

std::string module_name_of(Value m)
{
    Str* n = static_cast<Module*>(m.as_object())->name();
    return n ? n->data() : "?";
}

static Result<Value> module_getattro(Value self, Str* name)
{
    Result<Value> r = generic_getattr(self, name);
    if (r.is_ok() || !pending_matches(g_AttributeError))
        return r;
    Dict* d = self.as_object()->dict();
    Value getattr = d->get_str("__getattr__");
    if (getattr) {
        take_pending();
        return call(getattr, { Value(name) });
    }
    take_pending();
    Str* mn = static_cast<Module*>(self.as_object())->name();
    return throw_error(g_AttributeError, "module '%s' has no attribute '%s'", mn ? mn->c_str() : "?", name->c_str());
}

static Result<Value> module_repr(Value self)
{
    Dict* d = self.as_object()->dict();
    Str* mn = static_cast<Module*>(self.as_object())->name();
    std::string name = mn ? mn->data() : "?";
    Value file = d->get_str("__file__");
    if (file && is_str(file))
        return Value(Str::create("<module '" + name + "' from '" + as_str(file)->data() + "'>"));
    return Value(Str::create("<module '" + name + "' (built-in)>"));
}

static Result<Value> module_new(Type* type, CallArgs args)
{
    Value name, doc;
    TRY(parse_args(args, "module", { "name", "doc" }, 1, { &name, &doc }));
    if (!is_str(name))
        return throw_error(g_TypeError, "module.__init__() argument 'name' must be str, not %s", name.type()->m_name.c_str());
    Module* m = Module::create(as_str(name)->view());
    m->set_type(type);
    if (doc)
        m->dict()->set_str("__doc__", doc);
    return Value(m);
}

static Status module_init(Value, CallArgs) { return ok(); }

static Result<Value> module_dir(Value self, CallArgs)
{
    List* out = List::create();
    Dict::Entry e;
    Dict* d = self.as_object()->dict();
    for (size_t pos = 0; d->next_entry(pos, e);)
        out->append(e.key);
    return Value(out);
}

void init_function_types()
{
    extern Type* g_member_descriptor_type;
    (void)g_member_descriptor_type;
    Type* t = g_code_type;
    t->repr = code_repr;
    add_getset(t, "co_name", code_get_name);
    add_getset(t, "co_qualname", code_get_qualname);
    add_getset(t, "co_filename", code_get_filename);
    add_getset(t, "co_firstlineno", code_get_firstlineno);
    add_getset(t, "co_argcount", code_get_argcount);
    add_getset(t, "co_posonlyargcount", code_get_posonlyargcount);
    add_getset(t, "co_kwonlyargcount", code_get_kwonlyargcount);
    add_getset(t, "co_flags", code_get_flags);
    add_getset(t, "co_nlocals", code_get_nlocals);
    add_getset(t, "co_stacksize", code_get_stacksize);
    add_getset(t, "co_consts", code_get_consts);
    add_getset(t, "co_names", code_get_names);
    add_getset(t, "co_varnames", code_get_varnames);
    add_getset(t, "co_cellvars", code_get_cellvars);
    add_getset(t, "co_freevars", code_get_freevars);
    add_getset(t, "co_code", code_get_code);
    add_method(t, "replace", code_replace);

    t = g_cell_type;
    t->repr = cell_repr;
    add_getset(t, "cell_contents", cell_get_contents, cell_set_contents);

    t = g_function_type;
    t->descr_get = function_get;
    t->repr = function_repr;
    t->m_flags |= TF_HAS_DICT;
    add_getset(t, "__name__", function_get_name, function_set_name);
    add_getset(t, "__qualname__", function_get_qualname, function_set_qualname);
    add_getset(t, "__doc__", function_get_doc, function_set_doc);
    add_getset(t, "__module__", function_get_module, function_set_module);
    add_getset(t, "__defaults__", function_get_defaults, function_set_defaults);
    add_getset(t, "__kwdefaults__", function_get_kwdefaults, function_set_kwdefaults);
    add_getset(t, "__code__", function_get_code, function_set_code);
    add_getset(t, "__globals__", function_get_globals);
    add_getset(t, "__builtins__", function_get_builtins);
    add_getset(t, "__closure__", function_get_closure);
    add_getset(t, "__annotations__", function_get_annotations, function_set_annotations);
    add_getset(t, "__dict__", object_get_dict_generic);

    t = g_method_type;
    t->call = method_call;
    t->repr = method_repr;
    t->getattro = method_getattro;
    t->richcompare = method_richcompare;
    t->hash = method_hash;
    add_getset(t, "__func__", method_get_func);
    add_getset(t, "__self__", method_get_self);

    t = g_wrapper_descriptor_type;
    t->call = wrapper_call;
    t->descr_get = wrapper_get;
    t->repr = wrapper_repr;
    add_getset(t, "__name__", wrapper_get_name);
    add_getset(t, "__qualname__", wrapper_get_qualname);
    add_getset(t, "__objclass__", wrapper_get_objclass);

    t = g_property_type;
    t->new_ = property_new;
    t->init = property_init;
    t->descr_get = property_get;
    t->descr_set = property_set;
    add_method(t, "getter", property_getter);
    add_method(t, "setter", property_setter);
    add_method(t, "deleter", property_deleter);
    add_method(t, "__set_name__", property_set_name);
    add_getset(t, "fget", property_get_fget);
    add_getset(t, "fset", property_get_fset);
    add_getset(t, "fdel", property_get_fdel);
    add_getset(t, "__doc__", property_get_doc, property_set_doc);
    add_getset(t, "__isabstractmethod__", property_get_isabstract);

    for (Type* smcm : { g_staticmethod_type, g_classmethod_type }) {
        smcm->new_ = smcm_new;
        smcm->init = smcm_init;
        smcm->getattro = smcm_getattro;
        smcm->m_flags |= TF_HAS_DICT;
        add_getset(smcm, "__func__", smcm_get_func);
        add_getset(smcm, "__wrapped__", smcm_get_func);
        add_getset(smcm, "__isabstractmethod__", smcm_get_isabstract);
    }
    g_staticmethod_type->descr_get = staticmethod_get;
    g_staticmethod_type->call = staticmethod_call;
    g_classmethod_type->descr_get = classmethod_get;

    t = g_module_type;
    t->getattro = module_getattro;
    t->setattro = generic_setattr;
    t->repr = module_repr;
    t->new_ = module_new;
    t->init = module_init;
    t->m_flags |= TF_HAS_DICT;
    add_getset(t, "__dict__", object_get_dict_generic);
    add_method(t, "__dir__", module_dir);
}

} // namespace adder
