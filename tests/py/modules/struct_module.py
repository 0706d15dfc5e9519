import struct
packed = struct.pack("<IhB", 1, -2, 3)
print(packed, len(packed), struct.unpack("<IhB", packed), struct.calcsize(">q"), struct.pack(">d", 1.5))
