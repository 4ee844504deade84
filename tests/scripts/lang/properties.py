# lang: property with getter, setter and deleter, read-only properties, inheritance
class Temperature:
    def __init__(self, celsius):
        self._celsius = celsius
    @property
    def celsius(self):
        return self._celsius
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        print("  setting celsius to", value)
        self._celsius = value
    @celsius.deleter
    def celsius(self):
        print("  deleting celsius")
        del self._celsius
    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 0
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_celsius"))
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
print(type(Temperature.celsius).__name__, Temperature.celsius.fget.__name__)
class Lazy:
    computed = 0
    @property
    def value(self):
        Lazy.computed += 1
        return 42
lz = Lazy()
print(lz.value, lz.value, Lazy.computed)
