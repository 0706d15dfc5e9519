// The _string module: formatter_parser and formatter_field_name_split, the
// pieces of str.format's parser that string.Formatter uses, with CPython
// 3.11's MarkupIterator/FieldNameIterator rules and error messages
// (Objects/stringlib/unicode_format.h). Written as a Python prelude.
#include "modules/stdlib_modules.h"
#include "objects/dict.h"

namespace adder {

static const char* k_string_prelude = R"PY(
def _digits_to_int(name):
    if name and all(ch.isdecimal() for ch in name):
        return int(name)
    return None

def _markup(s):
    i = 0
    n = len(s)
    while i < n:
        start = i
        c = None
        markup = False
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                markup = True
                break
        at_end = i >= n
        length = i - start
        if markup and c == '}' and (at_end or s[i] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if markup and at_end and c == '{':
            raise ValueError("Single '{' encountered in format string")
        if markup and not at_end:
            if s[i] == c:
                i += 1
                markup = False
            else:
                length -= 1
        literal = s[start:start + length]
        if not markup:
            yield (literal, None, None, None)
            continue
        fstart = i
        c = None
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                raise ValueError("unexpected '{' in field name")
            if c == '[':
                while i < n and s[i] != ']':
                    i += 1
                continue
            if c == '}' or c == ':' or c == '!':
                break
        field_name = s[fstart:i - 1]
        if c == '!' or c == ':':
            conversion = None
            if c == '!':
                if i >= n:
                    raise ValueError("end of string while looking for conversion specifier")
                conversion = s[i]
                i += 1
                if i < n:
                    c = s[i]
                    i += 1
                    if c == '}':
                        yield (literal, field_name, '', conversion)
                        continue
                    if c != ':':
                        raise ValueError("expected ':' after conversion specifier")
            spec_start = i
            count = 1
            done = False
            while i < n:
                c = s[i]
                i += 1
                if c == '{':
                    count += 1
                elif c == '}':
                    count -= 1
                    if count == 0:
                        done = True
                        break
            if not done:
                raise ValueError("unmatched '{' in format spec")
            yield (literal, field_name, s[spec_start:i - 1], conversion)
        elif c != '}':
            raise ValueError("expected '}' before end of string")
        else:
            yield (literal, field_name, '', None)

class formatteriterator:
    __slots__ = ('_gen',)
    def __iter__(self):
        return self
    def __next__(self):
        return next(self._gen)

def formatter_parser(s, /):
    if not isinstance(s, str):
        raise TypeError(f"expected str, got {type(s).__name__}")
    it = object.__new__(formatteriterator)
    it._gen = _markup(s)
    return it

def _fields(s, i):
    n = len(s)
    while i < n:
        c = s[i]
        i += 1
        if c == '.':
            start = i
            while i < n and s[i] != '.' and s[i] != '[':
                i += 1
            name = s[start:i]
            if not name:
                raise ValueError("Empty attribute in format string")
            yield (True, name)
        elif c == '[':
            start = i
            while i < n and s[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            name = s[start:i]
            i += 1
            if not name:
                raise ValueError("Empty attribute in format string")
            as_int = _digits_to_int(name)
            yield (False, name if as_int is None else as_int)
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")

class fieldnameiterator:
    __slots__ = ('_gen',)
    def __iter__(self):
        return self
    def __next__(self):
        return next(self._gen)

def formatter_field_name_split(s, /):
    if not isinstance(s, str):
        raise TypeError(f"expected str, got {type(s).__name__}")
    i = 0
    while i < len(s) and s[i] != '.' and s[i] != '[':
        i += 1
    first = s[:i]
    as_int = _digits_to_int(first)
    it = object.__new__(fieldnameiterator)
    it._gen = _fields(s, i)
    return (first if as_int is None else as_int, it)
)PY";

Module* create_string_module()
{
    Module* m = Module::create("_string");
    if (stdmod::run_prelude(m, k_string_prelude).is_error())
        return nullptr;
    return m;
}

} // namespace adder
