for v in ["plain", "it's", 'say "hi"', "both ' \"", "tab\tnew\nline", "\\", "é∑😀", "\x7f\x80", b"by'tes", 1.0, [1, "a"], (1,), {"k": "v"}]:
    print(repr(v), str(v), ascii(v))
print(repr(repr("x")), str(str), repr(int), repr(len), str(None))
