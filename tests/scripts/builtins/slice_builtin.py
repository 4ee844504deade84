# builtins: slice objects: attributes, indices(), use in subscripts, repr and equality
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, repr(slice(5)), slice(None, None, -1))
data = list(range(20))
print(data[s], data[slice(5)], data[slice(-3, None)], data[slice(None, None, -4)])
print("abcdefgh"[slice(2, 6)], (1, 2, 3, 4)[slice(None, None, 2)])
print(s.indices(5), slice(None, None, -1).indices(10), slice(-100, 100).indices(7), slice(2, -2, 3).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2, None) == slice(1, 2))
print(type(s).__name__, slice(0, 0).start, slice("a", "b").stop)
s2 = slice(2, None)
data[s2] = [0]
print(data)
del data[slice(0, 1)]
print(data)
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2][slice("a", None)]
except TypeError as e:
    print("TypeError:", e)
try:
    hash(slice(1, 2))
except TypeError as e:
    print("TypeError:", e)
