# weakref's containers: WeakValueDictionary, WeakKeyDictionary and WeakSet lose an entry when its object dies (by its count or in a collected cycle).
import gc
import weakref


class Thing:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Thing(%s)" % self.name


a, b, c = Thing("a"), Thing("b"), Thing("c")

values = weakref.WeakValueDictionary({"a": a, "b": b})
values["c"] = c
print(len(values), sorted(values), values["a"], "b" in values, values.get("z", "default"))
del b
print(len(values), sorted(values), "b" in values, values.get("b"))
try:
    values["b"]
except KeyError as e:
    print("KeyError:", e)
print(values.pop("c"), len(values), values.pop("c", "gone"), values.setdefault("a", None))
values["a"] = c
print(values["a"], sorted(values.keys()), [v.name for v in values.values()])
values.update(x=a)
print(sorted(k for k, v in values.items()), len(values.copy()))
del values["x"]
values.clear()
print(len(values), list(values))

keys = weakref.WeakKeyDictionary()
keys[a] = 1
keys[c] = 3
d = Thing("d")
keys[d] = 4
keys[d] = 5
print(len(keys), keys[d], d in keys, 1 in keys, keys.get(a), sorted(v for v in keys.values()))
del d
print(len(keys), sorted(k.name for k in keys), keys.pop(c), len(keys), keys.setdefault(a, 9))
cycle = Thing("cycle")
cycle.me = cycle
keys[cycle] = "cyclic"
del cycle
gc.collect()
print(len(keys), [k.name for k in keys.keys()])

items = weakref.WeakSet([a, c])
e = Thing("e")
items.add(e)
print(len(items), e in items, 5 in items, sorted(t.name for t in items))
del e
print(len(items), sorted(t.name for t in items))
items.discard(a)
items.remove(c)
print(len(items), list(items))
try:
    items.remove(a)
except KeyError:
    print("KeyError on remove")
items.update([a, c])
print(len(items), len(items.copy()), items.pop() in (a, c), len(items))
