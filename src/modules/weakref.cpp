// The _weakref module (ref/ReferenceType, proxy types, getweakrefcount,
// getweakrefs, _remove_dead_weakref) for a tracing GC without weak-reference
// support: a reference keeps its referent alive, so it never dies and its
// callback never runs (FIXME: real weak edges once src/gc supports them).
// Within that limit the behaviour is CPython's: one shared callback-free ref
// per object, referent-based hash/equality, the same reprs and TypeErrors.
#include "modules/stdlib_modules.h"
#include "objects/dict.h"

namespace adder {

static const char* k_weakref_prelude = R"PY(
_NO_WEAKREF = (int, float, complex, str, bytes, tuple, list, dict, set, frozenset, bool, type(None),
               type(NotImplemented), type(Ellipsis), bytearray, range, slice)
# id(referent) -> list of refs/proxies to it (referents never die, see the file comment).
_registry = {}

def _check(ob):
    if type(ob) in _NO_WEAKREF:
        raise TypeError(f"cannot create weak reference to '{type(ob).__name__}' object")

class ReferenceType:
    __slots__ = ('_ob', '__callback__', '_hash')
    def __new__(cls, ob, callback=None, /):
        _check(ob)
        refs = _registry.setdefault(id(ob), [])
        if callback is None and cls is ReferenceType:
            for r in refs:
                if type(r) is ReferenceType and r.__callback__ is None:
                    return r
        self = object.__new__(cls)
        self._ob = ob
        self.__callback__ = callback
        self._hash = None
        refs.append(self)
        return self
    def __init__(self, ob, callback=None, /):
        pass
    def __call__(self):
        return self._ob
    def __hash__(self):
        if self._hash is None:
            self._hash = hash(self._ob)
        return self._hash
    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        return self._ob == other._ob
    def __ne__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        return self._ob != other._ob
    def __repr__(self):
        ob = self._ob
        name = getattr(ob, '__name__', None)
        if isinstance(name, str):
            return f"<weakref at {id(self):#x}; to '{type(ob).__name__}' at {id(ob):#x} ({name})>"
        return f"<weakref at {id(self):#x}; to '{type(ob).__name__}' at {id(ob):#x}>"
    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

ReferenceType.__module__ = 'weakref'
ref = ReferenceType

def _unwrap(x):
    return object.__getattribute__(x, '_ob') if isinstance(x, (ProxyType, CallableProxyType)) else x

class ProxyType:
    __slots__ = ('_ob', '__callback__')
    def __getattribute__(self, name):
        return getattr(object.__getattribute__(self, '_ob'), name)
    def __setattr__(self, name, value):
        setattr(object.__getattribute__(self, '_ob'), name, value)
    def __delattr__(self, name):
        delattr(object.__getattribute__(self, '_ob'), name)
    def __repr__(self):
        ob = object.__getattribute__(self, '_ob')
        return f"<weakproxy at {id(self):#x} to {type(ob).__name__} at {id(ob):#x}>"
    def __str__(self): return str(_unwrap(self))
    def __bytes__(self): return bytes(_unwrap(self))
    def __bool__(self): return bool(_unwrap(self))
    def __len__(self): return len(_unwrap(self))
    def __iter__(self): return iter(_unwrap(self))
    def __next__(self): return next(_unwrap(self))
    def __contains__(self, item): return item in _unwrap(self)
    def __getitem__(self, key): return _unwrap(self)[key]
    def __setitem__(self, key, value): _unwrap(self)[key] = value
    def __delitem__(self, key): del _unwrap(self)[key]
    def __eq__(self, other): return _unwrap(self) == _unwrap(other)
    def __ne__(self, other): return _unwrap(self) != _unwrap(other)
    def __lt__(self, other): return _unwrap(self) < _unwrap(other)
    def __le__(self, other): return _unwrap(self) <= _unwrap(other)
    def __gt__(self, other): return _unwrap(self) > _unwrap(other)
    def __ge__(self, other): return _unwrap(self) >= _unwrap(other)
    def __add__(self, other): return _unwrap(self) + _unwrap(other)
    def __sub__(self, other): return _unwrap(self) - _unwrap(other)
    def __mul__(self, other): return _unwrap(self) * _unwrap(other)
    def __index__(self): return _unwrap(self).__index__()
    def __int__(self): return int(_unwrap(self))
    def __float__(self): return float(_unwrap(self))
    __hash__ = None

class CallableProxyType(ProxyType):
    __slots__ = ()
    def __call__(self, *args, **kwargs):
        return _unwrap(self)(*args, **kwargs)

ProxyType.__module__ = 'weakref'
CallableProxyType.__module__ = 'weakref'

def proxy(object, callback=None, /):
    _check(object)
    cls = CallableProxyType if callable(object) else ProxyType
    p = ProxyType.__new__(cls)
    builtins_object = type(ref).__mro__[-1]
    builtins_object.__setattr__(p, '_ob', object)
    builtins_object.__setattr__(p, '__callback__', callback)
    _registry.setdefault(id(object), []).append(p)
    return p

def getweakrefcount(object, /):
    return len(_registry.get(id(object), ()))

def getweakrefs(object, /):
    return list(_registry.get(id(object), ()))

def _remove_dead_weakref(dct, key, /):
    # References never die here (see the file comment): nothing is dead.
    pass
)PY";

Module* create_weakref_module()
{
    Module* m = Module::create("_weakref");
    if (stdmod::run_prelude(m, k_weakref_prelude).is_error())
        return nullptr;
    return m;
}

} // namespace adder
