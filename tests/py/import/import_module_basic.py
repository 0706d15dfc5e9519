import _helper_mod
import _helper_mod as again
print(_helper_mod.VALUE, _helper_mod.greet("x"), _helper_mod.__doc__, again is _helper_mod)
print(_helper_mod.__name__, _helper_mod.__file__.endswith("_helper_mod.py"), type(_helper_mod).__name__)
from _helper_mod import greet, VALUE as V
print(greet("y"), V)
import sys
print("_helper_mod" in sys.modules, sys.modules["_helper_mod"] is _helper_mod)
