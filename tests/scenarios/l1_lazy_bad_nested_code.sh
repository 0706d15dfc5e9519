#!/bin/bash
# Lazy code objects (docs/bytecode.md "Lazy loading"): a cached module's nested
# code is decoded and verified only when first used, so a bad nested record
# in a file whose body checksum is valid (a crafted file) is found late. It
# must never run: the module's source is recompiled, the same function is
# taken from it, the program's output is unchanged and the cache file is
# rewritten silently. With the source gone the call raises ImportError.
source "$(dirname "$0")/lib.sh"
cat > m.py <<'PY'
def f():
    return 'f ok'

def g():
    return 'gee_marker_' + f()

class K:
    def h(self):
        return [i for i in range(3)]
PY
# A lazily loaded module reads the same as a freshly compiled one.
show='import m, dis
for fn in (m.f, m.g, m.K.h):
    c = fn.__code__
    print(c.co_name, c.co_qualname, c.co_firstlineno, c.co_consts, c.co_names, c.co_varnames)
    dis.dis(fn)'
cold=$("$ADDER" -c "$show" 2>&1 | sed 's/ at 0x[0-9a-f]*//')
C=__pycache__/m.$TAG.pyc
[ -f $C ] || fail "no cache file"
cp $C good.pyc
warm=$("$ADDER" -c "$show" 2>&1 | sed 's/ at 0x[0-9a-f]*//')
check "warm (lazy) listing equals cold" "$cold" "$warm"

# Replaces the first occurrence of `old` in the body of the cache file and
# recomputes the body checksum (XXH3-64 at offset 80, src/cache/header.cpp).
corrupt() { # corrupt OLD NEW (Python bytes literals)
    "$CPY" - "$C" "$1" "$2" <<'PY' || fail "corrupt helper failed"
import ctypes, ctypes.util, struct, sys, ast
path, old, new = sys.argv[1], ast.literal_eval(sys.argv[2]), ast.literal_eval(sys.argv[3])
lib = ctypes.CDLL(ctypes.util.find_library("xxhash") or "libxxhash.so.0")
lib.XXH3_64bits.restype = ctypes.c_uint64
lib.XXH3_64bits.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
data = bytearray(open(path, "rb").read())
body = bytes(data[88:])
assert old in body, "marker not found"
body = body.replace(old, new, 1)
data[80:88] = struct.pack("<Q", lib.XXH3_64bits(body, len(body)))
data[88:] = body
open(path, "wb").write(bytes(data))
PY
}

# Invalid UTF-8 in a str constant of g: only g's verifier sees it.
corrupt "b'gee_marker_'" "b'gee\\xffmarker_'"
cmp -s $C good.pyc && fail "file not corrupted"
out=$("$ADDER" -c 'import m; print(m.f()); print(m.g()); print(m.K().h())' 2>&1)
check "bad nested code: right output" "f ok
gee_marker_f ok
[0, 1, 2]" "$out"
cmp -s <(tail -c +89 $C) <(tail -c +89 good.pyc) || fail "cache body not rewritten"

# -v says so once.
corrupt "b'gee_marker_'" "b'gee\\xffmarker_'"
"$ADDER" -v -c 'import m; m.g()' 2>err.txt >/dev/null
grep -q "bad code object in .*m\.$TAG\.pyc" err.txt || fail "-v: no recompile line"

# A bad name two levels down (K's method h; K's body runs at import): the
# replacement is found by the path of constant indices from the module.
cp good.pyc $C
corrupt "b'range'" "b'r\\xffnge'"
out=$("$ADDER" -c 'import m; print(m.K().h(), m.K.h.__code__.co_names)' 2>&1)
check "bad nested name: right output" "[0, 1, 2] ('range',)" "$out"
cmp -s <(tail -c +89 $C) <(tail -c +89 good.pyc) || fail "cache body not rewritten (h)"

# Source gone after the import: nothing to recompile, ImportError on use,
# the other functions still work.
corrupt "b'gee_marker_'" "b'gee\\xffmarker_'"
out=$("$ADDER" -c '
import m, os
os.remove("m.py")
print(m.f())
try:
    m.g()
except ImportError as e:
    print("ImportError:", e)
' 2>&1)
check "source gone: ImportError" "f ok
ImportError: bad code object in cached module 'm'" "$out"
done_scenario
