# Stack introspection through frames: inspect.stack/currentframe/getframeinfo,
# traceback.extract_stack/print_stack/format_tb, logging's caller lookup.
import inspect
import logging
import sys
import traceback
import types

def where():
    info = inspect.stack()[1]
    return info.function, info.lineno, info.code_context[0].strip()

def user():
    return where()

print(user())
print(inspect.currentframe().f_code.co_name, isinstance(sys._getframe(), types.FrameType))
print(types.FrameType.__name__, types.TracebackType.__name__)
fi = inspect.getframeinfo(sys._getframe())
print(fi.function, fi.lineno, fi.code_context)
print([f.function for f in inspect.stack()])

def stack_names():
    return [fs.name for fs in traceback.extract_stack()]
def outer():
    return stack_names()
print(outer())
print(traceback.format_stack(sys._getframe())[-1].split("\n", 1)[1].strip())

def fails():
    return {}["k"]
try:
    fails()
except KeyError as e:
    for line in traceback.format_tb(e.__traceback__):
        print(line.split(", ", 1)[1].rstrip())
    frames = inspect.getinnerframes(e.__traceback__)
    print([(f.function, f.lineno) for f in frames])
    print(inspect.trace()[-1].function)

logging.basicConfig(stream=sys.stdout, format="%(funcName)s:%(lineno)d:%(module)s %(message)s")
log = logging.getLogger("t")
def emit():
    log.warning("hello")
emit()
log.warning("top")
def emit_up():
    log.warning("up", stacklevel=2)
def caller_of_emit_up():
    emit_up()
caller_of_emit_up()
