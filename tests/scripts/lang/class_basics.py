# lang: class definitions: instance and class attributes, methods, bound methods
class Point:
    dimensions = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def as_tuple(self):
        return (self.x, self.y)
p = Point(1, 2)
q = p.moved(3, 4)
print(p.as_tuple(), q.as_tuple(), p.dimensions, Point.dimensions)
p.dimensions = 3
print(p.dimensions, q.dimensions, Point.dimensions)
Point.dimensions = 5
print(q.dimensions, p.dimensions)
del p.dimensions
print(p.dimensions)
bound = p.as_tuple
print(bound(), bound.__self__ is p, bound.__func__ is Point.as_tuple)
print(Point.as_tuple(q))
class Empty:
    pass
e = Empty()
e.anything = "added later"
print(e.anything, type(e).__name__, type(Empty).__name__)
Empty.shared = [1]
print(e.shared)
class Registry:
    instances = []
    def __init__(self, name):
        self.name = name
        Registry.instances.append(name)
Registry("a")
Registry("b")
print(Registry.instances)
class WithMethods:
    def method(self):
        return "method"
    name = "attr"
    def uses_other(self):
        return self.method() + " and " + self.name
print(WithMethods().uses_other())
print(p.x == 1, hasattr(p, "z"), getattr(p, "z", "missing"))
