class C:
    count = 0
    def __init__(self):
        C.count += 1
    @staticmethod
    def util(x):
        return x * 2
    @classmethod
    def make(cls):
        return cls()
    @classmethod
    def name(cls):
        return cls.__name__
class D(C): pass
print(C.util(3), C().util(4), type(C.make()).__name__, type(D.make()).__name__, D.name(), C.count)
print(type(C.__dict__["util"]).__name__, type(C.__dict__["make"]).__name__)
