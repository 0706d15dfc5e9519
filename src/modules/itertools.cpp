// The itertools module: every iterator type of CPython 3.11's itertools
// (count, cycle, repeat, accumulate, chain, compress, dropwhile, filterfalse,
// groupby/_grouper, islice, pairwise, starmap, takewhile, tee/_tee,
// zip_longest, product, permutations, combinations,
// combinations_with_replacement) with CPython's type names, reprs, eager
// argument checks and error messages. They are written as Python classes in a
// prelude (exact semantics first); count, repeat, islice and chain are then
// replaced by the C++ types of itertools_native.cpp.
// FIXME: port zip_longest, product, groupby, tee to C++ for speed; __reduce__/__setstate__ (pickle
// support) and __length_hint__ are not provided yet.
#include "modules/stdlib_modules.h"
#include "objects/dict.h"

namespace adder {

static const char* k_itertools_prelude = R"PY(
_NULL = object()   # CPython's NULL in the C state
_maxsize = 9223372036854775807

def _noiter(it):
    return it

class count:
    __slots__ = ('_n', '_step')
    def __new__(cls, start=0, step=1):
        for v in (start, step):
            if not (isinstance(v, (int, float, complex)) or hasattr(type(v), '__index__')
                    or hasattr(type(v), '__float__') or hasattr(type(v), '__int__')):
                raise TypeError("a number is required")
        self = object.__new__(cls)
        self._n = start
        self._step = step
        return self
    def __iter__(self):
        return self
    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n
    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return f"{type(self).__name__}({self._n!r})"
        return f"{type(self).__name__}({self._n!r}, {step!r})"

class cycle:
    __slots__ = ('_it', '_saved', '_index', '_firstpass')
    def __new__(cls, iterable, /):
        self = object.__new__(cls)
        self._it = iter(iterable)
        self._saved = []
        self._index = 0
        self._firstpass = True
        return self
    def __iter__(self):
        return self
    def __next__(self):
        if self._it is not None:
            for item in self._it:
                self._saved.append(item)
                return item
            self._it = None
            self._firstpass = False
        saved = self._saved
        if not saved:
            raise StopIteration
        item = saved[self._index]
        self._index = (self._index + 1) % len(saved)
        return item

class repeat:
    __slots__ = ('_ob', '_cnt')
    def __new__(cls, object, times=None):
        self = type(cls).__mro__[-1].__new__(cls)
        self._ob = object
        if times is None:
            self._cnt = -1
        else:
            times = times.__index__() if not isinstance(times, int) else times
            self._cnt = times if times > 0 else 0
        return self
    def __iter__(self):
        return self
    def __next__(self):
        if self._cnt == 0:
            raise StopIteration
        if self._cnt > 0:
            self._cnt -= 1
        return self._ob
    def __length_hint__(self):
        if self._cnt < 0:
            raise TypeError("len() of unsized object")
        return self._cnt
    def __repr__(self):
        if self._cnt == -1:
            return f"{type(self).__name__}({self._ob!r})"
        return f"{type(self).__name__}({self._ob!r}, {self._cnt})"

class accumulate:
    __slots__ = ('_it', '_func', '_total', '_initial')
    def __new__(cls, iterable, func=None, *, initial=None):
        self = object.__new__(cls)
        self._it = iter(iterable)
        self._func = func
        self._total = _NULL
        self._initial = initial
        return self
    def __iter__(self):
        return self
    def __next__(self):
        if self._initial is not None:
            self._total = self._initial
            self._initial = None
            return self._total
        value = next(self._it)
        if self._total is _NULL:
            self._total = value
        elif self._func is None:
            self._total = self._total + value
        else:
            self._total = self._func(self._total, value)
        return self._total

class chain:
    __slots__ = ('_source', '_active')
    def __new__(cls, *iterables, **kw):
        if kw and cls is chain:
            raise TypeError("chain() takes no keyword arguments")
        self = object.__new__(cls)
        self._source = iter(iterables)
        self._active = None
        return self
    @classmethod
    def from_iterable(cls, iterable, /):
        self = object.__new__(cls)
        self._source = iter(iterable)
        self._active = None
        return self
    def __iter__(self):
        return self
    def __next__(self):
        while self._source is not None:
            if self._active is None:
                try:
                    iterable = next(self._source)
                except StopIteration:
                    self._source = None
                    raise
                self._active = iter(iterable)
            for item in self._active:
                return item
            self._active = None
        raise StopIteration
    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

class compress:
    __slots__ = ('_data', '_selectors')
    def __new__(cls, data, selectors):
        self = object.__new__(cls)
        self._data = iter(data)
        self._selectors = iter(selectors)
        return self
    def __iter__(self):
        return self
    def __next__(self):
        data = self._data
        selectors = self._selectors
        while True:
            d = next(data)
            if next(selectors):
                return d

class dropwhile:
    __slots__ = ('_pred', '_it', '_done')
    def __new__(cls, predicate, iterable, /):
        self = object.__new__(cls)
        self._pred = predicate
        self._it = iter(iterable)
        self._done = False
        return self
    def __iter__(self):
        return self
    def __next__(self):
        it = self._it
        if self._done:
            return next(it)
        while True:
            item = next(it)
            if not self._pred(item):
                self._done = True
                return item

class takewhile:
    __slots__ = ('_pred', '_it', '_stop')
    def __new__(cls, predicate, iterable, /):
        self = object.__new__(cls)
        self._pred = predicate
        self._it = iter(iterable)
        self._stop = False
        return self
    def __iter__(self):
        return self
    def __next__(self):
        if self._stop:
            raise StopIteration
        item = next(self._it)
        if self._pred(item):
            return item
        self._stop = True
        raise StopIteration

class filterfalse:
    __slots__ = ('_pred', '_it')
    def __new__(cls, function, iterable, /):
        self = object.__new__(cls)
        self._pred = function
        self._it = iter(iterable)
        return self
    def __iter__(self):
        return self
    def __next__(self):
        pred = self._pred
        while True:
            item = next(self._it)
            if pred is None:
                if not item:
                    return item
            elif not pred(item):
                return item

class starmap:
    __slots__ = ('_func', '_it')
    def __new__(cls, *args, **kw):
        if kw and cls is starmap:
            raise TypeError("starmap() takes no keyword arguments")
        if len(args) != 2:
            raise TypeError(f"starmap expected 2 arguments, got {len(args)}")
        self = object.__new__(cls)
        self._func = args[0]
        self._it = iter(args[1])
        return self
    def __iter__(self):
        return self
    def __next__(self):
        args = next(self._it)
        if not isinstance(args, tuple):
            args = tuple(args)
        return self._func(*args)

class pairwise:
    __slots__ = ('_it', '_old')
    def __new__(cls, iterable, /):
        self = object.__new__(cls)
        self._it = iter(iterable)
        self._old = _NULL
        return self
    def __iter__(self):
        return self
    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        try:
            if self._old is _NULL:
                self._old = next(it)
            new = next(it)
        except StopIteration:
            self._it = None
            self._old = _NULL
            raise
        result = (self._old, new)
        self._old = new
        return result

class _grouper:
    __slots__ = ('_parent', '_tgtkey')
    def __iter__(self):
        return self
    def __next__(self):
        gbo = self._parent
        if gbo._currgrouper is not self:
            raise StopIteration
        if gbo._currvalue is _NULL:
            gbo._step()
        if not (self._tgtkey == gbo._currkey):
            raise StopIteration
        r = gbo._currvalue
        gbo._currvalue = _NULL
        return r

class groupby:
    __slots__ = ('_it', '_keyfunc', '_tgtkey', '_currkey', '_currvalue', '_currgrouper')
    def __new__(cls, iterable, key=None):
        self = object.__new__(cls)
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _NULL
        self._currgrouper = None
        return self
    def __iter__(self):
        return self
    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key
    def __next__(self):
        self._currgrouper = None
        while True:
            if self._currkey is _NULL:
                pass
            elif self._tgtkey is _NULL:
                break
            else:
                if not (self._tgtkey is self._currkey or self._tgtkey == self._currkey):
                    break
            self._step()
        self._tgtkey = self._currkey
        g = object.__new__(_grouper)
        g._parent = self
        g._tgtkey = self._tgtkey
        self._currgrouper = g
        return (self._currkey, g)

class _tee:
    __slots__ = ('_it', '_link')
    def __new__(cls, iterable, /):
        if isinstance(iterable, _tee):
            return iterable.__copy__()
        self = object.__new__(cls)
        self._it = iter(iterable)
        self._link = [None, None]   # [value, next link]
        return self
    def __iter__(self):
        return self
    def __next__(self):
        link = self._link
        nxt = link[1]
        if nxt is None:
            value = next(self._it)
            nxt = link[1] = [value, None]
        self._link = nxt
        return nxt[0]
    def __copy__(self):
        t = object.__new__(_tee)
        t._it = self._it
        t._link = self._link
        return t

def tee(iterable, n=2, /):
    if not isinstance(n, int):
        n = n.__index__()
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    copyable = it if hasattr(type(it), '__copy__') else _tee(it)
    result = [copyable]
    for i in range(1, n):
        result.append(copyable.__copy__())
    return tuple(result)

class islice:
    __slots__ = ('_it', '_next', '_stop', '_step', '_cnt')
    def __new__(cls, iterable, *args):
        n = len(args)
        if n == 0:
            raise TypeError("islice expected at least 2 arguments, got 1")
        if n > 3:
            raise TypeError(f"islice expected at most 4 arguments, got {n + 1}")
        start, step = 0, 1
        if n == 1:
            stop = args[0]
            if stop is not None:
                stop = _islice_index(stop, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        else:
            a1, a2 = args[0], args[1]
            if a1 is not None:
                start = _islice_index(a1, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.", True)
            stop = a2
            if stop is not None:
                stop = _islice_index(stop, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
            if n == 3 and args[2] is not None:
                try:
                    step = _islice_index(args[2], "", False, True)
                except ValueError:
                    step = -1
                if step < 1:
                    raise ValueError("Step for islice() must be a positive integer or None.")
        self = object.__new__(cls)
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._cnt = 0
        return self
    def __iter__(self):
        return self
    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        while self._cnt < self._next:
            try:
                next(it)
            except StopIteration:
                self._it = None
                raise
            self._cnt += 1
        if stop is not None and self._cnt >= stop:
            self._it = None
            raise StopIteration
        try:
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._cnt += 1
        oldnext = self._next
        self._next += self._step
        if stop is not None and self._next > stop:
            self._next = stop
        return item

def _islice_index(v, message, is_start=False, is_step=False):
    try:
        i = v if isinstance(v, int) else type(v).__index__(v)
    except (AttributeError, TypeError):
        raise ValueError(message) from None
    if is_step:
        return i
    if i < 0 or i > _maxsize:
        raise ValueError(message)
    return i

class zip_longest:
    __slots__ = ('_its', '_active', '_fill')
    def __new__(cls, *args, **kw):
        fillvalue = None
        if kw:
            if len(kw) != 1 or 'fillvalue' not in kw:
                raise TypeError("zip_longest() got an unexpected keyword argument")
            fillvalue = kw['fillvalue']
        self = object.__new__(cls)
        self._its = [iter(a) for a in args]
        self._active = len(self._its)
        self._fill = fillvalue
        return self
    def __iter__(self):
        return self
    def __next__(self):
        its = self._its
        if not its or not self._active:
            raise StopIteration
        result = []
        for i, it in enumerate(its):
            if it is None:
                result.append(self._fill)
                continue
            try:
                result.append(next(it))
            except StopIteration:
                self._active -= 1
                if not self._active:
                    self._its = []
                    raise
                its[i] = None
                result.append(self._fill)
        return tuple(result)

def _r_arg(r, n):
    if r is None:
        return n
    if not isinstance(r, int):
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")
    return r

class product:
    __slots__ = ('_pools', '_indices', '_result', '_stopped')
    def __new__(cls, *args, **kw):
        repeat = 1
        if kw:
            if len(kw) != 1 or 'repeat' not in kw:
                raise TypeError("product() got an unexpected keyword argument")
            repeat = kw['repeat']
            if not isinstance(repeat, int):
                repeat = repeat.__index__()
            if repeat < 0:
                raise ValueError("repeat argument cannot be negative")
        self = object.__new__(cls)
        pools = [tuple(a) for a in args]
        self._pools = pools * repeat if repeat else []
        self._indices = None
        self._result = None
        self._stopped = False
        if not repeat and args:
            self._pools = []
        return self
    def __iter__(self):
        return self
    def __next__(self):
        if self._stopped:
            raise StopIteration
        pools = self._pools
        if self._result is None:
            for p in pools:
                if not p:
                    self._stopped = True
                    raise StopIteration
            self._indices = [0] * len(pools)
            self._result = [p[0] for p in pools]
            return tuple(self._result)
        indices = self._indices
        result = self._result
        i = len(pools) - 1
        while i >= 0:
            pool = pools[i]
            indices[i] += 1
            if indices[i] == len(pool):
                indices[i] = 0
                result[i] = pool[0]
                i -= 1
            else:
                result[i] = pool[indices[i]]
                return tuple(result)
        self._stopped = True
        raise StopIteration

class permutations:
    __slots__ = ('_pool', '_r', '_indices', '_cycles', '_first', '_stopped')
    def __new__(cls, iterable, r=None):
        pool = tuple(iterable)
        self = object.__new__(cls)
        self._pool = pool
        n = len(pool)
        self._r = _r_arg(r, n)
        self._indices = list(range(n))
        self._cycles = list(range(n, n - self._r, -1))
        self._first = True
        self._stopped = self._r > n
        return self
    def __iter__(self):
        return self
    def __next__(self):
        if self._stopped:
            raise StopIteration
        pool, r, indices, cycles = self._pool, self._r, self._indices, self._cycles
        n = len(pool)
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices[:r])
        if n == 0:
            self._stopped = True
            raise StopIteration
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                return tuple(pool[i] for i in indices[:r])
        self._stopped = True
        raise StopIteration

class combinations:
    __slots__ = ('_pool', '_r', '_indices', '_first', '_stopped')
    def __new__(cls, iterable, r=_NULL):
        if r is _NULL:
            raise TypeError("combinations() missing required argument 'r' (pos 2)")
        pool = tuple(iterable)
        self = object.__new__(cls)
        self._pool = pool
        self._r = _r_arg(r, None)
        self._indices = list(range(self._r))
        self._first = True
        self._stopped = self._r > len(pool)
        return self
    def __iter__(self):
        return self
    def __next__(self):
        if self._stopped:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        n = len(pool)
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices)
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            self._stopped = True
            raise StopIteration
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        return tuple(pool[i] for i in indices)

class combinations_with_replacement:
    __slots__ = ('_pool', '_r', '_indices', '_first', '_stopped')
    def __new__(cls, iterable, r=_NULL):
        if r is _NULL:
            raise TypeError("combinations_with_replacement() missing required argument 'r' (pos 2)")
        pool = tuple(iterable)
        self = object.__new__(cls)
        self._pool = pool
        self._r = _r_arg(r, None)
        self._indices = [0] * self._r
        self._first = True
        self._stopped = not pool and self._r > 0
        return self
    def __iter__(self):
        return self
    def __next__(self):
        if self._stopped:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        n = len(pool)
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices)
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            self._stopped = True
            raise StopIteration
        indices[i:] = [indices[i] + 1] * (r - i)
        return tuple(pool[i] for i in indices)

del _noiter
)PY";

void add_native_itertools(Module* m); // itertools_native.cpp

Module* create_itertools_module()
{
    Module* m = Module::create("itertools");
    if (stdmod::run_prelude(m, k_itertools_prelude).is_error())
        return nullptr;
    // C++ versions of the hottest types replace the prelude's (same behaviour, faster).
    add_native_itertools(m);
    return m;
}

} // namespace adder
