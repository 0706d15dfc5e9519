import os
import os.path as osp
import a.b.c
from . import sibling
from ..pkg import name as alias, other
from mod import *
assert os, "message"
raise ValueError("x") from None
