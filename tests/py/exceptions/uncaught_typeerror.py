print("ok")
"a" + 1
