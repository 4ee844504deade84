# builtins: range: repr, len, indexing, slicing, negative steps, membership, equality
print(range(5), range(1, 5), range(0, 10, 2), range(5, 0, -1))
print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(0)))
print(list(range(5, 5)), list(range(5, 0)), list(range(-5, -1)), list(range(-1, -5, -1)))
r = range(3, 30, 4)
print(len(r), r[0], r[-1], r[2], r.start, r.stop, r.step)
print(r[1:4], r[::-1], r[::2], list(r[::-2]), r[-2:])
print(7 in r, 8 in r, 31 in r, 3.0 in r, "3" in r)
print(r.index(11), r.count(11), r.count(12))
print(range(0) == range(5, 5), range(0, 3) == range(3), range(0, 10, 3) == range(0, 11, 3))
print(len(range(0, 100, 7)), len(range(100, 0, -7)))
print(bool(range(0)), bool(range(1)), list(reversed(range(4))))
print(sum(range(101)), max(range(10)), min(range(3, 9)))
big = range(0, 10 ** 30, 10 ** 10)
print(big[-1], big[3], 10 ** 20 in big, 10 ** 20 + 1 in big)
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[100]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
print(type(range(3)).__name__, list(range(True, 4)))
