# lang: NotImplemented fallbacks for comparisons and arithmetic, and the resulting TypeErrors
class Meters:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        return NotImplemented
    def __eq__(self, other):
        if isinstance(other, Meters):
            return self.v == other.v
        return NotImplemented
    def __lt__(self, other):
        if isinstance(other, Meters):
            return self.v < other.v
        return NotImplemented
class Feet:
    def __init__(self, v):
        self.v = v
    def __radd__(self, other):
        print("  Feet.__radd__ used")
        return Meters(other.v + self.v * 0.3)
    def __gt__(self, other):
        print("  Feet.__gt__ used as reflection of <")
        return True
print((Meters(1) + Meters(2)).v)
print((Meters(1) + Feet(10)).v)
print(Meters(1) < Feet(1))
try:
    Meters(1) + 1
except TypeError as e:
    print("TypeError:", e)
try:
    Meters(1) < 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 >= Meters(1)
except TypeError as e:
    print("TypeError:", e)
print(Meters(1) == 1, Meters(1) != 1, Meters(2) == Meters(2))
print(bool(NotImplemented) if False else type(NotImplemented).__name__, repr(NotImplemented))
class Other:
    pass
try:
    sorted([Other(), Other()])
except TypeError as e:
    print("TypeError:", e)
try:
    Other() * 2
except TypeError as e:
    print("TypeError:", e)
print(Other() == Other(), (o := Other()) == o)
