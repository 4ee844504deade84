# builtins: min and max with iterables, several arguments, key and default
print(min(3, 1, 2), max(3, 1, 2), min([4, 5, 0]), max("hello"), min("b", "a", "c"))
print(max([1, 5, 3], key=lambda n: -n), min(["aaa", "b", "cc"], key=len), max(["aa", "bb"], key=len))
print(min([], default="empty"), max((), default=None), min([7], default=0))
print(max({"a": 3, "b": 1}), max({"a": 3, "b": 1}, key={"a": 3, "b": 1}.get))
print(max(1, 2.5), min(-1, -1.0), max(True, 0), max([1, 1.0]), min([1.0, 1]))
print(max([(1, "b"), (1, "a"), (0, "z")]), min([[3], [1, 2]]))
print(max(range(10 ** 6)), min(x * x for x in range(-5, 5)))
print(max(2 ** 100, 2 ** 99), min(-(10 ** 30), 5))
records = [("x", 3), ("y", 9), ("z", 9)]
print(max(records, key=lambda r: r[1]), min(records, key=lambda r: r[1]))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    max()
except TypeError as e:
    print("TypeError:", e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print("TypeError:", e)
print(min("apple", "Apple", "APPLE"), max("z", "aa"))
