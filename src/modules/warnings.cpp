// The _warnings module: the default filter list, warn() and warn_explicit()
// with CPython's filter matching, registries and actions. Having it lets
// warnings.py skip its pure-Python setup (which imports re). Like CPython's C
// code it reads filters/defaultaction/onceregistry/_showwarnmsg from the
// warnings module when that is imported. Written as a Python prelude.
// warn() finds the frame to blame with sys._getframe and f_back, skipping
// importlib._bootstrap frames for stacklevel > 1 as CPython's setup_context.
#include "modules/stdlib_modules.h"
#include "objects/dict.h"

namespace adder {

static const char* k_warnings_prelude = R"PY(
import sys as _sys

filters = [('default', None, DeprecationWarning, '__main__', 0),
           ('ignore', None, DeprecationWarning, None, 0),
           ('ignore', None, PendingDeprecationWarning, None, 0),
           ('ignore', None, ImportWarning, None, 0),
           ('ignore', None, ResourceWarning, None, 0)]
_defaultaction = 'default'
_onceregistry = {}
_filters_version = 1

def _filters_mutated():
    global _filters_version
    _filters_version += 1

def _state(name, default):
    w = _sys.modules.get('warnings')
    if w is not None:
        try:
            return getattr(w, name)
        except AttributeError:
            pass
    return default

def _matches(pattern, text):
    if pattern is None:
        return True
    if type(pattern) is str:
        return pattern == text
    return bool(pattern.match(text))

def _show(message, category, filename, lineno, source):
    w = _sys.modules.get('warnings')
    show = getattr(w, '_showwarnmsg', None) if w is not None else None
    if show is not None and hasattr(w, 'WarningMessage'):
        show(w.WarningMessage(message, category, filename, lineno, None, None, source))
        return
    stderr = _sys.stderr
    if stderr is None:
        return
    stderr.write(f"{filename}:{lineno}: {category.__name__}: {message}\n")

def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None, source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in _state('filters', filters):
        action, msg, cat, mod, ln = item
        if (_matches(msg, text) and issubclass(category, cat) and _matches(mod, module)
                and (ln == 0 or lineno == ln)):
            break
    else:
        action = _state('defaultaction', _defaultaction)
        item = None
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        oncekey = (text, category)
        onceregistry = _state('onceregistry', _onceregistry)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == "always":
        pass
    elif action == "module":
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == "default":
        registry[key] = 1
    else:
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %s" % (action, item))
    _show(message, category, filename, lineno, source)

def _is_internal_frame(frame):
    filename = frame.f_code.co_filename
    return 'importlib' in filename and '_bootstrap' in filename

def _next_external_frame(frame):
    frame = frame.f_back
    while frame is not None and _is_internal_frame(frame):
        frame = frame.f_back
    return frame

def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '{}'".format(type(category).__name__))
    try:
        frame = _sys._getframe(1)
    except ValueError:
        frame = None
    if frame is not None:
        if stacklevel <= 0 or _is_internal_frame(frame):
            while stacklevel > 1 and frame is not None:
                frame = frame.f_back
                stacklevel -= 1
        else:
            while stacklevel > 1 and frame is not None:
                frame = _next_external_frame(frame)
                stacklevel -= 1
    if frame is None:
        globals = _sys.__dict__
        filename = "sys"
        lineno = 1
    else:
        globals = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    module = globals.get('__name__', '<string>')
    registry = globals.setdefault('__warningregistry__', {})
    warn_explicit(message, category, filename, lineno, module, registry, globals, source)
)PY";

Module* create_warnings_module()
{
    Module* m = Module::create("_warnings");
    if (stdmod::run_prelude(m, k_warnings_prelude).is_error())
        return nullptr;
    return m;
}

} // namespace adder
