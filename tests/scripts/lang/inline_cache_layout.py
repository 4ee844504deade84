# Inline caches packed per cached instruction: neighbouring global loads, attribute loads and
# stores and method loads of one function keep their own entries, in every code object.

LIMIT = 7
SCALE = 3


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def norm1(self):
        return super().norm1() + abs(self.z)


def mixed(p, q):
    # Each line mixes a global, attributes of two receivers and a method call.
    a = p.x * SCALE + q.y - LIMIT
    p.y = q.x + LIMIT
    b = p.norm1() + q.norm1() * SCALE
    q.x = p.y - SCALE
    return a, b, len(str(p.x)), min(LIMIT, q.x)


points = [Point(1, 2), Point3(3, -4, 5), Point(-6, 7), Point3(8, 9, -10)]
for round_ in range(3):
    for i in range(len(points)):
        print(round_, i, mixed(points[i], points[(i + 1) % len(points)]))
    # Rebinding globals and class attributes between rounds invalidates the entries.
    SCALE += 1
    LIMIT = LIMIT * 2
    if round_ == 1:
        Point.norm1 = lambda self: self.x - self.y


def no_cached_instructions(n):
    return n + 1


def only_globals():
    return LIMIT + SCALE


print(no_cached_instructions(1), only_globals())
del LIMIT
try:
    only_globals()
except NameError as error:
    print("NameError:", error)
