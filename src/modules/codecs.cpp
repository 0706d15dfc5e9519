// The _codecs module: the codec registry (register/unregister/lookup with
// CPython's name normalization and cache, importing the encodings package on
// first use), encode/decode through it, the error-handler registry
// (strict, ignore, replace, backslashreplace, xmlcharrefreplace) and the
// utf-8/latin-1/ascii primitives the encodings modules call, built on
// str.encode/bytes.decode. Written as a Python prelude.
// FIXME: charmap_*, escape_*, utf_16/32 primitives, namereplace/surrogate* handlers.
#include "modules/stdlib_modules.h"
#include "objects/dict.h"

namespace adder {

static const char* k_codecs_prelude = R"PY(
_search_path = []
_cache = {}
_error_handlers = {}

def register(search_function, /):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_path.append(search_function)

def unregister(search_function, /):
    try:
        _search_path.remove(search_function)
    except ValueError:
        pass
    _cache.clear()

def _normalize(encoding):
    return encoding.lower().replace(' ', '_')

def lookup(encoding, /):
    if not isinstance(encoding, str):
        raise TypeError(f"lookup() argument must be str, not {type(encoding).__name__}")
    key = _normalize(encoding)
    try:
        return _cache[key]
    except KeyError:
        pass
    if not _search_path:
        import encodings
    for fn in list(_search_path):
        result = fn(key)
        if result is None:
            continue
        if not isinstance(result, tuple) or len(result) != 4:
            raise TypeError("codec search functions must return 4-tuples")
        _cache[key] = result
        return result
    raise LookupError(f"unknown encoding: {encoding}")

def _forget_codec(encoding, /):
    _cache.pop(_normalize(encoding), None)

def encode(obj, encoding='utf-8', errors='strict'):
    result = lookup(encoding)[0](obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("encoder must return a tuple (object, integer)")
    return result[0]

def decode(obj, encoding='utf-8', errors='strict'):
    result = lookup(encoding)[1](obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("decoder must return a tuple (object,integer)")
    return result[0]

def strict_errors(exc, /):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")

def ignore_errors(exc, /):
    if isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        return ('', exc.end)
    raise TypeError(f"don't know how to handle {type(exc).__name__} in error callback")

def replace_errors(exc, /):
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    if isinstance(exc, (UnicodeDecodeError, UnicodeTranslateError)):
        return ('\ufffd' * (1 if isinstance(exc, UnicodeDecodeError) else exc.end - exc.start), exc.end)
    raise TypeError(f"don't know how to handle {type(exc).__name__} in error callback")

def backslashreplace_errors(exc, /):
    if isinstance(exc, UnicodeDecodeError):
        return (''.join('\\x%02x' % b for b in exc.object[exc.start:exc.end]), exc.end)
    if isinstance(exc, (UnicodeEncodeError, UnicodeTranslateError)):
        out = []
        for ch in exc.object[exc.start:exc.end]:
            c = ord(ch)
            out.append('\\x%02x' % c if c < 0x100 else '\\u%04x' % c if c < 0x10000 else '\\U%08x' % c)
        return (''.join(out), exc.end)
    raise TypeError(f"don't know how to handle {type(exc).__name__} in error callback")

def xmlcharrefreplace_errors(exc, /):
    if isinstance(exc, UnicodeEncodeError):
        return (''.join('&#%d;' % ord(ch) for ch in exc.object[exc.start:exc.end]), exc.end)
    raise TypeError(f"don't know how to handle {type(exc).__name__} in error callback")

_error_handlers.update(strict=strict_errors, ignore=ignore_errors, replace=replace_errors,
                       backslashreplace=backslashreplace_errors, xmlcharrefreplace=xmlcharrefreplace_errors)

def register_error(errors, handler, /):
    if not callable(handler):
        raise TypeError("handler must be callable")
    _error_handlers[errors] = handler

def lookup_error(name, /):
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError(f"unknown error handler name '{name}'") from None

def _encode_with(codec, str_, errors):
    if errors is None:
        errors = 'strict'
    return (str_.encode(codec, errors), len(str_))

def _incomplete_utf8_tail(data):
    # Length of a trailing, truncated-but-valid UTF-8 sequence (kept for the next call).
    n = len(data)
    for k in range(1, min(3, n) + 1):
        b = data[n - k]
        if b & 0xC0 == 0x80:
            continue
        need = 2 if b & 0xE0 == 0xC0 else 3 if b & 0xF0 == 0xE0 else 4 if b & 0xF8 == 0xF0 else 1
        return k if need > k else 0
    return 0

def utf_8_encode(str, errors=None, /):
    return _encode_with('utf-8', str, errors)

def utf_8_decode(data, errors=None, final=False, /):
    data = bytes(data)
    keep = 0 if final else _incomplete_utf8_tail(data)
    body = data[:len(data) - keep]
    return (body.decode('utf-8', errors or 'strict'), len(body))

def latin_1_encode(str, errors=None, /):
    return _encode_with('latin-1', str, errors)

def latin_1_decode(data, errors=None, /):
    data = bytes(data)
    return (data.decode('latin-1', errors or 'strict'), len(data))

def ascii_encode(str, errors=None, /):
    return _encode_with('ascii', str, errors)

def ascii_decode(data, errors=None, /):
    data = bytes(data)
    return (data.decode('ascii', errors or 'strict'), len(data))
)PY";

Module* create_codecs_module()
{
    Module* m = Module::create("_codecs");
    if (stdmod::run_prelude(m, k_codecs_prelude).is_error())
        return nullptr;
    return m;
}

} // namespace adder
