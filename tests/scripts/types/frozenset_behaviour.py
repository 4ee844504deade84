# types: frozenset: immutability, hashing, use as dict key and mixing with set
f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, sorted(f), type(f).__name__)
print(frozenset(), frozenset("aa"), repr(frozenset([1])))
print(hash(f) == hash(frozenset({1, 2, 3})), {f: "key"}[frozenset([1, 2, 3])])
nested = {frozenset({1, 2}), frozenset({2, 1}), frozenset()}
print(len(nested))
s = {1, 2}
print(type(f | s).__name__, type(s | f).__name__, type(f & s).__name__, type(f - s).__name__)
print(sorted(f | s), f & s == {1, 2}, f == {1, 2, 3}, f.issuperset(s))
print(sorted(f.union([9])), sorted(f.difference({1})), f.copy() == f)
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
g = f
g |= {10}
print(sorted(g), sorted(f), g is f)
print(frozenset([frozenset([1])]), frozenset(range(3)) < frozenset(range(4)))
