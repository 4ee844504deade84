# types: tuple creation, indexing, count/index, concatenation, comparison, hashing, unpacking
t = (1, 2, 3, 2, 1)
print(t, t[0], t[-1], t[1:3], t[::-1], len(t), t.count(2), t.count(9), t.index(2), t.index(1, 1))
print((), (1,), (1), tuple([1]), type((1)).__name__, type((1,)).__name__)
print((1, 2) + (3,), (0,) * 3, (1, 2) == (1, 2), (1, 2) < (1, 3), (1,) < (1, 0), () < (0,))
print(hash((1, "a")) == hash((1, "a")), {(1, 2): "pair"}[(1, 2)], (1, [2]) == (1, [2]))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
holder = ([1],)
holder[0].append(2)
print(holder)
a, b, c = (1, 2, 3)
print(a, b, c, 2 in t, 7 not in t, sum(t), max(t), sorted(t))
print(tuple("abc"), tuple(range(3)), (1, 2, 3)[1:], ((1, 2), (3, 4))[1][0])
print(repr((1,)), repr(("a", None, 1.5)), str(((),)))
print(tuple(x * 2 for x in t), t + tuple("x"))
