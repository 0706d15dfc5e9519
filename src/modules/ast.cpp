// The _ast module: the AST node classes of CPython 3.11 (AST and every
// node type with its _fields, _attributes, __match_args__ and the None
// defaults of optional fields), their constructor rules, and the PyCF_*
// flags, so that ast, inspect, dataclasses, pprint and unittest import. The
// class table is generated from Python's ASDL grammar (Parser/Python.asdl)
// as exposed by CPython 3.11's _ast.
// The conversions between these objects and the C++ AST (ast.parse,
// compile() of a tree) live in ast_convert.cpp, which learns the classes
// from register_ast_module().
#include "modules/stdlib_modules.h"
#include "objects/dict.h"

namespace adder {

Status register_ast_module(Module* m); // ast_convert.cpp

static const char* k_ast_prelude = R"PY(
class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()
    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError(f"{type(self).__name__} constructor takes at most {n} positional argument{'' if n == 1 else 's'}")
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)
    def __reduce__(self):
        return type(self), (), dict(self.__dict__) or None

class operator(AST):
    _fields = ()
    _attributes = ()
    __match_args__ = ()
class Add(operator):
    _fields = ()
    __match_args__ = ()
class boolop(AST):
    _fields = ()
    _attributes = ()
    __match_args__ = ()
class And(boolop):
    _fields = ()
    __match_args__ = ()
class stmt(AST):
    _fields = ()
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    end_lineno = None
    end_col_offset = None
    __match_args__ = ()
class AnnAssign(stmt):
    _fields = ('target', 'annotation', 'value', 'simple')
    value = None
    __match_args__ = ('target', 'annotation', 'value', 'simple')
class Assert(stmt):
    _fields = ('test', 'msg')
    msg = None
    __match_args__ = ('test', 'msg')
class Assign(stmt):
    _fields = ('targets', 'value', 'type_comment')
    type_comment = None
    __match_args__ = ('targets', 'value', 'type_comment')
class AsyncFor(stmt):
    _fields = ('target', 'iter', 'body', 'orelse', 'type_comment')
    type_comment = None
    __match_args__ = ('target', 'iter', 'body', 'orelse', 'type_comment')
class AsyncFunctionDef(stmt):
    _fields = ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment')
    returns = None
    type_comment = None
    __match_args__ = ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment')
class AsyncWith(stmt):
    _fields = ('items', 'body', 'type_comment')
    type_comment = None
    __match_args__ = ('items', 'body', 'type_comment')
class expr(AST):
    _fields = ()
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    end_lineno = None
    end_col_offset = None
    __match_args__ = ()
class Attribute(expr):
    _fields = ('value', 'attr', 'ctx')
    __match_args__ = ('value', 'attr', 'ctx')
class AugAssign(stmt):
    _fields = ('target', 'op', 'value')
    __match_args__ = ('target', 'op', 'value')
class Await(expr):
    _fields = ('value',)
    __match_args__ = ('value',)
class BinOp(expr):
    _fields = ('left', 'op', 'right')
    __match_args__ = ('left', 'op', 'right')
class BitAnd(operator):
    _fields = ()
    __match_args__ = ()
class BitOr(operator):
    _fields = ()
    __match_args__ = ()
class BitXor(operator):
    _fields = ()
    __match_args__ = ()
class BoolOp(expr):
    _fields = ('op', 'values')
    __match_args__ = ('op', 'values')
class Break(stmt):
    _fields = ()
    __match_args__ = ()
class Call(expr):
    _fields = ('func', 'args', 'keywords')
    __match_args__ = ('func', 'args', 'keywords')
class ClassDef(stmt):
    _fields = ('name', 'bases', 'keywords', 'body', 'decorator_list')
    __match_args__ = ('name', 'bases', 'keywords', 'body', 'decorator_list')
class Compare(expr):
    _fields = ('left', 'ops', 'comparators')
    __match_args__ = ('left', 'ops', 'comparators')
class Constant(expr):
    _fields = ('value', 'kind')
    kind = None
    __match_args__ = ('value', 'kind')
class Continue(stmt):
    _fields = ()
    __match_args__ = ()
class expr_context(AST):
    _fields = ()
    _attributes = ()
    __match_args__ = ()
class Del(expr_context):
    _fields = ()
    __match_args__ = ()
class Delete(stmt):
    _fields = ('targets',)
    __match_args__ = ('targets',)
class Dict(expr):
    _fields = ('keys', 'values')
    __match_args__ = ('keys', 'values')
class DictComp(expr):
    _fields = ('key', 'value', 'generators')
    __match_args__ = ('key', 'value', 'generators')
class Div(operator):
    _fields = ()
    __match_args__ = ()
class cmpop(AST):
    _fields = ()
    _attributes = ()
    __match_args__ = ()
class Eq(cmpop):
    _fields = ()
    __match_args__ = ()
class excepthandler(AST):
    _fields = ()
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    end_lineno = None
    end_col_offset = None
    __match_args__ = ()
