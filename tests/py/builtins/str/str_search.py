s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("xyz"), s.index("world"), s.rindex("o"))
print(s.count("hello"), s.count("l"), s.count(""), "aaaa".count("aa"))
print(s.startswith("hello"), s.startswith(("x", "hell")), s.endswith("python"), s.endswith("hello", 0, 5))
print("world" in s, "World" in s, "" in s)
try:
    s.index("xyz")
except ValueError as e:
    print("ValueError:", e)
print(s.replace("hello", "bye"), s.replace("hello", "bye", 1), "aaa".replace("", "-"))
