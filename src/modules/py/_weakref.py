"""Stand-in for CPython's _weakref: references are strong (FIXME: real weak refs)."""


class ref:
    def __new__(cls, obj, callback=None, *args, **kwargs):
        self = object.__new__(cls)
        self._obj = obj
        self._callback = callback
        return self

    def __init__(self, *args, **kwargs):
        pass

    def __call__(self):
        return self._obj

    def __hash__(self):
        return hash(self._obj)

    def __eq__(self, other):
        if isinstance(other, ref):
            return self._obj is other._obj or self._obj == other._obj
        return NotImplemented

    def __repr__(self):
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), type(self._obj).__name__, id(self._obj))

    @property
    def __callback__(self):
        return self._callback

    def __class_getitem__(cls, item):
        return cls


ReferenceType = ref


def proxy(obj, callback=None):
    return obj


ProxyType = type(None)
CallableProxyType = type(None)


def getweakrefcount(obj):
    return 0


def getweakrefs(obj):
    return []


def _remove_dead_weakref(d, key):
    d.pop(key, None)
