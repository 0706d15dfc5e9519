from ..sub import helper as parent_helper
NESTED = True
