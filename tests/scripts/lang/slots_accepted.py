# lang: classes declaring __slots__ behave normally for declared attributes
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(1, 2)
p.x = 10
print(p, p.x + p.y)
print(Point.__slots__)
class Point3(Point):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
q = Point3(1, 2, 3)
print(q.x, q.y, q.z, isinstance(q, Point))
class Single:
    __slots__ = "only"
s = Single()
s.only = "value"
print(s.only, getattr(s, "only"))
class WithDefaults:
    __slots__ = ["a", "b"]
    kind = "class attribute still readable"
    def __init__(self):
        self.a = 1
print(WithDefaults().a, WithDefaults.kind, hasattr(WithDefaults(), "b"))
