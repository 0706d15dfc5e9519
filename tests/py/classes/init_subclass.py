class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class Alpha(Plugin): pass
class Beta(Plugin, name="b"): pass
class Gamma(Beta): pass
print(Plugin.registry, Gamma.plugin_name)
class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class Host:
    first = Named()
    second = Named()
