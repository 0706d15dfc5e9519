print("initializing", __name__)
from . import sub
from .sub import helper
PKG_CONST = "pkg"
__all__ = ["PKG_CONST", "sub"]
