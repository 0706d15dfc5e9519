# warnings.warn attributes a warning to the frame `stacklevel` levels up.
import os
import warnings

def show(message, category, filename, lineno, file=None, line=None):
    print(os.path.basename(filename), lineno, category.__name__, message)
warnings.showwarning = show
warnings.simplefilter("always")

def api(level):
    warnings.warn("from api", UserWarning, stacklevel=level)

def user():
    api(1)
    api(2)
    api(3)

user()
api(2)
warnings.warn("top level")
warnings.warn("too deep", stacklevel=50)

def deprecated():
    warnings.warn("old", DeprecationWarning, stacklevel=2)
def consumer():
    deprecated()
consumer()

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    api(2)
    api(1)
print([(os.path.basename(w.filename), w.lineno, str(w.message)) for w in caught])
