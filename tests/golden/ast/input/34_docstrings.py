"""Module docstring."""

def f():
    """Function docstring."""
    'not a docstring'

class C:
    '''Class docstring.'''
    x = 1
