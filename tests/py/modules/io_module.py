import io
s = io.StringIO()
s.write("hello\n")
s.write("world")
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(s.readline(), s.read())
b = io.BytesIO(b"binary data")
print(b.read(6), b.read(), b.getvalue())
