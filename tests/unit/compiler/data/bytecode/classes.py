class A(Base, metaclass=Meta):
    "doc"
    x: int = 1
    def method(self, v):
        return super().method(v) + __class__.x
    @staticmethod
    def s(*, k):
        return k
    def __private(self):
        self.__y = 2
def f():
    v = 1
    class C:
        v = v
        def m(self):
            return v
    return C
