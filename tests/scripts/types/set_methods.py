# types: set add, remove, discard, pop, clear, copy, membership and element rules
s = set()
s.add(3)
s.add(1)
s.add(3)
print(s, len(s))
s.update([5, 7], range(2))
print(sorted(s))
s.remove(7)
s.discard(7)
s.discard(100)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
single = {42}
print(single.pop(), single)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
copy = s.copy()
copy.add(-1)
print(sorted(s), sorted(copy))
copy.clear()
print(copy, bool(copy), bool(s))
print({1, 1.0, True}, {0, False, 0.0}, len({"a", "a", "b"}))
print(sorted({(1, 2), (1, 2), (2, 1)}), sorted({"b", "a"}), 2 in {1, 2}, [1] not in [set()])
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    {1}.add({2})
except TypeError as e:
    print("TypeError:", e)
print({frozenset({1})}, repr(set()), repr({1, 2, 3}), type({1}).__name__)
print(sorted(set("mississippi")), sorted({c.upper() for c in "aAbB"}))
