def add(a, b):
    return a + b
def greet(name, greeting="hello"):
    return greeting + " " + name
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
print(add(2, 3), greet("adder"), greet("you", greeting="hi"), fact(10))
