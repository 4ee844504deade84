# lang test helper: subpackage re-exporting names from its submodules via relative imports
from .shapes import Square, Circle
from . import units
DEFAULT_UNIT = units.METRE
