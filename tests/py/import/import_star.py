from _helper_mod import *
print(VALUE, greet("star"), Widget.__name__)
try:
    _private
except NameError as e:
    print("NameError:", e)
from _pkg import *
print(PKG_CONST, sub.__name__)
