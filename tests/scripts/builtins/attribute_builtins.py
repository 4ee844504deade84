# builtins: getattr, setattr, hasattr and delattr on instances, classes and modules
import math
class Config:
    level = 1
c = Config()
setattr(c, "name", "demo")
print(getattr(c, "name"), getattr(c, "level"), getattr(c, "missing", "default"))
print(hasattr(c, "name"), hasattr(c, "missing"), hasattr(Config, "level"), hasattr(c, "__class__"))
delattr(c, "name")
print(hasattr(c, "name"))
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
setattr(Config, "added", [1])
print(c.added, getattr(Config, "added"))
print(getattr(math, "pi"), getattr("text", "upper")(), getattr([], "append").__name__)
attribute = "dynamic_" + "attr"
setattr(c, attribute, 99)
print(c.dynamic_attr, vars(c))
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(c, "missing", None) is None)
class Guarded:
    @property
    def boom(self):
        raise AttributeError("raised inside property")
print(hasattr(Guarded(), "boom"), getattr(Guarded(), "boom", "fell back"))
