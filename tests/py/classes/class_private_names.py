class A:
    def __init__(self):
        self.__secret = 1
        self._prot = 2
    def __hidden(self): return "hidden"
    def reveal(self): return self.__secret, self.__hidden()
a = A()
print(a.reveal(), a._A__secret, a._prot, "_A__hidden" in dir(A))
try:
    a.__secret
except AttributeError as e:
    print("AttributeError:", e)
class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = "b"
b = B()
print(b._A__secret, b._B__secret)
