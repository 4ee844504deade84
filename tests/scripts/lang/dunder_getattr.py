# lang: __getattr__ for missing attributes, __setattr__ and __delattr__ hooks
class Defaults:
    existing = "real attribute"
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return f"generated {name}"
        raise AttributeError(f"{type(self).__name__!r} has nothing called {name!r}")
d = Defaults()
print(d.existing, d.auto_color)
try:
    d.missing
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(d, "auto_x"), getattr(d, "nope", "fallback"), hasattr(d, "nope"))
class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(f"set {name}")
        object.__setattr__(self, name, value.upper() if isinstance(value, str) else value)
    def __delattr__(self, name):
        self.log.append(f"del {name}")
        object.__delattr__(self, name)
r = Recorder()
r.name = "quiet"
r.size = 3
del r.size
print(r.name, r.log, hasattr(r, "size"))
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        print(f"  forwarding {name}")
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1))
class Dynamic:
    def __getattribute__(self, name):
        if name == "magic":
            return 42
        return object.__getattribute__(self, name)
dy = Dynamic()
dy.real = 1
print(dy.magic, dy.real)
