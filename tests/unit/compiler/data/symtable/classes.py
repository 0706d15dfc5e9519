class A(Base):
    attr = 1
    def method(self):
        return super().method() + attr
    def other(self):
        return __class__
    class Nested:
        def deep(self):
            return self.__private
def f():
    v = 1
    class C:
        v = v
        def m(self):
            return v
    return C
