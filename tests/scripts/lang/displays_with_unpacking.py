# lang: list, tuple, set and dict displays with * and ** unpacking
a = [1, 2]
t = (3, 4)
print([*a, *t, 5], (*a, *t), (*a,), [*"ab", *range(2)])
print(sorted({*a, *t, 1}), {*()} == set())
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
print({**d1, **d2}, {**d2, **d1}, {**d1, "y": 0, **{"w": -1}})
print({"k": 0, **{}}, dict(**d1))
print([], (), {}, set(), [[]], ((),), (1,), ())
print([1, 2, 3,], (1, 2,), {1: 2,})
first, *middle, last = [*range(6)]
print(first, middle, last)
print([*a] is a, [*a] == a)
nested = [*[*a, *[*t]]]
print(nested)
print({**{1: "int"}, **{1.0: "float"}})
keys = ["a", "b"]
print({k: i for i, k in enumerate(keys)} | {"c": 2})
