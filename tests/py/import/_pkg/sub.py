print("loading", __name__, __package__)
def helper():
    return "helper in " + __name__
