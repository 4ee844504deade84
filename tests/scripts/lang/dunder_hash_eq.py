# lang: __hash__ and __eq__: defaults, unhashable classes, use as dict keys and set members
class Default:
    pass
a, b = Default(), Default()
print(a == a, a == b, a != b, hash(a) == hash(a), {a: 1}[a])
class WithEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, WithEq) and self.v == other.v
print(WithEq.__hash__)
try:
    hash(WithEq(1))
except TypeError as e:
    print("TypeError:", e)
try:
    {WithEq(1)}
except TypeError as e:
    print("TypeError:", e)
class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()
    def __hash__(self):
        return hash(self.name.lower())
    def __repr__(self):
        return f"Key({self.name!r})"
d = {Key("Alpha"): 1}
d[Key("ALPHA")] = 2
print(d, len({Key("x"), Key("X"), Key("y")}))
print(Key("b") in {Key("B")}, Key("c") in [Key("C")])
class Explicit(WithEq):
    __hash__ = object.__hash__
e = Explicit(3)
print(e in {e}, Explicit(3) == Explicit(3))
class Unhashable:
    __hash__ = None
try:
    hash(Unhashable())
except TypeError as e:
    print("TypeError:", e)
print(hash(True) == hash(1) == hash(1.0), hash("abc") == hash("ab" + "c"), hash((1, 2)) == hash((1, 2)))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
