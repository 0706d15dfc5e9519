#!/bin/bash
# Spec P4, P9, P10 and §2.2 through the importlib API (cache_from_source,
# source_from_cache and their errors, with and without sys.pycache_prefix),
# plus import_module / reload / spec_from_file_location + exec_module, all
# compared with CPython (tag and temp dir substituted).
source "$(dirname "$0")/lib.sh"
mkdir a c
prog='
import importlib, importlib.util as u, sys
def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
show(u.cache_from_source, "/a/b/mod.py")
show(u.cache_from_source, "/a/b/mod.py", optimization="")
show(u.cache_from_source, "/a/b/mod.py", optimization=0)
show(u.cache_from_source, "/a/b/mod.py", optimization=2)
show(u.cache_from_source, "/a/b/mod.py", optimization="abc")
show(u.cache_from_source, "/a/b/mod.py", optimization="a-b")
show(u.cache_from_source, "rel/mod.py")
show(u.cache_from_source, "/a/x.tar.py")
show(u.cache_from_source, "/a/noext")
show(u.source_from_cache, "/a/__pycache__/m.TAGX.pyc")
show(u.source_from_cache, "/a/__pycache__/m.pypy39.pyc")
show(u.source_from_cache, "/a/m.TAGX.pyc")
show(u.source_from_cache, "/a/__pycache__/m.pyc")
show(u.source_from_cache, "/a/__pycache__/m.TAGX.opt-1.pyc")
show(u.source_from_cache, "/a/__pycache__/m.TAGX.xopt-1.pyc")
show(u.source_from_cache, "/a/__pycache__/m.TAGX.opt-a_b.pyc")
sys.pycache_prefix = "/tmp/pfx/"
show(u.cache_from_source, "/a/b/mod.py")
show(u.source_from_cache, "/tmp/pfx/a/b/mod.TAGX.pyc")
sys.pycache_prefix = None
print(len(u.MAGIC_NUMBER), u.MAGIC_NUMBER[2:], len(u.source_hash(b"x = 1")))
pk = importlib.import_module("pk")
print(importlib.import_module(".s", "pk").V, importlib.import_module("..s", "pk.s").V)
show(importlib.import_module, ".s")
import m
print(m.X)
with open("m.py", "w") as f:
    f.write("X = 2000\n")
print(importlib.reload(m).X, importlib.invalidate_caches())
spec = u.spec_from_file_location("other", "sub/other.py")
mod = u.module_from_spec(spec)
spec.loader.exec_module(mod)
print(mod.Y, mod.__name__, mod.__spec__.cached == u.cache_from_source(mod.__file__))
'
for d in a c; do mkdir -p $d/pk $d/sub; : > $d/pk/__init__.py; echo 'V = 7' > $d/pk/s.py; echo 'X = 1' > $d/m.py
    echo 'Y = 3' > $d/sub/other.py; touch -d '2020-01-01' $d/m.py; done
A=$(cd a && "$ADDER" -c "${prog//TAGX/$TAG}" 2>&1 | sed "s|$T/a|X|g" | norm)
C=$(cd c && "$CPY" -c "${prog//TAGX/$CTAG}" 2>&1 | sed "s|$T/c|X|g" | norm)
check "importlib API" "$(echo "$C" | sed 's/^4 b.\\r\\n. 8$/MAGIC/')" "$(echo "$A" | sed 's/^4 b.\\r\\n. 8$/MAGIC/')"
done_scenario
