# lang test helper: shape classes using relative imports of sibling and parent modules
from .units import METRE, describe
from .. import PACKAGE_LEVEL
class Square:
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side * self.side
    def label(self):
        return describe(self.area()) + " from " + PACKAGE_LEVEL
class Circle:
    def __init__(self, radius):
        self.radius = radius
    def area(self):
        return round(3.14159 * self.radius * self.radius, 2)
