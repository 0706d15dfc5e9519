from . import NESTED
from .. import PKG_CONST
def info():
    return (__name__, __package__, NESTED, PKG_CONST)
