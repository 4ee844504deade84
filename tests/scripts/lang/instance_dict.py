# lang: __dict__ of instances and classes, vars(), and dynamic attributes
class Config:
    version = 1
    def __init__(self):
        self.debug = False
        self.name = "app"
c = Config()
print(c.__dict__, vars(c) is c.__dict__)
c.extra = [1]
print(c.__dict__)
c.__dict__["injected"] = "via dict"
print(c.injected)
del c.__dict__["debug"]
print(hasattr(c, "debug"), sorted(vars(c)))
print(sorted(k for k in Config.__dict__ if not k.startswith("__")))
print(Config.__dict__["version"], type(Config.__dict__).__name__)
setattr(c, "dynamic", 5)
print(c.dynamic, getattr(c, "dynamic"))
for key, value in vars(c).items():
    print(" ", key, "=", value)
class Empty:
    pass
e = Empty()
print(e.__dict__, vars(e))
e.__dict__.update(a=1, b=2)
print(e.a + e.b)
try:
    vars(5)
except TypeError as ex:
    print("TypeError:", ex)
