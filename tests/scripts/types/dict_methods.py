# types: dict get, setdefault, pop, popitem, update, fromkeys, copy, clear and indexing errors
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d["b"], len(d), "a" in d, 1 in d)
print(d.setdefault("a", 100), d.setdefault("c", 3), d.setdefault("n"), d)
print(d.pop("n"), d.pop("missing", "default"), d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
print(d.popitem(), d)
d.update({"x": 10}, y=20)
d.update([("z", 30)])
d.update(a=-1)
print(d)
print(dict.fromkeys("abc"), dict.fromkeys(range(3), 0), dict.fromkeys([]))
shared = dict.fromkeys("pq", [])
shared["p"].append(1)
print(shared)
original = {"list": [1], "n": 1}
copy = original.copy()
copy["n"] = 2
copy["list"].append(2)
print(original, copy)
copy.clear()
print(copy, original)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    {}[(1, 2)]
except KeyError as e:
    print("KeyError:", e)
try:
    {}[[1]]
except TypeError as e:
    print("TypeError:", e)
nums = {1: "int", 2.0: "float", True: "bool", (1, 2): "tuple", None: "none"}
print(nums, nums[1], nums[2])
print(d == {"z": 30, "a": -1, "b": 2, "x": 10, "y": 20}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
