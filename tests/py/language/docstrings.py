"""Module docstring."""
def f():
    """Function docstring."""
class C:
    """Class docstring."""
    def m(self):
        """Method docstring."""
def g():
    x = 1
    """not a docstring"""
print(__doc__, f.__doc__, C.__doc__, C.m.__doc__, g.__doc__)
def multiline():
    """First line.

    More details here.
    """
print(repr(multiline.__doc__))
import inspect
print(repr(inspect.getdoc(multiline)))
