# lang: calling a class whose __init__ is a plain Python function runs __init__ in place: the
# instance is the call's value, errors and odd return values behave as in CPython
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def __repr__(self):
        return f"Point3({self.x}, {self.y}, {self.z})"


class Inherits(Point):
    pass


print(Point(1, 2), Point3(1, 2, 3), Inherits(5, 6), type(Inherits(0, 0)).__name__)
points = [Point(i, i * i) for i in range(4)]
print(points, len({id(p) for p in points}))


class Tree:
    def __init__(self, depth):
        self.children = [Tree(depth - 1), Tree(depth - 1)] if depth else []

    def size(self):
        return 1 + sum(child.size() for child in self.children)


print(Tree(6).size())


class Returns:
    def __init__(self, value):
        self.value = value
        return value


print(Returns(None).value)
try:
    Returns(42)
except TypeError as error:
    print("TypeError:", error)


class Fails:
    def __init__(self, divisor):
        self.result = 1 / divisor


try:
    Fails(0)
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)
print(Fails(4).result)


class Tracked:
    live = 0

    def __init__(self, fail):
        Tracked.live += 1
        if fail:
            raise ValueError("refused")

    def __del__(self):
        Tracked.live -= 1


try:
    Tracked(True)
except ValueError as error:
    print("ValueError:", error)
keep = Tracked(False)
print("live:", Tracked.live)
del keep
print("live after del:", Tracked.live)


class WithNew:
    def __new__(cls, value):
        print("__new__", value)
        return super().__new__(cls)

    def __init__(self, value):
        self.value = value


print(WithNew(7).value)


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)


class Managed(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print(Managed(3).a)


class Defaults:
    def __init__(self, a, b=2):
        self.total = a + b


print(Defaults(1).total, Defaults(1, 5).total)
try:
    Point(1)
except TypeError as error:
    print("TypeError:", error)


class Replaced:
    def __init__(self, a):
        self.a = a


def other_init(self, a):
    self.a = a * 100


print(Replaced(1).a)
Replaced.__init__ = other_init
print(Replaced(1).a)


class Removes:
    def __init__(self, x):
        del Removes.__init__  # the running __init__ must outlive its place in the class
        parts = [x] * 3
        self.total = sum(parts)


print(Removes(2).total, "__init__" in Removes.__dict__)
