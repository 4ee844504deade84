# lang: augmented assignment calls __iadd__ when defined, else falls back to __add__ and rebinds
class Accumulator:
    def __init__(self, items):
        self.items = list(items)
    def __iadd__(self, other):
        print("__iadd__ with", other)
        self.items.extend(other)
        return self
    def __add__(self, other):
        print("__add__ with", other)
        return Accumulator(self.items + list(other))
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return OnlyAdd(self.v + other)
acc = Accumulator([1])
same = acc
acc += [2]
print(acc.items, acc is same)
o = OnlyAdd(1)
orig = o
o += 5
print(o.v, o is orig, orig.v)
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __imul__(self, k):
        self.rows = [[v * k for v in row] for row in self.rows]
        return self
    def __isub__(self, other):
        return "isub may return anything"
m = Matrix([[1, 2], [3, 4]])
alias = m
m *= 3
print(m.rows, m is alias)
m -= 1
print(m)
items = {"list": [1]}
items["list"] += [2]
print(items)
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(t)
