import os, os.path
print(os.path.join("a", "b", "c.txt"), os.path.split("/x/y/z.py"), os.path.splitext("arch.tar.gz"))
print(os.path.basename("/a/b/"), os.path.dirname("/a/b/c"), os.path.normpath("/a/./b/../c"), os.path.isabs("/x"))
print(os.sep, os.path.exists(__file__), os.path.isfile(__file__), os.path.isdir(os.path.dirname(os.path.abspath(__file__))))
print(os.getcwd() == os.path.dirname(os.path.abspath(__file__)), os.environ.get("ADDER_SURELY_UNSET_VAR", "unset"))
