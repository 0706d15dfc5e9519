def f():
    return undefined_variable_xyz
f()
