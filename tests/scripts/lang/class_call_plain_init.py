# Calling a class whose instances need only object.__new__ and a Python __init__ takes a short
# path that remembers the __init__ on the class: it must follow every change to the class.


class PointBase:
    def __init__(self, *args):
        self.base_args = args


class Point(PointBase):
    def __init__(self, x, y=0):
        self.x = x
        self.y = y


print(vars(Point(1, 2)), vars(Point(3)), vars(Point(y=5, x=4)))


# __init__ replaced, on the class and on a base, after instances were made.
def other_init(self, x, y=0):
    self.sum = x + y


for round_number in range(2):
    print(vars(Point(1, 2)))
    Point.__init__ = other_init
    print(vars(Point(1, 2)))
    del Point.__init__
    print(vars(Point(1, 2)), vars(Point()))
    Point.__init__ = lambda self, x, y=0: setattr(self, "x", x)


class Base:
    def __init__(self, *args):
        self.args = args


class Derived(Base):
    pass


print(Derived(1, 2, 3).args, Derived().args)
Base.__init__ = lambda self, *args: setattr(self, "count", len(args))
print(vars(Derived(1, 2, 3)))


# Eight and more arguments, keyword arguments, defaults.
class Many:
    def __init__(self, a, b, c, d, e, f, g, h=8, *rest, key=None):
        self.total = a + b + c + d + e + f + g + h + sum(rest)
        self.key = key


print(vars(Many(1, 2, 3, 4, 5, 6, 7)), vars(Many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)), vars(Many(*range(7), key="k")))


# __init__ that returns something, that raises, that is missing arguments.
class Returns:
    def __init__(self, value):
        self.value = value
        return value


print(vars(Returns(None)))
for value in (1, "text", []):
    try:
        Returns(value)
    except TypeError as error:
        print("TypeError:", error)


class Raises:
    made = 0

    def __init__(self, fail):
        Raises.made += 1
        if fail:
            raise ValueError("no instance")
        self.ok = True


for fail in (False, True, False):
    try:
        print(vars(Raises(fail)))
    except ValueError as error:
        print("ValueError:", error)
print(Raises.made)
try:
    Point()
except TypeError as error:
    print("TypeError:", error)


# Not plain: a __new__, a metaclass with __call__.
class WithNew:
    def __new__(cls, *args):
        instance = super().__new__(cls)
        instance.from_new = args
        return instance

    def __init__(self, *args):
        self.from_init = args


print(vars(WithNew(1, 2)))


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)


class Counted(metaclass=Meta):
    def __init__(self, n):
        self.n = n


print(vars(Counted(3)))


# A __new__ added later, then one that makes the instance as object.__new__ would.
class Late:
    def __init__(self, v):
        self.v = v


print(vars(Late(1)))
Late.__new__ = lambda cls, v: "made by __new__"
print(Late(2))
Late.__new__ = lambda cls, v: object.__new__(cls)
print(vars(Late(3)))

# Classes made and dropped in a loop (a freed class's memory may hold the next one).
for i in range(5):
    Temp = type("Temp", (), {"__init__": (lambda k: lambda self: setattr(self, "k", k))(i)})
    print(Temp().k, end=" ")
print()
