import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8), sys.version.startswith("3.11"))
print(sys.maxsize, sys.byteorder, sys.platform, type(sys.path).__name__, "sys" in sys.modules)
print(sys.implementation.name in ("cpython", "adder"), sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit in (15, 30, 64))
print(hasattr(sys, "getrefcount") or True, sys.flags.optimize, sys.flags.dont_write_bytecode, sys.dont_write_bytecode)
print(sys.getrecursionlimit(), callable(sys.exc_info), sys.stdin is sys.__stdin__, sys.stdout.write("direct\n"))
print(sys.executable != "", type(sys.hash_info.width).__name__, sys.maxunicode)
