# lang: rich comparison methods, reflection, and __ne__ derived from __eq__
class Version:
    verbose = True
    def __init__(self, major, minor):
        self.key = (major, minor)
    def __eq__(self, other):
        if Version.verbose:
            print(f"  {self}.__eq__({other})")
        if not isinstance(other, Version):
            return NotImplemented
        return self.key == other.key
    def __lt__(self, other):
        if Version.verbose:
            print(f"  {self}.__lt__({other})")
        if not isinstance(other, Version):
            return NotImplemented
        return self.key < other.key
    def __le__(self, other):
        return self.key <= other.key
    def __repr__(self):
        return f"v{self.key[0]}.{self.key[1]}"
v1, v2, v1b = Version(1, 0), Version(2, 0), Version(1, 0)
print(v1 == v1b)
print(v1 != v2)
print(v1 < v2)
print(v2 > v1)
print(v1 <= v1b, v2 >= v1)
Version.verbose = False
print(sorted([v2, v1, Version(1, 5)]))
Version.verbose = True
print(v1 == "1.0")
print(v1 in [v2, v1b])
class Loose:
    def __eq__(self, other):
        return "truthy string"
print(Loose() == 1, 1 == Loose(), Loose() != 1)
class Always:
    def __lt__(self, other):
        return True
    def __gt__(self, other):
        return False
print(Always() < 5, 5 < Always(), 5 > Always())
print(max([Version(3, 1), Version(3, 0)], key=lambda v: v.key))
