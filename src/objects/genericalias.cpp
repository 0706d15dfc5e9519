// types.GenericAlias (`list[int]`) and types.UnionType (`int | None`), the
// parts annotations and typing need: repr, __origin__/__args__/
// __parameters__, equality, hashing, calling the origin, `|` chaining and
// __mro_entries__. Matches Objects/genericaliasobject.c and unionobject.c.
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

Type* g_generic_alias_type;
Type* g_union_type;

class AliasObject : public Object {
public:
    AliasObject(Type* t, Value origin, Tuple* args) : Object(t), m_origin(origin), m_args(args) {}
    void visit_edges(gc::Visitor& v) override
    {
        Object::visit_edges(v);
        v.visit(m_origin);
        v.visit(m_args);
    }
    Value m_origin; // null for unions
    Tuple* m_args;
};

static AliasObject* as_alias(Value v) { return static_cast<AliasObject*>(v.as_object()); }

// ga_repr_item: types print as module.qualname (no module for builtins).
static Result<std::string> repr_item(Value v)
{
    if (v.is(g_ellipsis))
        return std::string("...");
    if (is_type(v)) {
        Type* t = as_type(v);
        Value mod = t->dict()->get_str("__module__");
        std::string q = type_qualname(t);
        if (mod && is_str(mod) && as_str(mod)->view() != "builtins")
            return as_str(mod)->data() + "." + q;
        return q;
    }
    return repr_text(v);
}

static Tuple* as_args_tuple(Value item)
{
    if (is_tuple(item))
        return as_tuple(item);
    return Tuple::create({ item });
}

Value make_generic_alias(Value origin, Value item)
{
    return Value(make<AliasObject>(g_generic_alias_type, origin, as_args_tuple(item)));
}

static Result<Value> alias_repr(Value self)
{
    AliasObject* a = as_alias(self);
    std::string out;
    if (self.type()->is_subtype_of(g_union_type)) {
        for (size_t i = 0; i < a->m_args->size(); ++i) {
            if (i)
                out += " | ";
            Value x = a->m_args->at(i);
            out += is_none(x) || x.is(Value(g_none_type)) ? std::string("None") : TRY(repr_item(x));
        }
        return Value(Str::create(out));
    }
    out = TRY(repr_item(a->m_origin));
    out += "[";
    if (a->m_args->size() == 0)
        out += "()";
    for (size_t i = 0; i < a->m_args->size(); ++i) {
        if (i)
            out += ", ";
        out += TRY(repr_item(a->m_args->at(i)));
    }
    return Value(Str::create(out + "]"));
}

static Result<Value> alias_getattro(Value self, Str* name)
{
    AliasObject* a = as_alias(self);
    std::string_view n = name->view();
    if (n == "__origin__" && a->m_origin)
        return a->m_origin;
    if (n == "__args__")
        return Value(a->m_args);
    if (n == "__parameters__")
        return Value(Tuple::empty());
    if (n == "__class__")
        return Value(self.type());
    Result<Value> r = generic_getattr(self, name);
    if (r.is_ok() || !a->m_origin || !pending_matches(g_AttributeError))
        return r;
    if (n.size() > 4 && n.starts_with("__") && n.ends_with("__"))
        return r;
    take_pending();
    return get_attr(a->m_origin, name);
}

static Result<Value> alias_call(Value self, CallArgs args)
{
    AliasObject* a = as_alias(self);
    if (!a->m_origin)
        return throw_error(g_TypeError, "'types.UnionType' object is not callable");
    return call(a->m_origin, args);
}

static Result<Value> alias_richcompare(Value a, Value b, CompareOp op)
{
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || b.type() != a.type())
        return Value(g_notimplemented);
    AliasObject* x = as_alias(a);
    AliasObject* y = as_alias(b);
    bool eq = (x->m_origin ? x->m_origin.is(y->m_origin) : true);
    if (eq)
        eq = TRY(equals(Value(x->m_args), Value(y->m_args)));
    return py_bool(op == CompareOp::Eq ? eq : !eq);
}

static Result<int64_t> alias_hash(Value self)
{
    AliasObject* a = as_alias(self);
    int64_t h = TRY(hash(Value(a->m_args)));
    if (a->m_origin)
        h ^= TRY(hash(a->m_origin));
    return h == -1 ? -2 : h;
}

static bool unionable(Value v)
{
    return is_none(v) || is_type(v) || (v.is_object() && (v.type() == g_generic_alias_type || v.type() == g_union_type));
}

Result<Value> make_union(Value a, Value b)
{
    if (!unionable(a) || !unionable(b))
        return Value(g_notimplemented);
    std::vector<Value> items;
    auto add = [&](Value v) -> Status {
        if (is_none(v))
            v = Value(g_none_type);
        if (v.is_object() && v.type() == g_union_type) {
            for (Value x : as_alias(v)->m_args->items())
                items.push_back(x);
            return ok();
        }
        items.push_back(v);
        return ok();
    };
    TRY(add(a));
    TRY(add(b));
    std::vector<Value> dedup;
    for (Value v : items) {
        bool seen = false;
        for (Value w : dedup)
            if (w.is(v))
                seen = true;
        if (!seen)
            dedup.push_back(v);
    }
    if (dedup.size() == 1)
        return dedup[0];
    return Value(make<AliasObject>(g_union_type, Value(), Tuple::create(std::move(dedup))));
}

static Result<Value> alias_or(Value a, Value b) { return make_union(a, b); }

static Result<Value> alias_mro_entries(Value self, CallArgs)
{
    return Value(Tuple::create({ as_alias(self)->m_origin }));
}

static Result<Value> alias_instancecheck(Value, CallArgs)
{
    return throw_error(g_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

Result<Value> builtin_class_getitem(Value cls, CallArgs args)
{
    TRY(check_arity(args, "__class_getitem__", 1, 1));
    return make_generic_alias(cls, args[0]);
}

static Result<Value> alias_new(Type* type, CallArgs args)
{
    TRY(no_keywords(args, "GenericAlias"));
    TRY(check_arity(args, "GenericAlias", 2, 2));
    return Value(make<AliasObject>(type, args[0], as_args_tuple(args[1])));
}

static Status alias_init(Value, CallArgs) { return ok(); }

void init_generic_alias_types()
{
    g_generic_alias_type = new_builtin_type("GenericAlias", g_object_type, Layout::Other, TF_BASETYPE | TF_HAS_DICT);
    g_generic_alias_type->new_ = alias_new;
    g_generic_alias_type->init = alias_init;
    g_union_type = new_builtin_type("UnionType", g_object_type, Layout::Other, 0);
    for (Type* t : { g_generic_alias_type, g_union_type }) {
        t->repr = alias_repr;
        t->getattro = alias_getattro;
        t->call = alias_call;
        t->richcompare = alias_richcompare;
        t->hash = alias_hash;
        t->nb[NB_OR] = alias_or;
        type_ready(t);
        t->dict()->set_str("__module__", Value(Str::intern("types")));
    }
    add_method(g_generic_alias_type, "__mro_entries__", alias_mro_entries);
    add_method(g_generic_alias_type, "__instancecheck__", alias_instancecheck);
    for (Type* t : { g_list_type, g_dict_type, g_tuple_type, g_set_type, g_frozenset_type, g_type_type })
        add_method(t, "__class_getitem__", builtin_class_getitem, MethodKind::Class);
}

} // namespace adder
