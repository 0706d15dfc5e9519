print('single', "double", '''triple
quoted''', """another""")
print("esc: \t|\\|\'|\"|\x41|\101|\u00e9|\N{BULLET}", r"raw\n\t", b"bytes\x00", rb"\d+")
print("concat" "enated", "a" 'b' """c""", len("\n"), len(r"\n"))
print("\
continued", 'it''s')
print(0x1F, 0o17, 0b1010, 1_000, 1e3, 1.5e-3, .5, 5., 0xdead_beef, 1j, 1.5J)
