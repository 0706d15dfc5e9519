from . import *, a
