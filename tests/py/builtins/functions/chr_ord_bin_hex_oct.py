print(chr(65), chr(0x263A), chr(0), repr(chr(10)), ord("A"), ord("€"), ord("\U0001F600"))
print(bin(0), bin(255), bin(-1), hex(0), hex(4096), oct(8), oct(-9))
for call in [lambda: chr(-1), lambda: chr(0x110000), lambda: ord("ab"), lambda: ord(""), lambda: hex(1.5)]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
class I:
    def __index__(self): return 10
print(bin(I()), hex(I()), oct(I()), list(range(20))[I()])
