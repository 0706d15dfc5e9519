try:
    import _no_such_helper
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from _helper_mod import does_not_exist
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    import _raises_on_import
except ValueError as e:
    print("ValueError:", e)
import sys
print("_raises_on_import" in sys.modules)
try:
    import _pkg.no_sub
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
