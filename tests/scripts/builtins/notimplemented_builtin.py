# builtins: the NotImplemented singleton, and how binary operators use it
print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__)
print(NotImplemented is NotImplemented, (1).__add__("x"), (1).__eq__("1"), "a".__lt__(1))
print(int.__add__(1, 2), (2.5).__mul__(2), [1].__eq__((1,)))
class Left:
    def __add__(self, other):
        print("  Left.__add__ returns NotImplemented")
        return NotImplemented
class Right:
    def __radd__(self, other):
        print("  Right.__radd__ handles it")
        return "right result"
print(Left() + Right())
class Neither:
    def __radd__(self, other):
        return NotImplemented
try:
    Left() + Neither()
except TypeError as e:
    print("TypeError:", e)
class Eq:
    def __eq__(self, other):
        return NotImplemented
print(Eq() == Eq(), Eq() != Eq(), Eq() == 1)
e = Eq()
print(e == e, e != e)
