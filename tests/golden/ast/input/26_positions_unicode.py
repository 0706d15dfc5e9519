é = 1
x = "héllo" + ñ
y = "中文" ; z = "😀"
def 函数(参数): return 参数
w = f"{é} {'ü'}"
v = a.ñ.b
