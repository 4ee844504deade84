# lang: container protocol: __len__, __getitem__, __setitem__, __delitem__, __contains__
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {key} outside grid")
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        print("  set", key, "=", value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("  delete", key)
        del self.cells[key]
    def __contains__(self, value):
        return value in self.cells.values()
g = Grid(3, 2)
g[0, 0] = "X"
g[2, 1] = "O"
print(len(g), g[0, 0], g[1, 1], "X" in g, "Z" in g, "Z" not in g)
del g[0, 0]
print(g[0, 0], "X" in g)
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i
print(list(Squares()), 9 in Squares(), 10 in Squares())
for s in Squares():
    print(s, end=" ")
print()
class Sliceable:
    def __getitem__(self, item):
        return repr(item)
s = Sliceable()
print(s[1], s[1:2], s[::3], s[1, 2:3], s["key"], s[...])
class Sized:
    def __len__(self):
        return 0
print(bool(Sized()), len(Sized()))
class NegativeLen:
    def __len__(self):
        return -1
try:
    len(NegativeLen())
except ValueError as e:
    print("ValueError:", e)
