# builtins: type with one argument, id comparisons, and hash of equal values
print(type(1), type(1.0), type("s"), type([]), type(()), type({}), type(set()), type(None))
print(type(type(1)), type(int), type(len), type(range(1)).__name__, type(b"").__name__)
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), type(id(a)).__name__, id(a) > 0)
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(False) == hash(0.0))
print(hash(42), hash(-1), hash(-2), hash(0), hash(10 ** 5))
print(hash((1, 2)) == hash((1, 2)), hash("text") == hash("te" + "xt"), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(10 ** 30) == hash(10 ** 30))
print(hash(1.5) == hash(1.5), hash(2.0) == hash(2), hash(None) == hash(None))
print(type(hash("x")).__name__, hash(float("inf")), hash(float("-inf")))
for value in ([1], {}, set()):
    try:
        hash(value)
    except TypeError as e:
        print("TypeError:", e)
class Thing:
    pass
print(type(Thing()) is Thing, type(Thing) is type, type(type) is type)
print(type(1) == int, type(True) == int, type(True) is bool)
