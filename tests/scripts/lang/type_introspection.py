# lang: type(), __name__, __qualname__, __module__, __class__, __doc__ on classes and functions
class Outer:
    """Outer docstring."""
    class Inner:
        def method(self):
            """Method docstring."""
    def method(self):
        def local():
            pass
        return local
def function():
    """Function docstring."""
def undocumented():
    pass
print(type(1), type("s"), type(None), type(Outer), type(type))
print(Outer.__name__, Outer.__qualname__, Outer.Inner.__name__, Outer.Inner.__qualname__)
print(Outer.method.__qualname__, Outer.Inner.method.__qualname__, Outer().method().__qualname__)
print(function.__name__, function.__qualname__, function.__module__, Outer.__module__)
print(Outer.__doc__, Outer.Inner.method.__doc__, function.__doc__, undocumented.__doc__, Outer.Inner.__doc__)
o = Outer()
print(o.__class__ is Outer, o.__class__.__name__, type(o).__qualname__)
print(int.__name__, str.__qualname__, len.__name__, int.__module__, len.__module__)
print((1).__class__, "x".__class__.__class__, [].__class__.__name__)
print(Outer.Inner().method.__name__, type(Outer().method).__name__, type(function).__name__)
print(type(len).__name__, type(print).__name__)
print(__name__, type(__builtins__).__name__ in ("module", "dict"))
