# lang: class decorators that register, add methods, or replace the class
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
def with_prefix(prefix):
    def decorate(cls):
        cls.prefix = prefix
        return cls
    return decorate
@register
@add_repr
@with_prefix(">>")
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
@register
class Other:
    pass
print(registry)
print(Point(1, "two"), Point.prefix)
def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, value):
        self.value = value
a = Config(1)
b = Config(2)
print(a is b, a.value, type(Config).__name__)
def ordering(cls):
    cls.__le__ = lambda self, other: self < other or self == other
    return cls
@ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return self.n < other.n
    def __eq__(self, other):
        return self.n == other.n
print(Version(1) <= Version(2), Version(2) <= Version(2), Version(3) <= Version(2))
