import _pkg
print(_pkg.PKG_CONST, _pkg.sub.helper(), _pkg.helper(), _pkg.__name__, _pkg.__path__[0].endswith("_pkg"))
import _pkg.nested.deep
print(_pkg.nested.deep.info(), _pkg.nested.parent_helper())
from _pkg.nested import deep as d
print(d is _pkg.nested.deep, d.__package__)
