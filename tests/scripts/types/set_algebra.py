# types: set algebra with operators and methods, printed in sorted order
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [7])), sorted(a.intersection(b, {4})), sorted(a.difference(b, {1})))
print(sorted(a.symmetric_difference([1, 9])), sorted(a.union()), sorted(a.intersection("")))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2} < {1, 2, 3}, {1, 2, 3} >= {3}, {1} > {1})
print({1, 2}.issubset([1, 2, 5]), {1, 2}.issuperset((2,)), {1}.isdisjoint({2}), {1}.isdisjoint([1]))
print({1, 2} == {2, 1}, {1, 2} != {1}, set() == frozenset(), {1, 2} == [1, 2])
c = {1, 2, 3}
c |= {4}
c &= {2, 3, 4, 5}
c -= {3}
c ^= {4, 9}
print(sorted(c))
d = set(range(10))
d.intersection_update(range(0, 10, 2), range(0, 10, 3))
print(sorted(d))
d.update([1, 2], (3,))
d.difference_update({0})
d.symmetric_difference_update({3, 100})
print(sorted(d))
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
words = {"pear", "apple"} | {"fig"}
print(sorted(words), len(words), "fig" in words)
