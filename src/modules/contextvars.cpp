// The _contextvars module (PEP 567): ContextVar, Token, Context and
// copy_context for Adder's single thread. A Context is an immutable-looking
// mapping whose data dict is replaced (copy on write) by ContextVar.set, so a
// copied context never sees later changes. Written as a Python prelude.
#include "modules/stdlib_modules.h"
#include "objects/dict.h"

namespace adder {

static const char* k_contextvars_prelude = R"PY(
class _Missing:
    __slots__ = ()
    def __repr__(self):
        return '<Token.MISSING>'
_MISSING = _Missing()
_NO_DEFAULT = object()

class Context:
    __slots__ = ('_data', '_prev', '_entered')
    def __init__(self):
        self._data = {}
        self._prev = None
        self._entered = False
    def run(self, callable, /, *args, **kwargs):
        global _current
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self!r} is already entered")
        self._prev = _current
        self._entered = True
        _current = self
        try:
            return callable(*args, **kwargs)
        finally:
            _current = self._prev
            self._prev = None
            self._entered = False
    def copy(self):
        c = Context()
        c._data = self._data
        return c
    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data[var]
    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data.get(var, default)
    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return var in self._data
    def __len__(self):
        return len(self._data)
    def __iter__(self):
        return iter(self._data)
    def keys(self):
        return self._data.keys()
    def values(self):
        return self._data.values()
    def items(self):
        return self._data.items()
    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data
    __hash__ = None

_current = Context()

def copy_context():
    return _current.copy()

class ContextVar:
    __slots__ = ('_name', '_default')
    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default
    @property
    def name(self):
        return self._name
    def get(self, *args):
        if len(args) > 1:
            raise TypeError(f"get expected at most 1 argument, got {len(args)}")
        data = _current._data
        if self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)
    def set(self, value, /):
        ctx = _current
        data = dict(ctx._data)
        old = ctx._data.get(self, _MISSING)
        data[self] = value
        ctx._data = data
        return Token(ctx, self, old, _internal=True)
    def reset(self, token, /):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        if token._ctx is not _current:
            raise ValueError(f"{token!r} was created in a different Context")
        data = dict(_current._data)
        if token._old is _MISSING:
            data.pop(self, None)
        else:
            data[self] = token._old
        _current._data = data
        token._used = True
    def __hash__(self):
        return object.__hash__(self)
    def __repr__(self):
        d = '' if self._default is _NO_DEFAULT else f' default={self._default!r}'
        return f"<ContextVar name={self._name!r}{d} at {id(self):#x}>"
    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

class Token:
    __slots__ = ('_ctx', '_var', '_old', '_used')
    MISSING = _MISSING
    def __init__(self, ctx=None, var=None, old=None, *, _internal=False):
        if not _internal:
            raise RuntimeError("Tokens can only be created by ContextVars")
        self._ctx = ctx
        self._var = var
        self._old = old
        self._used = False
    @property
    def var(self):
        return self._var
    @property
    def old_value(self):
        return self._old
    def __repr__(self):
        used = ' used' if self._used else ''
        return f"<Token{used} var={self._var!r} at {id(self):#x}>"
    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)
)PY";

Module* create_contextvars_module()
{
    Module* m = Module::create("_contextvars");
    if (stdmod::run_prelude(m, k_contextvars_prelude).is_error())
        return nullptr;
    return m;
}

} // namespace adder
