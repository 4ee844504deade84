# Instance __dict__s are presized from the attribute count of the class's last freed instance
# and start with their table in the dict's own block: every way attributes come and go must
# behave as ordinary dicts do.
import gc


class Shape:
    pass


def fill(obj, count, prefix="a"):
    for i in range(count):
        setattr(obj, f"{prefix}{i}", i * i)


# The attribute count changes from one instance to the next: small, many (past the 30 that
# are presized at most), small again, none.
for count in (2, 5, 6, 12, 40, 3, 0, 31, 1):
    shape = Shape()
    fill(shape, count)
    attributes = vars(shape)
    print(count, len(attributes), sum(attributes.values()), list(attributes)[:3], list(attributes)[-1:])
    del shape

# Growing one instance far past its first table, then shrinking it by deletion.
big = Shape()
fill(big, 100)
for i in range(0, 100, 3):
    delattr(big, f"a{i}")
print(len(big.__dict__), big.a1, big.a98, hasattr(big, "a3"), sorted(big.__dict__)[:4])
fill(big, 5, "b")
print(len(big.__dict__), list(big.__dict__)[-5:])

# Deleting and re-adding attributes keeps insertion order, as a dict does.
p = Shape()
p.x, p.y, p.z = 1, 2, 3
del p.y
p.y = 20
p.w = 4
del p.x
print(vars(p))
try:
    del p.x
except AttributeError as error:
    print("AttributeError", error)

# The instance dict outlives its instance, and keeps working after the class saw it freed.
keeper = Shape()
fill(keeper, 7)
kept = keeper.__dict__
del keeper
kept["extra"] = "still here"
print(len(kept), kept["a6"], kept["extra"])
after = Shape()
after.only = 1
print(vars(after))

# __dict__ read before any attribute is set, then written through.
fresh = Shape()
d = fresh.__dict__
print(d, fresh.__dict__ is d)
fresh.first = "one"
print(d)

# __dict__ replaced: the old one is let go, the new one (any size) is used from then on.
r = Shape()
fill(r, 4)
old = r.__dict__
r.__dict__ = {"k%d" % i: i for i in range(50)}
print(len(r.__dict__), r.k49, len(old), hasattr(r, "a0"))
r.__dict__ = {}
r.late = "late"
print(vars(r))

# Copies, clears and updates of an instance dict.
c = Shape()
fill(c, 4)
copy = c.__dict__.copy()
copy["new"] = 1
c.__dict__.clear()
print(copy, vars(c))
c.after_clear = 2
c.__dict__.update({"u%d" % i: i for i in range(10)})
print(list(vars(c)), dict(vars(c)) == vars(c))


# Subclasses: instances of each class keep their own history.
class Base:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "base%d" % i, i)


class Derived(Base):
    def __init__(self, n, m):
        super().__init__(n)
        for i in range(m):
            setattr(self, "derived%d" % i, -i)


for n, m in ((1, 1), (2, 20), (0, 0), (3, 2), (10, 30)):
    base = Base(n)
    derived = Derived(n, m)
    print(n, m, len(vars(base)), len(vars(derived)), sum(vars(derived).values()))


# Instances in cycles freed by the collector, then more instances made.
class Node:
    def __init__(self, name):
        self.name = name
        self.next = None


for round_number in range(3):
    a, b = Node("a"), Node("b")
    a.next, b.next = b, a
    for i in range(8):
        setattr(a, "extra%d" % i, i)
    del a, b
    gc.collect()
    n = Node("n%d" % round_number)
    print(vars(n))

# Many instances alive at once, each with a different number of attributes.
alive = []
for i in range(60):
    s = Shape()
    fill(s, i % 13)
    alive.append(s)
print(sum(len(vars(s)) for s in alive), vars(alive[12]))
