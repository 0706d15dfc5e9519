import traceback
def inner():
    raise ValueError("deep")
def outer():
    inner()
try:
    outer()
except ValueError as e:
    lines = traceback.format_exception_only(type(e), e)
    print(lines)
    tb = traceback.extract_tb(e.__traceback__)
    print([frame.name for frame in tb], [frame.line for frame in tb])
