# builtins: len of builtin containers, strings with non-ASCII text, and __len__ objects
print(len(""), len("abc"), len("caf\u00e9"), len("\U0001F600x"), len("\n\t"))
print(len([]), len([1, [2, 3]]), len(()), len((1,)), len({}), len({"a": 1, "b": 2}))
print(len(set()), len({1, 2, 2}), len(frozenset("aab")), len(b"\x00\x01"), len(bytearray(5)))
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0)), len(range(10, 0, -2)))
print(len({}.keys()), len({1: 2}.values()), len({1: 2, 3: 4}.items()))
class Box:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len(Box(3)), len(Box(0)), len(Box(10 ** 6)))
for bad in (5, 1.5, None, iter([1]), (x for x in "a")):
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
class BadLen:
    def __len__(self):
        return "3"
try:
    len(BadLen())
except TypeError as e:
    print("TypeError:", e)
