# lang: properties in subclasses: overriding, extending with super(), and property() calls
class Base:
    @property
    def name(self):
        return "base"
class Derived(Base):
    @property
    def name(self):
        return "derived+" + super().name
print(Derived().name)
class Circle:
    def __init__(self, r):
        self.r = r
    def _area(self):
        return round(3.14159 * self.r ** 2, 3)
    area = property(_area, doc="computed area")
print(Circle(2).area, Circle.area.__doc__)

class Square:
    def __init__(self, side):
        self._side = side
    @property
    def side(self):
        return self._side
class ResizableSquare(Square):
    @Square.side.setter
    def side(self, value):
        self._side = value
s = ResizableSquare(2)
s.side = 5
print(s.side)
try:
    Square(1).side = 3
except AttributeError as e:
    print("AttributeError:", e)
