import math as m, os.path as osp
from math import floor as fl, ceil
from collections import *
print(m.floor(2.5), fl(2.5), ceil(2.1), osp.basename("/a/b.txt"), deque([1]))
print(__name__, type(__builtins__).__name__ in ("module", "dict"))
import builtins
print(builtins.len is len, builtins.__name__)
