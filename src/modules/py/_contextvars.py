"""Stand-in for CPython's _contextvars (one thread, one context)."""

_MISSING = object()


class Token:
    MISSING = _MISSING

    def __init__(self, var, old_value):
        self.var = var
        self.old_value = old_value
        self._used = False

    def __class_getitem__(cls, item):
        return cls


class Context:
    def __init__(self):
        self._data = {}

    def run(self, callable, *args, **kwargs):
        global _current
        saved = _current
        _current = self
        try:
            return callable(*args, **kwargs)
        finally:
            _current = saved

    def copy(self):
        c = Context()
        c._data = dict(self._data)
        return c

    def __getitem__(self, var):
        return self._data[var]

    def get(self, var, default=None):
        return self._data.get(var, default)

    def __contains__(self, var):
        return var in self._data

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()


_current = Context()


def copy_context():
    return _current.copy()


class ContextVar:
    def __init__(self, name, *, default=_MISSING):
        self.name = name
        self._default = default

    def get(self, *args):
        if self in _current._data:
            return _current._data[self]
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        old = _current._data.get(self, _MISSING)
        _current._data[self] = value
        return Token(self, old)

    def reset(self, token):
        if token._used:
            raise RuntimeError("Token has already been used once")
        token._used = True
        if token.old_value is _MISSING:
            _current._data.pop(self, None)
        else:
            _current._data[self] = token.old_value

    def __hash__(self):
        return id(self)

    def __repr__(self):
        return "<ContextVar name=%r at 0x%x>" % (self.name, id(self))

    def __class_getitem__(cls, item):
        return cls
