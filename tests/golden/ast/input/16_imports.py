import a
import a.b.c
import a as b
import a.b as c, d, e.f as g
from a import b
from a import b as c
from a import b, c as d
from a import (b, c)
from a import (b, c,)
from a import *
from . import a
from .. import a
from .a import b
from ...a.b import c
from .... import d
from ..... import e
from . a import b
