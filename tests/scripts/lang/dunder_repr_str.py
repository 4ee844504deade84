# lang: __repr__ and __str__: who uses which, fallbacks, containers use repr
class Both:
    def __repr__(self):
        return "Both(repr)"
    def __str__(self):
        return "both-str"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class StrOnly:
    def __str__(self):
        return "str-only"
b, r, s = Both(), ReprOnly(), StrOnly()
print(b, r)
print(str(b), repr(b), str(r), repr(r))
print([b, r], (b,), {"k": b})
print(f"{b} {b!r} {r}")
print("%s %r" % (b, b))
print(str(s), repr(s).startswith("<__main__.StrOnly object at 0x"))
print(format(b), "{}".format(r))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"{type(self).__name__}({self.x!r}, {self.y!r})"
class Point3(Point):
    pass
print(Point(1, "a"), Point3(2.5, None), [Point(0, 0)])
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
print(str(Point), repr(int), str(None), repr("quoted"), str("plain"))
