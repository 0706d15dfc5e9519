import sys
print(sys.flags)
print(sys.flags.optimize, sys.flags.dont_write_bytecode, sys.flags.verbose, sys.flags.interactive, sys.dont_write_bytecode)
print(sys.warnoptions, sys._xoptions, sys.pycache_prefix)
