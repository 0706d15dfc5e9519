print(bytes.fromhex("41 42"), bytearray.fromhex("ff"), memoryview(b"abc")[1], bytes(memoryview(b"xy")))
mv = memoryview(bytearray(b"hello"))
mv[0] = ord("j")
print(mv.tobytes(), len(mv), mv[1:3].tobytes(), list(mv[:2]))
