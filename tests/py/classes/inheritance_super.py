class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name} says {self.speak()}"
class Dog(Animal):
    def speak(self):
        return "woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + "!"
p = Puppy("rex", 1)
print(p.describe(), p.age, Puppy.__bases__, Puppy.__mro__)
print(isinstance(p, Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy))
class Base:
    def hello(self):
        return "base"
class Left(Base):
    def hello(self):
        return "left+" + super().hello()
class Right(Base):
    def hello(self):
        return "right+" + super().hello()
class Child(Left, Right):
    def hello(self):
        return "child+" + super().hello()
print(Child().hello(), [c.__name__ for c in Child.__mro__])
print(super(Left, Child()).hello())
