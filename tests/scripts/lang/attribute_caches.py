# Attribute inline caches (LOAD_ATTR / STORE_ATTR / LOAD_METHOD): every way a cached answer can go stale.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return abs(self.x) + abs(self.y)


def read_x(obj):
    return obj.x


def write_x(obj, value):
    obj.x = value


def call_norm(obj):
    return obj.norm()


points = [Point(i, -i) for i in range(5)]
print("warm", [read_x(p) for p in points], [call_norm(p) for p in points])

# A data descriptor added to the class wins over the instance dict, for loads and stores.
Point.x = property(lambda self: "property x", lambda self, value: print("setter got", value))
print("property", read_x(points[0]))
write_x(points[0], 99)
print("dict still", points[0].__dict__["x"])
del Point.x
print("after del property", read_x(points[0]))

# A method replaced on the class; then shadowed by an instance attribute; then unshadowed.
print("method", call_norm(points[1]))
Point.norm = lambda self: "new norm"
print("replaced", call_norm(points[1]))
points[1].norm = lambda: "instance norm"
print("shadowed", call_norm(points[1]), call_norm(points[2]))
del points[1].norm
print("unshadowed", call_norm(points[1]))

# A method changed on a base class reaches instances of subclasses.
class Base:
    def who(self):
        return "base"


class Derived(Base):
    pass


class Other(Base):
    def who(self):
        return "other"


def call_who(obj):
    return obj.who()


objects = [Derived(), Other(), Base(), Derived()]
print("who", [call_who(o) for o in objects])
Base.who = lambda self: "patched base"
print("who", [call_who(o) for o in objects])
Derived.who = lambda self: "derived"
print("who", [call_who(o) for o in objects])

# One site seeing several classes, each laying out its dict differently.
class A:
    def __init__(self):
        self.value = "a"


class B:
    def __init__(self):
        self.first = 1
        self.value = "b"


class C:
    def __init__(self):
        self.first = 1
        self.second = 2
        self.value = "c"


def read_value(obj):
    return obj.value


mixed = [A(), B(), C(), A(), C(), B()] * 3
print("mixed", "".join(read_value(o) for o in mixed))

# Attributes deleted, re-added (the dict's entry moves), and dicts replaced.
p = Point(1, 2)
print(read_x(p))
del p.x
try:
    read_x(p)
except AttributeError as error:
    print("AttributeError:", error)
p.x = "re-added"
print(read_x(p), list(p.__dict__))
p.__dict__ = {"x": "from new dict"}
print(read_x(p))
write_x(p, "written")
print(p.__dict__)

# Stores into fresh instances through a warm site, then a name not interned.
fresh = [Point(0, 0) for _ in range(3)]
for i, q in enumerate(fresh):
    write_x(q, i * 10)
print([q.x for q in fresh])
name = "".join(["x"])
setattr(fresh[0], name, "setattr name")
print(read_x(fresh[0]))

# __getattr__ and __setattr__ added to a class after its sites are warm.
def read_missing(obj):
    return obj.missing


class Lazy:
    pass


lazy = Lazy()
lazy.missing = "plain"
print(read_missing(lazy))
del lazy.missing
Lazy.__getattr__ = lambda self, name: "computed " + name
print(read_missing(lazy))
log = []
Lazy.__setattr__ = lambda self, name, value: log.append((name, value))
write_x(lazy, 5)
print(log, lazy.__dict__)

# A descriptor with __set__ only (a data descriptor without __get__).
class SetOnly:
    def __set__(self, obj, value):
        obj.__dict__["seen"] = value


class Holder:
    pass


h = Holder()
write_x(h, 1)
Holder.x = SetOnly()
write_x(h, 2)
print(h.__dict__, read_x(h))

# Instances of a class that defines __slots__ (accepted) still read and write.
class Slotted:
    __slots__ = ("a",)

    def __init__(self):
        self.a = "slot a"


def read_a(obj):
    return obj.a


print([read_a(Slotted()) for _ in range(3)])
