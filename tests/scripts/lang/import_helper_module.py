# lang: importing a module from the script's directory: caching, attributes, aliases
import helper_greetings
import helper_greetings
import helper_greetings as hg
print(hg is helper_greetings)
print(helper_greetings.greet("Ann"), hg.shout("bob"), hg.GREETING)
print(type(hg).__name__, hg.__name__)
import sys
print("helper_greetings" in sys.modules, sys.modules["helper_greetings"] is hg)
from helper_greetings import greet, GREETING as G
print(greet("Cy"), G)
from helper_greetings import shout as yell
print(yell("dee"))
hg.GREETING = "howdy"
print(greet("Eve"))
print(hg._private)
try:
    from helper_greetings import no_such_name
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0], e.name)
try:
    import helper_does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
print(isinstance(ModuleNotFoundError(), ImportError))
