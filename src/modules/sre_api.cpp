// The Python side of _sre (see sre.cpp): compile() and the re.Pattern,
// re.Match and scanner types with CPython 3.11's methods, reprs, errors and
// the empty-match rules of findall/finditer/sub/split (a match may not be
// empty right where the previous empty match ended). Replacement templates
// with backslashes go through re._subx, as CPython's C code does.
// FIXME: groupindex is a plain dict copy (CPython: a mappingproxy).

namespace adder {

extern const char* k_sre_prelude;
const char* k_sre_prelude = R"PY(
_MAXSIZE = 9223372036854775807
_FLAG_NAMES = ((1, 're.TEMPLATE'), (2, 're.IGNORECASE'), (4, 're.LOCALE'), (8, 're.MULTILINE'),
               (16, 're.DOTALL'), (32, 're.UNICODE'), (64, 're.VERBOSE'), (128, 're.DEBUG'), (256, 're.ASCII'))

def _bounds(string, pos, endpos):
    n = len(string)
    pos = pos.__index__() if not isinstance(pos, int) else pos
    endpos = endpos.__index__() if not isinstance(endpos, int) else endpos
    if pos < 0:
        pos = 0
    elif pos > n:
        pos = n
    if endpos < 0:
        endpos = 0
    elif endpos > n:
        endpos = n
    return pos, endpos

def _group_text(string, marks, g, default):
    # SRE numbers marks from group 1: group g spans marks[2g-2:2g].
    s = marks[2 * g - 2]
    e = marks[2 * g - 1]
    if s < 0 or e < 0 or e < s:
        return default
    return string[s:e]

class Pattern:
    __slots__ = ('pattern', 'flags', 'groups', '_groupindex', '_indexgroup', '_code', '_prog', '__weakref__')

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    @property
    def groupindex(self):
        return dict(self._groupindex)

    def _state(self, string):
        if isinstance(self.pattern, str):
            if isinstance(string, (bytes, bytearray)):
                raise TypeError("cannot use a string pattern on a bytes-like object")
        elif isinstance(string, str):
            raise TypeError("cannot use a bytes pattern on a string-like object")
        return _State(self._prog, string)

    def _match(self, string, pos, endpos, mode):
        st = self._state(string)
        pos, endpos = _bounds(string, pos, endpos)
        r = st._run(pos, endpos, mode, False)
        if r is None:
            return None
        return _make_match(self, string, pos, endpos, r)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._match(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._match(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._match(string, pos, endpos, 2)

    def _item(self, string, marks):
        empty = string[0:0]
        if self.groups == 0:
            return string[marks[0]:marks[1]]
        if self.groups == 1:
            return _group_text(string, marks, 1, empty)
        return tuple(_group_text(string, marks, g, empty) for g in range(1, self.groups + 1))

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        st = self._state(string)
        pos, endpos = _bounds(string, pos, endpos)
        out = []
        must = False
        while True:
            r = st._run(pos, endpos, 2, must)
            if r is None:
                break
            b, e, _, marks = r
            if self.groups == 0:
                out.append(string[b:e])
            else:
                out.append(self._item(string, marks))
            must = e == b
            pos = e
        return out

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        return iter(self.scanner(string, pos, endpos).search, None)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        st = self._state(string)
        pos, endpos = _bounds(string, pos, endpos)
        sc = object.__new__(SRE_Scanner)
        sc.pattern = self
        sc._string = string
        sc._st = st
        sc._pos = pos
        sc._endpos = endpos
        sc._start = pos
        sc._must = False
        sc._done = False
        return sc

    def _subx(self, repl, string, count, name):
        if callable(repl):
            filt = repl
            is_callable = True
        else:
            backslash = '\\' if isinstance(repl, str) else b'\\'
            if isinstance(repl, (str, bytes, bytearray)) and backslash not in repl:
                filt = repl
                is_callable = False
            else:
                import re
                filt = re._subx(self, repl)
                is_callable = callable(filt)
        count = count.__index__() if not isinstance(count, int) else count
        st = self._state(string)
        n = len(string)
        pieces = []
        i = 0
        pos = 0
        must = False
        done = 0
        while count <= 0 or done < count:
            r = st._run(pos, n, 2, must)
            if r is None:
                break
            b, e, _, _ = r
            if i < b:
                pieces.append(string[i:b])
            if is_callable:
                item = filt(_make_match(self, string, 0, n, r))
                if item is not None:
                    pieces.append(item)
            else:
                pieces.append(filt)
            i = e
            done += 1
            must = e == b
            pos = e
        if i < n:
            pieces.append(string[i:n])
        joiner = string[0:0]
        if isinstance(joiner, bytearray):
            joiner = b''
        return joiner.join(pieces), done

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count, 'sub')[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count, 'subn')

    def split(self, string, maxsplit=0):
        st = self._state(string)
        n = len(string)
        out = []
        last = 0
        pos = 0
        must = False
        done = 0
        while maxsplit <= 0 or done < maxsplit:
            r = st._run(pos, n, 2, must)
            if r is None:
                break
            b, e, _, marks = r
            out.append(string[last:b])
            for g in range(1, self.groups + 1):
                out.append(_group_text(string, marks, g, None))
            done += 1
            must = e == b
            last = e
            pos = e
        out.append(string[last:n])
        return out

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str):
            flags &= ~32
        names = []
        for bit, name in _FLAG_NAMES:
            if flags & bit:
                names.append(name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        p = repr(self.pattern)[:200]
        if names:
            return f"re.compile({p}, {'|'.join(names)})"
        return f"re.compile({p})"

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.pattern == other.pattern and self.flags == other.flags
                and type(self.pattern) is type(other.pattern) and self._code == other._code)

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

class Match:
    __slots__ = ('re', 'string', 'pos', 'endpos', '_span', '_marks', '_lastindex')

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def _index(self, g):
        if isinstance(g, int) or (not isinstance(g, (str, bytes)) and hasattr(type(g), '__index__')):
            i = g.__index__()
            if 0 <= i <= self.re.groups:
                return i
        else:
            try:
                i = self.re._groupindex[g]
            except (KeyError, TypeError):
                pass
            else:
                if isinstance(i, int):
                    return i
        raise IndexError("no such group")

