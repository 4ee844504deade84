# types: changing a dict's size while iterating raises RuntimeError; safe alternatives
d = {"a": 1, "b": 2, "c": 3}
try:
    for key in d:
        if key == "a":
            del d["b"]
except RuntimeError as e:
    print("RuntimeError:", e)
d = {"a": 1, "b": 2}
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3}
try:
    for item in s:
        s.add(item + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
d = {"a": 1, "b": 2, "c": 3}
for key in list(d):
    if d[key] % 2:
        del d[key]
print(d)
d = {"a": 1, "b": 2}
for key in d:
    d[key] *= 10
print(d)
d = {n: n * n for n in range(6)}
d = {k: v for k, v in d.items() if v > 4}
print(d)
d = {"x": 1}
try:
    for k, v in d.items():
        d.pop(k)
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
