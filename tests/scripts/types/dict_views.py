# types: keys/values/items views: reprs, liveness, membership and set operations on keys
d = {"a": 1, "b": 2, "c": 3}
keys, values, items = d.keys(), d.values(), d.items()
print(keys, values, items)
print(len(keys), "a" in keys, 2 in values, ("b", 2) in items, ("b", 3) in items)
d["d"] = 4
del d["a"]
print(keys, list(values), list(items))
print(sorted(keys & {"b", "z"}), sorted(keys | {"z"}), sorted(keys - {"b"}), sorted(keys ^ {"b", "q"}))
print(keys == {"b", "c", "d"}, keys <= {"b", "c", "d", "e"}, keys.isdisjoint({"x"}))
print(sorted(items & {("b", 2), ("c", 0)}), type(keys & {"b"}).__name__)
print(list(reversed(keys)), list(reversed(values)), list(reversed(items)))
print(type(keys).__name__, type(values).__name__, type(items).__name__)
print({}.keys(), {}.values(), {}.items())
for k, v in d.items():
    print(k, v)
print(values == values, d.values() == d.values())
try:
    keys[0]
except TypeError as e:
    print("TypeError:", e)
e = {1: "x"}
print(list(e.keys()) + list(e.values()), dict(e.items()), {**e}.keys())