    def _get(self, i, default=None):
        if i == 0:
            return self.string[self._span[0]:self._span[1]]
        return _group_text(self.string, self._marks, i, default)

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple(self._get(self._index(a)) for a in args)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re._groupindex.items()}

    def span(self, group=0):
        i = self._index(group)
        if i == 0:
            return self._span
        s = self._marks[2 * i - 2]
        e = self._marks[2 * i - 1]
        if s < 0 or e < 0 or e < s:
            return (-1, -1)
        return (s, e)

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def expand(self, template):
        import re
        return re._expand(self.re, self, template)

    @property
    def regs(self):
        return tuple(self.span(i) for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        return None if self._lastindex < 0 else self._lastindex

    @property
    def lastgroup(self):
        i = self._lastindex
        ig = self.re._indexgroup
        if i < 0 or ig is None or i >= len(ig):
            return None
        return ig[i]

    def __repr__(self):
        return f"<re.Match object; span={self._span!r}, match={repr(self._get(0))[:50]}>"

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

def _make_match(pattern, string, pos, endpos, r):
    m = object.__new__(Match)
    m.re = pattern
    m.string = string
    m.pos = pos
    m.endpos = endpos
    m._span = (r[0], r[1])
    m._marks = r[3]
    m._lastindex = r[2]
    return m

class SRE_Scanner:
    __slots__ = ('pattern', '_string', '_st', '_pos', '_endpos', '_start', '_must', '_done')

    def _next(self, mode):
        if self._done:
            return None
        r = self._st._run(self._pos, self._endpos, mode, self._must)
        if r is None:
            self._done = True
            return None
        b, e = r[0], r[1]
        self._must = e == b
        self._pos = e
        return _make_match(self.pattern, self._string, self._start, self._endpos, r)

    def match(self):
        return self._next(0)

    def search(self):
        return self._next(2)

def compile(pattern, flags, code, groups, groupindex, indexgroup):
    p = object.__new__(Pattern)
    p.pattern = pattern
    p.flags = flags
    p.groups = groups
    p._groupindex = dict(groupindex)
    p._indexgroup = tuple(indexgroup) if indexgroup is not None else None
    p._code = list(code)
    p._prog = _Program(p._code, groups)
    return p

Pattern.__module__ = 're'
Match.__module__ = 're'
)PY";

} // namespace adder
