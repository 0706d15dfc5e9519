// Future imports are only legal before any other statement except the
// docstring; every known feature except `annotations` is already mandatory
// in 3.11 and changes nothing here.
#include "compiler/future.h"

#include "bytecode/code.h"

namespace adder::compiler {

using namespace ast;

namespace {

bool is_docstring(const Stmt* s)
{
    if (s->kind != StmtKind::Expr)
        return false;
    const Expr* v = static_cast<const ExprStmt*>(s)->value;
    return v->kind == ExprKind::Constant && static_cast<const ast::Constant*>(v)->value.kind == ConstantValue::Kind::Str;
}

} // namespace

std::optional<FutureError> parse_future(const Mod* mod, uint32_t& flags)
{
    if (mod->kind == ModKind::Expression)
        return std::nullopt;
    bool done = false;
    for (size_t i = 0; i < mod->body.size(); ++i) {
        const Stmt* s = mod->body[i];
        if (done && s->loc.lineno > 0 && s->kind == StmtKind::ImportFrom) {
            auto* f = static_cast<const ImportFrom*>(s);
            if (f->module && *f->module == "__future__" && f->level == 0)
                return FutureError { "from __future__ imports must occur at the beginning of the file", s->loc };
            continue;
        }
        if (done)
            continue;
        if (i == 0 && is_docstring(s))
            continue;
        if (s->kind != StmtKind::ImportFrom) {
            done = true;
            continue;
        }
        auto* f = static_cast<const ImportFrom*>(s);
        if (!f->module || *f->module != "__future__" || f->level != 0) {
            done = true;
            continue;
        }
        for (const Alias* a : f->names) {
            const std::string& n = a->name;
            if (n == "nested_scopes" || n == "generators" || n == "division" || n == "absolute_import" || n == "with_statement"
                || n == "print_function" || n == "unicode_literals" || n == "generator_stop" || n == "barry_as_FLUFL") {
                continue; // FIXME: barry_as_FLUFL changes the grammar, which the parser does not model
            }
            if (n == "annotations") {
                flags |= bytecode::CO_FUTURE_ANNOTATIONS;
                continue;
            }
            if (n == "braces")
                return FutureError { "not a chance", s->loc };
            return FutureError { "future feature " + n + " is not defined", s->loc };
        }
    }
    return std::nullopt;
}

} // namespace adder::compiler
