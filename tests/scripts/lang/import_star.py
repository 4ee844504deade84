# lang: `from module import *` honours __all__; without __all__ it skips underscore names
from helper_greetings import *
print(greet("star"), GREETING)
print("shout" in dir(), "_private" in dir(), "run_as_main" in dir())
from helper_shapes import *
print(area_of_square(3), "UNIT" in dir(), "_scale" in dir())
import helper_greetings
print(helper_greetings.__all__, sorted(n for n in dir() if n in helper_greetings.__all__))
def star_names():
    names = sorted(n for n in globals() if not n.startswith("__"))
    return [n for n in names if n not in ("helper_greetings", "star_names")]
print(star_names())
GREETING = "rebound locally"
print(greet("again"), GREETING)
