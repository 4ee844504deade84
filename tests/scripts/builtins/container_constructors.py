# builtins: list, tuple, dict, set and frozenset constructors from various iterables
print(list(), list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}), list(x for x in "hi"))
print(tuple(), tuple([1, 2]), tuple("ab"), tuple({5: 0}), tuple(range(2)))
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, extra=0))
print(dict(zip("ab", range(2))), dict([["p", 1]]), dict(((1, 2), (3, 4))), dict.fromkeys("ab"))
print(sorted(set("hello")), set([3, 1, 3]), set(), set(range(3)), set({"k": 1}))
print(frozenset(), sorted(frozenset("aab")), frozenset([1, 2]) == {1, 2})
original = [1, [2]]
copy = list(original)
print(copy == original, copy is original, copy[1] is original[1])
t = (1, 2)
print(tuple(t) is t, list(t) == [1, 2])
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print("ValueError:", e)
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
try:
    set([[1]])
except TypeError as e:
    print("TypeError:", e)
print(list(map(list, ["ab", "c"])), dict(dict(a=1)), len(set("mississippi")))