class ExceptHandler(excepthandler):
    _fields = ('type', 'name', 'body')
    type = None
    name = None
    __match_args__ = ('type', 'name', 'body')
class Expr(stmt):
    _fields = ('value',)
    __match_args__ = ('value',)
class mod(AST):
    _fields = ()
    _attributes = ()
    __match_args__ = ()
class Expression(mod):
    _fields = ('body',)
    __match_args__ = ('body',)
class FloorDiv(operator):
    _fields = ()
    __match_args__ = ()
class For(stmt):
    _fields = ('target', 'iter', 'body', 'orelse', 'type_comment')
    type_comment = None
    __match_args__ = ('target', 'iter', 'body', 'orelse', 'type_comment')
class FormattedValue(expr):
    _fields = ('value', 'conversion', 'format_spec')
    format_spec = None
    __match_args__ = ('value', 'conversion', 'format_spec')
class FunctionDef(stmt):
    _fields = ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment')
    returns = None
    type_comment = None
    __match_args__ = ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment')
class FunctionType(mod):
    _fields = ('argtypes', 'returns')
    __match_args__ = ('argtypes', 'returns')
class GeneratorExp(expr):
    _fields = ('elt', 'generators')
    __match_args__ = ('elt', 'generators')
class Global(stmt):
    _fields = ('names',)
    __match_args__ = ('names',)
class Gt(cmpop):
    _fields = ()
    __match_args__ = ()
class GtE(cmpop):
    _fields = ()
    __match_args__ = ()
class If(stmt):
    _fields = ('test', 'body', 'orelse')
    __match_args__ = ('test', 'body', 'orelse')
class IfExp(expr):
    _fields = ('test', 'body', 'orelse')
    __match_args__ = ('test', 'body', 'orelse')
class Import(stmt):
    _fields = ('names',)
    __match_args__ = ('names',)
class ImportFrom(stmt):
    _fields = ('module', 'names', 'level')
    module = None
    level = None
    __match_args__ = ('module', 'names', 'level')
class In(cmpop):
    _fields = ()
    __match_args__ = ()
class Interactive(mod):
    _fields = ('body',)
    __match_args__ = ('body',)
class unaryop(AST):
    _fields = ()
    _attributes = ()
    __match_args__ = ()
class Invert(unaryop):
    _fields = ()
    __match_args__ = ()
class Is(cmpop):
    _fields = ()
    __match_args__ = ()
class IsNot(cmpop):
    _fields = ()
    __match_args__ = ()
class JoinedStr(expr):
    _fields = ('values',)
    __match_args__ = ('values',)
class LShift(operator):
    _fields = ()
    __match_args__ = ()
class Lambda(expr):
    _fields = ('args', 'body')
    __match_args__ = ('args', 'body')
class List(expr):
    _fields = ('elts', 'ctx')
    __match_args__ = ('elts', 'ctx')
class ListComp(expr):
    _fields = ('elt', 'generators')
    __match_args__ = ('elt', 'generators')
class Load(expr_context):
    _fields = ()
    __match_args__ = ()
class Lt(cmpop):
    _fields = ()
    __match_args__ = ()
class LtE(cmpop):
    _fields = ()
    __match_args__ = ()
class MatMult(operator):
    _fields = ()
    __match_args__ = ()
class Match(stmt):
    _fields = ('subject', 'cases')
    __match_args__ = ('subject', 'cases')
class pattern(AST):
    _fields = ()
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    __match_args__ = ()
class MatchAs(pattern):
    _fields = ('pattern', 'name')
    pattern = None
    name = None
    __match_args__ = ('pattern', 'name')
class MatchClass(pattern):
    _fields = ('cls', 'patterns', 'kwd_attrs', 'kwd_patterns')
    __match_args__ = ('cls', 'patterns', 'kwd_attrs', 'kwd_patterns')
class MatchMapping(pattern):
    _fields = ('keys', 'patterns', 'rest')
    rest = None
    __match_args__ = ('keys', 'patterns', 'rest')
class MatchOr(pattern):
    _fields = ('patterns',)
    __match_args__ = ('patterns',)
class MatchSequence(pattern):
    _fields = ('patterns',)
    __match_args__ = ('patterns',)
class MatchSingleton(pattern):
    _fields = ('value',)
    __match_args__ = ('value',)
class MatchStar(pattern):
    _fields = ('name',)
    name = None
    __match_args__ = ('name',)
class MatchValue(pattern):
    _fields = ('value',)
    __match_args__ = ('value',)
class Mod(operator):
    _fields = ()
    __match_args__ = ()
class Module(mod):
    _fields = ('body', 'type_ignores')
    __match_args__ = ('body', 'type_ignores')
class Mult(operator):
    _fields = ()
    __match_args__ = ()
class Name(expr):
    _fields = ('id', 'ctx')
    __match_args__ = ('id', 'ctx')
class NamedExpr(expr):
    _fields = ('target', 'value')
    __match_args__ = ('target', 'value')
