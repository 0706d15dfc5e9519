class A:
    def who(self): return "A"
    @classmethod
    def cm(cls): return "A.cm " + cls.__name__
class B(A):
    def who(self): return "B>" + super().who()
    @classmethod
    def cm(cls): return "B>" + super().cm()
class C(B):
    def who(self): return "C>" + super(B, self).who()
print(B().who(), C().who(), C.cm(), super(C, C()).who())
