# types: dict insertion order, reassignment keeps position, | and |= merging
d = {}
for key in ["zebra", "apple", "mango", "kiwi"]:
    d[key] = len(key)
print(d, list(d))
d["apple"] = 0
print(list(d))
del d["zebra"]
d["zebra"] = 99
print(list(d))
print({3: "c", 1: "a", 2: "b"}, {True: 1, 1.0: 2, 1: 3})
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a)
a |= b
print(a)
a |= [("w", 0)]
print(a)
try:
    a | [("q", 1)]
except TypeError as e:
    print("TypeError:", e)
ordered = dict(sorted({"b": 2, "c": 1, "a": 3}.items(), key=lambda kv: kv[1]))
print(ordered, next(iter(ordered)), list(reversed(ordered)))
print(dict(zip("cab", range(3))), {k: None for k in "hello"})
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"a": 1, "b": 2}) == list({"b": 2, "a": 1}))
