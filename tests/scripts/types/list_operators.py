# types: list +, *, comparisons, membership, and repr of nested and recursive lists
a = [1, 2]
b = [3]
print(a + b, a * 3, 0 * a, [0] * -1, 2 * b, a + [], [] + [])
print(a == [1, 2], a != [2, 1], a < [1, 3], a < [1, 2, 0], [2] > [1, 99], [] < [0])
print([1, "a"] == [1, "a"], [1, 2] == (1, 2), [[1, 2]] < [[1, 3]], [1.0] == [1])
try:
    [1, "x"] < [1, 2]
except TypeError as e:
    print("TypeError:", e)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
try:
    [1] * 1.5
except TypeError as e:
    print("TypeError:", e)
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
grid = [[0] * 2 for _ in range(2)]
grid[0][0] = 1
print(grid)
nested = [1, [2, [3, [4, []]]], "s", None, 1.5, (1,), {"k": [1]}]
print(nested, str(nested) == repr(nested))
r = [1, 2]
r.append(r)
print(r, repr(r))
outer = [0]
inner = [outer]
outer.append(inner)
print(outer)
d = {"self": None}
d["self"] = d
print(d, [d])
print(3 in [1, 2, 3], [2] in [[1], [2]], "a" in ["abc"], None in [0, None])
print(list("ab") + list(range(2)), [*a, *b] == a + b)
