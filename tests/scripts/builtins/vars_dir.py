# builtins: vars and dir on user classes and instances, filtered to non-dunder names
class Base:
    base_attr = 1
    def base_method(self):
        pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.instance_attr = 3
    def child_method(self):
        pass
    @property
    def prop(self):
        return 4
def public(names):
    return [n for n in names if not n.startswith("__")]
c = Child()
print(public(dir(Child)))
print(public(dir(c)))
print(vars(c))
print(public(vars(Child)))
print(dir(c) == sorted(dir(c)), "__init__" in dir(c), "__class__" in dir(c))
print(public(dir([]))[:5], "append" in dir(list), "upper" in dir(""))
import math
print("sqrt" in dir(math), sorted(public(vars(math))) == public(dir(math)))
def local_scope():
    a = 1
    b = 2
    return dir()
print(local_scope())
class Empty:
    pass
print(public(dir(Empty())), vars(Empty()))