class Nonlocal(stmt):
    _fields = ('names',)
    __match_args__ = ('names',)
class Not(unaryop):
    _fields = ()
    __match_args__ = ()
class NotEq(cmpop):
    _fields = ()
    __match_args__ = ()
class NotIn(cmpop):
    _fields = ()
    __match_args__ = ()
class Or(boolop):
    _fields = ()
    __match_args__ = ()
class Pass(stmt):
    _fields = ()
    __match_args__ = ()
class Pow(operator):
    _fields = ()
    __match_args__ = ()
class RShift(operator):
    _fields = ()
    __match_args__ = ()
class Raise(stmt):
    _fields = ('exc', 'cause')
    exc = None
    cause = None
    __match_args__ = ('exc', 'cause')
class Return(stmt):
    _fields = ('value',)
    value = None
    __match_args__ = ('value',)
class Set(expr):
    _fields = ('elts',)
    __match_args__ = ('elts',)
class SetComp(expr):
    _fields = ('elt', 'generators')
    __match_args__ = ('elt', 'generators')
class Slice(expr):
    _fields = ('lower', 'upper', 'step')
    lower = None
    upper = None
    step = None
    __match_args__ = ('lower', 'upper', 'step')
class Starred(expr):
    _fields = ('value', 'ctx')
    __match_args__ = ('value', 'ctx')
class Store(expr_context):
    _fields = ()
    __match_args__ = ()
class Sub(operator):
    _fields = ()
    __match_args__ = ()
class Subscript(expr):
    _fields = ('value', 'slice', 'ctx')
    __match_args__ = ('value', 'slice', 'ctx')
class Try(stmt):
    _fields = ('body', 'handlers', 'orelse', 'finalbody')
    __match_args__ = ('body', 'handlers', 'orelse', 'finalbody')
class TryStar(stmt):
    _fields = ('body', 'handlers', 'orelse', 'finalbody')
    __match_args__ = ('body', 'handlers', 'orelse', 'finalbody')
class Tuple(expr):
    _fields = ('elts', 'ctx')
    __match_args__ = ('elts', 'ctx')
class type_ignore(AST):
    _fields = ()
    _attributes = ()
    __match_args__ = ()
class TypeIgnore(type_ignore):
    _fields = ('lineno', 'tag')
    __match_args__ = ('lineno', 'tag')
class UAdd(unaryop):
    _fields = ()
    __match_args__ = ()
class USub(unaryop):
    _fields = ()
    __match_args__ = ()
class UnaryOp(expr):
    _fields = ('op', 'operand')
    __match_args__ = ('op', 'operand')
class While(stmt):
    _fields = ('test', 'body', 'orelse')
    __match_args__ = ('test', 'body', 'orelse')
class With(stmt):
    _fields = ('items', 'body', 'type_comment')
    type_comment = None
    __match_args__ = ('items', 'body', 'type_comment')
class Yield(expr):
    _fields = ('value',)
    value = None
    __match_args__ = ('value',)
class YieldFrom(expr):
    _fields = ('value',)
    __match_args__ = ('value',)
class BuiltinImporter(object):
    pass
class alias(AST):
    _fields = ('name', 'asname')
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    asname = None
    end_lineno = None
    end_col_offset = None
    __match_args__ = ('name', 'asname')
class arg(AST):
    _fields = ('arg', 'annotation', 'type_comment')
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    annotation = None
    type_comment = None
    end_lineno = None
    end_col_offset = None
    __match_args__ = ('arg', 'annotation', 'type_comment')
class arguments(AST):
    _fields = ('posonlyargs', 'args', 'vararg', 'kwonlyargs', 'kw_defaults', 'kwarg', 'defaults')
    _attributes = ()
    vararg = None
    kwarg = None
    __match_args__ = ('posonlyargs', 'args', 'vararg', 'kwonlyargs', 'kw_defaults', 'kwarg', 'defaults')
class comprehension(AST):
    _fields = ('target', 'iter', 'ifs', 'is_async')
    _attributes = ()
    __match_args__ = ('target', 'iter', 'ifs', 'is_async')
class keyword(AST):
    _fields = ('arg', 'value')
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    arg = None
    end_lineno = None
    end_col_offset = None
    __match_args__ = ('arg', 'value')
class match_case(AST):
    _fields = ('pattern', 'guard', 'body')
    _attributes = ()
    guard = None
    __match_args__ = ('pattern', 'guard', 'body')
class withitem(AST):
    _fields = ('context_expr', 'optional_vars')
    _attributes = ()
    optional_vars = None
    __match_args__ = ('context_expr', 'optional_vars')
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192
PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096

for _c in list(globals().values()):
    if isinstance(_c, type) and issubclass(_c, AST):
        _c.__module__ = 'ast'
del _c
)PY";

Module* create_ast_module()
{
    Module* m = Module::create("_ast");
    if (stdmod::run_prelude(m, k_ast_prelude).is_error() || register_ast_module(m).is_error())
        return nullptr;
    return m;
}

} // namespace adder
