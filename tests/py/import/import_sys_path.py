import os, sys, tempfile
d = tempfile.mkdtemp()
with open(os.path.join(d, "tmp_dynamic_mod.py"), "w") as f:
    f.write("ANSWER = 6 * 7\n")
sys.path.insert(0, d)
import tmp_dynamic_mod
print(tmp_dynamic_mod.ANSWER)
sys.path.remove(d)
import shutil
shutil.rmtree(d)
print(os.path.dirname(os.path.abspath(__file__)) == os.path.abspath(sys.path[0]))
