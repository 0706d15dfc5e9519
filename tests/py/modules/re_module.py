import re
print(re.findall(r"\d+", "a1b22c333"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "user@host x@y"))
m = re.match(r"(?P<key>\w+)=(?P<val>\d+)", "width=42;")
print(m.group(0), m.group("key"), m["val"], m.groups(), m.groupdict(), m.span(), m.start(2))
print(re.search(r"o", "foo").start(), re.split(r"[,;]\s*", "a, b;c"), re.fullmatch(r"\w+", "abc") is not None)
pat = re.compile(r"^(\s*)(#+)\s*(.*)$", re.M)
print(pat.findall("# T\n  ## sub\ntext"), [m.group(3) for m in pat.finditer("# a\n# b")])
print(re.sub(r"\s+", " ", "  too   many\n spaces "), re.escape("a.b*c"), re.IGNORECASE == re.I)
print(re.subn("a", "b", "aaa"), re.match("x", "y"), bool(re.search("(?i)HELLO", "say hello")))
