def lazy():
    import _helper_mod
    return _helper_mod.VALUE
print("before call")
print(lazy(), lazy())
import sys
print(sys.modules["_helper_mod"].greet("scope"))
