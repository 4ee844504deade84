# Inserting into a dict: a key found by identity, by equal text, by equality across types, a
# key after deleted entries, keys whose hashes collide, and tables of every index width.


def show(d):
    print(len(d), list(d.items())[:6])


# An equal str that is not the same object replaces the value and keeps the first key.
first = "".join(["ke", "y"])
second = "".join(["k", "ey"])
d = {first: 1}
d[second] = 2
print(d, next(iter(d)) is first, next(iter(d)) is second)

# Equal keys of different types (1, 1.0, True): one entry, the first key kept.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, type(next(iter(d))).__name__)
d = {1.5: "a"}
d[1.5] = "b"
d[3 / 2] = "c"
print(d)

# Hash collisions between unequal keys: -1 and -2 hash alike, as do 1 and 2**61.
print(hash(-1) == hash(-2), hash(1) == hash(2**61))
d = {}
for key in (-1, -2, 1, 2**61, -1, 2**61):
    d[key] = d.get(key, 0) + 1
print(d)

# Deleted entries (dummies) on the probe path: the key goes in once, the order is kept.
d = {i: i for i in range(5)}
for i in range(5):
    del d[i]
for i in range(5, 0, -1):
    d[i] = -i
d[3] = "three"
show(d)
d = {f"k{i}": i for i in range(40)}
for i in range(0, 40, 2):
    del d[f"k{i}"]
for i in range(0, 40, 4):
    d[f"k{i}"] = "back"
print(len(d), list(d)[:3], list(d)[-3:], d["k4"], d["k5"])


# Keys whose equality runs code: __eq__ decides, and is asked only on equal hashes.
class Key:
    calls = 0

    def __init__(self, name, hash_value):
        self.name = name
        self.hash_value = hash_value

    def __hash__(self):
        return self.hash_value

    def __eq__(self, other):
        Key.calls += 1
        return isinstance(other, Key) and self.name == other.name

    def __repr__(self):
        return f"Key({self.name})"


d = {}
a, b, a2 = Key("a", 7), Key("b", 7), Key("a", 7)
d[a] = 1
d[b] = 2
d[a2] = 3
print(d, next(iter(d)) is a, Key.calls > 0)
d[Key("c", 8)] = 4
print(len(d), d[Key("b", 7)])

# Tables past 128 and past 32768 slots (2- and 4-byte indices): new keys, replaced values, text
# keys equal but not identical.
for count in (100, 1000, 30000):
    d = {}
    for i in range(count):
        d[str(i)] = i
    for i in range(0, count, 7):
        d["".join(list(str(i)))] = -i
    for i in range(0, count, 5):
        del d[str(i)]
    for i in range(0, count, 10):
        d[str(i)] = "again"
    print(count, len(d), sum(v for v in d.values() if isinstance(v, int)), list(d)[-2:], d["7"], d["10"])
