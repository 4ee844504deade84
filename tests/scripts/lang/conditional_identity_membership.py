# lang: conditional expressions, is / is not, in / not in across container kinds
def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in (-2, 0, 3)])
x = None
print("none" if x is None else "some", x is not None)
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b)
print(None is None, True is True, type(1) is int, type(a) is list)
print(2 in [1, 2, 3], 4 not in [1, 2, 3], 2 in (1, 2), 2 in {2: "v"}, "v" in {2: "v"})
print("ell" in "hello", "" in "abc", "x" not in "abc")
print(3 in range(5), 5 in range(5), 4 in range(0, 10, 2), 3 in range(0, 10, 2))
print(1 in {1, 2}, 1.0 in {1, 2}, True in [1])
print(b"b" in b"abc", 98 in b"abc")
nested = [[1], [2]]
print([1] in nested, [3] in nested)
nan = float("nan")
print(nan in [nan], nan == nan)
print(1 if [] else 2, 1 if [0] else 2)
print((lambda: "a")() if True else None)
