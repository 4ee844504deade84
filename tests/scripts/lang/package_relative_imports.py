# lang: packages with __init__.py, submodules, relative imports and package attributes
import mods.geometry
print(mods.PACKAGE_LEVEL, mods.geometry.DEFAULT_UNIT)
from mods.geometry import Square, Circle
print(Square(3).area(), Circle(1).area(), Square(2).label())
from mods.geometry.units import describe
print(describe(9))
import mods.geometry.shapes as shapes
print(shapes.Square is Square, shapes.__name__, Square.__module__)
import sys
print(sorted(name for name in sys.modules if name.startswith("mods")))
print(mods.geometry.units.METRE, hasattr(mods, "geometry"))
from mods import geometry as g
print(g is mods.geometry, g.__name__, mods.__name__)
print(mods.geometry.__package__, shapes.__package__, mods.__package__)
